// The IAM tab end to end, in each browser, on a front-door profile (Chromium SigV4, Firefox
// SigV2), checked with the AWS CLI against the moto behind the front door.
import { afterAll, beforeAll, describe, test } from 'vitest';
import {
  BROWSERS,
  CAPABILITIES,
  type ScenarioPage,
  type TestBrowser,
} from '../support/browser-adapter';
import { type FrontDoor, startFrontDoor } from '../support/front-door';
import { type Moto, startMoto } from '../support/moto';
import { inlinePolicyFixedAndSaved, userKeySavedAsProfile } from './iam-scenarios';
import { CREDENTIALS, panelOnFrontDoor } from './profiles-scenarios';

for (const kind of BROWSERS) {
  const can = CAPABILITIES[kind];

  describe(`${can.label}: IAM users, keys and policies`, () => {
    let moto: Moto;
    let frontDoor: FrontDoor;
    let browser: TestBrowser;
    let page: ScenarioPage;

    beforeAll(async () => {
      moto = await startMoto();
      frontDoor = await startFrontDoor({ motoUrl: moto.url, credentials: [CREDENTIALS] });
      ({ browser, page } = await panelOnFrontDoor(kind, frontDoor));
    });
    afterAll(async () => {
      await browser?.close();
      await frontDoor?.stop();
      await moto?.stop();
    });

    test('a user and an access key; the key saved as a profile passes Test connection', async () => {
      await userKeySavedAsProfile(page, moto.url);
    });

    test("a user's inline policy with a JSON mistake, then fixed and saved", async () => {
      await inlinePolicyFixedAndSaved(page, moto.url);
    });
  });
}
