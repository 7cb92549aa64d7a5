// @ts-check
// CloudWatch graphs in Chromium with the built extension: an instance with detailed monitoring
// and a full day of 1-minute points for every metric of its graphs in moto; Show graphs is
// pressed, and the time is taken from the last CloudWatch response leaving a proxy in front of
// moto to the frame after every chart is drawn (stamped inside the page), for the 1-hour and the
// 24-hour range (1,440 points a metric, 8 metrics in one GetMetricData). moto's answers are
// recorded once and replayed (moto needs 20–30 s for the day's).
// Run after a build: node bench/graphs.mjs [rounds]
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ACCESS_KEY,
  awsCli,
  cleanUp,
  median,
  note,
  onCleanup,
  openExtension,
  panelCall,
  SECRET_KEY,
} from './kit.mjs';
import { startMoto } from './moto.mjs';

const rounds = Number(process.argv[2] ?? 5);
const METRICS = [
  'CPUUtilization',
  'NetworkIn',
  'NetworkOut',
  'DiskReadOps',
  'DiskWriteOps',
  'DiskReadBytes',
  'DiskWriteBytes',
  'StatusCheckFailed',
];

try {
  const dir = await mkdtemp(join(tmpdir(), 'cirrus-bench-graphs-'));
  onCleanup(() => rm(dir, { recursive: true, force: true }));
  const moto = await startMoto();
  onCleanup(() => moto.stop());
  // moto cannot read the gzip bodies the CLI sends for big PutMetricData calls.
  const config = join(dir, 'aws-config');
  await writeFile(config, '[default]\ndisable_request_compression = true\n');
  const cli = awsCli(moto.url, config);

  const launched = JSON.parse(
    await cli([
      'ec2',
      'run-instances',
      '--image-id',
      'ami-12c6146b',
      '--monitoring',
      'Enabled=true',
      '--output',
      'json',
    ]),
  );
  const instanceId = launched.Instances[0].InstanceId;
  note(`instance ${instanceId}; putting ${METRICS.length} × 1,440 points`);
  const minute = 60_000;
  const last = Math.floor(Date.now() / minute) * minute - minute;
  for (const metric of METRICS) {
    for (let from = 0; from < 1440; from += 720) {
      const data = [];
      for (let i = from; i < from + 720; i++) {
        data.push({
          MetricName: metric,
          Dimensions: [{ Name: 'InstanceId', Value: instanceId }],
          Timestamp: new Date(last - i * minute).toISOString(),
          Value: metric === 'CPUUtilization' ? 50 + 40 * Math.sin(i / 60) : (i * 7919) % 100_000,
          Unit:
            metric === 'CPUUtilization'
              ? 'Percent'
              : metric.endsWith('Bytes') || metric.startsWith('Network')
                ? 'Bytes'
                : 'Count',
        });
      }
      const file = join(dir, 'points.json');
      await writeFile(file, JSON.stringify({ Namespace: 'AWS/EC2', MetricData: data }));
      await cli(['cloudwatch', 'put-metric-data', '--cli-input-json', `file://${file}`]);
    }
  }

  // moto takes 20–30 s (more on a busy machine) to answer a day of 1-minute points for 8
  // metrics, longer than the panel waits for an answer. So each range's answer is asked of moto
  // once here, with the queries the panel sends (same ids, statistics and period), and the proxy
  // in front of moto replays it to the panel: the bench times the panel, not moto.
  const GRAPHS = [
    ['cpu', 'Average', ['CPUUtilization']],
    ['net', 'Sum', ['NetworkIn', 'NetworkOut']],
    ['diskops', 'Sum', ['DiskReadOps', 'DiskWriteOps']],
    ['diskbytes', 'Sum', ['DiskReadBytes', 'DiskWriteBytes']],
    ['status', 'Maximum', ['StatusCheckFailed']],
  ];
  /** @type {Map<number, string>} range in seconds → moto's GetMetricData answer */
  const recorded = new Map();
  for (const seconds of [3600, 86_400]) {
    const end = Math.ceil((Date.now() + 1) / minute) * minute;
    const form = new URLSearchParams({
      Action: 'GetMetricData',
      Version: '2010-08-01',
      StartTime: new Date(end - seconds * 1000).toISOString(),
      EndTime: new Date(end).toISOString(),
    });
    let n = 0;
    for (const [id, stat, names] of GRAPHS) {
      for (const [i, name] of /** @type {string[]} */ (names).entries()) {
        const q = `MetricDataQueries.member.${++n}`;
        form.set(`${q}.Id`, `m_${id}_${i}`);
        form.set(`${q}.MetricStat.Metric.Namespace`, 'AWS/EC2');
        form.set(`${q}.MetricStat.Metric.MetricName`, name);
        form.set(`${q}.MetricStat.Metric.Dimensions.member.1.Name`, 'InstanceId');
        form.set(`${q}.MetricStat.Metric.Dimensions.member.1.Value`, instanceId);
        form.set(`${q}.MetricStat.Period`, '60');
        form.set(`${q}.MetricStat.Stat`, /** @type {string} */ (stat));
      }
    }
    const started = Date.now();
    const answer = await fetch(`${moto.url}/`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `AWS4-HMAC-SHA256 Credential=${ACCESS_KEY}/20260101/us-east-1/monitoring/aws4_request, SignedHeaders=host, Signature=0`,
      },
      body: form.toString(),
    });
    recorded.set(seconds, await answer.text());
    note(`moto answered ${seconds / 3600} h in ${Date.now() - started} ms`);
  }

  // A proxy in front of moto: takes the service paths off (moto serves every service at /),
  // replays the recorded GetMetricData answers, and stamps when each CloudWatch answer was sent.
  /** @type {number[]} */
  const answered = [];
  const proxy = createServer((req, res) => {
    const path = (req.url ?? '/').replace(/^\/services\/[A-Za-z]+/, '') || '/';
    const isCloudWatch = (req.url ?? '').startsWith('/services/CloudWatch');
    if (isCloudWatch) {
      let body = '';
      req.on('data', (chunk) => {
        body += chunk;
      });
      req.on('end', () => {
        const form = new URLSearchParams(body);
        const seconds =
          (Date.parse(form.get('EndTime') ?? '') - Date.parse(form.get('StartTime') ?? '')) / 1000;
        const answer = recorded.get(seconds);
        res.on('finish', () => answered.push(Date.now()));
        res.writeHead(answer ? 200 : 400, {
          'content-type': 'text/xml',
          date: new Date().toUTCString(),
        });
        res.end(
          answer ??
            '<ErrorResponse><Error><Code>BenchNotRecorded</Code><Message>not recorded</Message></Error></ErrorResponse>',
        );
      });
      return;
    }
    const upstream = httpRequest(
      { host: '127.0.0.1', port: moto.port, method: req.method, path, headers: req.headers },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  await new Promise((r) => proxy.listen(0, '127.0.0.1', () => r(undefined)));
  onCleanup(() => new Promise((r) => proxy.close(() => r(undefined))));
  const port = /** @type {import('node:net').AddressInfo} */ (proxy.address()).port;

  const profileDir = await mkdtemp(join(tmpdir(), 'cirrus-bench-'));
  onCleanup(() => rm(profileDir, { recursive: true, force: true }));
  const { page, browserVersion } = await openExtension(profileDir);
  const { profile } = await panelCall(page, 'profileSave', {
    profile: {
      id: '',
      kind: 'eucalyptus',
      name: 'bench graphs',
      accessKeyId: ACCESS_KEY,
      host: '127.0.0.1',
      port,
      https: false,
      ec2Path: '/services/Eucalyptus',
      s3Path: '/services/Walrus',
      s3Host: '',
      region: 'us-east-1',
      signatureVersion: 4,
      apiVersion: '2016-11-15',
    },
    secret: { secretAccessKey: SECRET_KEY },
  });
  await panelCall(page, 'profileSetCurrent', { id: profile.id });
  await page.click('#tab-instances');
  await page.click(`tr[data-key="${instanceId}"] td`);

  /** Shows the graphs and resolves with the page's stamp of the frame after all are drawn. */
  async function openGraphs() {
    answered.length = 0;
    await page.evaluate(() => {
      const w = /** @type {any} */ (window);
      w.benchDrawn = 0;
      const check = () => {
        const graphs = [...document.querySelectorAll('[data-graph]')];
        const done =
          graphs.length > 0 &&
          graphs.every((g) => g.querySelector('.metric-chart-plot canvas, .graph-empty, .error'));
        // The stamp is taken in the next frame: the charts drawn are then on screen.
        if (done) requestAnimationFrame(() => (w.benchDrawn = Date.now()));
        else requestAnimationFrame(check);
      };
      requestAnimationFrame(check);
    });
    await page.getByRole('button', { name: 'Show graphs' }).click();
    await page.waitForFunction(() => /** @type {any} */ (window).benchDrawn > 0, null, {
      timeout: 60_000,
    });
    const drawn = await page.evaluate(() => /** @type {any} */ (window).benchDrawn);
    const plotted = await page.evaluate(() =>
      [...document.querySelectorAll('.metric-chart-plot[data-plotted]')].map(
        (el) => JSON.parse(/** @type {HTMLElement} */ (el).dataset.plotted ?? '[[]]')[0].length,
      ),
    );
    if (process.env.BENCH_SCREENSHOT) {
      await page.hover('[data-graph="cpu"] .u-over');
      await page.screenshot({ path: process.env.BENCH_SCREENSHOT, fullPage: true });
      // The same charts after the system switches to dark: repainted with the dark colours.
      await page.emulateMedia({ colorScheme: 'dark' });
      await page.waitForTimeout(300);
      await page.screenshot({
        path: process.env.BENCH_SCREENSHOT.replace(/\.png$/, '-dark.png'),
        fullPage: true,
      });
      await page.emulateMedia({ colorScheme: 'light' });
    }
    const lastAnswer = Math.max(...answered);
    if (plotted.length === 0) {
      console.error(await page.evaluate(() => document.querySelector('.graphs')?.textContent));
    }
    await page.getByRole('button', { name: 'Hide graphs' }).click();
    return { ms: drawn - lastAnswer, calls: answered.length, plotted };
  }

  /** @type {Record<string, { ms: number[], calls: number, points: number }>} */
  const results = {};
  for (const range of ['1h', '24h']) {
    // The range is chosen in the graphs themselves, then they are hidden: each round opens them
    // afresh with that remembered range.
    await page.getByRole('button', { name: 'Show graphs' }).click();
    await page.selectOption('.graphs-range', range);
    await page.waitForTimeout(500);
    await page.getByRole('button', { name: 'Hide graphs' }).click();
    const ms = [];
    let calls = 0;
    let points = 0;
    for (let round = 0; round < rounds; round++) {
      const r = await openGraphs();
      note(
        `${range} round ${round + 1}: ${r.ms} ms after the last answer (${r.calls} call(s), points ${r.plotted.join('/')})`,
      );
      ms.push(r.ms);
      calls = r.calls;
      points = Math.max(...r.plotted);
    }
    results[range] = { ms, calls, points };
  }

  console.log(`Chromium ${browserVersion}, ${rounds} rounds each`);
  console.log(
    '| range | CloudWatch calls | points a chart | last answer → charts drawn (median / worst) | budget |',
  );
  console.log('| --- | ---: | ---: | ---: | ---: |');
  for (const [range, r] of Object.entries(results)) {
    console.log(
      `| ${range} | ${r.calls} | ${r.points} | ${median(r.ms)} / ${Math.max(...r.ms)} ms | 300 ms |`,
    );
  }
} finally {
  await cleanUp();
}
