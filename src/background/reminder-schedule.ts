// When reminders are due and when a scheduled stop runs next. Pure (the local clock aside), so the
// timing is tested without a browser; reminders.ts and stop-schedules.ts turn it into alarms.

import { type Instance, parseEc2Time } from '../cloud/ec2';

export const REMINDER_CHECK_ALARM = 'cirrus.reminders.check';
/** How often running instances are looked at while a reminder is set. */
export const REMINDER_CHECK_MINUTES = 15;
export const MAX_REMINDER_HOURS = 720;
export const STOP_ALARM_PREFIX = 'cirrus.stop-schedule:';
/** An alarm this much later than its stop means the browser was not running at the time. */
export const MISSED_AFTER_MS = 5 * 60_000;
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

export const stopAlarmName = (id: string): string => `${STOP_ALARM_PREFIX}${id}`;

/** The schedule an alarm is for, or null for another alarm. */
export function scheduleIdFromAlarm(name: string): string | null {
  return name.startsWith(STOP_ALARM_PREFIX) ? name.slice(STOP_ALARM_PREFIX.length) || null : null;
}

export const isReminderHours = (hours: number): boolean =>
  Number.isInteger(hours) && hours >= 0 && hours <= MAX_REMINDER_HOURS;

/** "20:00" → hour and minute; null for anything else (24-hour, leading zero optional). */
export function parseTime(time: string): { hour: number; minute: number } | null {
  const m = /^(\d{1,2}):(\d{2})$/.exec(time);
  if (!m) return null;
  const hour = Number(m[1]);
  const minute = Number(m[2]);
  return hour < 24 && minute < 60 ? { hour, minute } : null;
}

/** Days 0–6, each once, ascending; null when empty or not days. */
export function normalDays(days: readonly number[]): number[] | null {
  if (!days.every((d) => Number.isInteger(d) && d >= 0 && d <= 6)) return null;
  const set = [...new Set(days)].sort((a, b) => a - b);
  return set.length ? set : null;
}

/**
 * The first time strictly after `after` that falls on one of `days` at `time`, in the computer's
 * local time zone. Each candidate is built from its calendar date (not by adding 24 hours), so a
 * daylight-saving change keeps 20:00 at 20:00. A time skipped by the spring change (02:30) runs
 * when the clock reaches it after the jump (03:30); one repeated in the autumn runs the first time.
 */
export function nextStopAt(days: readonly number[], time: string, after: number): number {
  const at = parseTime(time);
  const wanted = normalDays(days);
  if (!at || !wanted) throw new Error(`not a schedule: ${days.join(',')} ${time}`);
  const start = new Date(after);
  // Eight dates: today may be one of the days but already past its time.
  for (let i = 0; i <= 7; i++) {
    const candidate = new Date(
      start.getFullYear(),
      start.getMonth(),
      start.getDate() + i,
      at.hour,
      at.minute,
    );
    if (wanted.includes(candidate.getDay()) && candidate.getTime() > after)
      return candidate.getTime();
  }
  throw new Error('no next time within a week');
}

/** True when the alarm for a stop due at `dueAt` fired too late to stop without asking. */
export const isMissed = (dueAt: number, now: number): boolean => now - dueAt > MISSED_AFTER_MS;

/** "2026-12-03" in local time: a reminder is given once per instance per local day. */
export function localDate(at: number): string {
  const d = new Date(at);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export const notifiedKey = (profileId: string, instanceId: string, at: number): string =>
  `${profileId} ${instanceId} ${localDate(at)}`;

/** Whole hours an instance has run since its launch time (0 when unreadable). */
export function hoursRunning(instance: Pick<Instance, 'launchTime'>, now: number): number {
  const launched = parseEc2Time(instance.launchTime)?.getTime();
  return launched === undefined ? 0 : Math.max(0, Math.floor((now - launched) / HOUR_MS));
}

/**
 * The running instances that have run longer than `hours` and were not named yet today. An
 * unreadable launch time never reminds (it would say "0 h" every day).
 */
export function dueReminders(
  instances: readonly Instance[],
  hours: number,
  now: number,
  profileId: string,
  notified: Readonly<Record<string, number>>,
): Instance[] {
  return instances.filter((instance) => {
    if (instance.state.name !== 'running') return false;
    const launched = parseEc2Time(instance.launchTime)?.getTime();
    if (launched === undefined || now - launched < hours * HOUR_MS) return false;
    return !(notifiedKey(profileId, instance.instanceId, now) in notified);
  });
}

/** The notified record without what is older than two days (it can no longer matter). */
export function pruneNotified(
  notified: Readonly<Record<string, number>>,
  now: number,
): Record<string, number> {
  return Object.fromEntries(Object.entries(notified).filter(([, at]) => now - at < 2 * DAY_MS));
}
