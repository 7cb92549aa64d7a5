// The size and date limits of a whole-bucket search, and the size text a user types ("1.5 MB").

import type { ObjectSummary } from './types';

export interface ObjectFilter {
  /** Bytes, inclusive. */
  minSize?: number;
  maxSize?: number;
  /** Epoch milliseconds: modified at or after / strictly before. */
  after?: number;
  before?: number;
}

// Binary multiples, as the panel's size column shows them (formatBytes).
const UNITS: Record<string, number> = {
  '': 1,
  b: 1,
  k: 1024,
  kb: 1024,
  kib: 1024,
  m: 1024 ** 2,
  mb: 1024 ** 2,
  mib: 1024 ** 2,
  g: 1024 ** 3,
  gb: 1024 ** 3,
  gib: 1024 ** 3,
  t: 1024 ** 4,
  tb: 1024 ** 4,
  tib: 1024 ** 4,
};

/** "1.5 MB" → 1572864; '' → undefined (no limit); anything else → null (refused). */
export function parseSize(text: string): number | undefined | null {
  const trimmed = text.trim();
  if (!trimmed) return undefined;
  const m = /^(\d+(?:\.\d+)?|\.\d+)\s*([a-z]*)$/i.exec(trimmed);
  if (!m) return null;
  const unit = UNITS[(m[2] ?? '').toLowerCase()];
  if (unit === undefined) return null;
  return Math.round(Number(m[1]) * unit);
}

/**
 * A date or date-time as typed in a date field ('' → no limit, nonsense → null). A bare date is
 * the start of that day in local time (Date.parse alone would read it as UTC midnight).
 */
export function parseWhen(text: string): number | undefined | null {
  const trimmed = text.trim();
  if (!trimmed) return undefined;
  const ms = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(trimmed) ? `${trimmed}T00:00` : trimmed);
  return Number.isNaN(ms) ? null : ms;
}

export function isEmptyFilter(f: ObjectFilter): boolean {
  return (
    f.minSize === undefined &&
    f.maxSize === undefined &&
    f.after === undefined &&
    f.before === undefined
  );
}

export function matchesFilter(object: ObjectSummary, f: ObjectFilter): boolean {
  if (f.minSize !== undefined && object.size < f.minSize) return false;
  if (f.maxSize !== undefined && object.size > f.maxSize) return false;
  if (f.after !== undefined || f.before !== undefined) {
    // Servers write ISO 8601 or HTTP dates; an unreadable one cannot be shown to be in range.
    const when = Date.parse(object.lastModified);
    if (Number.isNaN(when)) return false;
    if (f.after !== undefined && when < f.after) return false;
    if (f.before !== undefined && when >= f.before) return false;
  }
  return true;
}
