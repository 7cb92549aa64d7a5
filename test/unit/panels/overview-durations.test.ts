// Uptimes and ages as the Overview shows them.

import { expect, test } from 'vitest';
import { formatAge, formatUptime } from '../../../src/panels/overview/durations';

const EN = { day: 'd', hour: 'h', minute: 'min', justStarted: 'under a minute' };
const JA = { day: '日', hour: '時間', minute: '分', justStarted: '1 分未満' };
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

test('uptime: two units at most, the largest first, none that is zero', () => {
  expect(formatUptime(30_000, EN)).toBe('under a minute');
  expect(formatUptime(MIN, EN)).toBe('1 min');
  expect(formatUptime(12 * MIN + 59_000, EN)).toBe('12 min');
  expect(formatUptime(4 * HOUR + 12 * MIN, EN)).toBe('4 h 12 min');
  expect(formatUptime(5 * HOUR, EN)).toBe('5 h');
  expect(formatUptime(3 * DAY + 4 * HOUR + 59 * MIN, EN)).toBe('3 d 4 h');
  expect(formatUptime(400 * DAY + 30 * MIN, EN)).toBe('400 d');
});

test('uptime: Japanese units take no space; a launch in the future or unknown is just started', () => {
  expect(formatUptime(3 * DAY + 4 * HOUR, JA)).toBe('3日 4時間');
  expect(formatUptime(12 * MIN, JA)).toBe('12分');
  expect(formatUptime(-5 * MIN, EN)).toBe('under a minute');
  expect(formatUptime(Number.NaN, EN)).toBe('under a minute');
});

test('age: Intl words in the UI language', () => {
  expect(formatAge(10_000, 'en')).toBe('now');
  expect(formatAge(2 * MIN + 5_000, 'en')).toBe('2 min. ago');
  expect(formatAge(3 * HOUR, 'en')).toBe('3 hr. ago');
  expect(formatAge(DAY + HOUR, 'en')).toBe('yesterday');
  expect(formatAge(2 * MIN, 'ja')).toBe('2 分前');
});
