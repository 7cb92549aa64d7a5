// Numbers and times on graphs, in the UI language through Intl (no browser API: unit tests pass
// the locale and, for DST cases, the time zone).

/** CloudWatch units the graphs show; others are printed as numbers followed by their unit. */
const BINARY = ['B', 'KiB', 'MiB', 'GiB', 'TiB'] as const;

export interface FormatOptions {
  locale: string;
  /** An IANA zone; the browser's own when absent. */
  timeZone?: string;
}

function number(value: number, locale: string, digits: number): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value);
}

/** Bytes in B, KiB, MiB, GiB or TiB (powers of 1,024), at most 3 significant-looking digits. */
export function formatBytes(value: number, locale: string): string {
  let scaled = Math.abs(value);
  let step = 0;
  while (scaled >= 1024 && step < BINARY.length - 1) {
    scaled /= 1024;
    step++;
  }
  const digits = step === 0 || scaled >= 100 ? 0 : scaled >= 10 ? 1 : 2;
  return `${number(Math.sign(value) * scaled, locale, digits)} ${BINARY[step]}`;
}

/** A value in its CloudWatch unit: "12.5 %", "1.2 MiB", "3.5 s", "42". */
export function formatValue(value: number, unit: string, locale: string): string {
  switch (unit) {
    case 'Percent':
      return `${number(value, locale, 1)} %`;
    case 'Bytes':
      return formatBytes(value, locale);
    case 'Bytes/Second':
      return `${formatBytes(value, locale)}/s`;
    case 'Seconds':
      return `${number(value, locale, 2)} s`;
    case 'Count':
    case 'None':
    case '':
      return number(value, locale, 2);
    default:
      return `${number(value, locale, 2)} ${unit}`;
  }
}

/**
 * A label on the time axis: the time of day for ranges up to a day, the date as well beyond
 * (a week's ticks fall on different days). Local time, so a DST change shows as a repeated or
 * skipped hour, exactly as the user's clock went.
 */
export function formatAxisTime(ms: number, rangeSeconds: number, opts: FormatOptions): string {
  const zone = opts.timeZone ? { timeZone: opts.timeZone } : {};
  const format: Intl.DateTimeFormatOptions =
    rangeSeconds <= 86_400
      ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', ...zone }
      : {
          month: 'numeric',
          day: 'numeric',
          hour: '2-digit',
          minute: '2-digit',
          hourCycle: 'h23',
          ...zone,
        };
  return new Intl.DateTimeFormat(opts.locale, format).format(ms);
}

/** The full local date and time of one point, with its zone (the hover readout). */
export function formatPointTime(ms: number, opts: FormatOptions): string {
  return new Intl.DateTimeFormat(opts.locale, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'short',
    ...(opts.timeZone ? { timeZone: opts.timeZone } : {}),
  }).format(ms);
}
