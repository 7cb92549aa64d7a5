import { describe, expect, test } from 'vitest';
import {
  isEmptyFilter,
  matchesFilter,
  parseSize,
  parseWhen,
} from '../../../../src/cloud/s3/object-filter';
import type { ObjectSummary } from '../../../../src/cloud/s3/types';

const object = (size: number, lastModified: string): ObjectSummary => ({
  key: 'k',
  size,
  lastModified,
  storageClass: 'STANDARD',
  etag: 'e',
});

describe('parseSize', () => {
  test('numbers with binary units, any case, with or without a space', () => {
    expect(parseSize('0')).toBe(0);
    expect(parseSize('512')).toBe(512);
    expect(parseSize('512 B')).toBe(512);
    expect(parseSize('1k')).toBe(1024);
    expect(parseSize('1.5 MB')).toBe(1572864);
    expect(parseSize('2 GiB')).toBe(2 * 1024 ** 3);
    expect(parseSize(' 1 tb ')).toBe(1024 ** 4);
    expect(parseSize('.5k')).toBe(512);
  });
  test('empty is no limit; anything else is refused', () => {
    expect(parseSize('')).toBeUndefined();
    expect(parseSize('  ')).toBeUndefined();
    expect(parseSize('-1')).toBeNull();
    expect(parseSize('1 PB')).toBeNull();
    expect(parseSize('MB')).toBeNull();
    expect(parseSize('1,000')).toBeNull();
  });
});

describe('parseWhen', () => {
  test('a bare date is local midnight; nonsense is refused', () => {
    expect(parseWhen('')).toBeUndefined();
    expect(parseWhen('2026-03-01')).toBe(new Date(2026, 2, 1).getTime());
    expect(parseWhen('2026-03-01T10:30')).toBe(new Date(2026, 2, 1, 10, 30).getTime());
    expect(parseWhen('2026-03-01T00:00:00Z')).toBe(Date.UTC(2026, 2, 1));
    expect(parseWhen('yesterday')).toBeNull();
  });
});

describe('matchesFilter', () => {
  const at = '2026-03-01T12:00:00.000Z';
  test('sizes are inclusive at both ends', () => {
    expect(matchesFilter(object(100, at), { minSize: 100, maxSize: 100 })).toBe(true);
    expect(matchesFilter(object(99, at), { minSize: 100 })).toBe(false);
    expect(matchesFilter(object(101, at), { maxSize: 100 })).toBe(false);
  });
  test('after is inclusive, before exclusive; ISO and HTTP dates both read', () => {
    const t = Date.parse(at);
    expect(matchesFilter(object(1, at), { after: t })).toBe(true);
    expect(matchesFilter(object(1, at), { after: t + 1 })).toBe(false);
    expect(matchesFilter(object(1, at), { before: t })).toBe(false);
    expect(matchesFilter(object(1, at), { before: t + 1 })).toBe(true);
    expect(matchesFilter(object(1, 'Sun, 01 Mar 2026 12:00:00 GMT'), { after: t })).toBe(true);
  });
  test('an unreadable date is out of any date range, but passes size-only filters', () => {
    expect(matchesFilter(object(1, 'soon'), { after: 0 })).toBe(false);
    expect(matchesFilter(object(1, 'soon'), { minSize: 1 })).toBe(true);
  });
  test('an empty filter', () => {
    expect(isEmptyFilter({})).toBe(true);
    expect(isEmptyFilter({ minSize: 0 })).toBe(false);
    expect(matchesFilter(object(0, 'x'), {})).toBe(true);
  });
});
