// How long a temporary credential has left, for the header ("2 h 05 min left").

export interface TimeLeft {
  expired: boolean;
  hours: number;
  /** 0–59; whole minutes left, at least 1 until it has expired (so "0 min" never shows). */
  minutes: number;
}

/** Time left until an ISO expiration; an unreadable date counts as expired. */
export function timeLeft(expiration: string, nowMs: number): TimeLeft {
  const end = Date.parse(expiration);
  const ms = Number.isNaN(end) ? 0 : end - nowMs;
  if (ms <= 0) return { expired: true, hours: 0, minutes: 0 };
  // Rounded down, as a clock counts down; a server a second ahead does not add a minute.
  const totalMinutes = Math.max(1, Math.floor(ms / 60_000));
  return { expired: false, hours: Math.floor(totalMinutes / 60), minutes: totalMinutes % 60 };
}

/** Milliseconds until the next whole-minute change of timeLeft (for a header's timer). */
export function msToNextMinute(expiration: string, nowMs: number): number {
  const end = Date.parse(expiration);
  if (Number.isNaN(end) || end <= nowMs) return 60_000;
  const rest = (end - nowMs) % 60_000;
  return rest === 0 ? 60_000 : rest;
}
