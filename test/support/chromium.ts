import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium, type Page, type Worker } from 'playwright-core';

export const CHROME_DIST = resolve(import.meta.dirname, '../../dist/chrome');

export interface ChromiumSession {
  context: BrowserContext;
  extensionId: string;
  baseUrl: string;
  worker(): Promise<Worker>;
  /** Stops the extension's service worker the way Chrome does after 30 s idle. */
  stopWorker(page: Page): Promise<void>;
  /**
   * Allows the extension on a site, as a person does in chrome://extensions (Site access):
   * headless Chromium cannot show the permissions.request prompt, so the test answers it ahead.
   */
  grantHostAccess(pattern: string): Promise<void>;
  close(): Promise<void>;
}

/** Debian's Chromium with the built extension loaded, per the recipe in DESIGN.md. */
export async function launchChromium(options: { locale?: string } = {}): Promise<ChromiumSession> {
  const profile = await mkdtemp(join(tmpdir(), 'cirrus-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    locale: options.locale ?? 'en-US',
    args: [
      `--disable-extensions-except=${CHROME_DIST}`,
      `--load-extension=${CHROME_DIST}`,
      ...(options.locale ? [`--lang=${options.locale}`] : []),
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const worker = async () =>
    context.serviceWorkers()[0] ??
    (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  const extensionId = new URL((await worker()).url()).host;
  return {
    context,
    extensionId,
    baseUrl: `chrome-extension://${extensionId}/`,
    worker,
    async stopWorker(page) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('ServiceWorker.enable');
      await cdp.send('ServiceWorker.stopAllWorkers');
      await cdp.detach();
    },
    async grantHostAccess(pattern) {
      const page = await context.newPage();
      await page.goto('chrome://extensions');
      await page.evaluate(
        ([id, host]) =>
          (
            globalThis as unknown as {
              chrome: {
                developerPrivate: { addHostPermission(id: string, host: string): Promise<void> };
              };
            }
          ).chrome.developerPrivate.addHostPermission(id as string, host as string),
        [extensionId, pattern],
      );
      await page.close();
    },
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
