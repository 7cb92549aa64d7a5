// @ts-check
// "Search the whole bucket" over 100,000 keys (1,000 per page) from moto on loopback, in Chromium
// with the built extension, against the panel's own listing of the same keys:
// - the first matches on screen after the first page's response (budget: 500 ms);
// - the whole search, Search → "100000 keys scanned", against the listing, Enter/Refresh on the
//   folder → every row listed (budget: no slower);
// - the client's time between pages (matching and showing), frames and long tasks while searching.
// A logging reverse proxy between the page and moto stamps when each ListObjects request arrived
// and when its response finished; the page stamps its frames with the same clock (Date.now()),
// and the browser's resource timing gives its own end of each response (the worse one counts).
// Run after a build: node bench/s3-search.mjs [keys]; BENCH_ROUNDS=n alternates n of each.
import { mkdtemp, rm } from 'node:fs/promises';
import { Agent, createServer, request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanUp, median, onCleanup, openPanel } from './kit.mjs';
import { startMoto } from './moto.mjs';

const count = Number(process.argv[2] ?? 100_000);
if (!Number.isInteger(count) || count < 1) throw new Error(`Not a key count: ${process.argv[2]}`);
const BUCKET = 'bench-search';
const PREFIX = 'big/';
// The seeded keys are big/00000001.txt …: one in ten ends in 7.
const PATTERN = '*7.txt';
let expectedMatches = 0;
for (let i = 1; i <= count; i++) if (i % 10 === 7) expectedMatches++;
const FIRST_MATCH_BUDGET_MS = 500;

/** @typedef {{ phase: string, arrived: number, finished: number }} ListLog */
let phase = 'setup';
/** @type {ListLog[]} */
const listLog = [];
const HOP_BY_HOP = ['connection', 'keep-alive', 'transfer-encoding', 'proxy-connection', 'upgrade'];

/**
 * Forwards everything to moto as it is and logs listings (GETs with list-type=2 or a prefix).
 * @param {number} motoPort
 * @returns {Promise<number>}
 */
async function startProxy(motoPort) {
  const upstreamAgent = new Agent({ keepAlive: true, maxSockets: 16 });
  const server = createServer((req, res) => {
    const arrived = Date.now();
    const url = new URL(req.url ?? '/', 'http://proxy');
    const isList =
      req.method === 'GET' &&
      (url.searchParams.get('list-type') === '2' || url.searchParams.has('prefix'));
    const headers = { ...req.headers };
    for (const name of HOP_BY_HOP) delete headers[name];
    const upstream = httpRequest(
      {
        host: '127.0.0.1',
        port: motoPort,
        method: req.method,
        path: req.url,
        headers,
        agent: upstreamAgent,
      },
      (up) => {
        const back = { ...up.headers };
        for (const name of HOP_BY_HOP) delete back[name];
        res.writeHead(up.statusCode ?? 502, back);
        if (isList) res.on('finish', () => listLog.push({ phase, arrived, finished: Date.now() }));
        up.pipe(res);
      },
    );
    upstream.on('error', (error) => {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(String(error));
    });
    req.pipe(upstream);
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', () => r(undefined)));
  onCleanup(
    () =>
      new Promise((done) => {
        server.closeAllConnections();
        server.close(() => done(undefined));
        upstreamAgent.destroy();
      }),
  );
  return /** @type {import('node:net').AddressInfo} */ (server.address()).port;
}

/**
 * @typedef {{ start: number, firstRow: number, loaded: number, frames: number[],
 *   longTasks: number[], firstFetchEnd: number }} Marks
 */

/**
 * Runs in the page: from the next Enter or click until `done()` holds. firstRow is stamped once
 * `firstRow()` holds, after the frame that shows it has been painted (a message posted from
 * requestAnimationFrame).
 * @param {{ mode: 'list' | 'search', expected: number, doneText: string }} arg
 */
function watch({ mode, expected, doneText }) {
  const w = /** @type {any} */ (window);
  const loadingText = w.chrome?.i18n?.getMessage('loading') || 'Loading…';
  /** @type {Marks} */
  const marks = { start: 0, firstRow: 0, loaded: 0, frames: [], longTasks: [], firstFetchEnd: 0 };
  w.benchMarks = marks;
  performance.setResourceTimingBufferSize(5_000);
  performance.clearResourceTimings();
  /** @param {Event} e */
  const started = (e) => {
    if (e instanceof KeyboardEvent && e.key !== 'Enter') return;
    marks.start = Date.now();
    document.removeEventListener('keydown', started, { capture: true });
    document.removeEventListener('click', started, { capture: true });
  };
  document.addEventListener('keydown', started, { capture: true });
  document.addEventListener('click', started, { capture: true });
  const observer = new PerformanceObserver((list) => {
    if (marks.start && !marks.loaded)
      for (const entry of list.getEntries()) marks.longTasks.push(entry.duration);
  });
  observer.observe({ type: 'longtask' });
  /** @param {(t: number) => void} then */
  const afterPaint = (then) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => then(Date.now());
    channel.port2.postMessage(null);
  };
  const rowCount = () =>
    Number(document.querySelector('.vtable table')?.getAttribute('aria-rowcount') ?? 1) - 1;
  let cleared = false;
  let sawFirst = false;
  let last = 0;
  /** @param {number} time */
  const tick = (time) => {
    if (marks.start) {
      if (last) marks.frames.push(time - last);
      last = time;
      const rows = rowCount();
      if (rows === 0) cleared = true;
      if (cleared && !sawFirst && rows > 0) {
        sawFirst = true;
        afterPaint((t) => {
          marks.firstRow = t;
        });
      }
      const done =
        mode === 'list'
          ? cleared &&
            rows === expected &&
            document.querySelector('.drop-target > p.muted')?.textContent !== loadingText
          : cleared &&
            rows === expected &&
            document.querySelector('.bucket-search-status')?.textContent === doneText;
      if (done) {
        afterPaint((t) => {
          marks.loaded = t;
          observer.disconnect();
          const fetches = performance
            .getEntriesByType('resource')
            .filter((e) => URL.canParse(e.name) && new URL(e.name).searchParams.has('list-type'))
            .map((e) => performance.timeOrigin + /** @type {any} */ (e).responseEnd)
            .sort((a, b) => a - b);
          marks.firstFetchEnd = fetches[0] ?? Number.NaN;
        });
        return;
      }
    }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

/** @param {number[]} values @param {number} q 0..1 */
function quantile(values, q) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}

/** Server and client time summed over one phase's pages. @param {ListLog[]} pages */
function split(pages) {
  let server = 0;
  let client = 0;
  pages.forEach((p, i) => {
    server += p.finished - p.arrived;
    const next = pages[i + 1];
    if (next) client += next.arrived - p.finished;
  });
  return { server, client };
}

const ms = (/** @type {number} */ n) => `${Math.round(n).toLocaleString('en')} ms`;
const s = (/** @type {number} */ n) => `${(n / 1000).toFixed(1)} s`;
const frameCell = (/** @type {number[]} */ f) =>
  `${quantile(f, 0.5).toFixed(1)} / ${quantile(f, 0.95).toFixed(1)} / ${Math.max(...f).toFixed(1)} ms`;

async function main() {
  const work = await mkdtemp(join(tmpdir(), 'cirrus-bench-search-'));
  onCleanup(() => rm(work, { recursive: true, force: true }));
  const rounds = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 1));
  const moto = await startMoto({ seed: { bucket: BUCKET, prefix: PREFIX, count } });
  onCleanup(moto.stop);
  console.error(`populated: ${count} keys in ${moto.seededSeconds.toFixed(1)} s`);
  const proxyPort = await startProxy(moto.port);
  const { context, page } = await openPanel(join(work, 'profile'), `http://127.0.0.1:${proxyPort}`);
  /** @param {string} key @param {string[]} [subs] @returns {Promise<string>} */
  const message = (key, subs = []) =>
    // @ts-expect-error the page's own extension API
    page.evaluate(([k, s]) => chrome.i18n.getMessage(k, s), /** @type {const} */ ([key, subs]));
  const label = {
    refresh: await message('refresh'),
    search: await message('s3SearchBucket'),
    back: await message('s3SearchBack'),
    done: await message('s3SearchDone', [String(count), String(expectedMatches)]),
  };

  await page.click('#tab-s3');
  await page.locator('.bucket-table').getByRole('button', { name: BUCKET, exact: true }).click();
  await page.waitForSelector(`tr[data-key="${PREFIX}"]`);
  await page.click(`tr[data-key="${PREFIX}"] td`);
  let inside = false;
  const timeout = Number(process.env.BENCH_TIMEOUT ?? 900_000);

  /** @param {'list' | 'search'} mode @param {string} tag */
  const measure = async (mode, tag) => {
    if (mode === 'search') {
      await page.getByRole('button', { name: label.search, exact: true }).click();
      await page.fill('#s3-search-pattern', PATTERN);
    }
    await page.evaluate(watch, {
      mode,
      expected: mode === 'list' ? count : expectedMatches,
      doneText: label.done,
    });
    phase = tag;
    if (mode === 'search') await page.click('.bucket-search-form button[type=submit]');
    else if (inside) await page.getByRole('button', { name: label.refresh, exact: true }).click();
    else await page.keyboard.press('Enter');
    inside = true;
    await page
      .waitForFunction(() => /** @type {any} */ (window).benchMarks.loaded, null, {
        timeout,
        polling: 500,
      })
      .catch(async (error) => {
        console.error(await page.evaluate(() => document.body.innerText.slice(-400)));
        throw error;
      });
    phase = 'idle';
    /** @type {Marks} */
    const marks = await page.evaluate(() => /** @type {any} */ (window).benchMarks);
    const pages = listLog.filter((l) => l.phase === tag).sort((a, b) => a.arrived - b.arrived);
    const first = pages[0];
    if (!first) throw new Error(`The proxy saw no listing for ${tag}`);
    if (mode === 'search')
      await page.getByRole('button', { name: label.back, exact: true }).click();
    return {
      marks,
      pages: pages.length,
      fullMs: marks.loaded - marks.start,
      // The first rows after the first page: by the proxy's clock and by the browser's.
      firstProxyMs: marks.firstRow - first.finished,
      firstBrowserMs: marks.firstRow - marks.firstFetchEnd,
      ...split(pages),
    };
  };

  /** @typedef {Awaited<ReturnType<typeof measure>>} Run */
  /** @type {Run[]} */
  const lists = [];
  /** @type {Run[]} */
  const searches = [];
  for (let round = 1; round <= rounds; round++) {
    // Turns from round to round, so a machine getting busier does not favour one of them.
    const order = round % 2 ? ['list', 'search'] : ['search', 'list'];
    for (const mode of order) {
      console.error(`round ${round}: ${mode}`);
      if (mode === 'list') lists.push(await measure('list', `list-${round}`));
      else searches.push(await measure('search', `search-${round}`));
    }
  }
  await context.close();

  const one = searches[0];
  const list = lists[0];
  if (!one || !list) throw new Error('Nothing was measured');
  const worstFirst = Math.max(...searches.flatMap((r) => [r.firstProxyMs, r.firstBrowserMs]));
  const searchFull = median(searches.map((r) => r.fullMs));
  const listFull = median(lists.map((r) => r.fullMs));
  const firstPass = worstFirst <= FIRST_MATCH_BUDGET_MS;
  const fullPass = searchFull <= listFull;
  const verdict = (/** @type {boolean} */ pass) => (pass ? 'PASS' : 'FAIL');
  const of = rounds > 1 ? `, median of ${rounds} rounds` : '';
  const perPage = (/** @type {Run} */ r) => ms(r.client / Math.max(1, r.pages - 1));
  const long = (/** @type {Run} */ r) =>
    `${r.marks.longTasks.length}, ${ms(r.marks.longTasks.reduce((a, b) => a + b, 0))}`;
  const rows = [
    [
      `Bucket of ${count.toLocaleString('en')} keys, ${PATTERN} (${expectedMatches.toLocaleString('en')} matches), moto through a logging proxy, Chromium`,
      'search',
      'listing',
      'budget',
    ],
    ['---', '---:', '---:', '---:'],
    [
      'first page: response → first rows painted, by the proxy / by the browser (worst of all runs)',
      `${ms(one.firstProxyMs)} / ${ms(one.firstBrowserMs)} (${ms(worstFirst)})`,
      `${ms(list.firstProxyMs)} / ${ms(list.firstBrowserMs)}`,
      `≤ ${FIRST_MATCH_BUDGET_MS} ms: ${verdict(firstPass)}`,
    ],
    [
      `whole run${of}: Search → all keys scanned; Enter/Refresh → all rows listed`,
      s(searchFull),
      s(listFull),
      `no slower: ${verdict(fullPass)}`,
    ],
    ['pages', `${one.pages}`, `${list.pages}`, ''],
    ['server: Σ request arrived → response sent', s(one.server), s(list.server), ''],
    [
      'client: Σ response sent → next request (per page)',
      `${s(one.client)} (${perPage(one)})`,
      `${s(list.client)} (${perPage(list)})`,
      '',
    ],
    [
      'frames while running (median / p95 / worst); long tasks',
      `${frameCell(one.marks.frames)}; ${long(one)}`,
      `${frameCell(list.marks.frames)}; ${long(list)}`,
      '',
    ],
  ];
  for (const row of rows) console.log(`| ${row.join(' | ')} |`);
  if (rounds > 1) {
    console.log('');
    console.log('| round | search: first rows (proxy / browser), whole | listing: whole |');
    console.log('| ---: | ---: | ---: |');
    for (let i = 0; i < rounds; i++) {
      const a = searches[i];
      const b = lists[i];
      console.log(
        `| ${i + 1} | ${a ? `${ms(a.firstProxyMs)} / ${ms(a.firstBrowserMs)}, ${s(a.fullMs)}` : '—'} | ${b ? s(b.fullMs) : '—'} |`,
      );
    }
  }
  console.log('');
  console.log(
    `First matches ≤ ${FIRST_MATCH_BUDGET_MS} ms after the first page: ${verdict(firstPass)}. ` +
      `Search no slower than the listing: ${verdict(fullPass)}.`,
  );
}

try {
  await main();
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  await cleanUp();
}
