// The points of several metrics over one window: GetMetricData where the cloud has it (one call,
// every page joined), else GetMetricStatistics per metric (older Eucalyptus), which answers the
// same points one metric at a time.

import { type CloudErrorData, toErrorData } from '../errors';
import { pool } from '../pool';
import type { Profile } from '../profile';
import { queryCall, queryList } from '../query';
import type { Signer } from '../signer';
import { isUnsupportedAction } from '../unsupported';
import { getMetricData, type MetricQuery } from './get-metric-data';
import { getMetricStatistics } from './get-metric-statistics';

export interface MetricPoint {
  /** Start of the point's period, epoch milliseconds. */
  time: number;
  value: number;
}

/** One query's answer: its points in time order, or why the cloud gave none. */
export type SeriesResult =
  | { id: string; points: MetricPoint[]; error?: undefined }
  | { id: string; points?: undefined; error: CloudErrorData };

export interface ReadMetricsInput {
  queries: readonly MetricQuery[];
  start: number;
  end: number;
}

export interface ReadMetricsOptions {
  signal?: AbortSignal;
  /** Skip GetMetricData: the caller already learned the cloud lacks it. */
  statisticsOnly?: boolean;
}

export interface ReadMetricsResult {
  series: SeriesResult[];
  /** Which action answered, so a caller can remember a cloud without GetMetricData. */
  via: 'GetMetricData' | 'GetMetricStatistics';
}

export async function readMetrics(
  profile: Profile,
  signer: Signer,
  input: ReadMetricsInput,
  opts: ReadMetricsOptions = {},
): Promise<ReadMetricsResult> {
  const callOpts = opts.signal ? { signal: opts.signal } : {};
  if (!opts.statisticsOnly) {
    try {
      const pages = await queryList('monitoring', getMetricData, profile, signer, input, callOpts);
      return { series: joinPages(input.queries, pages), via: 'GetMetricData' };
    } catch (thrown) {
      if (!isUnsupportedAction(toErrorData(thrown))) throw thrown;
    }
  }
  // Few metrics per graph pane: a handful of calls at once, each metric failing on its own.
  const series = await pool(input.queries, 4, async (q): Promise<SeriesResult> => {
    try {
      const answer = await queryCall(
        'monitoring',
        getMetricStatistics,
        profile,
        signer,
        {
          ...q.metric,
          start: input.start,
          end: input.end,
          period: q.period,
          statistics: [q.stat],
          ...(q.unit ? { unit: q.unit } : {}),
        },
        callOpts,
      );
      const points: MetricPoint[] = [];
      for (const p of answer.points) {
        const value = p.values[q.stat];
        if (value !== undefined) points.push({ time: p.time, value });
      }
      return { id: q.id, points };
    } catch (thrown) {
      if (opts.signal?.aborted) throw thrown;
      return { id: q.id, error: toErrorData(thrown) };
    }
  });
  return { series, via: 'GetMetricStatistics' };
}

/** Each query's points from every page, in time order, or the status that withheld them. */
function joinPages(
  queries: readonly MetricQuery[],
  pages: ReadonlyArray<{
    id: string;
    statusCode: string;
    times: number[];
    values: number[];
  }>,
): SeriesResult[] {
  return queries.map((q): SeriesResult => {
    const mine = pages.filter((p) => p.id === q.id);
    const refused = mine.find(
      (p) => p.statusCode === 'Forbidden' || p.statusCode === 'InternalError',
    );
    if (refused) {
      return {
        id: q.id,
        error: { code: refused.statusCode, message: `CloudWatch answered ${refused.statusCode}` },
      };
    }
    const byTime = new Map<number, number>();
    for (const page of mine) {
      for (const [i, time] of page.times.entries()) byTime.set(time, page.values[i] as number);
    }
    const points = [...byTime.entries()]
      .map(([time, value]) => ({ time, value }))
      .sort((a, b) => a.time - b.time);
    return { id: q.id, points };
  });
}
