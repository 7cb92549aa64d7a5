// @ts-check
// Which part size, how many parts at once and which checksum kind suit a big upload from the
// extension, measured rather than guessed: the multipart upload the S3 panel makes (XHR PUTs of
// File slices to presigned part URLs, N at once, from the extension's page; here without the
// panel's CRC-32 read of each part, so the browser's own floor shows), with other part sizes and
// parallelism, against loopback moto, next to `aws s3 cp` with its defaults and with the panel's
// settings, one XHR PUT of the whole file, and one curl PUT. The panel's own upload code is not
// used here: its settings are constants, so the browser side is done again in the page with each
// setting, and the requests are signed in Node (signing is a few ms of the panel's time anyway).
// Run after a build: node bench/s3-upload-parts.mjs [MiB, default 1024] [rounds, default 1 or BENCH_RUNS]
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AwsClient } from 'aws4fetch';
import {
  ACCESS_KEY,
  awsCli,
  cleanUp,
  MIB,
  median,
  noConfig,
  note,
  onCleanup,
  openPanel,
  presign,
  REGION,
  run,
  SECRET_KEY,
  writeRandomFile,
} from './kit.mjs';
import { startMoto } from './moto.mjs';

const sizeMiB = Number(process.argv[2] ?? 1024);
const rounds = Number(process.argv[3] ?? process.env.BENCH_RUNS ?? 1);
if (!(sizeMiB > 0) || !Number.isInteger(rounds) || rounds < 1) {
  throw new Error('usage: node bench/s3-upload-parts.mjs [MiB] [rounds]');
}
const size = Math.round(sizeMiB * MIB);
const BUCKET = 'bench-parts';

/**
 * @typedef {{ label: string, kind: 'xhr', partMiB: number, parallel: number, checksum?: string,
 *     checksumType?: string }
 *   | { label: string, kind: 'xhr-single' }
 *   | { label: string, kind: 'cli', config: string }
 *   | { label: string, kind: 'curl' }} Variant
 */

const cliConfig = (/** @type {string[]} */ lines) => `[default]\n${lines.join('\n')}\n`;
/** @type {Variant[]} */
const variants = [
  {
    label: 'XHR multipart, 16 MiB × 4, no checksum algorithm',
    kind: 'xhr',
    partMiB: 16,
    parallel: 4,
  },
  {
    label: 'XHR multipart, 16 MiB × 4, CRC32 composite named (as the panel)',
    kind: 'xhr',
    partMiB: 16,
    parallel: 4,
    checksum: 'CRC32',
  },
  {
    label: 'XHR multipart, 16 MiB × 4, CRC32 FULL_OBJECT named',
    kind: 'xhr',
    partMiB: 16,
    parallel: 4,
    checksum: 'CRC32',
    checksumType: 'FULL_OBJECT',
  },
  { label: 'XHR multipart, 16 MiB × 8', kind: 'xhr', partMiB: 16, parallel: 8 },
  { label: 'XHR multipart, 8 MiB × 10 (the CLI defaults)', kind: 'xhr', partMiB: 8, parallel: 10 },
  { label: 'XHR multipart, 32 MiB × 4', kind: 'xhr', partMiB: 32, parallel: 4 },
  { label: 'XHR multipart, 64 MiB × 4', kind: 'xhr', partMiB: 64, parallel: 4 },
  { label: 'XHR, one PUT of the whole file', kind: 'xhr-single' },
  { label: 'aws s3 cp, defaults (8 MiB × 10, CRC32 named and sent)', kind: 'cli', config: '' },
  {
    label: 'aws s3 cp, 16 MiB × 4 (the panel settings)',
    kind: 'cli',
    config: cliConfig(['s3 =', '  multipart_chunksize = 16MB', '  max_concurrent_requests = 4']),
  },
  {
    label: 'aws s3 cp, defaults but request_checksum_calculation = when_required (no checksum)',
    kind: 'cli',
    config: cliConfig(['request_checksum_calculation = when_required']),
  },
  { label: 'curl -T, one PUT', kind: 'curl' },
];

try {
  const work = await mkdtemp(join(tmpdir(), 'cirrus-bench-parts-'));
  onCleanup(() => rm(work, { recursive: true, force: true }));
  const file = join(work, `upload-${sizeMiB}MiB.bin`);
  await writeRandomFile(file, size);

  const moto = await startMoto();
  onCleanup(moto.stop);
  const aws = awsCli(moto.url, noConfig(work));
  await aws(['s3api', 'create-bucket', '--bucket', BUCKET]);
  const s3 = new AwsClient({
    accessKeyId: ACCESS_KEY,
    secretAccessKey: SECRET_KEY,
    service: 's3',
    region: REGION,
  });
  /** @param {string} key @param {RequestInit} [init] */
  const call = async (key, init) => {
    const response = await s3.fetch(`${moto.url}/${BUCKET}/${key}`, init);
    const text = await response.text();
    if (!response.ok)
      throw new Error(`${init?.method ?? 'GET'} ${key}: ${response.status} ${text}`);
    return text;
  };

  const { page } = await openPanel(join(work, 'chromium-profile'), moto.url);
  // A picker of the bench's own, so choosing the file starts nothing in the panel.
  await page.evaluate(() => {
    const input = document.createElement('input');
    input.type = 'file';
    input.id = 'bench-file';
    input.hidden = true;
    document.body.append(input);
  });
  await page.setInputFiles('#bench-file', file);
  note(`moto at ${moto.url}, ${sizeMiB} MiB file chosen in the extension page`);

  /**
   * Uploads `key` as `v` says; for the XHR multipart kind, also says how long the parts and the
   * CompleteMultipartUpload took.
   * @param {Variant} v @param {string} key @returns {Promise<{ parts: number, complete: number } | undefined>}
   */
  const upload = async (v, key) => {
    if (v.kind === 'curl') {
      const { stdout } = await run('curl', [
        ...['-sS', '-T', file, '-o', '/dev/null', '-w', '%{http_code}'],
        await presign('PUT', `${moto.url}/${BUCKET}/${key}`),
      ]);
      if (stdout.trim() !== '200') throw new Error(`curl PUT answered HTTP ${stdout.trim()}`);
    } else if (v.kind === 'cli') {
      const config = join(work, `aws-config-${variants.indexOf(v)}`);
      if (v.config) await writeFile(config, v.config);
      await awsCli(moto.url, config)(['s3', 'cp', file, `s3://${BUCKET}/${key}`]);
    } else if (v.kind === 'xhr-single') {
      const url = await presign('PUT', `${moto.url}/${BUCKET}/${key}`);
      await page.evaluate(sendParts, { urls: [url], partSize: size, parallel: 1 });
    } else {
      const created = await call(`${key}?uploads`, {
        method: 'POST',
        headers: {
          ...(v.checksum ? { 'x-amz-checksum-algorithm': v.checksum } : {}),
          ...(v.checksumType ? { 'x-amz-checksum-type': v.checksumType } : {}),
        },
      });
      const uploadId = /<UploadId>([^<]+)<\/UploadId>/.exec(created)?.[1];
      if (!uploadId) throw new Error(`no UploadId in ${created}`);
      const partSize = v.partMiB * MIB;
      const count = Math.ceil(size / partSize);
      const urls = await Promise.all(
        Array.from({ length: count }, (_, i) =>
          presign(
            'PUT',
            `${moto.url}/${BUCKET}/${key}?partNumber=${i + 1}&uploadId=${encodeURIComponent(uploadId)}`,
          ),
        ),
      );
      const partsStart = performance.now();
      const etags = await page.evaluate(sendParts, { urls, partSize, parallel: v.parallel });
      const completeStart = performance.now();
      const parts = etags
        .map((etag, i) => `<Part><PartNumber>${i + 1}</PartNumber><ETag>${etag}</ETag></Part>`)
        .join('');
      await call(`${key}?uploadId=${encodeURIComponent(uploadId)}`, {
        method: 'POST',
        body: `<CompleteMultipartUpload>${parts}</CompleteMultipartUpload>`,
      });
      return {
        parts: (completeStart - partsStart) / 1000,
        complete: (performance.now() - completeStart) / 1000,
      };
    }
    return undefined;
  };

  /** @type {number[][]} */
  const times = variants.map(() => []);
  /** @type {{ parts: number, complete: number }[][]} */
  const steps = variants.map(() => []);
  for (let round = 0; round < rounds; round++) {
    for (let j = 0; j < variants.length; j++) {
      // Each round starts further along the list, so no variant always follows the same one.
      const index = (round + j) % variants.length;
      const v = /** @type {Variant} */ (variants[index]);
      const key = `variant-${index}.bin`;
      const start = performance.now();
      const step = await upload(v, key);
      const seconds = (performance.now() - start) / 1000;
      const head = JSON.parse(
        await aws(['--output', 'json', 's3api', 'head-object', '--bucket', BUCKET, '--key', key]),
      );
      if (head.ContentLength !== size) throw new Error(`${v.label}: ${head.ContentLength} bytes`);
      await aws(['s3api', 'delete-object', '--bucket', BUCKET, '--key', key]);
      times[index]?.push(seconds);
      if (step) steps[index]?.push(step);
      note(`round ${round + 1}/${rounds} ${v.label}: ${seconds.toFixed(2)} s`);
    }
  }

  const mb = size / 1e6;
  console.log(
    `| ${sizeMiB} MiB to moto on loopback, ${rounds} round(s) | runs (s) | median | MB/s | parts / CompleteMultipartUpload (median s) |`,
  );
  console.log('| --- | --- | ---: | ---: | ---: |');
  variants.forEach((v, i) => {
    const list = times[i] ?? [];
    const m = median(list);
    const split = steps[i] ?? [];
    const partsAndComplete = split.length
      ? `${median(split.map((x) => x.parts)).toFixed(2)} / ${median(split.map((x) => x.complete)).toFixed(2)}`
      : '';
    console.log(
      `| ${v.label} | ${list.map((x) => x.toFixed(2)).join(', ')} | ${m.toFixed(2)} s | ${(mb / m).toFixed(1)} | ${partsAndComplete} |`,
    );
  });
} finally {
  await cleanUp();
}

/**
 * Runs in the page: PUTs slices of the chosen file to `urls` (part i is bytes i × partSize on),
 * `parallel` at once, as the panel's uploader does, and returns the ETags in part order.
 * @param {{ urls: string[], partSize: number, parallel: number }} args
 * @returns {Promise<string[]>}
 */
async function sendParts({ urls, partSize, parallel }) {
  const input = /** @type {HTMLInputElement} */ (document.getElementById('bench-file'));
  const file = /** @type {File} */ (input.files?.[0]);
  /** @type {string[]} */
  const etags = [];
  const queue = urls.map((url, i) => ({ url, i }));
  /** @param {string} url @param {Blob} body @returns {Promise<string>} */
  const put = (url, body) =>
    new Promise((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open('PUT', url);
      // The panel listens for upload progress; so does this, in case listening costs something.
      let sent = 0;
      xhr.upload.onprogress = (e) => {
        sent = e.loaded;
      };
      xhr.onload = () =>
        xhr.status >= 200 && xhr.status < 300
          ? resolve(xhr.getResponseHeader('etag') ?? '')
          : reject(new Error(`HTTP ${xhr.status} after ${sent} bytes: ${xhr.responseText}`));
      xhr.onerror = () => reject(new Error(`connection failed after ${sent} bytes`));
      xhr.send(body);
    });
  const worker = async () => {
    for (let part = queue.shift(); part; part = queue.shift()) {
      const start = part.i * partSize;
      etags[part.i] = await put(part.url, file.slice(start, Math.min(file.size, start + partSize)));
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
  return etags;
}
