// Bucket versioning in the S3 panel on moto with an S3-compatible profile, in each browser.
import { afterAll, beforeAll, describe, test } from 'vitest';
import {
  BROWSERS,
  CAPABILITIES,
  launchBrowser,
  type ScenarioPage,
  type TestBrowser,
} from '../support/browser-adapter';
import { type Moto, startMoto } from '../support/moto';
import { addS3CompatibleProfile } from './s3-moto-scenarios';
import { versioningScenario } from './s3-versioning-scenarios';

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
      await versioningScenario(page, moto.url);
    });
  });
}
