import { expect, test } from 'vitest';
import { alignSeries } from '../../../src/panels/graphs/align-series';
import {
  formatAxisTime,
  formatBytes,
  formatPointTime,
  formatValue,
} from '../../../src/panels/graphs/graph-format';

test('bytes in powers of 1,024 with a readable number of digits', () => {
  expect(formatBytes(0, 'en')).toBe('0 B');
  expect(formatBytes(1023, 'en')).toBe('1,023 B');
  expect(formatBytes(1024, 'en')).toBe('1 KiB');
  expect(formatBytes(1536, 'en')).toBe('1.5 KiB');
  expect(formatBytes(10.25 * 1024 * 1024, 'en')).toBe('10.3 MiB');
  expect(formatBytes(512 * 1024 * 1024, 'en')).toBe('512 MiB');
  expect(formatBytes(3 * 1024 ** 3, 'en')).toBe('3 GiB');
  expect(formatBytes(5 * 1024 ** 5, 'en')).toBe('5,120 TiB');
});

test('values in their CloudWatch unit, with the UI language’s digits', () => {
  expect(formatValue(12.345, 'Percent', 'en')).toBe('12.3 %');
  expect(formatValue(2048, 'Bytes', 'en')).toBe('2 KiB');
  expect(formatValue(2048, 'Bytes/Second', 'en')).toBe('2 KiB/s');
  expect(formatValue(1234.5, 'Count', 'en')).toBe('1,234.5');
  expect(formatValue(1234.5, 'Count', 'de')).toBe('1.234,5');
  expect(formatValue(59.999, 'Seconds', 'ja')).toBe('60 s');
  expect(formatValue(3, 'Count/Second', 'en')).toBe('3 Count/Second');
});

test('axis labels: time of day up to a day, date and time beyond', () => {
  const t = Date.UTC(2026, 11, 3, 6, 5);
  const tokyo = { locale: 'ja', timeZone: 'Asia/Tokyo' };
  expect(formatAxisTime(t, 3_600, tokyo)).toBe('15:05');
  expect(formatAxisTime(t, 7 * 86_400, tokyo)).toBe('12/3 15:05');
  expect(formatAxisTime(t, 7 * 86_400, { locale: 'en-US', timeZone: 'UTC' })).toBe('12/3, 06:05');
});

test('a point’s full local time names its zone, in the UI language', () => {
  const t = Date.UTC(2026, 10, 1, 5, 30);
  expect(formatPointTime(t, { locale: 'ja', timeZone: 'Asia/Tokyo' })).toBe(
    '2026年11月1日 14:30 JST',
  );
  // The same local time twice on the night New York leaves daylight time, told apart by zone.
  const ny = { locale: 'en-US', timeZone: 'America/New_York' };
  expect(formatPointTime(t, ny)).toBe('Nov 1, 2026, 01:30 EDT');
  expect(formatPointTime(t + 3_600_000, ny)).toBe('Nov 1, 2026, 01:30 EST');
});

test('series of one graph share one x array; a missing point is a gap, not a zero', () => {
  const t0 = Date.UTC(2026, 11, 3, 15, 0);
  const min = 60_000;
  expect(
    alignSeries([
      {
        label: 'NetworkIn',
        points: [
          { time: t0 + 2 * min, value: 5 },
          { time: t0, value: 1 },
        ],
      },
      {
        label: 'NetworkOut',
        points: [
          { time: t0 + min, value: 7 },
          { time: t0, value: 0 },
        ],
      },
    ]),
  ).toEqual([
    [t0 / 1000, t0 / 1000 + 60, t0 / 1000 + 120],
    [1, null, 5],
    [0, 7, null],
  ]);
  expect(alignSeries([{ label: 'CPUUtilization', points: [] }])).toEqual([[], []]);
});
