// One face for both test browsers, so an end-to-end scenario is written once and run in each:
// Chromium through playwright-core, Firefox ESR through puppeteer-core over WebDriver BiDi.
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Download, Page as PlaywrightPage } from 'playwright-core';
import type { ElementHandle, Page as PuppeteerPage } from 'puppeteer-core';
import { type ChromiumSession, launchChromium } from './chromium';
import { type FirefoxSession, launchFirefox } from './firefox';

export type BrowserKind = 'chromium' | 'firefox';

/** Every family of scenarios runs in each of these, in this order. */
export const BROWSERS: readonly BrowserKind[] = ['chromium', 'firefox'];

/** What both drivers' pages offer; the scenarios use nothing else. */
export interface ScenarioPage {
  evaluate<T>(fn: () => T | Promise<T>): Promise<T>;
  click(selector: string): Promise<unknown>;
  focus(selector: string): Promise<unknown>;
  keyboard: { press(key: string): Promise<unknown>; type(text: string): Promise<unknown> };
  title(): Promise<string>;
  close(): Promise<unknown>;
}

/** What a browser can do under its driver, known before it starts (tests are chosen by it). */
export interface Capabilities {
  /** The name tests are grouped under. */
  label: string;
  /**
   * Files can come from disk as a folder (Chromium: a CDP drag carrying a directory). WebDriver
   * BiDi sets files only (input.setFiles refuses a directory), so Firefox gets loose files.
   */
  canSetDirectory: boolean;
  /**
   * 'observable': notifications.getAll() sees a shown notification. 'closed-at-once': headless
   * Firefox closes it as soon as it is shown.
   */
  notifications: 'observable' | 'closed-at-once';
  /**
   * The browser's own host-permission prompt can be shown and answered. Headless Chromium cannot
   * show it, so access is granted ahead (grantHostAccess) as a person does in its settings.
   */
  permissionPrompt: boolean;
  /** The UI language follows the launch locale (Firefox needs a language pack for that). */
  uiLocale: boolean;
  /**
   * The signature the scenarios' profile uses: Chromium signs with SigV4 (the default), Firefox
   * with SigV2, so both are exercised end to end.
   */
  signatureVersion: 2 | 4;
}

export const CAPABILITIES: Record<BrowserKind, Capabilities> = {
  chromium: {
    label: 'Chromium',
    canSetDirectory: true,
    notifications: 'observable',
    permissionPrompt: false,
    uiLocale: true,
    signatureVersion: 4,
  },
  firefox: {
    label: 'Firefox ESR',
    canSetDirectory: false,
    notifications: 'closed-at-once',
    permissionPrompt: true,
    uiLocale: false,
    signatureVersion: 2,
  },
};

/**
 * Expected downloads: path relative to the downloads folder → its size in bytes, or a test of
 * its bytes that says the file is complete.
 */
export type ExpectedDownloads = Record<string, number | ((bytes: Buffer) => boolean)>;

export interface TestBrowser {
  kind: BrowserKind;
  capabilities: Capabilities;
  /** chrome-extension://ID/ or moz-extension://UUID/ */
  baseUrl: string;
  /** Opens an extension page (`panel.html`, `popup.html?x=1`) in a new tab, loaded. */
  open(path: string): Promise<ScenarioPage>;
  /** The open tabs showing the extension page at `path`, opened by the test or the extension. */
  pagesAt(path: string): Promise<ScenarioPage[]>;
  /** The page's tab is gone (closed by the test, or by the page itself). */
  isClosed(page: ScenarioPage): Promise<boolean>;
  /** Stops the extension's background (service worker / event page) as the browser does when idle. */
  stopBackground(): Promise<void>;
  /** Allows the extension on `pattern` ahead of any request (Firefox asks at Save instead). */
  grantHostAccess(pattern: string): Promise<void>;
  /** Presses Allow or Deny on the browser's own permission prompt that `during` brings up. */
  answerPermissionPrompt(answer: 'allow' | 'deny', during: () => Promise<void>): Promise<void>;
  /**
   * Resolves to the files the browser saves from now on (started from `page`), by the expected
   * paths, once all are complete. Start it before the click that downloads.
   */
  downloads(page: ScenarioPage, expected: ExpectedDownloads): Promise<Map<string, Buffer>>;
  /** Picks `paths` in the page's `<input type=file>` at `selector`, as the file dialog would. */
  setFiles(page: ScenarioPage, selector: string, paths: string[]): Promise<void>;
  /** Drags a folder from disk onto `selector` (only when capabilities.canSetDirectory). */
  dropDirectory(page: ScenarioPage, selector: string, dir: string): Promise<void>;
  close(): Promise<void>;
}

/** Polls `probe` every 100 ms until it gives something truthy; throws after `timeoutMs`. */
export async function poll<T>(
  probe: () => Promise<T>,
  what: string,
  timeoutMs = 20_000,
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value as NonNullable<T>;
      last = value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what} (last: ${last})`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Reloads the page from inside (as F5 does; a driver's reload waits on events Firefox's BiDi
 * lacks) and returns once a new document is loaded: the old one carries a marker the new one has
 * not, so the old page can never pass for the new.
 */
export async function reloadPage(page: Pick<ScenarioPage, 'evaluate'>): Promise<void> {
  const marker = `cirrus-reload-${Date.now()}-${Math.random()}`;
  await page.evaluate(
    new Function(
      `window.cirrusReloadMarker = ${JSON.stringify(marker)}; setTimeout(() => location.reload(), 0);`,
    ) as () => void,
  );
  await poll(
    () =>
      page.evaluate(
        new Function(
          `return window.cirrusReloadMarker === undefined && document.readyState === 'complete';`,
        ) as () => boolean,
      ),
    'the reloaded page',
  );
}

/** Launches `kind` with the built extension loaded. */
export async function launchBrowser(
  kind: BrowserKind,
  options: { locale?: string } = {},
): Promise<TestBrowser> {
  return kind === 'chromium'
    ? chromiumAdapter(await launchChromium(options))
    : firefoxAdapter(await launchFirefox(options));
}

function chromiumAdapter(session: ChromiumSession): TestBrowser {
  const { context } = session;
  const own = (page: ScenarioPage) => page as unknown as PlaywrightPage;
  return {
    kind: 'chromium',
    capabilities: CAPABILITIES.chromium,
    baseUrl: session.baseUrl,
    async open(path) {
      const page = await context.newPage();
      await page.goto(session.baseUrl + path);
      return page;
    },
    async pagesAt(path) {
      return context.pages().filter((p) => p.url() === session.baseUrl + path);
    },
    async isClosed(page) {
      return own(page).isClosed();
    },
    async stopBackground() {
      const page = context.pages()[0] ?? (await context.newPage());
      await session.stopWorker(page);
    },
    grantHostAccess: (pattern) => session.grantHostAccess(pattern),
    answerPermissionPrompt() {
      throw new Error('headless Chromium shows no permission prompt; use grantHostAccess');
    },
    downloads(page, expected) {
      return chromiumDownloads(own(page), expected);
    },
    async setFiles(page, selector, paths) {
      await own(page).setInputFiles(selector, paths);
    },
    async dropDirectory(page, selector, dir) {
      // A real drag from the file manager: Chromium turns the path into a directory entry.
      const box = await own(page).evaluate((s) => {
        const r = document.querySelector(s)?.getBoundingClientRect();
        return r ? { x: r.x + r.width / 2, y: r.y + r.height / 2 } : null;
      }, selector);
      if (!box) throw new Error(`nothing to drop on at ${selector}`);
      const cdp = await context.newCDPSession(own(page));
      const data = { items: [], files: [dir], dragOperationsMask: 1 };
      for (const type of ['dragEnter', 'dragOver', 'drop'] as const)
        await cdp.send('Input.dispatchDragEvent', { type, ...box, data });
      await cdp.detach();
    },
    close: () => session.close(),
  };
}

/**
 * Playwright hands the browser's downloads to the page's "download" event. Its file name is the
 * one Chromium derives from the URL (Playwright keeps the file, so the name the panel chose is
 * never on disk here; Firefox's run checks those names), so ? and % are matched loosely, and only
 * the last path segment counts.
 */
function chromiumDownloads(
  page: PlaywrightPage,
  expected: ExpectedDownloads,
): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    const loose = (name: string) => name.replace(/[?%]/g, '_');
    const byName = new Map(Object.keys(expected).map((p) => [loose(p.split('/').pop() ?? p), p]));
    const got = new Map<string, Buffer>();
    const timer = setTimeout(() => {
      page.off('download', on);
      reject(new Error(`downloads missing; got ${[...got.keys()].join(', ')}`));
    }, 30_000);
    function on(download: Download) {
      void (async () => {
        const name = loose(download.suggestedFilename());
        // path() resolves once the download has finished.
        const bytes = await readFile((await download.path()) ?? '');
        // A blob: URL gives no name at all (a key pair's .pem): one expected file is that one.
        const only = byName.size === 1 ? [...byName.values()][0] : undefined;
        got.set(byName.get(name) ?? only ?? name, bytes);
        if (got.size === byName.size) {
          clearTimeout(timer);
          page.off('download', on);
          resolve(got);
        }
      })().catch(reject);
    }
    page.on('download', on);
  });
}

function firefoxAdapter(session: FirefoxSession): TestBrowser {
  const own = (page: ScenarioPage) => page as unknown as PuppeteerPage;
  return {
    kind: 'firefox',
    capabilities: CAPABILITIES.firefox,
    baseUrl: session.baseUrl,
    open: (path) => session.open(path),
    async pagesAt(path) {
      // Puppeteer's page.url() stays about:blank for moz-extension:// pages: ask each page.
      const url = session.baseUrl + path;
      const pages = await session.browser.pages();
      const hrefs = await Promise.all(
        pages.map((p) => p.evaluate(() => location.href).catch(() => '')),
      );
      return pages.filter((_, i) => hrefs[i] === url);
    },
    async isClosed(page) {
      // Puppeteer's isClosed() misses a tab that closed itself; its browsing context is gone.
      return own(page)
        .evaluate(() => true)
        .then(
          () => false,
          () => true,
        );
    },
    stopBackground: () => session.stopBackground(),
    // The test profile grants permissions.request without a prompt unless one is being answered.
    async grantHostAccess() {},
    answerPermissionPrompt: (answer, during) => session.answerPermissionPrompt(answer, during),
    downloads: (_page, expected) => savedFiles(session.downloads, expected),
    async setFiles(page, selector, paths) {
      const input = (await own(page).$(selector)) as ElementHandle<HTMLInputElement> | null;
      if (!input) throw new Error(`no file input at ${selector}`);
      await input.uploadFile(...paths);
    },
    dropDirectory() {
      throw new Error('WebDriver BiDi cannot hand a folder to the page (canSetDirectory: false)');
    },
    close: () => session.close(),
  };
}

/**
 * The files Firefox saved under `dir`, by the paths expected, once each is complete (its full
 * size, or its bytes pass the test) and no .part file is left.
 */
async function savedFiles(dir: string, expected: ExpectedDownloads): Promise<Map<string, Buffer>> {
  const got = new Map<string, Buffer>();
  try {
    return await poll(
      async () => {
        for (const [path, complete] of Object.entries(expected)) {
          if (got.has(path)) continue;
          const full = join(dir, path);
          const partial = await stat(`${full}.part`).then(
            () => true,
            () => false,
          );
          if (partial) continue;
          const size = await stat(full).then(
            (s) => s.size,
            () => -1,
          );
          if (size <= 0 || (typeof complete === 'number' && size !== complete)) continue;
          const bytes = await readFile(full).catch(() => null);
          if (!bytes) continue;
          if (typeof complete === 'number' ? bytes.length === complete : complete(bytes))
            got.set(path, bytes);
        }
        return got.size === Object.keys(expected).length ? got : null;
      },
      'downloads',
      30_000,
    );
  } catch {
    const there = await readdir(dir, { recursive: true }).catch(() => []);
    const missing = Object.keys(expected).filter((p) => !got.has(p));
    throw new Error(`downloads missing: ${missing.join(', ')}; saved: ${there.join(', ')}`);
  }
}
