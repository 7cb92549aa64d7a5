// CloudWatch graphs both browsers must pass: data points put into moto with the AWS CLI are the
// points the instance's CPU graph draws (read from what uPlot holds), hovering reads one back
// with its unit, the range switch is remembered, and "Create alarm…" from the graph makes an
// alarm the CLI sees with the instance's dimension.
import { expect } from 'vitest';
import { press, run, waitForText } from './profiles-scenarios';
import { type DrivenPage, waitFor } from './shell-scenarios';

export type Cli = (args: string[]) => unknown;

/** CPU points every 5 minutes, on period boundaries, ending 10 minutes ago. */
export function cpuPoints(now: number, values: readonly number[]): Array<[number, number]> {
  const step = 300_000;
  const last = Math.floor(now / step) * step - 2 * step;
  return values.map((value, i) => [last - (values.length - 1 - i) * step, value]);
}

/** Puts the points as CPUUtilization of the instance, with the AWS CLI straight into moto. */
export function putCpuPoints(cli: Cli, instanceId: string, points: Array<[number, number]>) {
  const data = points.map(([time, value]) => ({
    MetricName: 'CPUUtilization',
    Dimensions: [{ Name: 'InstanceId', Value: instanceId }],
    Timestamp: new Date(time).toISOString(),
    Value: value,
    Unit: 'Percent',
  }));
  cli([
    'cloudwatch',
    'put-metric-data',
    '--namespace',
    'AWS/EC2',
    '--metric-data',
    JSON.stringify(data),
  ]);
}

async function selectInstance(page: DrivenPage, id: string) {
  await page.click('#tab-instances');
  await waitFor(
    page,
    new Function(`return !!document.querySelector('tr[data-key="${id}"]');`) as () => boolean,
    `row ${id}`,
    30_000,
  );
  await page.click(`tr[data-key="${id}"] td`);
}

async function waitForPoints(page: DrivenPage, expected: Array<[number, number]>, what: string) {
  await waitFor(
    page,
    new Function(
      `const el = document.querySelector('[data-graph="cpu"] .metric-chart-plot[data-plotted]');
       if (!el || !el.querySelector('canvas')) return false;
       const [xs, ys] = JSON.parse(el.dataset.plotted);
       return JSON.stringify(xs.map((x, i) => [x * 1000, ys[i]]).filter(([, y]) => y !== null)) === ${JSON.stringify(JSON.stringify(expected))};`,
    ) as () => boolean,
    what,
    30_000,
  );
}

/** Moves the pointer over the chart at the x of `time` and returns the readout's text. */
async function hoverAt(page: DrivenPage, time: number): Promise<string> {
  return waitFor(
    page,
    new Function(
      `const plot = document.querySelector('[data-graph="cpu"] .metric-chart-plot');
       const over = plot?.querySelector('.u-over');
       if (!over) return null;
       const [xs] = JSON.parse(plot.dataset.plotted);
       const r = over.getBoundingClientRect();
       // The x scale spans the window; find the point's pixel from uPlot's own axis ticks range.
       const first = Number(plot.dataset.start), last = Number(plot.dataset.end);
       const x = r.left + ((${time} / 1000 - first) / (last - first)) * r.width;
       const y = r.top + r.height / 2;
       over.dispatchEvent(new MouseEvent('mouseenter', { clientX: x, clientY: y, bubbles: true }));
       over.dispatchEvent(new MouseEvent('mousemove', { clientX: x, clientY: y, bubbles: true }));
       const text = plot.parentElement.querySelector('.graph-readout')?.textContent?.trim();
       return text && text.includes('CPUUtilization') ? text : null;`,
    ) as () => string | null,
    'the hover readout',
  );
}

/**
 * Opens the instance's graphs: the CPU graph draws exactly the points put into CloudWatch, the
 * basic-monitoring note shows, graphs without data say so, hovering reads a point, and the range
 * switch (6 hours) is kept after the graphs are hidden and shown again.
 */
export async function graphsDrawThePoints(
  page: DrivenPage,
  instanceId: string,
  points: Array<[number, number]>,
) {
  await selectInstance(page, instanceId);
  await run(
    page,
    `[...document.querySelectorAll('button')].find((b) => b.textContent === 'Show graphs')?.click();`,
  );
  await waitForPoints(page, points, 'the CPU graph with the points put into CloudWatch');
  await waitForText(page, 'Detailed monitoring is off: 5-minute points');
  // Nothing was put for the network: that graph says so instead of drawing an empty chart.
  await waitFor(
    page,
    () =>
      document.querySelector('[data-graph="net"] .graph-empty')?.textContent ===
      'No data in this range',
    'the empty network graph',
  );

  const [time, value] = points[points.length - 1] as [number, number];
  const readout = await hoverAt(page, time);
  expect(readout).toContain(
    `CPUUtilization: ${value.toLocaleString('en', { maximumFractionDigits: 1 })} %`,
  );
  const local = new Intl.DateTimeFormat('en', {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(time);
  expect(readout).toContain(local);

  await run(
    page,
    `const s = document.querySelector('.graphs-range');
     s.value = '6h';
     s.dispatchEvent(new Event('change', { bubbles: true }));`,
  );
  await waitFor(
    page,
    () => {
      const plot = document.querySelector<HTMLElement>('[data-graph="cpu"] .metric-chart-plot');
      return !!plot && Number(plot.dataset.end) - Number(plot.dataset.start) === 6 * 3600;
    },
    'the 6-hour window',
  );
  await waitForPoints(page, points, 'the same points over 6 hours');
  await run(
    page,
    `[...document.querySelectorAll('button')].find((b) => b.textContent === 'Hide graphs')?.click();`,
  );
  await run(
    page,
    `[...document.querySelectorAll('button')].find((b) => b.textContent === 'Show graphs')?.click();`,
  );
  await waitFor(
    page,
    () => document.querySelector<HTMLSelectElement>('.graphs-range')?.value === '6h',
    'the remembered range',
  );
  await waitForPoints(page, points, 'the points again');
}

interface CliAlarm {
  AlarmName: string;
  Namespace: string;
  MetricName: string;
  Dimensions: Array<{ Name: string; Value: string }>;
  Statistic: string;
  Period: number;
  Threshold: number;
  ComparisonOperator: string;
}

/**
 * Create alarm… from the CPU graph opens the Alarms tab's dialog filled from the graph (its
 * statistic and period, 80 %); the alarm it creates is in `aws cloudwatch describe-alarms` with
 * the instance's InstanceId.
 */
export async function createAlarmFromCpuGraph(page: DrivenPage, cli: Cli, instanceId: string) {
  await run(page, `document.querySelector('[data-graph="cpu"] .graph-alarm').click();`);
  const form = await waitFor(
    page,
    () => {
      const value = (id: string) =>
        document.querySelector<HTMLInputElement | HTMLSelectElement>(`dialog[open] #${id}`)?.value;
      const threshold = value('alarm-threshold');
      return threshold
        ? {
            threshold,
            statistic: value('alarm-statistic'),
            period: value('alarm-period'),
            metric: document.querySelector('dialog[open] [data-testid="alarm-metric"]')
              ?.textContent,
          }
        : null;
    },
    'the Create alarm dialog filled from the graph',
  );
  expect(form).toEqual({
    threshold: '80',
    statistic: 'Average',
    period: '300',
    metric: `AWS/EC2 · CPUUtilization · InstanceId=${instanceId}`,
  });
  await press(page, 'Create alarm');
  await waitForText(page, `Alarm CPUUtilization ${instanceId} created.`);
  const { MetricAlarms } = cli(['cloudwatch', 'describe-alarms']) as { MetricAlarms: CliAlarm[] };
  expect(MetricAlarms.find((a) => a.AlarmName === `CPUUtilization ${instanceId}`)).toMatchObject({
    Namespace: 'AWS/EC2',
    MetricName: 'CPUUtilization',
    Dimensions: [{ Name: 'InstanceId', Value: instanceId }],
    Statistic: 'Average',
    Period: 300,
    Threshold: 80,
    ComparisonOperator: 'GreaterThanThreshold',
  });
}
