// @ts-check
// npm start [-- --firefox]: build, then open Chromium (or Firefox) with Cirrus loaded and its panel open.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import webExt from 'web-ext';
import { buildAll } from './build.mjs';
import { chromiumExtensionId } from './extension-id.mjs';

const FIREFOX_ID = 'cirrus@cirrus-cloud.org';
const FIREFOX_UUID = '6c1f8a2e-3b4d-4e5f-9a1b-2c3d4e5f6a7b';

/** @param {string[]} candidates */
const firstExisting = (candidates) => candidates.find((path) => existsSync(path));

const useFirefox = process.argv.includes('--firefox');
if (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  console.error(
    'npm start opens a browser window, and this session has no display (DISPLAY is not set).',
  );
  console.error('Run it from a desktop session, or use `npm test` to run the headless tests.');
  process.exit(1);
}

await buildAll('nozip');
const root = resolve(import.meta.dirname, '..');

if (useFirefox) {
  const firefox = firstExisting(['/usr/bin/firefox-esr', '/usr/bin/firefox']);
  if (!firefox)
    throw new Error('Firefox not found: install it with `sudo apt-get install firefox-esr`.');
  await webExt.cmd.run(
    {
      sourceDir: resolve(root, 'dist/firefox'),
      target: ['firefox-desktop'],
      firefox,
      pref: { 'extensions.webextensions.uuids': JSON.stringify({ [FIREFOX_ID]: FIREFOX_UUID }) },
      startUrl: [`moz-extension://${FIREFOX_UUID}/panel.html`],
    },
    { shouldExitProgram: false },
  );
} else {
  const chromium = firstExisting([
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
  ]);
  if (!chromium)
    throw new Error('Chromium not found: install it with `sudo apt-get install chromium`.');
  const dir = resolve(root, 'dist/chrome');
  // Chromium refuses to start as root without --no-sandbox.
  const args = process.getuid?.() === 0 ? ['--no-sandbox'] : [];
  await webExt.cmd.run(
    {
      sourceDir: dir,
      target: ['chromium'],
      chromiumBinary: chromium,
      args,
      startUrl: [`chrome-extension://${chromiumExtensionId(dir)}/panel.html`],
    },
    { shouldExitProgram: false },
  );
}
