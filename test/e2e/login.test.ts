// Eucalyptus password sign-in in each browser (Chromium with the Eucalyptus 4.x preset and SigV4,
// Firefox with the 3.x preset and SigV2) against the front door's Tokens service.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  BROWSERS,
  CAPABILITIES,
  launchBrowser,
  type ScenarioPage,
  type TestBrowser,
} from '../support/browser-adapter';
import { type FrontDoor, startFrontDoor } from '../support/front-door';
import { type Moto, startMoto } from '../support/moto';
import { launchNamed } from './instance-settings-scenarios';
import {
  addPasswordProfile,
  bucketWithSession,
  LOGIN,
  shortSessionKeepsState,
  signInFromHeader,
} from './login-scenarios';
import { CREDENTIALS } from './profiles-scenarios';

for (const kind of BROWSERS) {
  const can = CAPABILITIES[kind];

  describe(`${can.label}: password sign-in`, () => {
    let moto: Moto;
    let frontDoor: FrontDoor;
    let browser: TestBrowser;
    let page: ScenarioPage;
    let instanceId = '';

    beforeAll(async () => {
      moto = await startMoto();
      frontDoor = await startFrontDoor({
        motoUrl: moto.url,
        credentials: [CREDENTIALS],
        passwordLogin: { users: [{ ...LOGIN, accountId: '123456789012' }] },
      });
      instanceId = await launchNamed(moto.port, 'e2e login');
      browser = await launchBrowser(kind);
      await browser.grantHostAccess('http://127.0.0.1/*');
      page = await browser.open('panel.html');
    });
    afterAll(async () => {
      await browser?.close();
      await frontDoor?.stop();
      await moto?.stop();
    });

    test('a password profile signs in (a wrong password said plainly), tests OK and browses S3', async () => {
      const preset = can.signatureVersion === 2 ? 'Eucalyptus 3.x' : 'Eucalyptus 4.x';
      await addPasswordProfile(page, frontDoor, preset);
      await signInFromHeader(page);
      await bucketWithSession(page, `login-${kind}`);
    });

    test('a short session asks again over the open tab, expires plainly, and Retry works after signing in', async () => {
      await shortSessionKeepsState(page, frontDoor, instanceId, 24);
    });

    test(`every signed request used a session key, with SigV${can.signatureVersion}`, () => {
      const signed = frontDoor.requests.filter(
        (r) => r.service !== null && r.path !== '/services/Tokens',
      );
      expect(signed.length).toBeGreaterThan(0);
      expect(signed.every((r) => r.accessKeyId?.startsWith('AKIT'))).toBe(true);
      expect(signed.every((r) => r.ok && r.sigVersion === can.signatureVersion)).toBe(true);
      const logins = frontDoor.requests.filter((r) => r.path === '/services/Tokens');
      expect(logins.map((r) => r.status)).toEqual([401, 200, 200, 200]);
    });
  });
}
