// The Windows password dialog in each browser (Chromium signs with SigV4, Firefox with SigV2):
// the front door answers GetPasswordData as a Windows instance would, with a password encrypted
// for a fixture key; the key is picked from disk as a person would.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  BROWSERS,
  CAPABILITIES,
  type ScenarioPage,
  type TestBrowser,
} from '../support/browser-adapter';
import { type FrontDoor, startFrontDoor } from '../support/front-door';
import { type Moto, startMoto } from '../support/moto';
import { windowsPasswordAnswer } from '../support/windows-password';
import { CREDENTIALS, panelOnFrontDoor } from './profiles-scenarios';
import {
  launchLinux,
  launchWindows,
  WINDOWS_KEY,
  WINDOWS_PASSWORD,
  windowsPasswordScenario,
} from './windows-password-scenarios';

for (const kind of BROWSERS) {
  const can = CAPABILITIES[kind];

  describe(`${can.label}: Windows password`, () => {
    let moto: Moto;
    let frontDoor: FrontDoor;
    let browser: TestBrowser;
    let page: ScenarioPage;
    let signedFrom = 0;
    const ids = { windows: '', linux: '' };
    const played = windowsPasswordAnswer(WINDOWS_KEY, WINDOWS_PASSWORD);

    beforeAll(async () => {
      moto = await startMoto();
      frontDoor = await startFrontDoor({
        motoUrl: moto.url,
        credentials: [CREDENTIALS],
        ec2Answer: played.answer,
      });
      const port = Number(new URL(moto.url).port);
      ids.windows = await launchWindows(port);
      ids.linux = await launchLinux(port);
      ({ browser, page } = await panelOnFrontDoor(kind, frontDoor));
      signedFrom = frontDoor.requests.length;
    });
    afterAll(async () => {
      await browser?.close();
      await frontDoor?.stop();
      await moto?.stop();
    });

    test('not ready, a wrong key, an encrypted key, the right .pem picked and pasted; non-Windows hint; unsupported cloud', async () => {
      await windowsPasswordScenario(browser, page, played.state, ids);
    });
    test(`every EC2 request above was signed with SigV${can.signatureVersion} and accepted`, () => {
      const ec2 = frontDoor.requests
        .slice(signedFrom)
        .filter((r) => r.service === 'ec2' && r.action !== undefined);
      // Not ready, Retry, reopened after closing, the Linux instance, the unsupported cloud.
      expect(ec2.filter((r) => r.action === 'GetPasswordData').length).toBe(5);
      expect(ec2.filter((r) => r.sigVersion !== can.signatureVersion)).toEqual([]);
      expect(ec2.filter((r) => !r.ok)).toEqual([]);
    });
  });
}
