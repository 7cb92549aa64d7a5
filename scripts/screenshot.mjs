// @ts-check
// Takes docs/panel.png for the README from the built extension in headless Chromium.
// Run after a build: node scripts/screenshot.mjs
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

const dist = resolve(import.meta.dirname, '../dist/chrome');
const profile = await mkdtemp(join(tmpdir(), 'cirrus-shot-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: '/usr/bin/chromium',
  headless: true,
  viewport: { width: 1100, height: 560 },
  args: [
    `--disable-extensions-except=${dist}`,
    `--load-extension=${dist}`,
    '--no-sandbox',
    '--disable-gpu',
  ],
});
const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
const page = await context.newPage();
await page.goto(`chrome-extension://${new URL(worker.url()).host}/panel.html`);
await page.locator('[role="tabpanel"] h2').waitFor();
await page.screenshot({ path: resolve(import.meta.dirname, '../docs/panel.png') });
await context.close();
await rm(profile, { recursive: true, force: true });
console.log('wrote docs/panel.png');
