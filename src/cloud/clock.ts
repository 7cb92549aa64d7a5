// The server-clock correction, bounded: a hostile or intercepted server must not be able to move
// Cirrus's signing time far (a "5-minute" link signed 10 years ahead is valid for 10 years).

import { CloudError } from './errors';

/** The most Cirrus corrects; a clock further off is wrong and is refused, not followed. */
export const MAX_CLOCK_OFFSET_MS = 60 * 60_000;

// Below this a change is network latency or Date's 1 s resolution, not a new offset.
const CLOCK_NOISE_MS = 2_000;

/** The error for a server clock outside ±MAX_CLOCK_OFFSET_MS of this computer's. */
export function clockOutOfRange(offsetMs: number): CloudError {
  const minutes = Math.round(Math.abs(offsetMs) / 60_000);
  const side = offsetMs > 0 ? 'ahead of' : 'behind';
  return new CloudError({
    code: 'ClockOutOfRange',
    message:
      `The server's clock or this computer's is wrong by ${minutes} minutes (the server is ` +
      `${side} this computer). Cirrus corrects up to ${MAX_CLOCK_OFFSET_MS / 60_000} minutes; ` +
      'set the right time on both (NTP).',
  });
}

/**
 * The offset to keep after measuring `measured` (server minus local, ms) when `previous` is
 * kept: unchanged for noise, the measurement otherwise. Throws ClockOutOfRange beyond the bound,
 * so the caller keeps `previous`.
 */
export function nextClockOffset(previous: number, measured: number): number {
  if (!Number.isFinite(measured)) return previous;
  if (Math.abs(measured) > MAX_CLOCK_OFFSET_MS) throw clockOutOfRange(measured);
  return Math.abs(measured - previous) < CLOCK_NOISE_MS ? previous : measured;
}
