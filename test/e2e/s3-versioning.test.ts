// Bucket versioning in the S3 panel on moto with an S3-compatible profile, in each browser.
import { afterAll, beforeAll, describe, test } from 'vitest';
import {
  BROWSERS,
  CAPABILITIES,
  launchBrowser,
  type ScenarioPage,
  type TestBrowser,
} from '../support/browser-adapter';
import { type FrontDoor, startFrontDoor } from '../support/front-door';
import { type Moto, startMoto } from '../support/moto';
import { CREDENTIALS, panelOnFrontDoor } from './profiles-scenarios';
import { addS3CompatibleProfile } from './s3-moto-scenarios';
import { versioningScenario, versioningUnsupportedScenario } from './s3-versioning-scenarios';

/** A Walrus without versioning: ?versioning and ?versions answered 501 NotImplemented. */
function refuseVersioning(_method: string, rawQuery: string) {
  return /(^|&)(versioning|versions)(=|&|$)/.test(rawQuery)
    ? {
        status: 501,
        body: '<?xml version="1.0" encoding="UTF-8"?><Error><Code>NotImplemented</Code><Message>A parameter you provided implies functionality that is not implemented</Message></Error>',
      }
    : undefined;
}

for (const kind of BROWSERS) {
  const can = CAPABILITIES[kind];

  describe(`${can.label}: bucket versioning on moto`, () => {
    let moto: Moto;
    let browser: TestBrowser;
    let page: ScenarioPage;

    beforeAll(async () => {
      moto = await startMoto();
      browser = await launchBrowser(kind);
      await browser.grantHostAccess('http://127.0.0.1/*');
      page = await browser.open('panel.html');
      await addS3CompatibleProfile(page, moto.url);
    });
    afterAll(async () => {
      await browser?.close();
      await moto?.stop();
    });

    test('enable versioning in Settings, overwrite, show versions, restore the older one and delete it for good; the AWS CLI agrees', async () => {
      await versioningScenario(page, moto.url, (expected) => browser.downloads(page, expected));
    });
  });

  describe(`${can.label}: a Eucalyptus-shaped cloud without versioning`, () => {
    let moto: Moto;
    let frontDoor: FrontDoor;
    let browser: TestBrowser;
    let page: ScenarioPage;

    beforeAll(async () => {
      moto = await startMoto();
      frontDoor = await startFrontDoor({
        motoUrl: moto.url,
        credentials: [CREDENTIALS],
        s3Answer: refuseVersioning,
      });
      ({ browser, page } = await panelOnFrontDoor(kind, frontDoor));
    });
    afterAll(async () => {
      await browser?.close();
      await frontDoor?.stop();
      await moto?.stop();
    });

    test('the Versioning section and the versions view say the store does not support it', async () => {
      await versioningUnsupportedScenario(page, moto.url);
    });
  });
}
