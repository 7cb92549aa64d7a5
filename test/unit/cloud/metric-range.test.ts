import { describe, expect, test } from 'vitest';
import {
  GRAPH_RANGES,
  MAX_DATAPOINTS,
  metricWindow,
  periodFor,
  RANGE_SECONDS,
} from '../../../src/cloud/cloudwatch/metric-range';
import { formatAxisTime } from '../../../src/panels/graphs/graph-format';

describe('periodFor', () => {
  test('detailed monitoring: the smallest period within 1,440 points, at least 60 s', () => {
    expect(GRAPH_RANGES.map((r) => periodFor(RANGE_SECONDS[r], true))).toEqual([
      60, 60, 60, 600, 900,
    ]);
  });

  test('basic monitoring never asks below 300 s', () => {
    expect(GRAPH_RANGES.map((r) => periodFor(RANGE_SECONDS[r], false))).toEqual([
      300, 300, 300, 600, 900,
    ]);
  });

  test('every period is a multiple of 60 and keeps within the limit, for any length', () => {
    for (let seconds = 60; seconds <= 400 * 86_400; seconds += 3_571) {
      for (const detailed of [true, false]) {
        const period = periodFor(seconds, detailed);
        expect(period % 60).toBe(0);
        expect(period).toBeGreaterThanOrEqual(detailed ? 60 : 300);
        expect(Math.ceil(seconds / period)).toBeLessThanOrEqual(MAX_DATAPOINTS);
      }
    }
  });
});

describe('metricWindow', () => {
  const now = Date.UTC(2026, 11, 3, 15, 27, 41, 500);

  test('ends on the boundary after now, starts one range earlier, both aligned', () => {
    for (const range of GRAPH_RANGES) {
      for (const detailed of [true, false]) {
        const w = metricWindow(range, now, detailed);
        const step = w.period * 1000;
        expect(w.start % step).toBe(0);
        expect(w.end % step).toBe(0);
        expect(w.end).toBeGreaterThan(now);
        expect(w.end - now).toBeLessThanOrEqual(step);
        expect(w.points).toBeLessThanOrEqual(MAX_DATAPOINTS);
        expect((w.end - w.start) / step).toBe(w.points);
        expect(w.end - w.start).toBeLessThanOrEqual(RANGE_SECONDS[range] * 1000);
        expect(w.end - w.start).toBeGreaterThan(RANGE_SECONDS[range] * 1000 - step);
      }
    }
  });

  test('24 hours of 1-minute points is exactly the limit', () => {
    const w = metricWindow('24h', now, true);
    expect(w).toMatchObject({ period: 60, points: 1440 });
    expect(new Date(w.end).toISOString()).toBe('2026-12-03T15:28:00.000Z');
    expect(new Date(w.start).toISOString()).toBe('2026-12-02T15:28:00.000Z');
  });

  test('a time on a boundary still includes the period it starts', () => {
    const w = metricWindow('1h', Date.UTC(2026, 11, 3, 15, 30), false);
    expect(new Date(w.end).toISOString()).toBe('2026-12-03T15:35:00.000Z');
    expect(w.points).toBe(12);
  });
});

describe('a range across a DST change', () => {
  // New York leaves daylight time at 06:00 UTC on 1 November 2026 (02:00 EDT → 01:00 EST).
  const zone = { locale: 'en-US', timeZone: 'America/New_York' };

  test('24 hours stay 24 hours and 1,440 points; the local clock repeats 01:00', () => {
    const w = metricWindow('24h', Date.UTC(2026, 10, 1, 11, 59, 30), true);
    expect(w.points).toBe(1440);
    expect(w.end - w.start).toBe(86_400_000);
    const hours = [];
    for (let t = w.start; t < w.end; t += 3_600_000) hours.push(formatAxisTime(t, 86_400, zone));
    expect(hours).toHaveLength(24);
    expect(hours.filter((h) => h === '01:00')).toHaveLength(2);
    expect(hours).toContain('00:00');
    expect(new Set(hours).size).toBe(23);
  });

  test('a week across the change starts an hour later on the local clock', () => {
    const w = metricWindow('7d', Date.UTC(2026, 10, 4, 12, 0, 0), true);
    expect(w.end - w.start).toBe(7 * 86_400_000);
    expect(formatAxisTime(w.end, 7 * 86_400, zone)).toBe('11/4, 07:10');
    expect(formatAxisTime(w.start, 7 * 86_400, zone)).toBe('10/28, 08:10');
  });

  test('Berlin skips 02:00 in spring; labels in Japanese use the same local clock', () => {
    const w = metricWindow('6h', Date.UTC(2026, 2, 29, 3, 0, 0), true);
    const hours = [];
    for (let t = w.start; t < w.end; t += 3_600_000) {
      hours.push(formatAxisTime(t, 6 * 3_600, { locale: 'ja', timeZone: 'Europe/Berlin' }));
    }
    expect(hours).toEqual(['22:01', '23:01', '00:01', '01:01', '03:01', '04:01']);
  });
});
