// The timing of reminders and scheduled stops: the next stop in local time (across daylight-saving
// changes, in Europe/Berlin), late alarms, and "once per instance per day".

import { afterAll, describe, expect, test } from 'vitest';
import {
  dueReminders,
  hoursRunning,
  isMissed,
  localDate,
  nextStopAt,
  normalDays,
  notifiedKey,
  parseTime,
  pruneNotified,
} from '../../../src/background/reminder-schedule';
import type { Instance } from '../../../src/cloud/ec2';

const HOUR = 3_600_000;
const WEEKDAYS = [1, 2, 3, 4, 5];
const EVERY_DAY = [0, 1, 2, 3, 4, 5, 6];
// Each test file runs in its own process: the zone set here stays in this file. Set when the file
// loads, since the describe blocks compute their times while they are collected.
const zone = process.env.TZ;
process.env.TZ = 'Europe/Berlin';
afterAll(() => {
  if (zone === undefined) delete process.env.TZ;
  else process.env.TZ = zone;
});

const local = (y: number, m: number, d: number, h = 0, min = 0) =>
  new Date(y, m - 1, d, h, min).getTime();

describe('the next stop', () => {
  test('the zone is in effect (Berlin is UTC+1 in winter)', () => {
    expect(new Date(local(2026, 12, 3, 20)).toISOString()).toBe('2026-12-03T19:00:00.000Z');
  });

  test('weekdays at 20:00: later today, or the next weekday once it is past', () => {
    // Thursday 3 December 2026.
    expect(nextStopAt(WEEKDAYS, '20:00', local(2026, 12, 3, 19))).toBe(local(2026, 12, 3, 20));
    expect(nextStopAt(WEEKDAYS, '20:00', local(2026, 12, 3, 20))).toBe(local(2026, 12, 4, 20));
    // Friday after 20:00 → Monday.
    expect(nextStopAt(WEEKDAYS, '20:00', local(2026, 12, 4, 20, 30))).toBe(local(2026, 12, 7, 20));
    // Saturday and Sunday → Monday.
    expect(nextStopAt(WEEKDAYS, '20:00', local(2026, 12, 5, 9))).toBe(local(2026, 12, 7, 20));
  });

  test('one day a week, with the time past today: a week later', () => {
    // Thursday is day 4.
    expect(nextStopAt([4], '07:05', local(2026, 12, 3, 8))).toBe(local(2026, 12, 10, 7, 5));
    expect(nextStopAt([4], '7:05', local(2026, 12, 3, 7))).toBe(local(2026, 12, 3, 7, 5));
  });

  test('across the spring change 20:00 stays 20:00 (a 23-hour day)', () => {
    const saturday = nextStopAt(EVERY_DAY, '20:00', local(2026, 3, 28, 12));
    const sunday = nextStopAt(EVERY_DAY, '20:00', saturday);
    expect(new Date(saturday).toISOString()).toBe('2026-03-28T19:00:00.000Z');
    expect(new Date(sunday).toISOString()).toBe('2026-03-29T18:00:00.000Z');
    expect(sunday - saturday).toBe(23 * HOUR);
  });

  test('across the autumn change 20:00 stays 20:00 (a 25-hour day)', () => {
    const saturday = nextStopAt(EVERY_DAY, '20:00', local(2026, 10, 24, 12));
    const sunday = nextStopAt(EVERY_DAY, '20:00', saturday);
    expect(new Date(saturday).toISOString()).toBe('2026-10-24T18:00:00.000Z');
    expect(new Date(sunday).toISOString()).toBe('2026-10-25T19:00:00.000Z');
    expect(sunday - saturday).toBe(25 * HOUR);
  });

  test('a time the spring change skips runs just after the jump; a repeated one runs once', () => {
    const skipped = nextStopAt([0], '02:30', local(2026, 3, 28, 12));
    expect(new Date(skipped).toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(new Date(skipped).getHours()).toBe(3);
    const repeated = nextStopAt([0], '02:30', local(2026, 10, 24, 12));
    // The first 02:30 (still summer time, UTC+2).
    expect(new Date(repeated).toISOString()).toBe('2026-10-25T00:30:00.000Z');
    // After it, the next is a week later, not the second 02:30 an hour on.
    expect(nextStopAt([0], '02:30', repeated)).toBe(local(2026, 11, 1, 2, 30));
  });

  test('refuses what is not a schedule', () => {
    expect(parseTime('24:00')).toBeNull();
    expect(parseTime('20:60')).toBeNull();
    expect(parseTime('8pm')).toBeNull();
    expect(parseTime('20:00')).toEqual({ hour: 20, minute: 0 });
    expect(normalDays([])).toBeNull();
    expect(normalDays([7])).toBeNull();
    expect(normalDays([5, 1, 1])).toEqual([1, 5]);
    expect(() => nextStopAt([], '20:00', Date.now())).toThrow();
  });
});

describe('a late alarm', () => {
  test('up to five minutes late still stops; later is missed', () => {
    const due = local(2026, 12, 3, 20);
    expect(isMissed(due, due)).toBe(false);
    expect(isMissed(due, due + 4 * 60_000)).toBe(false);
    expect(isMissed(due, due + 6 * 60_000)).toBe(true);
    expect(isMissed(due, due + 14 * HOUR)).toBe(true);
  });
});

const instance = (id: string, state: string, launchTime: string): Instance =>
  ({
    instanceId: id,
    state: { name: state, code: '16' },
    launchTime,
    tags: [],
  }) as unknown as Instance;

describe('once per instance per day', () => {
  const now = local(2026, 12, 3, 15);
  const list = [
    instance('i-old', 'running', '2026-12-02T10:00:00.000Z'),
    instance('i-new', 'running', new Date(now - 30 * 60_000).toISOString()),
    instance('i-stopped', 'stopped', '2026-11-01T10:00:00.000Z'),
    instance('i-odd', 'running', 'yesterday'),
  ];

  test('running longer than N hours, not stopped ones, not unreadable times', () => {
    expect(dueReminders(list, 8, now, 'p1', {}).map((i) => i.instanceId)).toEqual(['i-old']);
    expect(dueReminders(list, 0, now, 'p1', {}).map((i) => i.instanceId)).toEqual([
      'i-old',
      'i-new',
    ]);
    expect(hoursRunning(list[0] as Instance, now)).toBe(28);
  });

  test('named today: not again today, again tomorrow; other profiles are apart', () => {
    const notified = { [notifiedKey('p1', 'i-old', now)]: now };
    expect(dueReminders(list, 8, now + HOUR, 'p1', notified)).toEqual([]);
    expect(dueReminders(list, 8, now + HOUR, 'p2', notified)).toHaveLength(1);
    const tomorrow = local(2026, 12, 4, 0, 1);
    expect(dueReminders(list, 8, tomorrow, 'p1', notified).map((i) => i.instanceId)).toContain(
      'i-old',
    );
  });

  test('the day is the local date, and old entries are dropped', () => {
    // 23:30 UTC on the 3rd is already the 4th in Berlin.
    expect(localDate(Date.parse('2026-12-03T23:30:00Z'))).toBe('2026-12-04');
    const kept = pruneNotified({ a: now - HOUR, b: now - 3 * 24 * HOUR }, now);
    expect(Object.keys(kept)).toEqual(['a']);
  });
});
