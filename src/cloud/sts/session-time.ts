// How long a temporary credential has left, for the header ("2 h 05 min left") and for the
// signer's expiry check.

export interface TimeLeft {
  expired: boolean;
  hours: number;
  /** 0–59; rounded up, so "0 h 0 min" only shows once it has expired. */
  minutes: number;
}

/** Time left until an ISO expiration; an unreadable date counts as expired. */
export function timeLeft(expiration: string, nowMs: number): TimeLeft {
  const end = Date.parse(expiration);
  const ms = Number.isNaN(end) ? 0 : end - nowMs;
  if (ms <= 0) return { expired: true, hours: 0, minutes: 0 };
  const totalMinutes = Math.ceil(ms / 60_000);
  return { expired: false, hours: Math.floor(totalMinutes / 60), minutes: totalMinutes % 60 };
}

/** Milliseconds until the next whole-minute change of timeLeft (for a header's timer). */
export function msToNextMinute(expiration: string, nowMs: number): number {
  const end = Date.parse(expiration);
  if (Number.isNaN(end) || end <= nowMs) return 60_000;
  const rest = (end - nowMs) % 60_000;
  return rest === 0 ? 60_000 : rest;
}
