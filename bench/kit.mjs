// @ts-check
// What the benches share: cleanup that also runs on Ctrl-C, a file of random bytes,
// the AWS CLI kept away from the user's ~/.aws, presigned URLs signed here in Node, and Chromium
// with the built extension, host access to loopback granted and an S3 profile made current.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { AwsV4Signer } from 'aws4fetch';
import { chromium } from 'playwright-core';

export const MIB = 1024 * 1024;
export const ACCESS_KEY = 'AKIDBENCH0000000001';
export const SECRET_KEY = 'bench/secret/key/0000000000000000000000';
export const REGION = 'us-east-1';
export const run = promisify(execFile);

/** Progress on stderr, so a table on stdout stays clean. @param {string} what */
export const note = (what) => console.error(`[${(performance.now() / 1000).toFixed(1)} s] ${what}`);

/** @type {(() => Promise<unknown>)[]} */
const cleanups = [];
/** @type {Promise<void> | undefined} */
let cleaning;

/** Registers something to undo at the end; undone in reverse order. @param {() => Promise<unknown>} undo */
export function onCleanup(undo) {
  cleanups.push(undo);
}

/** Once only: a Ctrl-C and the failure it causes in the main flow wait for the same cleanup. */
export function cleanUp() {
  cleaning ??= (async () => {
    for (const undo of cleanups.reverse()) {
      await undo().catch((error) => console.error(`cleanup: ${error}`));
    }
  })();
  return cleaning;
}

for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM', 'SIGHUP'])) {
  process.once(signal, () => {
    void cleanUp().finally(() => process.exit(130));
  });
}

/** @param {number[]} values */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** Random bytes, so nothing on the way could compress or deduplicate them. */
export async function writeRandomFile(/** @type {string} */ path, /** @type {number} */ bytes) {
  const out = createWriteStream(path);
  for (let left = bytes; left > 0; left -= 8 * MIB) {
    // A fresh buffer each time: the stream may still hold the last one.
    if (!out.write(randomBytes(Math.min(left, 8 * MIB)))) {
      await new Promise((r) => out.once('drain', () => r(undefined)));
    }
  }
  await new Promise((resolve, reject) => {
    out.once('error', reject);
    out.end(() => resolve(undefined));
  });
}

/**
 * The AWS CLI against `endpoint` with dummy credentials. Only `configFile` is read for settings
 * (pass a path that does not exist for the CLI's defaults), whatever ~/.aws or AWS_* hold.
 * @param {string} endpoint
 * @param {string} configFile
 * @returns {(args: string[]) => Promise<string>} resolves with stdout
 */
export function awsCli(endpoint, configFile) {
  /** @type {NodeJS.ProcessEnv} */
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith('AWS_')),
  );
  Object.assign(env, {
    AWS_ACCESS_KEY_ID: ACCESS_KEY,
    AWS_SECRET_ACCESS_KEY: SECRET_KEY,
    AWS_DEFAULT_REGION: REGION,
    AWS_CONFIG_FILE: configFile,
    AWS_SHARED_CREDENTIALS_FILE: `${configFile}.credentials`,
    AWS_PAGER: '',
  });
  return async (args) =>
    (await run('aws', ['--endpoint-url', endpoint, ...args], { env, maxBuffer: 64 * MIB })).stdout;
}

/**
 * A SigV4 query-signed URL, as the extension's presigned part URLs are.
 * @param {string} method
 * @param {string} url
 */
export async function presign(method, url) {
  const unsigned = new URL(url);
  unsigned.searchParams.set('X-Amz-Expires', '3600');
  const signed = await new AwsV4Signer({
    method,
    url: unsigned.toString(),
    accessKeyId: ACCESS_KEY,
    secretAccessKey: SECRET_KEY,
    service: 's3',
    region: REGION,
    signQuery: true,
  }).sign();
  return signed.url.toString();
}

/**
 * Chromium with the built extension and its panel open, allowed to reach http://127.0.0.1 as a
 * person allows it (chrome://extensions' site access, then the extension's own request on a
 * click). Closed by cleanUp.
 * @param {string} profileDir a fresh directory for Chromium's profile
 */
export async function openExtension(profileDir) {
  const dist = resolve(import.meta.dirname, '../dist/chrome');
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    // cleanUp closes the browser, then moto and the temp files; Playwright's own handlers would
    // exit before those.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    viewport: { width: 1280, height: 800 },
    args: [
      `--disable-extensions-except=${dist}`,
      `--load-extension=${dist}`,
      '--no-sandbox',
      '--disable-gpu',
    ],
  });
  onCleanup(() => context.close());
  const browserVersion = context.browser()?.version() ?? '';
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  const settings = await context.newPage();
  await settings.goto('chrome://extensions');
  await settings.evaluate(
    // @ts-expect-error chrome://extensions' private API, as a person's "Site access" click uses it
    ([id, host]) => chrome.developerPrivate.addHostPermission(id, host),
    [extensionId, 'http://127.0.0.1/*'],
  );
  await settings.close();

  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/panel.html`);
  await page.evaluate(() => {
    const button = document.createElement('button');
    button.id = 'bench-grant';
    button.onclick = () =>
      // @ts-expect-error the page's own extension API
      chrome.permissions.request({ origins: ['http://127.0.0.1/*'] });
    document.body.append(button);
  });
  await page.click('#bench-grant');
  await page.waitForFunction(() =>
    // @ts-expect-error the page's own extension API
    chrome.permissions.contains({ origins: ['http://127.0.0.1/*'] }),
  );
  await page.evaluate(() => document.getElementById('bench-grant')?.remove());
  return { context, page, browserVersion };
}

/**
 * Sends one of Cirrus's messages from the panel page, as its own code does.
 * @param {import('playwright-core').Page} page
 * @param {string} name
 * @param {unknown} args
 * @returns {Promise<any>}
 */
export function panelCall(page, name, args) {
  return page.evaluate(
    async ([name, args]) => {
      // @ts-expect-error the page's own extension API
      const reply = await chrome.runtime.sendMessage({ cirrus: 1, name, args });
      if (!reply.ok) throw new Error(reply.error.message);
      return reply.value;
    },
    /** @type {const} */ ([name, args]),
  );
}

/**
 * Saves an S3-compatible profile for `endpoint`; resolves with its id.
 * @param {import('playwright-core').Page} page
 * @param {string} endpoint
 * @param {string} name
 * @returns {Promise<string>}
 */
export async function saveS3Profile(page, endpoint, name) {
  const { profile } = await panelCall(page, 'profileSave', {
    profile: {
      id: '',
      kind: 's3',
      name,
      accessKeyId: ACCESS_KEY,
      endpoint,
      pathStyle: true,
      region: REGION,
      signatureVersion: 4,
    },
    secret: { secretAccessKey: SECRET_KEY },
  });
  return profile.id;
}

/**
 * The extension's panel (openExtension) with an S3-compatible profile for `endpoint` saved and
 * made current.
 * @param {string} profileDir a fresh directory for Chromium's profile
 * @param {string} endpoint
 */
export async function openPanel(profileDir, endpoint) {
  const opened = await openExtension(profileDir);
  const id = await saveS3Profile(opened.page, endpoint, 'bench moto');
  await panelCall(opened.page, 'profileSetCurrent', { id });
  return opened;
}

/** A path in `dir` that holds no file, for the CLI's default settings. @param {string} dir */
export const noConfig = (dir) => join(dir, 'no-aws-config');
