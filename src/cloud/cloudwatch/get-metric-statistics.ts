// GetMetricStatistics: one metric's points over a window, one statistic or several. Every
// CloudWatch has it (Eucalyptus 3 and 4 included); GetMetricData is the newer, batched read.
// https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_GetMetricStatistics.html

import { flattenQuery } from '../ec2/query';
import { parseEc2Time } from '../ec2/time';
import type { QueryOperation } from '../query';
import { child, elements, text, type XmlValue } from '../xml';
import { dimensionParams, type MetricId, STATISTICS, type Statistic } from './types';

export interface GetMetricStatisticsInput extends MetricId {
  /** Epoch milliseconds. */
  start: number;
  end: number;
  /** Seconds, a multiple of 60. */
  period: number;
  statistics: readonly Statistic[];
  /** Only points recorded in this unit; CloudWatch otherwise mixes none and answers all. */
  unit?: string;
}

/** One point: the start of its period (epoch ms), the statistics asked for, and its unit. */
export interface StatisticsPoint {
  time: number;
  values: Partial<Record<Statistic, number>>;
  unit: string;
}

export interface MetricStatistics {
  label: string;
  /** In time order (CloudWatch sends them in no particular order). */
  points: StatisticsPoint[];
}

/** CloudWatch's timestamp form: ISO 8601 in UTC, whole seconds. */
export function cloudWatchTime(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

export const getMetricStatistics: QueryOperation<GetMetricStatisticsInput, MetricStatistics> = {
  action: 'GetMetricStatistics',
  readOnly: true,
  params: (input) =>
    flattenQuery({
      Namespace: input.namespace,
      MetricName: input.metricName,
      Dimensions: dimensionParams(input.dimensions),
      StartTime: cloudWatchTime(input.start),
      EndTime: cloudWatchTime(input.end),
      Period: input.period,
      Statistics: { member: [...input.statistics] },
      Unit: input.unit,
    }),
  read: (result) => ({
    label: text(child(result, 'Label')),
    points: elements(child(child(result, 'Datapoints'), 'member'))
      .map(readPoint)
      .filter((p): p is StatisticsPoint => p !== null)
      .sort((a, b) => a.time - b.time),
  }),
};

function readPoint(member: XmlValue): StatisticsPoint | null {
  const time = parseEc2Time(text(child(member, 'Timestamp')))?.getTime();
  if (time === undefined) return null;
  const values: StatisticsPoint['values'] = {};
  for (const name of STATISTICS) {
    const raw = text(child(member, name));
    const value = raw === '' ? Number.NaN : Number(raw);
    if (Number.isFinite(value)) values[name] = value;
  }
  return { time, values, unit: text(child(member, 'Unit')) };
}
