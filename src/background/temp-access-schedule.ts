// When a temporary rule is closed, and when a failed close is tried again. Pure, so the timing is
// tested without a browser; src/background/temp-access.ts turns it into alarms.

import type { TempAccessRule } from '../storage/items';

export const TEMP_ACCESS_ALARM_PREFIX = 'cirrus.temp-access:';
export const MIN_TEMP_MINUTES = 15;
export const MAX_TEMP_MINUTES = 8 * 60;
const RETRY_FIRST_MS = 60_000;
const RETRY_MAX_MS = 30 * 60_000;

export const alarmName = (id: string): string => `${TEMP_ACCESS_ALARM_PREFIX}${id}`;

/** The record an alarm is for, or null for another alarm. */
export function idFromAlarm(name: string): string | null {
  return name.startsWith(TEMP_ACCESS_ALARM_PREFIX)
    ? name.slice(TEMP_ACCESS_ALARM_PREFIX.length) || null
    : null;
}

export function isDuration(minutes: number): boolean {
  return Number.isInteger(minutes) && minutes >= MIN_TEMP_MINUTES && minutes <= MAX_TEMP_MINUTES;
}

/** When the next close is due: the end, or the retry after a failure (never before the end). */
export function dueAt(rule: Pick<TempAccessRule, 'endsAt' | 'retryAt'>): number {
  return Math.max(rule.endsAt, rule.retryAt);
}

export const isDue = (rule: Pick<TempAccessRule, 'endsAt' | 'retryAt'>, now: number): boolean =>
  dueAt(rule) <= now;

/** 1, 2, 4, 8, 16, then every 30 minutes: a cloud that is down is not asked every minute. */
export function retryDelayMs(attempts: number): number {
  const exponent = Math.max(0, Math.min(attempts - 1, 10));
  return Math.min(RETRY_FIRST_MS * 2 ** exponent, RETRY_MAX_MS);
}

/** The record after one more failed close at `now`. */
export function afterFailure(rule: TempAccessRule, now: number, why: string): TempAccessRule {
  const attempts = rule.attempts + 1;
  return { ...rule, attempts, retryAt: now + retryDelayMs(attempts), lastError: why };
}

/**
 * Extends by `minutes` from the later of the end and now, never past 8 hours from now; a pending
 * retry is forgotten (the next close is the new end).
 */
export function extended(rule: TempAccessRule, minutes: number, now: number): TempAccessRule {
  const endsAt = Math.min(
    Math.max(rule.endsAt, now) + minutes * 60_000,
    now + MAX_TEMP_MINUTES * 60_000,
  );
  return { ...rule, endsAt, retryAt: 0 };
}
