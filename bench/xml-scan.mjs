// @ts-check
// Reading a big DescribeImages response in Node 20: the project's parseXml (fast-xml-parser), the
// streaming scanner (whole text, 64 KB string chunks, and a file streamed in 64 KB chunks through
// TextDecoder), JSON.parse of the same images as JSON, and botocore's parser (python3). Median of
// 3 runs after a warm-up, each after a full GC; every method must read the same number of images.
// Run: node bench/xml-scan.mjs [images]   (default 100,000; 40,000 make the issue's 70 MB)
import { execFileSync } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { build } from 'vite';
import { describeImagesXml } from './fixtures/describe-images.mjs';

const root = resolve(import.meta.dirname, '..');
const count = Number(process.argv[2] ?? 100_000);
const ITEMS = ['DescribeImagesResponse', 'imagesSet', 'item'];
const CHUNK = 64 * 1024;

setFlagsFromString('--expose-gc');
/** @type {() => void} */
const gc = runInNewContext('gc');

const work = await mkdtemp(join(tmpdir(), 'cirrus-xml-scan-'));
try {
  // Node cannot import TypeScript: bundle the two modules (fast-xml-parser inside) first.
  await build({
    configFile: false,
    root,
    logLevel: 'warn',
    publicDir: false,
    build: {
      outDir: work,
      emptyOutDir: true,
      target: 'node20',
      minify: false,
      reportCompressedSize: false,
      lib: {
        entry: {
          xml: resolve(root, 'src/cloud/xml.ts'),
          'xml-scan': resolve(root, 'src/cloud/xml-scan.ts'),
        },
        formats: ['es'],
        fileName: (_, name) => `${name}.mjs`,
      },
    },
  });
  /** @type {typeof import('../src/cloud/xml')} */
  const xml = await import(pathToFileURL(join(work, 'xml.mjs')).href);
  /** @type {typeof import('../src/cloud/xml-scan')} */
  const scan = await import(pathToFileURL(join(work, 'xml-scan.mjs')).href);

  const text = describeImagesXml(count);
  const file = join(work, 'describe-images.xml');
  await writeFile(file, text);
  const xmlMb = Buffer.byteLength(text) / 1e6;

  /**
   * @param {() => number | Promise<number>} run reads the document, returns how many images
   * @returns {Promise<{ ms: number; items: number }>}
   */
  const measure = async (run) => {
    gc();
    await run();
    const times = [];
    let items = 0;
    for (let i = 0; i < 3; i++) {
      gc();
      const start = performance.now();
      items = await run();
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    return { ms: times[1] ?? 0, items };
  };

  /** @type {{ method: string; mb: number; ms: number; items: number }[]} */
  const rows = [];
  const row = (
    /** @type {string} */ method,
    /** @type {number} */ mb,
    /** @type {{ ms: number; items: number }} */ r,
  ) => rows.push({ method, mb, ...r });

  row(
    'fast-xml-parser (parseXml, whole text)',
    xmlMb,
    await measure(() => xml.elements(xml.path(xml.parseXml(text), ...ITEMS)).length),
  );
  row(
    'XmlItemScanner (scanText, whole text)',
    xmlMb,
    await measure(() => {
      /** @type {unknown[]} */
      const items = [];
      scan.scanText(text, ITEMS, (item) => items.push(item));
      return items.length;
    }),
  );
  /** @type {string[]} */
  const pieces = [];
  for (let i = 0; i < text.length; i += CHUNK) pieces.push(text.slice(i, i + CHUNK));
  row(
    'XmlItemScanner (write() of 64 KB string chunks)',
    xmlMb,
    await measure(() => {
      /** @type {unknown[]} */
      const items = [];
      const scanner = new scan.XmlItemScanner(ITEMS, (item) => items.push(item));
      for (const piece of pieces) scanner.write(piece);
      scanner.end();
      return items.length;
    }),
  );
  row(
    'XmlItemScanner (scanStream, file read + decoded in 64 KB chunks)',
    xmlMb,
    await measure(async () => {
      /** @type {unknown[]} */
      const items = [];
      const stream = /** @type {ReadableStream<Uint8Array>} */ (
        Readable.toWeb(createReadStream(file, { highWaterMark: CHUNK }))
      );
      await scan.scanStream(stream, ITEMS, (item) => items.push(item));
      return items.length;
    }),
  );

  // The same images as JSON, as a JSON API would send them.
  /** @type {import('../src/cloud/xml').XmlValue[]} */
  const images = [];
  const rest = scan.scanText(text, ITEMS, (item) => images.push(item));
  const json = JSON.stringify({
    requestId: xml.text(xml.path(rest, ITEMS[0] ?? '', 'requestId')),
    images,
  });
  const jsonMb = Buffer.byteLength(json) / 1e6;
  row(
    `JSON.parse of the same images (${jsonMb.toFixed(0)} MB of JSON)`,
    jsonMb,
    await measure(() => JSON.parse(json).images.length),
  );

  // The scanner reads every image as fast-xml-parser does (spot check: first, middle, last).
  const parsed = xml.elements(xml.path(xml.parseXml(text), ...ITEMS));
  for (const i of [0, Math.floor(count / 2), count - 1]) {
    if (!isDeepStrictEqual(parsed[i], images[i])) throw new Error(`image ${i} differs`);
  }
  parsed.length = 0;
  images.length = 0;
  gc();

  const botocore = `
import json, sys, time
import botocore.session
from botocore.parsers import create_parser
model = botocore.session.get_session().get_service_model('ec2').operation_model('DescribeImages').output_shape
parser = create_parser('ec2')
with open(sys.argv[1], 'rb') as f:
    body = f.read()
times = []
for run in range(4):
    start = time.perf_counter()
    parsed = parser.parse({'body': body, 'headers': {}, 'status_code': 200}, model)
    took = (time.perf_counter() - start) * 1000
    if run > 0:
        times.append(took)
    items = len(parsed['Images'])
    del parsed
times.sort()
print(json.dumps({'ms': times[1], 'items': items, 'version': botocore.__version__}))
`;
  let botocoreVersion = '';
  try {
    const out = execFileSync('python3', ['-c', botocore, file], {
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    });
    const result = JSON.parse(out);
    botocoreVersion = result.version;
    row(`botocore ${result.version} (python3, parse only)`, xmlMb, result);
  } catch (error) {
    console.warn(
      `botocore skipped: ${error instanceof Error ? error.message.split('\n')[0] : error}`,
    );
  }

  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  console.log(
    `\n${count.toLocaleString('en')} images, ${xmlMb.toFixed(1)} MB of XML; Node ${process.version}, ${cpus().length} × ${cpu}\n`,
  );
  const table = [
    ['method', 'time (ms)', 'MB/s', 'images'],
    ...rows.map((r) => [
      r.method,
      r.ms.toFixed(0),
      (r.mb / (r.ms / 1000)).toFixed(1),
      r.items.toLocaleString('en'),
    ]),
  ];
  const widths = (table[0] ?? []).map((_, c) =>
    Math.max(...table.map((cells) => (cells[c] ?? '').length)),
  );
  const line = (/** @type {string[]} */ cells) =>
    `| ${cells.map((cell, c) => (c === 0 ? cell.padEnd(widths[c] ?? 0) : cell.padStart(widths[c] ?? 0))).join(' | ')} |`;
  console.log(line(table[0] ?? []));
  console.log(
    `| ${widths.map((w, c) => (c === 0 ? '-'.repeat(w) : `${'-'.repeat(w - 1)}:`)).join(' | ')} |`,
  );
  for (const cells of table.slice(1)) console.log(line(cells));

  const byMethod = (/** @type {string} */ prefix) => rows.find((r) => r.method.startsWith(prefix));
  const whole = byMethod('XmlItemScanner (scanText');
  const stream = byMethod('XmlItemScanner (scanStream');
  const fxp = byMethod('fast-xml-parser');
  const boto = byMethod('botocore');
  console.log('');
  if (boto && whole && stream) {
    console.log(
      `botocore ${botocoreVersion} / scanner: ${(boto.ms / whole.ms).toFixed(1)}× (whole text), ${(boto.ms / stream.ms).toFixed(1)}× (64 KB chunks)`,
    );
  }
  if (fxp && whole) console.log(`fast-xml-parser / scanner: ${(fxp.ms / whole.ms).toFixed(1)}×`);
  const counts = new Set(rows.map((r) => r.items));
  if (counts.size !== 1 || !counts.has(count)) {
    console.error(
      `image counts disagree: ${rows.map((r) => `${r.method}: ${r.items}`).join(', ')}`,
    );
    process.exitCode = 1;
  } else {
    console.log(`every method read ${count.toLocaleString('en')} images`);
  }
} finally {
  await rm(work, { recursive: true, force: true });
}
