import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

export const FIREFOX_DIST = resolve(import.meta.dirname, '../../dist/firefox');
export const GECKO_ID = 'cirrus@cirrus-cloud.org';
/** Fixed through extensions.webextensions.uuids, so tests know the moz-extension:// origin. */
export const FIREFOX_UUID = '6c1f8a2e-3b4d-4e5f-9a1b-2c3d4e5f6a7b';

export interface FirefoxSession {
  browser: Browser;
  baseUrl: string;
  /** Where Firefox saves downloads, without asking (a new folder per session). */
  downloads: string;
  /** Opens an extension page; page.goto() on moz-extension:// never resolves, so poll instead. */
  open(path: string): Promise<Page>;
  /** Terminates the background event page, as about:debugging's "Terminate background script" does. */
  stopBackground(): Promise<void>;
  /**
   * Makes the next permissions.request show Firefox's real prompt, waits for it, and presses
   * its Allow or Deny button, as a person would, until Firefox has taken the answer.
   */
  answerPermissionPrompt(answer: 'allow' | 'deny', during: () => Promise<void>): Promise<void>;
  close(): Promise<void>;
}

interface BidiConnection {
  send(method: string, params: unknown): Promise<{ result: unknown }>;
}

/** Polls `probe` every 100 ms until it returns true; throws `what` after `timeoutMs`. */
async function pollUntil(probe: () => Promise<boolean>, what: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`Firefox: timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function launchFirefox(options: { locale?: string } = {}): Promise<FirefoxSession> {
  const profile = await mkdtemp(join(tmpdir(), 'cirrus-firefox-'));
  const downloads = await mkdtemp(join(tmpdir(), 'cirrus-downloads-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
    headless: true,
    userDataDir: profile,
    args: ['-remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_UUID }),
      'intl.locale.requested': options.locale ?? 'en-US',
      // Grants permissions.request (host access for a profile's endpoint) without a prompt.
      'extensions.webextOptionalPermissionPrompts': false,
      'intl.accept_languages': options.locale ?? 'en-US',
      // A prompt ignores clicks for this long after it shows (1 s by default); under load the
      // test's click can land inside it and be dropped.
      'security.notification_enable_delay': 0,
      // Downloads go to the session's folder without a dialog, as "Save files to" would.
      'browser.download.folderList': 2,
      'browser.download.dir': downloads,
      'browser.download.useDownloadDir': true,
    },
  });
  await browser.installExtension(FIREFOX_DIST);
  const baseUrl = `moz-extension://${FIREFOX_UUID}/`;
  const connection = (browser as unknown as { connection: BidiConnection }).connection;

  async function chromeContext(): Promise<string> {
    const { result } = await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
    const first = (result as { contexts: Array<{ context: string }> }).contexts[0];
    if (!first)
      throw new Error('no privileged Firefox context (is -remote-allow-system-access set?)');
    return first.context;
  }

  return {
    browser,
    baseUrl,
    downloads,
    async open(path) {
      const page = await browser.newPage();
      const url = baseUrl + path;
      void page.goto(url).catch(() => undefined);
      const deadline = Date.now() + 30_000;
      for (;;) {
        const href = await page.evaluate(() => location.href).catch(() => '');
        if (
          href === url &&
          (await page.evaluate(() => document.readyState).catch(() => '')) === 'complete'
        ) {
          return page;
        }
        if (Date.now() > deadline) throw new Error(`Firefox did not open ${url} (at ${href})`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    async stopBackground() {
      const context = await chromeContext();
      const expression = `(async () => {
        const policy = WebExtensionPolicy.getByID(${JSON.stringify(GECKO_ID)});
        await policy.extension.terminateBackground({ disableResetIdleForTest: true });
        return policy.extension.backgroundState;
      })()`;
      await connection.send('script.evaluate', {
        expression,
        target: { context },
        awaitPromise: true,
      });
    },
    async answerPermissionPrompt(answer, during) {
      const context = await chromeContext();
      const evaluate = async (expression: string) => {
        const { result } = await connection.send('script.evaluate', {
          expression,
          target: { context },
          awaitPromise: true,
        });
        return (result as { result?: { value?: unknown } }).result?.value;
      };
      const pref = 'extensions.webextOptionalPermissionPrompts';
      await evaluate(`Services.prefs.setBoolPref('${pref}', true)`);
      try {
        await during();
        const button = answer === 'allow' ? 'button' : 'secondaryButton';
        // 'none': no prompt in the panel; 'taken': the prompt is shown but Firefox has removed
        // its notification (the answer was taken); 'clicked': pressed, not (yet) taken. A click
        // can be dropped (window not active yet, security delay), so press until it is taken.
        const press = `(() => {
          const el = PopupNotifications.panel.querySelector('#addon-webext-permissions-notification');
          const n = el && el.notification;
          if (!n) return 'none';
          if (!PopupNotifications.getNotificationsForBrowser(n.browser).includes(n)) return 'taken';
          el.${button}.click();
          return 'clicked';
        })()`;
        let state = 'none';
        await pollUntil(
          async () => {
            state = String(await evaluate(press));
            return state !== 'none';
          },
          'the permission prompt',
          20_000,
        );
        await pollUntil(
          async () => {
            if (state !== 'clicked') return true;
            state = String(await evaluate(press));
            return false;
          },
          'the permission prompt to take the answer',
          20_000,
        );
      } finally {
        await evaluate(`Services.prefs.setBoolPref('${pref}', false)`);
      }
    },
    async close() {
      await browser.close();
      await rm(profile, { recursive: true, force: true });
      await rm(downloads, { recursive: true, force: true });
    },
  };
}
