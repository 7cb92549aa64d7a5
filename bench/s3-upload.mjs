// @ts-check
// Uploading one big file to a loopback moto S3 three ways, in the same run and on the same bytes:
// the S3 panel in Chromium with the built extension (file picker to the upload row's "done"),
// `aws s3 cp` with the CLI's default transfer settings, and one curl PUT to a presigned URL.
// Each object's size is checked with HeadObject, then the object is deleted before the next run.
// Run after a build: node bench/s3-upload.mjs [MiB, default 1024] [runs, default 3 or BENCH_RUNS]
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { AwsV4Signer } from 'aws4fetch';
import { chromium } from 'playwright-core';
import { startMoto } from './moto.mjs';

const MIB = 1024 * 1024;
const sizeMiB = Number(process.argv[2] ?? 1024);
const runs = Number(process.argv[3] ?? process.env.BENCH_RUNS ?? 3);
if (!(sizeMiB > 0) || !Number.isInteger(runs) || runs < 1) {
  throw new Error('usage: node bench/s3-upload.mjs [MiB] [runs]');
}
const size = Math.round(sizeMiB * MIB);
const BUCKET = 'bench-upload';
const ACCESS_KEY = 'AKIDBENCH0000000001';
const SECRET_KEY = 'bench/secret/key/0000000000000000000000';
const REGION = 'us-east-1';
const timeoutMs = Number(process.env.BENCH_TIMEOUT ?? 900_000);
const run = promisify(execFile);
/** Progress on stderr, so the table on stdout stays clean. @param {string} what */
const note = (what) => console.error(`[${(performance.now() / 1000).toFixed(1)} s] ${what}`);

/** Undone in reverse order at the end, or on Ctrl-C. @type {(() => Promise<unknown>)[]} */
const cleanups = [];
/** @type {Promise<void> | undefined} */
let cleaning;
/** Once only: a Ctrl-C and the failure it causes in the main flow wait for the same cleanup. */
function cleanUp() {
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
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};

/** Bytes from a fast generator, so nothing on the way could compress or deduplicate them. */
async function writeRandomFile(/** @type {string} */ path, /** @type {number} */ bytes) {
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

try {
  const work = await mkdtemp(join(tmpdir(), 'cirrus-bench-upload-'));
  cleanups.push(() => rm(work, { recursive: true, force: true }));
  const file = join(work, `upload-${sizeMiB}MiB.bin`);
  await writeRandomFile(file, size);
  note(`wrote ${file}`);

  const moto = await startMoto();
  cleanups.push(moto.stop);

  // The CLI sees only these credentials and no config file, so its transfer settings are its
  // defaults whatever ~/.aws holds (aws-cli v1 and v2: 8 MiB threshold and parts, 10 at once).
  /** @type {NodeJS.ProcessEnv} */
  const cliEnv = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith('AWS_')),
  );
  Object.assign(cliEnv, {
    AWS_ACCESS_KEY_ID: ACCESS_KEY,
    AWS_SECRET_ACCESS_KEY: SECRET_KEY,
    AWS_DEFAULT_REGION: REGION,
    AWS_CONFIG_FILE: join(work, 'no-aws-config'),
    AWS_SHARED_CREDENTIALS_FILE: join(work, 'no-aws-credentials'),
    AWS_PAGER: '',
  });
  /** @param {string[]} args */
  const aws = async (args) =>
    (
      await run('aws', ['--endpoint-url', moto.url, ...args], {
        env: cliEnv,
        maxBuffer: 64 * MIB,
      })
    ).stdout;
  const cliVersion = (await aws(['--version'])).trim() || 'aws-cli';
  await aws(['s3api', 'create-bucket', '--bucket', BUCKET]);
  note(`moto at ${moto.url}, bucket ${BUCKET} made`);

  /** Checks the stored size, then deletes the object so every run starts from the same bucket. */
  const verifyAndDelete = async (/** @type {string} */ key) => {
    const head = JSON.parse(
      await aws(['--output', 'json', 's3api', 'head-object', '--bucket', BUCKET, '--key', key]),
    );
    if (head.ContentLength !== size) {
      throw new Error(`${key}: HeadObject says ${head.ContentLength} bytes, sent ${size}`);
    }
    await aws(['s3api', 'delete-object', '--bucket', BUCKET, '--key', key]);
  };

  // Chromium with the built extension, host access granted as a person grants it.
  const dist = resolve(import.meta.dirname, '../dist/chrome');
  const profileDir = join(work, 'chromium-profile');
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    // This script's own handlers close the browser, then moto and the temp files.
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
  cleanups.push(() => context.close());
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
  note('host access allowed');

  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/panel.html`);
  // The extension's own request takes up the access allowed above; it needs a click.
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
  await page.evaluate(
    async ({ endpoint, accessKeyId, secretAccessKey, region }) => {
      /** @param {string} name @param {unknown} args */
      const send = async (name, args) => {
        // @ts-expect-error the page's own extension API
        const reply = await chrome.runtime.sendMessage({ cirrus: 1, name, args });
        if (!reply.ok) throw new Error(reply.error.message);
        return reply.value;
      };
      const { profile } = await send('profileSave', {
        profile: {
          id: '',
          kind: 's3',
          name: 'bench moto',
          accessKeyId,
          endpoint,
          pathStyle: true,
          region,
          signatureVersion: 4,
        },
        secret: { secretAccessKey },
      });
      await send('profileSetCurrent', { id: profile.id });
    },
    { endpoint: moto.url, accessKeyId: ACCESS_KEY, secretAccessKey: SECRET_KEY, region: REGION },
  );
  note('profile saved');
  await page.click('#tab-s3');
  await page.getByRole('button', { name: BUCKET, exact: true }).click();
  const picker = page.locator('input[type=file]');
  await picker.waitFor({ state: 'attached' });
  note(`bucket ${BUCKET} open in the panel`);

  /** @type {Record<'cirrus' | 'cli' | 'curl', () => Promise<number>>} */
  const methods = {
    async cirrus() {
      const before = await page.evaluate(() => document.querySelectorAll('.upload').length);
      // The same path again is no change to the input, and would start nothing.
      await picker.evaluate((input) => {
        /** @type {HTMLInputElement} */ (input).value = '';
      });
      const start = performance.now();
      await picker.setInputFiles(file);
      const outcome = await page.waitForFunction(
        (n) => {
          const row = document.querySelectorAll('.upload')[n];
          if (row?.classList.contains('done')) return 'done';
          if (row?.classList.contains('failed') || row?.classList.contains('cancelled'))
            return row.textContent ?? 'failed';
          return false;
        },
        before,
        { timeout: timeoutMs, polling: 20 },
      );
      const seconds = (performance.now() - start) / 1000;
      const state = await outcome.jsonValue();
      if (state !== 'done') throw new Error(`Cirrus upload did not finish: ${state}`);
      await verifyAndDelete(basename(file));
      return seconds;
    },
    async cli() {
      const start = performance.now();
      await aws(['s3', 'cp', file, `s3://${BUCKET}/cli.bin`]);
      const seconds = (performance.now() - start) / 1000;
      await verifyAndDelete('cli.bin');
      return seconds;
    },
    async curl() {
      const url = new URL(`${moto.url}/${BUCKET}/curl.bin`);
      url.searchParams.set('X-Amz-Expires', '3600');
      const signed = await new AwsV4Signer({
        method: 'PUT',
        url: url.toString(),
        accessKeyId: ACCESS_KEY,
        secretAccessKey: SECRET_KEY,
        service: 's3',
        region: REGION,
        signQuery: true,
      }).sign();
      const start = performance.now();
      const { stdout } = await run('curl', [
        '-sS',
        '-T',
        file,
        '-o',
        '/dev/null',
        '-w',
        '%{http_code}',
        signed.url.toString(),
      ]);
      const seconds = (performance.now() - start) / 1000;
      if (stdout.trim() !== '200') throw new Error(`curl PUT answered HTTP ${stdout.trim()}`);
      await verifyAndDelete('curl.bin');
      return seconds;
    },
  };
  const order = /** @type {const} */ (['cirrus', 'cli', 'curl']);
  /** @type {Record<string, number[]>} */
  const times = { cirrus: [], cli: [], curl: [] };
  for (let i = 0; i < runs; i++) {
    // Each run starts with a different method, so none always goes first after a quiet moment.
    for (let j = 0; j < order.length; j++) {
      const name = order[(i + j) % order.length] ?? 'cirrus';
      const seconds = await methods[name]();
      times[name]?.push(seconds);
      note(`run ${i + 1}/${runs} ${name}: ${seconds.toFixed(2)} s`);
    }
  }

  const mb = size / 1e6;
  const labels = {
    cirrus: `Cirrus S3 panel, Chromium ${browserVersion} (16 MiB parts, 4 at once)`,
    cli: `aws s3 cp, default settings (8 MiB parts, 10 at once; ${cliVersion.split(' ')[0]})`,
    curl: 'curl -T, one PUT to a presigned URL',
  };
  console.log(
    `| ${sizeMiB} MiB (${mb.toFixed(0)} MB) to moto on loopback, ${runs} run(s) each | runs (s) | median | MB/s |`,
  );
  console.log('| --- | --- | ---: | ---: |');
  for (const name of order) {
    const list = times[name] ?? [];
    const m = median(list);
    console.log(
      `| ${labels[name]} | ${list.map((s) => s.toFixed(2)).join(', ')} | ${m.toFixed(2)} s | ${(mb / m).toFixed(1)} |`,
    );
  }
  const cirrus = median(times.cirrus ?? []);
  const cli = median(times.cli ?? []);
  console.log(
    `\nCirrus >= aws s3 cp: ${cirrus <= cli ? 'yes' : 'no'} (median ${cirrus.toFixed(2)} s vs ${cli.toFixed(2)} s, Cirrus at ${((cli / cirrus) * 100).toFixed(0)}% of the CLI's speed)`,
  );
} finally {
  await cleanUp();
}
