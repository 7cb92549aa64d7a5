import { describe, expect, test } from 'vitest';
import {
  afterFailure,
  alarmName,
  dueAt,
  extended,
  idFromAlarm,
  isDue,
  isDuration,
  retryDelayMs,
} from '../../../src/background/temp-access-schedule';
import type { TempAccessRule } from '../../../src/storage/items';

const MIN = 60_000;
const rule = (over: Partial<TempAccessRule> = {}): TempAccessRule => ({
  id: 'r1',
  profileId: 'p',
  region: 'us-east-1',
  instanceId: 'i-1',
  groupId: 'sg-1',
  groupName: 'web',
  byId: true,
  port: 22,
  cidr: '203.0.113.7/32',
  openedAt: 0,
  endsAt: 60 * MIN,
  attempts: 0,
  retryAt: 0,
  lastError: '',
  ...over,
});

describe('temporary rule scheduling', () => {
  test('alarm names carry the record id and nothing else matches', () => {
    expect(idFromAlarm(alarmName('abc-1'))).toBe('abc-1');
    expect(idFromAlarm('cirrus.auto-lock')).toBeNull();
    expect(idFromAlarm('cirrus.temp-access:')).toBeNull();
  });

  test('durations: 15 minutes to 8 hours, whole minutes', () => {
    expect([14, 15, 480, 481, 30.5].map(isDuration)).toEqual([false, true, true, false, false]);
  });

  test('due at the end, or at the retry after a failure', () => {
    expect(dueAt(rule())).toBe(60 * MIN);
    expect(isDue(rule(), 60 * MIN - 1)).toBe(false);
    expect(isDue(rule(), 60 * MIN)).toBe(true);
    // Overdue (a browser closed past the end) is due at once.
    expect(isDue(rule(), 600 * MIN)).toBe(true);
    expect(dueAt(rule({ retryAt: 70 * MIN }))).toBe(70 * MIN);
  });

  test('retries back off: 1, 2, 4, 8, 16, then every 30 minutes', () => {
    expect([1, 2, 3, 4, 5, 6, 50].map((n) => retryDelayMs(n) / MIN)).toEqual([
      1, 2, 4, 8, 16, 30, 30,
    ]);
  });

  test('a failure counts, remembers why and sets the next try', () => {
    const failed = afterFailure(rule(), 61 * MIN, 'RequestLimitExceeded: slow down');
    expect(failed).toMatchObject({
      attempts: 1,
      retryAt: 62 * MIN,
      lastError: 'RequestLimitExceeded: slow down',
    });
    expect(afterFailure(failed, 62 * MIN, 'x')).toMatchObject({ attempts: 2, retryAt: 64 * MIN });
  });

  test('extending adds to the end, from now when overdue, never past 8 hours from now', () => {
    expect(extended(rule(), 60, 10 * MIN).endsAt).toBe(120 * MIN);
    expect(extended(rule({ retryAt: 99 }), 60, 90 * MIN)).toMatchObject({
      endsAt: 150 * MIN,
      retryAt: 0,
    });
    expect(extended(rule({ endsAt: 470 * MIN }), 60, 0).endsAt).toBe(480 * MIN);
  });
});
