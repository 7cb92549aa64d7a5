// @ts-check
// The S3 panel listing one prefix of 100,000 keys (1,000 per page) from moto on loopback, in
// Chromium with the built extension, against `aws s3 ls --recursive` of the same prefix:
// - the first page's rows on screen after its response (budget: 500 ms);
// - the whole listing, Enter on the folder → every row listed, against the CLI's wall time;
// - rows in the DOM, and frame times while the listed prefix is scrolled.
// A logging reverse proxy between the clients and moto stamps when each ListObjects request
// arrived and when its response finished being sent; the page stamps its frames with the same
// clock (Date.now()), and the browser's resource timing gives its own end of each response.
// Each client lists both through the proxy and straight to moto (the CLI's usual footing).
// Run after a build: node bench/s3-list.mjs [keys]
// Keys go straight into moto's in-memory backend before its server starts (seconds);
// BENCH_POPULATE=put sends them as parallel PUTs over HTTP instead (moto takes ~400 a second).
// BENCH_ROUNDS=n lists n times each way with each client, in turns, and compares the medians:
// on a busy machine the noise is of the order of the difference.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { Agent, createServer, request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanUp, onCleanup, openExtension, panelCall, saveS3Profile } from './kit.mjs';
import { startMoto } from './moto.mjs';

const count = Number(process.argv[2] ?? 100_000);
if (!Number.isInteger(count) || count < 1) throw new Error(`Not a key count: ${process.argv[2]}`);
const BUCKET = 'bench-list';
const PREFIX = 'big/';
const PAGE = 1000;
const SCROLL_STEPS = 200;
const SCROLL_STEP_PX = 2000;
const FIRST_PAGE_BUDGET_MS = 500;
const keyOf = (/** @type {number} */ i) => `${PREFIX}${String(i).padStart(8, '0')}.txt`;

/**
 * The bucket and its keys as PUTs, 64 at a time over kept-alive connections. moto takes them
 * unsigned (it does not check signatures); it refuses an unsigned overwrite, so the moto is fresh.
 * @param {number} port
 */
async function putAll(port) {
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  /** @param {string} path @param {string} body @returns {Promise<void>} */
  const put = (path, body) =>
    new Promise((done, fail) => {
      const req = httpRequest(
        {
          host: '127.0.0.1',
          port,
          method: 'PUT',
          path,
          agent,
          headers: { 'content-type': 'text/plain', 'content-length': Buffer.byteLength(body) },
        },
        (res) => {
          res.resume();
          res.on('end', () =>
            res.statusCode === 200
              ? done()
              : fail(new Error(`PUT ${path}: HTTP ${res.statusCode}`)),
          );
        },
      );
      req.on('error', fail);
      req.end(body);
    });
  try {
    await put(`/${BUCKET}`, '');
    let next = 1;
    await Promise.all(
      Array.from({ length: 64 }, async () => {
        while (next <= count) {
          const i = next++;
          await put(`/${BUCKET}/${keyOf(i)}`, `object ${i}\n`);
        }
      }),
    );
  } finally {
    agent.destroy();
  }
}

/**
 * @typedef {{ phase: string, prefix: string | null, arrived: number, finished: number,
 *   bytes: number, status: number }} ListLog
 */

/** Who the proxy is serving now, so its log can be split by client. */
let phase = 'setup';
/** @type {ListLog[]} */
const listLog = [];
const HOP_BY_HOP = ['connection', 'keep-alive', 'transfer-encoding', 'proxy-connection', 'upgrade'];

/**
 * Forwards everything to moto as it is (signatures included; moto does not check them) and logs
 * ListObjects: GETs with list-type=2 or a prefix.
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
        let bytes = 0;
        up.on('data', (/** @type {Buffer} */ chunk) => {
          bytes += chunk.length;
        });
        if (isList) {
          res.on('finish', () =>
            listLog.push({
              phase,
              prefix: url.searchParams.get('prefix'),
              arrived,
              finished: Date.now(),
              bytes,
              status: up.statusCode ?? 0,
            }),
          );
        }
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
 * `aws s3 ls --recursive` of the prefix, output counted and dropped; times stamped around it.
 * @param {string} endpoint
 * @param {string} configDir
 * @returns {Promise<{ started: number, ended: number, lines: number }>}
 */
function awsLs(endpoint, configDir) {
  return new Promise((done, fail) => {
    const started = Date.now();
    const child = spawn(
      'aws',
      ['--endpoint-url', endpoint, 's3', 'ls', '--recursive', `s3://${BUCKET}/${PREFIX}`],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
        env: {
          ...process.env,
          AWS_ACCESS_KEY_ID: 'AKIDBENCHCLI00000001',
          AWS_SECRET_ACCESS_KEY: 'bench/cli/secret/00000000000000000000001',
          AWS_DEFAULT_REGION: 'us-east-1',
          AWS_PAGER: '',
          AWS_CONFIG_FILE: join(configDir, 'config'),
          AWS_SHARED_CREDENTIALS_FILE: join(configDir, 'credentials'),
          AWS_EC2_METADATA_DISABLED: 'true',
        },
      },
    );
    onCleanup(async () => child.exitCode === null && child.kill('SIGKILL'));
    let lines = 0;
    let stderr = '';
    child.stdout?.on('data', (/** @type {Buffer} */ chunk) => {
      for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
    });
    child.stderr?.on('data', (/** @type {Buffer} */ chunk) => {
      stderr = (stderr + chunk).slice(-2_000);
    });
    child.once('error', fail);
    child.once('exit', (code) => {
      const ended = Date.now();
      if (code === 0) done({ started, ended, lines });
      else fail(new Error(`aws s3 ls exited with ${code}: ${stderr}`));
    });
  });
}

/** @param {number[]} values @param {number} q 0..1 */
function quantile(values, q) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}

/**
 * Server time (request arrived → response sent) and client time (response sent → next request)
 * summed over one client's pages of the prefix.
 * @param {ListLog[]} pages in order
 */
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
const median = (/** @type {number[]} */ values) => quantile(values, 0.5);
const mean = (/** @type {number[]} */ values) =>
  values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
const frameCell = (/** @type {number[]} */ f) =>
  `${quantile(f, 0.5).toFixed(1)} / ${quantile(f, 0.95).toFixed(1)} / ${Math.max(...f).toFixed(1)} ms`;

/**
 * @typedef {{ start: number, firstRow: number, loaded: number, counts: [number, number][],
 *   frames: number[], longTasks: number[], maxDomRows: number }} Marks
 */

/**
 * Runs in the page: watches the table from the next Enter or click (the one that starts a
 * listing) until every key is listed. A stamp is taken in a message posted from the frame's
 * requestAnimationFrame callback, which runs once that frame has been painted. Rows count only
 * once the table has been emptied for the new listing.
 * @param {{ expected: number, prefix: string }} arg
 */
function watchListing({ expected, prefix }) {
  const w = /** @type {any} */ (window);
  const loadingText = w.chrome?.i18n?.getMessage('loading') || 'Loading…';
  /** @type {Marks} */
  const marks = {
    start: 0,
    firstRow: 0,
    loaded: 0,
    counts: [],
    frames: [],
    longTasks: [],
    maxDomRows: 0,
  };
  w.benchMarks = marks;
  // The browser's own times for the listing's fetches, the next listing's alone.
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
  let cleared = false;
  let shown = -1;
  let last = 0;
  let sawFirst = false;
  /** @param {number} time */
  const tick = (time) => {
    if (marks.start) {
      if (last) marks.frames.push(time - last);
      last = time;
      const listed =
        Number(document.querySelector('.vtable table')?.getAttribute('aria-rowcount') ?? 1) - 1;
      marks.maxDomRows = Math.max(
        marks.maxDomRows,
        document.querySelectorAll('tr[data-key]').length,
      );
      if (listed === 0) cleared = true;
      if (cleared && !sawFirst && document.querySelector(`tr[data-key^="${prefix}0"]`)) {
        sawFirst = true;
        afterPaint((t) => {
          marks.firstRow = t;
        });
      }
      if (cleared && listed !== shown) {
        shown = listed;
        afterPaint((t) => marks.counts.push([t, listed]));
      }
      const loading = document.querySelector('.drop-target > p.muted')?.textContent;
      if (cleared && listed === expected && loading !== loadingText) {
        afterPaint((t) => {
          marks.loaded = t;
          observer.disconnect();
        });
        return;
      }
    }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

/**
 * Runs in the page: scrolls the table a step each frame, the step set between frames (as a wheel
 * event lands), so the frame after it shows the rows the table drew for it. A frame whose rows do
 * not cover the view counts as blank.
 * @param {{ steps: number, step: number }} arg
 */
async function scrollTable({ steps, step }) {
  const scroller = /** @type {HTMLElement} */ (document.querySelector('.vtable'));
  /** @returns {Promise<number>} */
  const frame = () => new Promise((r) => requestAnimationFrame(r));
  scroller.scrollTop = 0;
  await frame();
  await frame();
  const rowHeight =
    /** @type {HTMLElement | null} */ (scroller.querySelector('tr[data-key]'))?.offsetHeight || 28;
  const header = scroller.querySelector('thead')?.getBoundingClientRect().height ?? 0;
  // The table's own work for a step: from the scroll event reaching the page to its rows
  // re-rendered (Preact renders in a microtask of the scroller's handler) and laid out.
  /** @type {number[]} */
  const render = [];
  /** @type {number[]} */
  const layout = [];
  let began = 0;
  const before = () => {
    began = performance.now();
  };
  const after = () => {
    const rendered = performance.now();
    scroller.getBoundingClientRect();
    if (began) {
      render.push(rendered - began);
      layout.push(performance.now() - rendered);
    }
    began = 0;
  };
  document.addEventListener('scroll', before, { capture: true });
  scroller.addEventListener('scroll', after);
  /** @type {number[]} */
  const frames = [];
  let blank = 0;
  let maxDomRows = 0;
  let last = 0;
  for (let i = 0; i <= steps; i++) {
    const time = await frame();
    if (last) frames.push(time - last);
    last = time;
    const rows = scroller.querySelectorAll('tr[data-key]');
    maxDomRows = Math.max(maxDomRows, rows.length);
    const total = Number(scroller.querySelector('table')?.getAttribute('aria-rowcount')) - 1;
    const from = Number(rows[0]?.getAttribute('aria-rowindex') ?? 0) - 2;
    const to = Number(rows[rows.length - 1]?.getAttribute('aria-rowindex') ?? 0) - 2;
    const top = Math.floor(scroller.scrollTop / rowHeight);
    const bottom = Math.min(
      total - 1,
      Math.floor((scroller.scrollTop + scroller.clientHeight - header) / rowHeight),
    );
    if (!rows.length || from > top || to < bottom) blank++;
    if (i < steps)
      setTimeout(() => {
        scroller.scrollTop += step;
      }, 0);
  }
  document.removeEventListener('scroll', before, { capture: true });
  scroller.removeEventListener('scroll', after);
  return { frames, render, layout, blank, maxDomRows, scrolled: scroller.scrollTop };
}

/** The proxy's log of one client's pages of the prefix, in order. @param {string} who */
const pagesOf = (who) =>
  listLog
    .filter((l) => l.phase === who && l.prefix === PREFIX)
    .sort((a, b) => a.arrived - b.arrived);

async function main() {
  const work = await mkdtemp(join(tmpdir(), 'cirrus-bench-s3-'));
  onCleanup(() => rm(work, { recursive: true, force: true }));
  const rounds = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 1));

  const viaPut = process.env.BENCH_POPULATE === 'put';
  const populateStart = Date.now();
  const moto = await startMoto(viaPut ? {} : { seed: { bucket: BUCKET, prefix: PREFIX, count } });
  onCleanup(moto.stop);
  if (viaPut) await putAll(moto.port);
  const populated = viaPut
    ? `${count.toLocaleString('en')} parallel PUTs (64 at once): ${s(Date.now() - populateStart)} with moto's start`
    : `${count.toLocaleString('en')} keys put into moto's backend in-process: ${moto.seededSeconds.toFixed(1)} s (${s(Date.now() - populateStart)} with moto's start)`;
  console.error(`populated: ${populated}`);
  const proxyPort = await startProxy(moto.port);

  const { context, page } = await openExtension(join(work, 'profile'));
  // Two profiles on the same moto: through the proxy (the page's times against the proxy's) and
  // straight to it (the listing as the CLI gets it, without the extra hop).
  const profileIds = {
    proxy: await saveS3Profile(page, `http://127.0.0.1:${proxyPort}`, 'bench proxy'),
    direct: await saveS3Profile(page, `http://127.0.0.1:${moto.port}`, 'bench direct'),
  };
  const refreshLabel = await page.evaluate(
    // @ts-expect-error the page's own extension API
    () => chrome.i18n.getMessage('refresh') || 'Refresh',
  );

  /** @type {string | null} */
  let route = null;
  /**
   * Makes `to` the current profile, then opens the bucket and picks the prefix's folder row.
   * @param {'proxy' | 'direct'} to
   */
  const useProfile = async (to) => {
    await panelCall(page, 'profileSetCurrent', { id: profileIds[to] });
    if (route === null) await page.click('#tab-s3');
    route = to;
    // A new current profile brings the panel back to its bucket list.
    await page.locator('.bucket-table').getByRole('button', { name: BUCKET, exact: true }).click();
    await page.waitForSelector(`tr[data-key="${PREFIX}"]`);
    await page.click(`tr[data-key="${PREFIX}"] td`);
  };

  /**
   * One listing of the prefix in the panel, through the proxy or straight to moto: Enter on the
   * folder the first time with a profile, Refresh after.
   * @param {'proxy' | 'direct'} to
   * @param {string} tag
   */
  const cirrusListing = async (to, tag) => {
    if (route !== to) await useProfile(to);
    const inside = await page.evaluate(
      (folder) => !document.querySelector(`tr[data-key="${folder}"]`),
      PREFIX,
    );
    await page.evaluate(watchListing, { expected: count, prefix: PREFIX });
    phase = tag;
    if (inside) await page.getByRole('button', { name: refreshLabel, exact: true }).click();
    else await page.keyboard.press('Enter');
    await page
      .waitForFunction(() => /** @type {any} */ (window).benchMarks.loaded, null, {
        timeout: Number(process.env.BENCH_TIMEOUT ?? 600_000),
        polling: 500,
      })
      .catch(async (error) => {
        console.error(await page.evaluate(() => document.body.innerText.slice(-400)));
        throw error;
      });
    phase = 'idle';
    /** @type {Marks} */
    const marks = await page.evaluate(() => /** @type {any} */ (window).benchMarks);
    const fullMs = marks.loaded - marks.start;
    // The page's fetches of the prefix, as the browser timed them (same clock as the marks).
    const fetched = await page.evaluate(
      (prefix) =>
        performance
          .getEntriesByType('resource')
          .filter(
            (e) => URL.canParse(e.name) && new URL(e.name).searchParams.get('prefix') === prefix,
          )
          .map((e) => ({
            started: performance.timeOrigin + e.startTime,
            ended:
              performance.timeOrigin + /** @type {PerformanceResourceTiming} */ (e).responseEnd,
          }))
          .sort((a, b) => a.started - b.started),
      PREFIX,
    );
    const firstPageBrowserMs = marks.firstRow - (fetched[0]?.ended ?? Number.NaN);
    if (to === 'direct') return { fullMs, firstPageBrowserMs };
    const pages = pagesOf(tag);
    const first = pages[0];
    const last = pages.at(-1);
    if (!first || !last) throw new Error('The proxy saw no listing of the prefix from the panel');
    // Each page: response sent → the table counting its rows.
    const pageLags = pages.map((p, i) => {
      const needed = Math.min(count, (i + 1) * PAGE);
      const shown = marks.counts.find(([, n]) => n >= needed)?.[0] ?? Number.NaN;
      return shown - p.finished;
    });
    return {
      marks,
      pages,
      pageLags,
      firstPageMs: marks.firstRow - first.finished,
      firstPageBrowserMs,
      fullMs,
      fromRequestMs: marks.loaded - first.arrived,
      beforeMs: first.arrived - marks.start,
      afterMs: marks.loaded - last.finished,
      ...split(pages),
    };
  };

  /** The CLI, straight to moto or through the proxy. @param {'direct' | 'proxy'} route @param {string} tag */
  const cliListing = async (route, tag) => {
    phase = tag;
    const port = route === 'direct' ? moto.port : proxyPort;
    const run = await awsLs(`http://127.0.0.1:${port}`, work);
    phase = 'idle';
    if (run.lines !== count) throw new Error(`aws s3 ls listed ${run.lines} keys, not ${count}`);
    const pages = pagesOf(tag);
    const first = pages[0];
    const last = pages.at(-1);
    return {
      fullMs: run.ended - run.started,
      pages,
      beforeMs: first ? first.arrived - run.started : Number.NaN,
      afterMs: last ? run.ended - last.finished : Number.NaN,
      ...split(pages),
    };
  };

  /** @typedef {Awaited<ReturnType<typeof cirrusListing>>} CirrusRun */
  /** @typedef {Awaited<ReturnType<typeof cliListing>>} CliRun */
  /** @type {Extract<CirrusRun, { pages: unknown }>[]} */
  const cirrusProxy = [];
  /** @type {CirrusRun[]} */
  const cirrusDirect = [];
  /** @type {CliRun[]} */
  const cliDirect = [];
  /** @type {CliRun[]} */
  const cliProxy = [];
  /** @type {Awaited<ReturnType<typeof scrollTable>> | undefined} */
  let scroll;
  let domRows = 0;
  // Each round lists with each client each way, in an order that turns from round to round, so
  // a machine that gets busier or quieter does not favour one of them.
  const runs = ['cirrus-proxy', 'cli-direct', 'cirrus-direct', 'cli-proxy'];
  for (let round = 1; round <= rounds; round++) {
    for (let i = 0; i < runs.length; i++) {
      const which = runs[(i + round - 1) % runs.length];
      const tag = `${which}-${round}`;
      console.error(`round ${round}: ${which}`);
      if (which === 'cirrus-proxy') {
        const run = await cirrusListing('proxy', tag);
        if ('pages' in run) cirrusProxy.push(run);
        if (!scroll) {
          domRows = await page.evaluate(() => document.querySelectorAll('tr[data-key]').length);
          scroll = await page.evaluate(scrollTable, { steps: SCROLL_STEPS, step: SCROLL_STEP_PX });
        }
      } else if (which === 'cirrus-direct') {
        cirrusDirect.push(await cirrusListing('direct', tag));
      } else if (which === 'cli-direct') {
        cliDirect.push(await cliListing('direct', tag));
      } else {
        cliProxy.push(await cliListing('proxy', tag));
      }
    }
  }
  await context.close();

  const one = cirrusProxy[0];
  const cli = cliProxy[0];
  if (!one || !cli || !scroll) throw new Error('Nothing was measured');
  // The proxy's clock runs late when it waits for a core (the page has then seen the response
  // before the proxy says it sent it); the browser's resource timing does not: the worse counts.
  const firstPages = [
    ...cirrusProxy.flatMap((r) => [r.firstPageMs, r.firstPageBrowserMs]),
    ...cirrusDirect.map((r) => r.firstPageBrowserMs),
  ];
  const fullOf = (/** @type {{ fullMs: number }[]} */ runs) => median(runs.map((r) => r.fullMs));
  const cirrusDirectFull = fullOf(cirrusDirect);
  const cirrusProxyFull = fullOf(cirrusProxy);
  const directFull = fullOf(cliDirect);
  const proxyFull = fullOf(cliProxy);
  const firstPass = Math.max(...firstPages) <= FIRST_PAGE_BUDGET_MS;
  const fullPassDirect = cirrusDirectFull <= directFull;
  const fullPassProxy = cirrusProxyFull <= proxyFull;
  const verdict = (/** @type {boolean} */ pass) => (pass ? 'PASS' : 'FAIL');
  const longTotal = one.marks.longTasks.reduce((a, b) => a + b, 0);
  const lags = one.pageLags;
  const of = rounds > 1 ? `, median of ${rounds} rounds` : '';

  const rows = [
    [
      `S3 prefix of ${count.toLocaleString('en')} keys, ${PAGE.toLocaleString('en')} per page, moto on loopback, Chromium`,
      'Cirrus',
      'aws s3 ls --recursive',
      'budget',
    ],
    ['---', '---:', '---:', '---:'],
    [
      'first page: response → its rows painted, by the proxy / by the browser (worst of all listings)',
      `${ms(one.firstPageMs)} / ${ms(one.firstPageBrowserMs)} (${ms(Math.max(...firstPages))})`,
      '—',
      `≤ ${FIRST_PAGE_BUDGET_MS} ms: ${verdict(firstPass)}`,
    ],
    [
      `full listing straight to moto${of}: Cirrus Enter/Refresh → all rows listed; CLI wall time`,
      s(cirrusDirectFull),
      s(directFull),
      `no slower: ${verdict(fullPassDirect)}`,
    ],
    [
      `full listing through the proxy${of}`,
      s(cirrusProxyFull),
      s(proxyFull),
      `no slower: ${verdict(fullPassProxy)}`,
    ],
    ['pages (through the proxy)', `${one.pages.length}`, `${cli.pages.length}`, ''],
    ['server: Σ request arrived → response sent', s(one.server), s(cli.server), ''],
    [
      'client: Σ response sent → next request (per page)',
      `${s(one.client)} (${ms(one.client / Math.max(1, one.pages.length - 1))})`,
      `${s(cli.client)} (${ms(cli.client / Math.max(1, cli.pages.length - 1))})`,
      '',
    ],
    [
      'client: start → first request / last response → done',
      `${ms(one.beforeMs)} / ${ms(one.afterMs)}`,
      `${ms(cli.beforeMs)} / ${ms(cli.afterMs)}`,
      '',
    ],
    [
      'each page: response sent → its rows counted (median / worst; mean of pages 2–11 / last 10)',
      `${ms(median(lags))} / ${ms(Math.max(...lags))}; ${ms(mean(lags.slice(1, 11)))} / ${ms(mean(lags.slice(-10)))}`,
      '—',
      '',
    ],
    [
      'frames while listing (median / p95 / worst); long tasks',
      `${frameCell(one.marks.frames)}; ${one.marks.longTasks.length}, ${ms(longTotal)}`,
      '—',
      '',
    ],
    [
      'table rows in the DOM: listed / most while listing or scrolling',
      `${domRows} / ${Math.max(one.marks.maxDomRows, scroll.maxDomRows)}`,
      '—',
      'visible rows only',
    ],
    [
      `scroll ${SCROLL_STEPS} × ${SCROLL_STEP_PX} px, a step a frame: frame times (median / p95 / worst)`,
      frameCell(scroll.frames),
      '—',
      'smooth',
    ],
    [
      'scroll: per step, re-render of the table; then style and layout (median / p95 / worst)',
      `${frameCell(scroll.render)}; ${frameCell(scroll.layout)}`,
      '—',
      '',
    ],
    [
      'scroll: frames whose rows did not cover the view',
      `${scroll.blank} of ${scroll.frames.length + 1}`,
      '—',
      '0',
    ],
  ];
  for (const row of rows) console.log(`| ${row.join(' | ')} |`);
  if (rounds > 1) {
    console.log('');
    console.log(
      '| round | Cirrus first page: proxy / browser, browser → moto | Cirrus → moto | CLI → moto | Cirrus → proxy | CLI → proxy |',
    );
    console.log('| ---: | ---: | ---: | ---: | ---: | ---: |');
    for (let i = 0; i < rounds; i++) {
      const cells = [
        `${ms(cirrusProxy[i]?.firstPageMs ?? Number.NaN)} / ${ms(cirrusProxy[i]?.firstPageBrowserMs ?? Number.NaN)}, ${ms(cirrusDirect[i]?.firstPageBrowserMs ?? Number.NaN)}`,
        s(cirrusDirect[i]?.fullMs ?? Number.NaN),
        s(cliDirect[i]?.fullMs ?? Number.NaN),
        s(cirrusProxy[i]?.fullMs ?? Number.NaN),
        s(cliProxy[i]?.fullMs ?? Number.NaN),
      ];
      console.log(`| ${i + 1} | ${cells.join(' | ')} |`);
    }
  }
  console.log('');
  console.log(`Populated: ${populated}.`);
  console.log(
    `First page ≤ ${FIRST_PAGE_BUDGET_MS} ms after its response: ${verdict(firstPass)}. ` +
      `Full listing no slower than aws s3 ls --recursive: ${verdict(fullPassDirect)} with both straight to moto, ` +
      `${verdict(fullPassProxy)} with both through the proxy.`,
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
