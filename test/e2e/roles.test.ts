// Role switching in each browser (Chromium signs with SigV4, Firefox with SigV2) on the front door.
import { afterAll, beforeAll, describe, test } from 'vitest';
import {
  BROWSERS,
  CAPABILITIES,
  type ScenarioPage,
  type TestBrowser,
} from '../support/browser-adapter';
import { type FrontDoor, startFrontDoor } from '../support/front-door';
import { type Moto, startMoto } from '../support/moto';
import { CREDENTIALS, panelOnFrontDoor } from './profiles-scenarios';
import {
  addRoleToProfile,
  denyWithoutMfa,
  makeRoleAndBucket,
  mfaOfferScenario,
  switchRoleScenario,
} from './roles-scenarios';

for (const kind of BROWSERS) {
  const can = CAPABILITIES[kind];

  describe(`${can.label}: MFA and roles`, () => {
    let moto: Moto;
    let frontDoor: FrontDoor;
    let browser: TestBrowser;
    let page: ScenarioPage;
    const refusals = { deny: false };

    beforeAll(async () => {
      moto = await startMoto();
      frontDoor = await startFrontDoor({
        motoUrl: moto.url,
        credentials: [CREDENTIALS],
        ec2Answer: denyWithoutMfa(refusals),
      });
      makeRoleAndBucket(moto.url);
      ({ browser, page } = await panelOnFrontDoor(kind, frontDoor));
    });
    afterAll(async () => {
      await browser?.close();
      await frontDoor?.stop();
      await moto?.stop();
    });

    test('a denial offers an MFA session; a role with an MFA code: the open tab lists as the role, the header shows it, back to the profile', async () => {
      await addRoleToProfile(page);
      await mfaOfferScenario(page, refusals);
      await switchRoleScenario(page, frontDoor, moto.url, can.signatureVersion);
    });
  });
}
