// @ts-check
// npm start [-- --firefox]: build, then open Chromium (or Firefox) with Cirrus loaded and its panel open.
// Options for tests and tooling: --out=DIR builds into DIR instead of dist/ (the tests' build stays
// as it is); --debug-port=N also opens the browser's remote debugging (CDP in Chromium, WebDriver
// BiDi in Firefox) on 127.0.0.1:N, so a test can look at the window npm start opened.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import webExt from 'web-ext';
import { startMoto } from '../bench/moto.mjs';
import { buildAll } from './build.mjs';
import { chromiumExtensionId } from './extension-id.mjs';
import { openPanelInChromium, openPanelInFirefox } from './open-panel.mjs';

/** @param {string[]} candidates */
const firstExisting = (candidates) => candidates.find((path) => existsSync(path));
/** @param {string} name */
const option = (name) =>
  process.argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);

const root = resolve(import.meta.dirname, '..');
const useFirefox = process.argv.includes('--firefox');
const out = resolve(option('out') ?? resolve(root, 'dist'));
const debugPort = option('debug-port');
if (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  console.error(
    'npm start opens a browser window, and this session has no display (DISPLAY is not set).',
  );
  console.error('Run it from a desktop session, or use `npm test` to run the headless tests.');
  process.exit(1);
}

/** @type {{ stop(): Promise<void> } | null} */
let moto = null;
/** @type {{ exit(): Promise<void> } | null} */
let runner = null;
let stopping = false;

/**
 * Ends the browser and moto, then this process. Runs on SIGTERM, SIGINT, SIGHUP and when the
 * browser is closed: Node's default for a signal exits at once and leaves both running (Chromium
 * is started detached, in its own process group, so no signal reaches it from the terminal).
 * @param {number} code
 */
async function shutdown(code) {
  if (stopping) return;
  stopping = true;
  await runner?.exit().catch(() => undefined);
  await moto?.stop();
  process.exit(code);
}
for (const [signal, code] of /** @type {const} */ ([
  ['SIGTERM', 143],
  ['SIGINT', 130],
  ['SIGHUP', 129],
])) {
  process.on(signal, () => void shutdown(code));
}

/** Starts moto when Python has it, for the "Local sandbox" profile; returns null otherwise. */
async function startSandbox() {
  try {
    const started = await startMoto();
    moto = started;
    console.log(`Local sandbox (moto) at ${started.url}`);
    return { host: '127.0.0.1', port: started.port };
  } catch {
    console.log('No local sandbox: install moto with `pip install "moto[server]"` to get one.');
    return null;
  }
}

const sandbox = await startSandbox();
await buildAll('nozip', sandbox, out);
if (stopping) await new Promise(() => undefined);

if (useFirefox) {
  const firefox = firstExisting(['/usr/bin/firefox-esr', '/usr/bin/firefox']);
  if (!firefox)
    throw new Error('Firefox not found: install it with `sudo apt-get install firefox-esr`.');
  // No startUrl: Firefox would open the moz-extension:// address before web-ext has installed the
  // add-on over the remote protocol, and show an error until reloaded. The panel opens below.
  const started = await webExt.cmd.run(
    {
      sourceDir: resolve(out, 'firefox'),
      target: ['firefox-desktop'],
      firefox,
      args: debugPort ? ['--remote-debugging-port', debugPort] : [],
    },
    { shouldExitProgram: false },
  );
  runner = started;
  started.registerCleanup(() => void shutdown(0));
  await openPanelInFirefox(started);
} else {
  const chromium = firstExisting([
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
  ]);
  if (!chromium)
    throw new Error('Chromium not found: install it with `sudo apt-get install chromium`.');
  // Chromium refuses to start as root without --no-sandbox.
  const dir = resolve(out, 'chrome');
  const args = process.getuid?.() === 0 ? ['--no-sandbox'] : [];
  if (debugPort) args.push(`--remote-debugging-port=${debugPort}`);
  // No startUrl: web-ext loads the extension over the debugging pipe after Chromium has started,
  // so a chrome-extension:// start page would show ERR_BLOCKED_BY_CLIENT. The panel opens below.
  const started = await webExt.cmd.run(
    { sourceDir: dir, target: ['chromium'], chromiumBinary: chromium, args },
    { shouldExitProgram: false },
  );
  runner = started;
  started.registerCleanup(() => void shutdown(0));
  await openPanelInChromium(started, chromiumExtensionId(dir));
}
