import { describe, expect, test } from 'vitest';
import {
  formatClockTime,
  isSignInDuration,
  nextPhaseIn,
  renewAt,
  SIGN_IN_MINUTES,
  sessionLabel,
  sessionPhase,
} from '../../../src/cloud/login/session-time';

const end = '2026-12-03T12:00:00.000Z';
const at = (iso: string) => Date.parse(iso);

describe('session expiry', () => {
  test('asks again 5 minutes before the end', () => {
    expect(renewAt(end)).toBe(at('2026-12-03T11:55:00.000Z'));
    expect(sessionPhase(end, at('2026-12-03T11:54:59.000Z'))).toBe('active');
    expect(sessionPhase(end, at('2026-12-03T11:55:00.000Z'))).toBe('renew');
    expect(sessionPhase(end, at('2026-12-03T12:00:00.000Z'))).toBe('expired');
    expect(sessionPhase('not a date', 0)).toBe('expired');
  });

  test('a session shorter than 15 minutes asks a third of its life before the end', () => {
    const issued = '2026-12-03T11:59:00.000Z';
    expect(renewAt(end, issued)).toBe(at('2026-12-03T11:59:40.000Z'));
    // A 12-hour session still asks 5 minutes before.
    expect(renewAt(end, '2026-12-03T00:00:00.000Z')).toBe(at('2026-12-03T11:55:00.000Z'));
  });

  test('the next change of phase', () => {
    expect(nextPhaseIn(end, at('2026-12-03T11:50:00.000Z'))).toBe(5 * 60_000);
    expect(nextPhaseIn(end, at('2026-12-03T11:58:00.000Z'))).toBe(2 * 60_000);
    expect(nextPhaseIn(end, at('2026-12-03T12:00:01.000Z'))).toBeUndefined();
  });

  test('durations: 15 minutes to 12 hours', () => {
    expect(SIGN_IN_MINUTES[0]).toBe(15);
    expect(SIGN_IN_MINUTES.at(-1)).toBe(720);
    expect(isSignInDuration(900)).toBe(true);
    expect(isSignInDuration(43_200)).toBe(true);
    expect(isSignInDuration(899)).toBe(false);
    expect(isSignInDuration(43_201)).toBe(false);
    expect(isSignInDuration(1000.5)).toBe(false);
  });

  test('formatting: local HH:MM, 24-hour, and the USER@ACCOUNT label', () => {
    const local = new Date(2026, 11, 3, 9, 5);
    expect(formatClockTime(local.toISOString(), 'en-US')).toBe('09:05');
    expect(formatClockTime(new Date(2026, 11, 3, 21, 40).toISOString(), 'ja')).toBe('21:40');
    expect(formatClockTime('garbage')).toBe('--:--');
    expect(sessionLabel(' alice ', 'dev')).toBe('alice@dev');
  });
});
