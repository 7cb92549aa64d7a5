// @ts-check
// Uploading one big file to a loopback moto S3 four ways, in the same run and on the same bytes:
// the S3 panel in Chromium with the built extension (file picker to the upload row's "done"),
// `aws s3 cp` with the CLI's default transfer settings, one curl PUT to a presigned URL, and
// Chromium alone: the same file as 16 MiB XHR file slices, 4 at once, with no checksum read in
// the page and no Cirrus code. That last one is the floor for any uploader running in the browser
// against this server: the panel also reads each part once to sign its CRC-32 into the URL.
// Each object's size is checked with HeadObject, then the object is deleted before the next run.
// Run after a build: node bench/s3-upload.mjs [MiB, default 1024] [runs, default 3 or BENCH_RUNS]
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { bareMultipart, chooseBenchFile } from './bare-upload.mjs';
import {
  awsCli,
  cleanUp,
  MIB,
  median,
  noConfig,
  note,
  onCleanup,
  openPanel,
  presign,
  run,
  writeRandomFile,
} from './kit.mjs';
import { startMoto } from './moto.mjs';

const sizeMiB = Number(process.argv[2] ?? 1024);
const runs = Number(process.argv[3] ?? process.env.BENCH_RUNS ?? 3);
if (!(sizeMiB > 0) || !Number.isInteger(runs) || runs < 1) {
  throw new Error('usage: node bench/s3-upload.mjs [MiB] [runs]');
}
const size = Math.round(sizeMiB * MIB);
const BUCKET = 'bench-upload';
const timeoutMs = Number(process.env.BENCH_TIMEOUT ?? 900_000);

/**
 * @typedef {{ toCreate: number, create: number, presign: number, parts: number,
 *   partMean: number, complete: number, toDone: number }} Phases
 */

/**
 * Splits one panel upload into its steps, in seconds, from the requests it made.
 * @param {{ url: string, start: number, end: number }[]} requests
 * @param {number} start when the file was chosen (page clock, ms)
 * @param {number} done when the row showed done (page clock, ms)
 * @returns {Phases}
 */
function cirrusPhases(requests, start, done) {
  const query = (/** @type {string} */ url) => new URL(url).searchParams;
  const create = requests.find((r) => query(r.url).has('uploads'));
  const parts = requests.filter((r) => query(r.url).has('partNumber'));
  const complete = requests.find(
    (r) => query(r.url).has('uploadId') && !query(r.url).has('partNumber'),
  );
  if (!create || !complete || parts.length === 0) {
    throw new Error(`unexpected requests: ${requests.map((r) => r.url).join(' ')}`);
  }
  const firstPart = Math.min(...parts.map((p) => p.start));
  const lastPart = Math.max(...parts.map((p) => p.end));
  const s = (/** @type {number} */ ms) => ms / 1000;
  return {
    toCreate: s(create.start - start),
    create: s(create.end - create.start),
    presign: s(firstPart - create.end),
    parts: s(lastPart - firstPart),
    partMean: s(parts.reduce((n, p) => n + p.end - p.start, 0) / parts.length),
    complete: s(complete.end - complete.start),
    toDone: s(done - complete.end),
  };
}

try {
  const work = await mkdtemp(join(tmpdir(), 'cirrus-bench-upload-'));
  onCleanup(() => rm(work, { recursive: true, force: true }));
  const file = join(work, `upload-${sizeMiB}MiB.bin`);
  await writeRandomFile(file, size);
  note(`wrote ${file}`);

  const moto = await startMoto();
  onCleanup(moto.stop);
  // No config file: the CLI's own defaults (aws-cli v1 and v2: 8 MiB threshold and parts, 10 at
  // once), whatever ~/.aws holds.
  const aws = awsCli(moto.url, noConfig(work));
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

  const { page, browserVersion } = await openPanel(join(work, 'chromium-profile'), moto.url);
  note('panel open, profile saved');
  if (process.env.BENCH_CONSOLE) page.on('console', (m) => console.error('page:', m.text()));
  await page.click('#tab-s3');
  await page.getByRole('button', { name: BUCKET, exact: true }).click();
  const picker = page.locator('input[type=file][multiple]');
  await picker.waitFor({ state: 'attached' });
  note(`bucket ${BUCKET} open in the panel`);

  await chooseBenchFile(page, file);

  /** @type {Record<'cirrus' | 'cli' | 'curl' | 'browser', () => Promise<number>>} */
  const methods = {
    async cirrus() {
      const before = await page.evaluate(() => document.querySelectorAll('.upload').length);
      // The same path again is no change to the input, and would start nothing.
      await picker.evaluate((input) => {
        /** @type {HTMLInputElement} */ (input).value = '';
      });
      // The page's resource timing sees every request the upload makes, with the page's clock.
      const pageStart = await page.evaluate(() => {
        performance.clearResourceTimings();
        performance.setResourceTimingBufferSize(100_000);
        return performance.now();
      });
      const start = performance.now();
      await picker.setInputFiles(file);
      const outcome = await page.waitForFunction(
        (n) => {
          const row = document.querySelectorAll('.upload')[n];
          if (row?.classList.contains('done')) return { state: 'done', at: performance.now() };
          if (row?.classList.contains('failed') || row?.classList.contains('cancelled'))
            return { state: row.textContent ?? 'failed', at: performance.now() };
          return null;
        },
        before,
        { timeout: timeoutMs, polling: 20 },
      );
      const seconds = (performance.now() - start) / 1000;
      const result = await outcome.jsonValue();
      if (result?.state !== 'done')
        throw new Error(`Cirrus upload did not finish: ${result?.state}`);
      const requests = await page.evaluate(
        (origin) =>
          performance
            .getEntriesByType('resource')
            .filter((e) => e.name.startsWith(origin))
            .map((e) => ({
              url: e.name,
              start: e.startTime,
              end: /** @type {PerformanceResourceTiming} */ (e).responseEnd,
            })),
        moto.url,
      );
      phases.push(cirrusPhases(requests, pageStart, result.at));
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
    async browser() {
      const key = 'browser.bin';
      const start = performance.now();
      // CRC32 named as the panel and the CLI name it, so moto joins the parts the same way; the
      // parts carry no checksum, which AWS itself would refuse for such an upload.
      await bareMultipart(page, {
        objectUrl: `${moto.url}/${BUCKET}/${key}`,
        size,
        partSize: 16 * MIB,
        parallel: 4,
        checksum: 'CRC32',
      });
      const seconds = (performance.now() - start) / 1000;
      await verifyAndDelete(key);
      return seconds;
    },
    async curl() {
      const url = await presign('PUT', `${moto.url}/${BUCKET}/curl.bin`);
      const start = performance.now();
      const { stdout } = await run('curl', [
        '-sS',
        '-T',
        file,
        '-o',
        '/dev/null',
        '-w',
        '%{http_code}',
        url,
      ]);
      const seconds = (performance.now() - start) / 1000;
      if (stdout.trim() !== '200') throw new Error(`curl PUT answered HTTP ${stdout.trim()}`);
      await verifyAndDelete('curl.bin');
      return seconds;
    },
  };
  /** @type {Phases[]} */
  const phases = [];
  const order = /** @type {const} */ (['cirrus', 'cli', 'browser', 'curl']);
  /** @type {Record<string, number[]>} */
  const times = { cirrus: [], cli: [], browser: [], curl: [] };
  // With BENCH_MOTO_TIMES set, moto logs its own time inside each CompleteMultipartUpload.
  const motoTimes = process.env.BENCH_MOTO_TIMES;
  /** @type {Record<string, string[]>} */
  const inside = { cirrus: [], cli: [], browser: [], curl: [] };
  let seen = 0;
  const motoSaid = async () => {
    if (!motoTimes) return '';
    const lines = (await readFile(motoTimes, 'utf8').catch(() => '')).split('\n').filter(Boolean);
    const fresh = lines.slice(seen);
    seen = lines.length;
    const of = (/** @type {string} */ label) =>
      fresh.filter((l) => l.split(' ')[1] === label).map((l) => l.split(' ')[2]);
    const complete = of('complete');
    return complete.length
      ? `complete ${complete.join('/')} s (join ${of('join').join('/')} s)`
      : '';
  };
  for (let i = 0; i < runs; i++) {
    // Each run starts with a different method, so none always goes first after a quiet moment.
    for (let j = 0; j < order.length; j++) {
      const name = order[(i + j) % order.length] ?? 'cirrus';
      const seconds = await methods[name]();
      times[name]?.push(seconds);
      const said = await motoSaid();
      if (said) inside[name]?.push(said);
      note(`run ${i + 1}/${runs} ${name}: ${seconds.toFixed(2)} s${said ? `; moto: ${said}` : ''}`);
    }
  }

  const mb = size / 1e6;
  const labels = {
    cirrus: `Cirrus S3 panel, Chromium ${browserVersion} (16 MiB parts, 4 at once)`,
    cli: `aws s3 cp, default settings (8 MiB parts, 10 at once; ${cliVersion.split(' ')[0]})`,
    browser: 'Chromium alone: XHR file slices (16 MiB, 4 at once), no checksums, no Cirrus code',
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
  if (motoTimes) {
    console.log('\nInside moto, each CompleteMultipartUpload in run order:');
    for (const name of order)
      if (inside[name]?.length) console.log(`- ${name}: ${inside[name].join('; ')}`);
  }
  const step = (/** @type {keyof Phases} */ key) => median(phases.map((p) => p[key])).toFixed(2);
  console.log(
    `\nCirrus, median of each step (s): file chosen → CreateMultipartUpload ${step('toCreate')}, ` +
      `CreateMultipartUpload ${step('create')}, presign parts ${step('presign')}, ` +
      `all parts ${step('parts')} (one part ${step('partMean')}), ` +
      `CompleteMultipartUpload ${step('complete')}, row shows done ${step('toDone')}`,
  );
  const cirrus = median(times.cirrus ?? []);
  const cli = median(times.cli ?? []);
  const browser = median(times.browser ?? []);
  console.log(
    `\nCirrus >= aws s3 cp: ${cirrus <= cli ? 'yes' : 'no'} (median ${cirrus.toFixed(2)} s vs ${cli.toFixed(2)} s, Cirrus at ${((cli / cirrus) * 100).toFixed(0)}% of the CLI's speed)` +
      `\nChromium alone >= aws s3 cp: ${browser <= cli ? 'yes' : 'no'} (median ${browser.toFixed(2)} s; Cirrus takes ${((cirrus / browser) * 100).toFixed(0)}% of its time)`,
  );
} finally {
  await cleanUp();
}
