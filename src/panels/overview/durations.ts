// How long ago something was fetched, and how long an instance has been up, as short text.

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** The words of an uptime, from the locale files (en "d", "h", "min"; ja "日", "時間", "分"). */
export interface UptimeUnits {
  day: string;
  hour: string;
  minute: string;
  /** Less than a minute. */
  justStarted: string;
}

/**
 * Two units at most, the largest first: "3 d 4 h", "4 h 12 min", "12 min". A launch time in the
 * future (a clock behind the cloud's) counts as just started.
 */
export function formatUptime(ms: number, units: UptimeUnits): string {
  if (!Number.isFinite(ms) || ms < MINUTE) return units.justStarted;
  const days = Math.floor(ms / DAY);
  const hours = Math.floor((ms % DAY) / HOUR);
  const minutes = Math.floor((ms % HOUR) / MINUTE);
  // Latin units take a space ("3 d"), Japanese ones none ("3日").
  const part = (n: number, unit: string) =>
    /^[A-Za-z]/.test(unit) ? `${n} ${unit}` : `${n}${unit}`;
  const pair = (a: string, b: string | null) => (b === null ? a : `${a} ${b}`);
  if (days > 0) return pair(part(days, units.day), hours > 0 ? part(hours, units.hour) : null);
  if (hours > 0)
    return pair(part(hours, units.hour), minutes > 0 ? part(minutes, units.minute) : null);
  return part(minutes, units.minute);
}

// One formatter per language: making one costs more than using it, and a table has 340 ages.
const ageFormats = new Map<string, Intl.RelativeTimeFormat>();

/** "now", "2 min. ago", "3 hr. ago", "yesterday" in the UI's language (Intl does the words). */
export function formatAge(ms: number, locale: string): string {
  let format = ageFormats.get(locale);
  if (!format) {
    format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto', style: 'short' });
    ageFormats.set(locale, format);
  }
  const elapsed = Math.max(0, ms);
  if (elapsed < MINUTE) return format.format(0, 'second');
  if (elapsed < HOUR) return format.format(-Math.floor(elapsed / MINUTE), 'minute');
  if (elapsed < DAY) return format.format(-Math.floor(elapsed / HOUR), 'hour');
  return format.format(-Math.floor(elapsed / DAY), 'day');
}
