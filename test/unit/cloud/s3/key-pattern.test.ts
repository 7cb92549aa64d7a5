import { describe, expect, test } from 'vitest';
import { compileKeyPattern, globSource, isGlob } from '../../../../src/cloud/s3/key-pattern';

const keys = [
  'app.log',
  'logs/app.log',
  'logs/2026/01/app.LOG',
  'reports/2026-01.csv',
  'reports/q1/2026-02.csv',
  'reports/q1/deep/2026-03.csv',
  'reports/q1/2025-12.csv',
  'reports/q1/2026-04.csv.bak',
  'a+b (1)[x]{2}^$|.txt',
  'odd/日本語 ファイル.txt',
  'line\nbreak.txt',
];

function find(pattern: string, caseInsensitive = false): string[] {
  const match = compileKeyPattern(pattern, { caseInsensitive });
  return keys.filter(match);
}

describe('compileKeyPattern', () => {
  test('an empty pattern matches every key', () => {
    expect(find('')).toEqual(keys);
  });

  test('text without / is a substring of the last segment', () => {
    expect(find('app')).toEqual(['app.log', 'logs/app.log', 'logs/2026/01/app.LOG']);
    // "logs" is a folder name, not part of any object's name.
    expect(find('logs')).toEqual([]);
  });

  test('text with / is a substring of the whole relative key', () => {
    expect(find('q1/2026')).toEqual(['reports/q1/2026-02.csv', 'reports/q1/2026-04.csv.bak']);
  });

  test('case-insensitive on request only', () => {
    expect(find('APP.log')).toEqual([]);
    expect(find('APP.log', true)).toEqual(['app.log', 'logs/app.log', 'logs/2026/01/app.LOG']);
    expect(find('*.LOG', true)).toEqual(['app.log', 'logs/app.log', 'logs/2026/01/app.LOG']);
  });

  test('a glob without / must match all of the name', () => {
    expect(find('*.log')).toEqual(['app.log', 'logs/app.log']);
    expect(find('*.csv')).toEqual([
      'reports/2026-01.csv',
      'reports/q1/2026-02.csv',
      'reports/q1/deep/2026-03.csv',
      'reports/q1/2025-12.csv',
    ]);
    expect(find('2026-0?.csv')).toEqual([
      'reports/2026-01.csv',
      'reports/q1/2026-02.csv',
      'reports/q1/deep/2026-03.csv',
    ]);
  });

  test('* stays within a segment, ** crosses them (and may be empty)', () => {
    expect(find('reports/*/2026-*.csv')).toEqual(['reports/q1/2026-02.csv']);
    expect(find('reports/**/2026-*.csv')).toEqual([
      'reports/2026-01.csv',
      'reports/q1/2026-02.csv',
      'reports/q1/deep/2026-03.csv',
    ]);
    expect(find('**.csv')).toEqual(find('*.csv'));
    expect(find('reports/**')).toHaveLength(5);
    expect(find('*/app.log')).toEqual(['logs/app.log']);
  });

  test('every other character stands for itself', () => {
    expect(find('a+b (1)[x]{2}^$|.*')).toEqual(['a+b (1)[x]{2}^$|.txt']);
    expect(find('a?b*')).toEqual(['a+b (1)[x]{2}^$|.txt']);
    expect(find('a?c*')).toEqual([]);
    expect(find('*.txt')).toEqual([
      'a+b (1)[x]{2}^$|.txt',
      'odd/日本語 ファイル.txt',
      'line\nbreak.txt',
    ]);
    expect(find('??? ファイル.txt')).toEqual(['odd/日本語 ファイル.txt']);
    expect(find('line*')).toEqual(['line\nbreak.txt']);
    // A dot is a dot, not "any character".
    expect(find('app?log')).toEqual(['app.log', 'logs/app.log']);
    expect(find('app.lo?')).toEqual(['app.log', 'logs/app.log']);
    expect(compileKeyPattern('a.c')('abc')).toBe(false);
  });

  test('the source escapes what RegExp would read', () => {
    expect(isGlob('plain.txt')).toBe(false);
    expect(isGlob('*.txt')).toBe(true);
    expect(globSource('a.b/(c)*')).toBe('^a\\.b\\/\\(c\\)[^/]*$');
    expect(globSource('x/**/y')).toBe('^x\\/(?:.*/)?y$');
    expect(() => new RegExp(globSource('\\[]{}()|^$.+'), 'u')).not.toThrow();
  });
});
