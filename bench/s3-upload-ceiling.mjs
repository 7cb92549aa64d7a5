// @ts-check
// How fast Chromium itself uploads on loopback, without Cirrus: 1 GiB in 16 MiB File slices by
// XMLHttpRequest, 1, 4 and 6 at once, to a Node server that only counts the bytes, and as bare
// unsigned UploadPart requests to moto. It tells the browser's ceiling from moto's, for the
// figures in the README next to bench/s3-upload.mjs.
// Run: node bench/s3-upload-ceiling.mjs [MiB=1024]
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { awsCli, cleanUp, MIB, noConfig, onCleanup, writeRandomFile } from './kit.mjs';
import { startMoto } from './moto.mjs';

const size = Number(process.argv[2] ?? 1024) * MIB;
const work = await mkdtemp(join(tmpdir(), 'cirrus-ceiling-'));
const file = join(work, 'upload.bin');
onCleanup(() => rm(work, { recursive: true, force: true }));

try {
  await writeRandomFile(file, size);
  const sink = createServer((req, res) => {
    req.on('data', () => undefined);
    req.on('end', () => {
      res.writeHead(200, { 'access-control-allow-origin': '*' });
      res.end();
    });
  });
  await new Promise((r) => sink.listen(0, '127.0.0.1', () => r(undefined)));
  onCleanup(() => new Promise((r) => sink.close(() => r(undefined))));
  const sinkUrl = `http://127.0.0.1:${/** @type {import('node:net').AddressInfo} */ (sink.address()).port}`;
  const moto = await startMoto();
  onCleanup(moto.stop);
  const aws = awsCli(moto.url, noConfig(work));
  await aws(['s3api', 'create-bucket', '--bucket', 'ceiling']);

  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    handleSIGINT: false,
    handleSIGTERM: false,
    // A plain page sends to moto without CORS in the way, as an extension page with host access.
    args: ['--no-sandbox', '--disable-web-security'],
  });
  onCleanup(() => browser.close());
  const page = await browser.newPage();
  await page.setContent('<input type="file" id="file">');
  await page.setInputFiles('#file', file);

  /** Sends every part, `parallel` at once, to urlOf(part index); resolves with seconds. */
  const send = (/** @type {string} */ urlTemplate, /** @type {number} */ parallel) =>
    page.evaluate(
      async ([template, parallel]) => {
        const input = /** @type {HTMLInputElement} */ (document.getElementById('file'));
        const f = /** @type {File} */ (input.files?.[0]);
        const part = 16 * 1024 * 1024;
        const count = Math.ceil(f.size / part);
        let next = 0;
        const put = (/** @type {number} */ i) =>
          new Promise((ok, bad) => {
            const xhr = new XMLHttpRequest();
            xhr.open('PUT', String(template).replace('{n}', String(i + 1)));
            xhr.onload = () =>
              xhr.status === 200 ? ok(undefined) : bad(new Error(xhr.responseText));
            xhr.onerror = () => bad(new Error('network error'));
            xhr.send(f.slice(i * part, (i + 1) * part));
          });
        const start = performance.now();
        await Promise.all(
          Array.from({ length: Number(parallel) }, async () => {
            for (let i = next++; i < count; i = next++) await put(i);
          }),
        );
        return (performance.now() - start) / 1000;
      },
      [urlTemplate, parallel],
    );

  const mb = size / 1e6;
  const rows = [];
  for (const parallel of [1, 4, 6]) {
    const seconds = await send(`${sinkUrl}/part{n}`, parallel);
    rows.push(
      `| Node sink | ${parallel} | ${seconds.toFixed(2)} s | ${(mb / seconds).toFixed(0)} |`,
    );
  }
  for (const parallel of [4, 6]) {
    const started = JSON.parse(
      await aws([
        '--output',
        'json',
        's3api',
        'create-multipart-upload',
        '--bucket',
        'ceiling',
        '--key',
        'k',
      ]),
    );
    const id = encodeURIComponent(started.UploadId);
    const seconds = await send(`${moto.url}/ceiling/k?partNumber={n}&uploadId=${id}`, parallel);
    rows.push(
      `| moto, UploadPart | ${parallel} | ${seconds.toFixed(2)} s | ${(mb / seconds).toFixed(0)} |`,
    );
    await aws([
      's3api',
      'abort-multipart-upload',
      '--bucket',
      'ceiling',
      '--key',
      'k',
      '--upload-id',
      started.UploadId,
    ]);
  }
  console.log(
    `| ${size / MIB} MiB from Chromium ${browser.version()}, 16 MiB slices | at once | time | MB/s |`,
  );
  console.log('| --- | ---: | ---: | ---: |');
  for (const row of rows) console.log(row);
} finally {
  await cleanUp();
}
