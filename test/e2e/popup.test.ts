// The toolbar popup in Chromium and Firefox, on a Eucalyptus-shaped cloud in front of moto.
import { afterAll, beforeAll, describe, test } from 'vitest';
import type { Instance } from '../../src/cloud/ec2';
import { type ChromiumSession, launchChromium } from '../support/chromium';
import { type FirefoxSession, launchFirefox } from '../support/firefox';
import { type FrontDoor, startFrontDoor } from '../support/front-door';
import { type Moto, startMoto } from '../support/moto';
import { type PopupBrowser, popupScenario, runNamedInstance } from './popup-scenarios';
import { addEucalyptusProfile, CREDENTIALS } from './profiles-scenarios';

const NAME = 'popup-web';

/** A browser with Cirrus and a profile for the front door, and no panel tab left open. */
async function chromiumWithProfile(frontDoor: FrontDoor) {
  const session = await launchChromium();
  await session.grantHostAccess('http://127.0.0.1/*');
  const page = await session.context.newPage();
  await page.goto(`${session.baseUrl}panel.html`);
  await addEucalyptusProfile(page, frontDoor);
  await page.close();
  const browser: PopupBrowser = {
    async open(path) {
      const next = await session.context.newPage();
      await next.goto(`${session.baseUrl}${path}`);
      return next;
    },
    tabUrls: async () => session.context.pages().map((p) => p.url()),
  };
  return { session, browser };
}

async function firefoxWithProfile(frontDoor: FrontDoor) {
  const session = await launchFirefox();
  const page = await session.open('panel.html');
  await addEucalyptusProfile(page, frontDoor);
  await page.close();
  const browser: PopupBrowser = {
    open: (path) => session.open(path),
    // BiDi reports a moz-extension:// tab as about:blank: ask each page where it is.
    tabUrls: async () =>
      Promise.all(
        (await session.browser.pages()).map((p) =>
          p.evaluate(() => location.href).catch(() => p.url()),
        ),
      ),
  };
  return { session, browser };
}

for (const name of ['Chromium', 'Firefox ESR'] as const) {
  describe(`${name}: the toolbar popup`, () => {
    let moto: Moto;
    let frontDoor: FrontDoor;
    let session: ChromiumSession | FirefoxSession;
    let browser: PopupBrowser;
    let instance: Instance;

    beforeAll(async () => {
      moto = await startMoto();
      frontDoor = await startFrontDoor({ motoUrl: moto.url, credentials: [CREDENTIALS] });
      instance = await runNamedInstance(frontDoor, NAME);
      ({ session, browser } =
        name === 'Chromium'
          ? await chromiumWithProfile(frontDoor)
          : await firefoxWithProfile(frontDoor));
    });
    afterAll(async () => {
      await session?.close();
      await frontDoor?.stop();
      await moto?.stop();
    });

    test('shows the running instance with its address and Copy SSH; Open Cirrus opens the panel, then focuses it', async () => {
      await popupScenario(browser, instance, NAME);
    });
  });
}
