import { expect, test } from 'vitest';
import { msToNextMinute, timeLeft } from '../../../../src/cloud/sts/session-time';

const now = Date.parse('2026-12-03T10:00:00Z');

test('time left counts whole minutes, at least one until the end', () => {
  expect(timeLeft('2026-12-03T12:05:00Z', now)).toEqual({ expired: false, hours: 2, minutes: 5 });
  expect(timeLeft('2026-12-03T10:00:01Z', now)).toEqual({ expired: false, hours: 0, minutes: 1 });
  expect(timeLeft('2026-12-03T10:59:30.5Z', now)).toEqual({
    expired: false,
    hours: 0,
    minutes: 59,
  });
  expect(timeLeft('2026-12-03T11:00:00.6Z', now)).toEqual({ expired: false, hours: 1, minutes: 0 });
  expect(timeLeft('2026-12-04T22:00:00Z', now)).toEqual({ expired: false, hours: 36, minutes: 0 });
});

test('past, now and unreadable expirations have expired', () => {
  expect(timeLeft('2026-12-03T10:00:00Z', now).expired).toBe(true);
  expect(timeLeft('2026-12-03T09:00:00Z', now).expired).toBe(true);
  expect(timeLeft('soon', now).expired).toBe(true);
});

test('the header wakes up when the minute shown changes', () => {
  expect(msToNextMinute('2026-12-03T10:05:20Z', now)).toBe(20_000);
  expect(msToNextMinute('2026-12-03T10:05:00Z', now)).toBe(60_000);
  expect(msToNextMinute('2026-12-03T09:00:00Z', now)).toBe(60_000);
});
