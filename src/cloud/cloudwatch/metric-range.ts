// The time window and period of a graph. GetMetricStatistics refuses a call that would return
// more than 1,440 data points, and CloudWatch periods are multiples of 60 s; basic monitoring
// only has a point every 5 minutes, so asking for 1-minute points then returns gaps.
// https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_GetMetricStatistics.html

export const GRAPH_RANGES = ['1h', '6h', '24h', '7d', '14d'] as const;
export type GraphRange = (typeof GRAPH_RANGES)[number];

/** Ranges are lengths of time, not calendar days: a week across a DST change is 168 hours. */
export const RANGE_SECONDS: Record<GraphRange, number> = {
  '1h': 3_600,
  '6h': 6 * 3_600,
  '24h': 24 * 3_600,
  '7d': 7 * 86_400,
  '14d': 14 * 86_400,
};

/** GetMetricStatistics' limit on the points of one call. */
export const MAX_DATAPOINTS = 1_440;

/** Periods that read well on an axis ("every 10 minutes"), all multiples of 60 s. */
const NICE_PERIODS = [60, 120, 300, 600, 900, 1_800, 3_600, 7_200, 10_800, 21_600, 43_200, 86_400];

export function isGraphRange(value: unknown): value is GraphRange {
  return typeof value === 'string' && (GRAPH_RANGES as readonly string[]).includes(value);
}

/**
 * The smallest period (seconds) that keeps `seconds` within MAX_DATAPOINTS points: at least 60 s,
 * and 300 s when the instance has only basic (5-minute) monitoring.
 */
export function periodFor(seconds: number, detailed: boolean): number {
  const floor = detailed ? 60 : 300;
  const needed = Math.max(floor, Math.ceil(seconds / MAX_DATAPOINTS));
  const nice = NICE_PERIODS.find((p) => p >= needed);
  // Beyond a day a period per day is still a multiple of 60.
  return nice ?? Math.ceil(needed / 86_400) * 86_400;
}

export interface MetricWindow {
  /** Epoch milliseconds, a multiple of the period. */
  start: number;
  /** Epoch milliseconds, a multiple of the period, after `now`'s period began. */
  end: number;
  /** Seconds. */
  period: number;
  /** How many periods lie between start and end (at most MAX_DATAPOINTS). */
  points: number;
}

/**
 * The window ending with the period that holds `now`, `range` long, both ends on period
 * boundaries. Boundaries count from the Unix epoch, as CloudWatch's own buckets do, so a window
 * never depends on the time zone: a DST change only moves the local labels.
 */
export function metricWindow(range: GraphRange, now: number, detailed: boolean): MetricWindow {
  const seconds = RANGE_SECONDS[range];
  const period = periodFor(seconds, detailed);
  const step = period * 1000;
  const end = Math.ceil((now + 1) / step) * step;
  const points = Math.floor((seconds * 1000) / step);
  return { start: end - points * step, end, period, points };
}
