// @ts-check
// npm start [-- --firefox]: build, then open Chromium (or Firefox) with Cirrus loaded and its panel open.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
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

/** A free loopback port for moto. */
function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolvePort(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Starts moto when Python has it, for the "Local sandbox" profile; returns null otherwise. */
async function startSandbox() {
  if (spawnSync('python3', ['-c', 'import moto.server'], { stdio: 'ignore' }).status !== 0) {
    console.log('No local sandbox: install moto with `pip install "moto[server]"` to get one.');
    return null;
  }
  const port = Number(await freePort());
  const moto = spawn('python3', ['-m', 'moto.server', '-H', '127.0.0.1', '-p', String(port)], {
    stdio: 'ignore',
  });
  process.on('exit', () => moto.kill());
  for (let i = 0; i < 100; i++) {
    const ok = await fetch(`http://127.0.0.1:${port}/moto-api/data.json`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) {
      console.log(`Local sandbox (moto) at http://127.0.0.1:${port}`);
      return { host: '127.0.0.1', port };
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  moto.kill();
  console.log('moto did not start; going on without the local sandbox.');
  return null;
}

const sandbox = await startSandbox();
await buildAll('nozip', sandbox);
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
