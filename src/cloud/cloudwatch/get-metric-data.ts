// GetMetricData: several metrics in one call, paged by NextToken (a page may hold part of a
// metric's points, so pages are joined by query id). Older Eucalyptus lacks the action: then
// readMetrics falls back to GetMetricStatistics, one call per metric.
// https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_GetMetricData.html

import { flattenQuery } from '../ec2/query';
import { parseEc2Time } from '../ec2/time';
import { queryListOperation } from '../query';
import { child, elements, text, type XmlValue } from '../xml';
import { cloudWatchTime } from './get-metric-statistics';
import { dimensionParams, type MetricId, type Statistic } from './types';

export interface MetricQuery {
  /** Starts with a lower-case letter; letters, digits and _ only (CloudWatch's rule). */
  id: string;
  metric: MetricId;
  stat: Statistic;
  /** Seconds. */
  period: number;
  unit?: string;
}

export interface GetMetricDataInput {
  queries: readonly MetricQuery[];
  /** Epoch milliseconds. */
  start: number;
  end: number;
}

/** One query's points in one page, as CloudWatch sent them. */
export interface MetricDataResult {
  id: string;
  label: string;
  /** Complete | PartialData | InternalError | Forbidden */
  statusCode: string;
  times: number[];
  values: number[];
}

export const getMetricData = queryListOperation<GetMetricDataInput, MetricDataResult>({
  action: 'GetMetricData',
  big: true,
  nextParam: 'NextToken',
  params: (input) =>
    flattenQuery({
      MetricDataQueries: {
        member: input.queries.map((q) => ({
          Id: q.id,
          MetricStat: {
            Metric: {
              Namespace: q.metric.namespace,
              MetricName: q.metric.metricName,
              Dimensions: dimensionParams(q.metric.dimensions),
            },
            Period: q.period,
            Stat: q.stat,
            Unit: q.unit,
          },
          ReturnData: true,
        })),
      },
      StartTime: cloudWatchTime(input.start),
      EndTime: cloudWatchTime(input.end),
      ScanBy: 'TimestampAscending',
    }),
  items: (result) => elements(child(child(result, 'MetricDataResults'), 'member')).map(readResult),
  next: (result) => text(child(result, 'NextToken')),
});

/**
 * CloudWatch's own form (2026-12-03T15:27:00Z) through Date.parse, which is fast for 10,000
 * timestamps; any other form a cloud sends through parseEc2Time.
 */
function readTime(raw: string): number | undefined {
  if (raw.length === 20 && raw.endsWith('Z')) {
    const fast = Date.parse(raw);
    if (Number.isFinite(fast)) return fast;
  }
  return parseEc2Time(raw)?.getTime();
}

function members(node: XmlValue | undefined, name: string): string[] {
  const value = child(child(node, name), 'member');
  const all = value === undefined || value === '' ? [] : Array.isArray(value) ? value : [value];
  return all.map((v) => text(v));
}

function readResult(member: XmlValue): MetricDataResult {
  const times: number[] = [];
  const values: number[] = [];
  const rawTimes = members(member, 'Timestamps');
  const rawValues = members(member, 'Values');
  // The two lists pair up by position; an unreadable pair is left out rather than misplaced.
  for (const [i, raw] of rawTimes.entries()) {
    const time = readTime(raw);
    const rawValue = rawValues[i] ?? '';
    const value = rawValue === '' ? Number.NaN : Number(rawValue);
    if (time === undefined || !Number.isFinite(value)) continue;
    times.push(time);
    values.push(value);
  }
  return {
    id: text(child(member, 'Id')),
    label: text(child(member, 'Label')),
    statusCode: text(child(member, 'StatusCode')),
    times,
    values,
  };
}
