// Metric reads against moto and through the Eucalyptus-shaped front door (SigV4 `monitoring` and
// SigV2): data points put with the AWS CLI's put-metric-data come back as the graphs' points,
// values and timestamps, by GetMetricData and by GetMetricStatistics, and the graphs model shows
// them (with the fallback when the cloud has no GetMetricData).
import '../../support/fake-browser';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { getMetricStatistics } from '../../../src/cloud/cloudwatch/get-metric-statistics';
import { metricWindow } from '../../../src/cloud/cloudwatch/metric-range';
import { readMetrics } from '../../../src/cloud/cloudwatch/read-metrics';
import { createLocalSigner } from '../../../src/cloud/local-signer';
import type { EucalyptusProfile } from '../../../src/cloud/profile';
import { queryCall } from '../../../src/cloud/query';
import { createGraphsModel } from '../../../src/panels/graphs/graphs-model';
import { awsCli } from '../../e2e/aws-cli';
import { type FrontDoor, startFrontDoor } from '../../support/front-door';
import { testDeps } from '../../support/model-deps';
import { type Moto, startMoto } from '../../support/moto';

const creds = {
  accessKeyId: 'AKIDCLOUDWATCH000001',
  secretAccessKey: 'cloudwatch/metrics/secret/00000000000001',
};
const INSTANCE = 'i-0123456789abcdef0';
const FIVE_MIN = 300_000;

let moto: Moto;
let door: FrontDoor;
/** Whether the front door answers GetMetricData as a cloud without it (older Eucalyptus). */
let withoutGetMetricData = false;
/** A refusal the front door answers every CloudWatch read with, as a cloud would. */
let refuse: { status: number; code: string; message: string; actions: string[] } | null = null;
/** GetMetricData pages the front door answers itself (moto never pages it), by NextToken. */
let pages: Record<string, string> | null = null;
/** [epoch ms, value] put as CPUUtilization and, doubled, as NetworkIn; 5-minute boundaries. */
let points: Array<[number, number]> = [];
const now = Date.now();

function put(metric: string, unit: string, data: Array<[number, number]>) {
  awsCli(moto.url, [
    'cloudwatch',
    'put-metric-data',
    '--namespace',
    'AWS/EC2',
    '--metric-data',
    JSON.stringify(
      data.map(([time, value]) => ({
        MetricName: metric,
        Dimensions: [{ Name: 'InstanceId', Value: INSTANCE }],
        Timestamp: new Date(time).toISOString(),
        Value: value,
        Unit: unit,
      })),
    ),
  ]);
}

beforeAll(async () => {
  moto = await startMoto();
  door = await startFrontDoor({
    motoUrl: moto.url,
    credentials: [creds],
    region: 'eucalyptus',
    // Eucalyptus before 4.4 has no GetMetricData; its CloudWatch answers as for any unknown action.
    queryAnswer: (service, action, params) => {
      if (refuse?.actions.includes(action)) {
        return {
          status: refuse.status,
          body: `<ErrorResponse><Error><Type>Sender</Type><Code>${refuse.code}</Code><Message>${refuse.message}</Message></Error><RequestId>0f5c3e6a-0000-4000-8000-000000000002</RequestId></ErrorResponse>`,
        };
      }
      if (pages && action === 'GetMetricData') {
        const token = params.find(([name]) => name === 'NextToken')?.[1] ?? '';
        return { status: 200, body: pages[token] ?? '' };
      }
      return withoutGetMetricData && service === 'monitoring' && action === 'GetMetricData'
        ? {
            status: 400,
            body:
              '<ErrorResponse xmlns="http://monitoring.amazonaws.com/doc/2010-08-01/"><Error><Type>Sender</Type>' +
              '<Code>InvalidAction</Code><Message>Could not find operation GetMetricData for version 2010-08-01</Message>' +
              '</Error><RequestId>0f5c3e6a-0000-4000-8000-000000000001</RequestId></ErrorResponse>',
          }
        : undefined;
    },
  });
  const last = Math.floor(now / FIVE_MIN) * FIVE_MIN - FIVE_MIN;
  points = [12.5, 40, 3.25, 99, 57.75].map((v, i) => [last - (4 - i) * FIVE_MIN, v]);
  put('CPUUtilization', 'Percent', points);
  put(
    'NetworkIn',
    'Bytes',
    points.map(([t, v]) => [t, v * 2048]),
  );
});
afterAll(async () => {
  await door?.stop();
  await moto?.stop();
});

function direct(): EucalyptusProfile {
  return {
    id: 'moto',
    name: 'moto',
    kind: 'eucalyptus',
    accessKeyId: creds.accessKeyId,
    host: '127.0.0.1',
    port: moto.port,
    https: false,
    ec2Path: '',
    s3Path: '',
    cloudwatchPath: '',
    s3Host: '',
    region: 'us-east-1',
    signatureVersion: 4,
    apiVersion: '2016-11-15',
  };
}

function throughDoor(signatureVersion: 2 | 4): EucalyptusProfile {
  return {
    id: `door${signatureVersion}`,
    name: 'door',
    kind: 'eucalyptus',
    accessKeyId: creds.accessKeyId,
    host: '127.0.0.1',
    port: door.port,
    https: false,
    ec2Path: '/services/Eucalyptus',
    s3Path: '/services/Walrus',
    s3Host: '',
    region: 'eucalyptus',
    signatureVersion,
    apiVersion: '2013-02-01',
  };
}

const queries = (period: number) => [
  {
    id: 'cpu',
    metric: {
      namespace: 'AWS/EC2',
      metricName: 'CPUUtilization',
      dimensions: [{ name: 'InstanceId', value: INSTANCE }],
    },
    stat: 'Average' as const,
    period,
  },
  {
    id: 'net',
    metric: {
      namespace: 'AWS/EC2',
      metricName: 'NetworkIn',
      dimensions: [{ name: 'InstanceId', value: INSTANCE }],
    },
    stat: 'Sum' as const,
    period,
  },
  {
    id: 'none',
    metric: {
      namespace: 'AWS/EC2',
      metricName: 'DiskReadOps',
      dimensions: [{ name: 'InstanceId', value: INSTANCE }],
    },
    stat: 'Sum' as const,
    period,
  },
];

const asPoints = (data: Array<[number, number]>) => data.map(([time, value]) => ({ time, value }));

describe.each([
  ['moto directly (SigV4)', () => direct()],
  ['the front door, SigV4 monitoring', () => throughDoor(4)],
  ['the front door, SigV2', () => throughDoor(2)],
])('through %s', (_name, profileOf) => {
  test('GetMetricData answers the points put, values and timestamps, per query', async () => {
    const profile = profileOf();
    const signer = createLocalSigner(profile, creds);
    const window = metricWindow('1h', now, false);
    const read = await readMetrics(profile, signer, {
      queries: queries(window.period),
      start: window.start,
      end: window.end,
    });
    expect(read.via).toBe('GetMetricData');
    expect(read.series).toEqual([
      { id: 'cpu', points: asPoints(points) },
      { id: 'net', points: asPoints(points.map(([t, v]) => [t, v * 2048])) },
      { id: 'none', points: [] },
    ]);
  });

  test('GetMetricStatistics answers the same points, with their unit', async () => {
    const profile = profileOf();
    const signer = createLocalSigner(profile, creds);
    const window = metricWindow('6h', now, false);
    const answer = await queryCall('monitoring', getMetricStatistics, profile, signer, {
      namespace: 'AWS/EC2',
      metricName: 'CPUUtilization',
      dimensions: [{ name: 'InstanceId', value: INSTANCE }],
      start: window.start,
      end: window.end,
      period: window.period,
      statistics: ['Average', 'Maximum'],
    });
    expect(answer.label).toBe('CPUUtilization');
    expect(answer.points).toEqual(
      points.map(([time, v]) => ({ time, values: { Average: v, Maximum: v }, unit: 'Percent' })),
    );
    const read = await readMetrics(
      profile,
      signer,
      { queries: queries(window.period), start: window.start, end: window.end },
      { statisticsOnly: true },
    );
    expect(read.via).toBe('GetMetricStatistics');
    expect(read.series.map((s) => s.points)).toEqual([
      asPoints(points),
      asPoints(points.map(([t, v]) => [t, v * 2048])),
      [],
    ]);
  });
});

test('the graphs model shows the instance’s points in its CPU and network graphs', async () => {
  const t = testDeps();
  const profile = throughDoor(4);
  t.switchTo({ profile, signer: createLocalSigner(profile, creds) });
  const model = createGraphsModel(t.deps, { kind: 'instance', id: INSTANCE, detailed: false });
  try {
    await model.ready;
    await expect.poll(() => model.state.value.kind, { timeout: 20_000 }).toBe('ready');
    const state = model.state.value;
    if (state.kind !== 'ready') throw new Error(state.kind);
    expect(state.window.period).toBe(300);
    expect(state.series.get('m_cpu_0')?.points).toEqual(asPoints(points));
    expect(state.series.get('m_net_0')?.points).toEqual(
      asPoints(points.map(([t, v]) => [t, v * 2048])),
    );
    expect(state.series.get('m_net_1')?.points).toEqual([]);
    expect(door.requests.some((r) => r.service === 'monitoring' && r.sigVersion === 4)).toBe(true);
  } finally {
    model.dispose();
  }
});

test('a cloud without GetMetricData: the same points by GetMetricStatistics, then asked directly', async () => {
  withoutGetMetricData = true;
  door.requests.length = 0;
  const t = testDeps();
  const profile = { ...throughDoor(2), id: 'old-eucalyptus' };
  t.switchTo({ profile, signer: createLocalSigner(profile, creds) });
  const model = createGraphsModel(t.deps, { kind: 'instance', id: INSTANCE, detailed: false });
  try {
    await model.ready;
    await expect.poll(() => model.state.value.kind, { timeout: 20_000 }).toBe('ready');
    const state = model.state.value;
    if (state.kind !== 'ready') throw new Error(state.kind);
    expect(state.series.get('m_cpu_0')?.points).toEqual(asPoints(points));
    const actions = () =>
      door.requests.filter((r) => r.service === 'monitoring').map((r) => r.action);
    // One refused GetMetricData, then one GetMetricStatistics per metric of the five graphs.
    expect(actions().filter((a) => a === 'GetMetricData')).toHaveLength(1);
    expect(actions().filter((a) => a === 'GetMetricStatistics')).toHaveLength(8);
    door.requests.length = 0;
    // The refusal is remembered for this cloud: Refresh goes straight to GetMetricStatistics.
    await model.refresh();
    expect(model.state.value.kind).toBe('ready');
    expect(actions()).toEqual(Array(8).fill('GetMetricStatistics'));
  } finally {
    model.dispose();
    withoutGetMetricData = false;
  }
});

test('GetMetricData pages are joined per query, in time order', async () => {
  const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');
  const result = (id: string, data: Array<[number, number]>, status = 'PartialData') =>
    `<member><Id>${id}</Id><Label>${id}</Label><Timestamps>${data.map(([t]) => `<member>${iso(t)}</member>`).join('')}</Timestamps>` +
    `<Values>${data.map(([, v]) => `<member>${v}</member>`).join('')}</Values><StatusCode>${status}</StatusCode></member>`;
  const page = (members: string, next: string) =>
    '<GetMetricDataResponse xmlns="http://monitoring.amazonaws.com/doc/2010-08-01/"><GetMetricDataResult>' +
    `<MetricDataResults>${members}</MetricDataResults>${next ? `<NextToken>${next}</NextToken>` : ''}` +
    '<Messages/></GetMetricDataResult><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></GetMetricDataResponse>';
  // As AWS pages a descending scan: the newest points first, a query split across pages.
  pages = {
    '': page(result('cpu', points.slice(3).reverse()) + result('net', []), 'second page'),
    'second page': page(
      result('cpu', points.slice(0, 3).reverse(), 'Complete') +
        result('net', [[points[0]?.[0] ?? 0, 5]], 'Complete'),
      '',
    ),
  };
  try {
    const profile = throughDoor(4);
    const window = metricWindow('1h', now, false);
    const read = await readMetrics(profile, createLocalSigner(profile, creds), {
      queries: queries(window.period),
      start: window.start,
      end: window.end,
    });
    expect(read.series).toEqual([
      { id: 'cpu', points: asPoints(points) },
      { id: 'net', points: [{ time: points[0]?.[0], value: 5 }] },
      { id: 'none', points: [] },
    ]);
    const sent = door.requests.filter((r) => r.action === 'GetMetricData').slice(-2);
    expect(sent.map((r) => r.ok)).toEqual([true, true]);
  } finally {
    pages = null;
  }
});

test('a refusal reaches every graph with its code; a cloud without any metric read says so once', async () => {
  const t = testDeps();
  const profile = { ...throughDoor(4), id: 'refusing' };
  t.switchTo({ profile, signer: createLocalSigner(profile, creds) });
  const model = createGraphsModel(t.deps, { kind: 'instance', id: INSTANCE, detailed: true });
  try {
    refuse = {
      status: 403,
      code: 'AccessDenied',
      message: 'User is not authorized to perform cloudwatch:GetMetricData',
      actions: ['GetMetricData'],
    };
    await model.ready;
    await expect.poll(() => model.state.value.kind, { timeout: 20_000 }).toBe('failed');
    expect(model.state.value).toMatchObject({
      kind: 'failed',
      error: { code: 'AccessDenied', status: 403 },
    });
    refuse = {
      status: 400,
      code: 'InvalidAction',
      message: 'Could not find operation',
      actions: ['GetMetricData', 'GetMetricStatistics'],
    };
    await model.refresh();
    expect(model.state.value).toMatchObject({
      kind: 'unsupported',
      error: { code: 'InvalidAction' },
    });
  } finally {
    refuse = null;
    model.dispose();
  }
});

test('volume graphs read AWS/EBS with the VolumeId', async () => {
  const volume = 'vol-0123456789abcdef0';
  const minute = 60_000;
  const at = Math.floor(now / minute) * minute - 3 * minute;
  awsCli(moto.url, [
    'cloudwatch',
    'put-metric-data',
    '--namespace',
    'AWS/EBS',
    '--metric-data',
    JSON.stringify([
      {
        MetricName: 'VolumeWriteBytes',
        Dimensions: [{ Name: 'VolumeId', Value: volume }],
        Timestamp: new Date(at).toISOString(),
        Value: 65536,
        Unit: 'Bytes',
      },
      {
        MetricName: 'VolumeQueueLength',
        Dimensions: [{ Name: 'VolumeId', Value: volume }],
        Timestamp: new Date(at).toISOString(),
        Value: 1.5,
        Unit: 'Count',
      },
    ]),
  ]);
  const t = testDeps();
  const profile = throughDoor(4);
  t.switchTo({ profile, signer: createLocalSigner(profile, creds) });
  const model = createGraphsModel(t.deps, { kind: 'volume', id: volume, detailed: true });
  try {
    await model.ready;
    await expect.poll(() => model.state.value.kind, { timeout: 20_000 }).toBe('ready');
    const state = model.state.value;
    if (state.kind !== 'ready') throw new Error(state.kind);
    // Whatever range was remembered, volumes have 1-minute points up to a day.
    expect(state.window.period).toBeLessThanOrEqual(60);
    expect(state.series.get('m_bytes_1')?.points).toEqual([{ time: at, value: 65536 }]);
    expect(state.series.get('m_queue_0')?.points).toEqual([{ time: at, value: 1.5 }]);
    expect(state.series.get('m_ops_0')?.points).toEqual([]);
  } finally {
    model.dispose();
  }
});

test('a profile without CloudWatch: the model says so and sends nothing', async () => {
  const t = testDeps();
  t.switchTo({
    profile: {
      id: 's3only',
      kind: 's3',
      name: 's3',
      accessKeyId: creds.accessKeyId,
      endpoint: `http://127.0.0.1:${moto.port}`,
      pathStyle: true,
      region: 'us-east-1',
      signatureVersion: 4,
    },
    signer: createLocalSigner(throughDoor(4), creds),
  });
  const model = createGraphsModel(t.deps, { kind: 'volume', id: 'vol-1', detailed: true });
  try {
    await model.ready;
    expect(model.state.value.kind).toBe('no-cloudwatch');
  } finally {
    model.dispose();
  }
});
