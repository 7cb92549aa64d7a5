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
import { bareMultipart, barePut, chooseBenchFile } from './bare-upload.mjs';
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

  const { page } = await openPanel(join(work, 'chromium-profile'), moto.url);
  await chooseBenchFile(page, file);
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
      await barePut(page, `${moto.url}/${BUCKET}/${key}`, size);
    } else {
      return bareMultipart(page, {
        objectUrl: `${moto.url}/${BUCKET}/${key}`,
        size,
        partSize: v.partMiB * MIB,
        parallel: v.parallel,
        ...(v.checksum ? { checksum: v.checksum } : {}),
        ...(v.checksumType ? { checksumType: v.checksumType } : {}),
      });
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
