// The shell of the built extension, in each browser: tabs, the remembered tab, the message
// channel across a stopped background, the Japanese UI. (The popup's Open Cirrus: popup.test.ts.)
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { chromiumExtensionId } from '../../scripts/extension-id.mjs';
import {
  BROWSERS,
  CAPABILITIES,
  launchBrowser,
  reloadPage,
  type ScenarioPage,
  type TestBrowser,
} from '../support/browser-adapter';
import { CHROME_DIST } from '../support/chromium';
import {
  ping,
  switchesTabsByKeyboard,
  switchesTabsByMouse,
  TAB_NAMES_EN,
  tabNames,
  waitFor,
} from './shell-scenarios';

for (const kind of BROWSERS) {
  const can = CAPABILITIES[kind];

  describe(`${can.label}: the built extension`, () => {
    let browser: TestBrowser;
    let page: ScenarioPage;

    beforeAll(async () => {
      browser = await launchBrowser(kind);
      page = await browser.open('panel.html');
    });
    afterAll(async () => {
      await browser?.close();
    });

    test('panel.html shows every tab', async () => {
      expect(await tabNames(page)).toEqual(TAB_NAMES_EN);
      expect(await page.title()).toBe('Cirrus');
    });

    test('the extension host is the one the tests open, and in Chromium the one npm start opens', async () => {
      const host = await page.evaluate(() => location.host);
      expect(host).toBe(new URL(browser.baseUrl).host);
      // npm start's Firefox add-on is temporary and gets its UUID at install, whatever the profile
      // fixes: start.test.ts reads it from the tab npm start opened.
      if (kind === 'chromium') expect(host).toBe(chromiumExtensionId(CHROME_DIST));
    });

    test('tabs switch by mouse', async () => {
      await switchesTabsByMouse(page);
    });

    test('tabs switch by keyboard', async () => {
      await switchesTabsByKeyboard(page);
    });

    test('the last tab is remembered across a reload', async () => {
      await page.click('#tab-zones');
      await waitFor(
        page,
        () => document.querySelector('#tab-zones')?.getAttribute('aria-selected') === 'true',
        'zones',
      );
      await reloadPage(page);
      await waitFor(
        page,
        () => document.querySelector('[role="tab"][aria-selected="true"]')?.id === 'tab-zones',
        'zones after reload',
      );
    });

    test('a message round-trips, and still does after the background is stopped', async () => {
      const first = await ping(page, 'hello');
      expect(first.ok).toBe(true);
      expect(first.value?.echo).toBe('hello');

      await browser.stopBackground();
      const second = await ping(page, 'again');
      expect(second.ok).toBe(true);
      expect(second.value?.echo).toBe('again');
      // A new background answered, and the counter it keeps in storage.session survived the stop.
      expect(second.value?.worker).not.toBe(first.value?.worker);
      // Greater, not +1: a ping from an earlier page load may land in between; a reset would give 1.
      expect(second.value?.calls).toBeGreaterThan(first.value?.calls ?? 0);
    });
  });

  describe.runIf(can.uiLocale)(`${can.label} in Japanese`, () => {
    test('the tabs speak Japanese', async () => {
      const browser = await launchBrowser(kind, { locale: 'ja' });
      try {
        const page = await browser.open('panel.html');
        const names = await tabNames(page);
        expect(names[0]).toBe('概要');
        expect(names[1]).toBe('インスタンス');
        expect(names.at(-1)).toBe('プロファイル');
        expect(names).toContain('アラーム');
      } finally {
        await browser.close();
      }
    });
  });
}
