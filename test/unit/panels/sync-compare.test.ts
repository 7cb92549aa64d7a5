import { createHash } from 'node:crypto';
import { expect, test } from 'vitest';
import type { ObjectSummary } from '../../../src/cloud/s3';
import {
  judge,
  type LocalFile,
  pairUp,
  syncTotals,
  toDelete,
  toUpload,
  withoutTopFolder,
} from '../../../src/panels/s3/sync/sync-compare';

const md5 = (s: string) => createHash('md5').update(s).digest('hex');
const object = (key: string, size: number, etag: string): ObjectSummary => ({
  key,
  size,
  etag,
  lastModified: '2026-01-01T00:00:00.000Z',
  storageClass: 'STANDARD',
});
const file = (path: string, body: string): LocalFile<string> => ({
  path,
  size: body.length,
  file: body,
});

test('classes by relative path and size, with hashing only for same-size pairs', () => {
  const local = [
    file('same.txt', 'hello'),
    file('edited.txt', 'new!!'),
    file('longer.txt', 'much longer now'),
    file('fresh/new.txt', 'n'),
    file('kms.bin', 'abcd'),
  ];
  const objects = [
    object('p/', 0, md5('')),
    object('p/same.txt', 5, md5('hello')),
    object('p/edited.txt', 5, md5('old!!')),
    object('p/longer.txt', 3, md5('abc')),
    object('p/gone.txt', 7, md5('gone...')),
    object('p/sub/', 0, md5('')),
    object('p/kms.bin', 4, 'not-an-md5-etag'),
    object('p/old_$folder$', 0, md5('')),
  ];
  const { settled, jobs } = pairUp(local, objects, 'p/');
  expect(jobs.map((j) => j.path).sort()).toEqual(['edited.txt', 'same.txt']);
  const byPath = Object.fromEntries(settled.map((r) => [r.path, [r.cls, r.basis]]));
  expect(byPath).toEqual({
    'longer.txt': ['changed', 'size'],
    'fresh/new.txt': ['new', 'presence'],
    'kms.bin': ['sizeOnly', 'sizeOnly'],
    'gone.txt': ['bucketOnly', 'presence'],
  });
  const judged = jobs.map((j) => judge(j, { md5: md5(j.local.file), multipart: {} }));
  expect(Object.fromEntries(judged.map((r) => [r.path, [r.cls, r.basis]]))).toEqual({
    'same.txt': ['identical', 'md5'],
    'edited.txt': ['changed', 'md5'],
  });
  const rows = [...settled, ...judged];
  const totals = syncTotals(rows);
  expect(totals).toEqual({
    new: { count: 1, bytes: 1 },
    changed: { count: 2, bytes: 20 },
    bucketOnly: { count: 1, bytes: 7 },
    identical: { count: 1, bytes: 5 },
    sizeOnly: { count: 1, bytes: 4 },
  });
  expect(
    toUpload(rows)
      .map((f) => f.path)
      .sort(),
  ).toEqual(['edited.txt', 'fresh/new.txt', 'longer.txt']);
  expect(toDelete(rows)).toEqual(['p/gone.txt']);
});

test('a multipart ETag with a part count no known tool gives is judged by size only', () => {
  const { settled, jobs } = pairUp(
    [file('big.bin', 'x'.repeat(10))],
    [object('big.bin', 10, `${md5('x')}-4`)],
    '',
  );
  expect(jobs).toEqual([]);
  expect(settled[0]?.cls).toBe('sizeOnly');
});

test('the chosen folder name is dropped from picked paths; duplicates count once', () => {
  expect(withoutTopFolder('photos/2024/a.jpg')).toBe('2024/a.jpg');
  expect(withoutTopFolder('a.jpg')).toBe('a.jpg');
  const { settled } = pairUp([file('a', '1'), file('a', '1')], [], '');
  expect(settled).toHaveLength(1);
});

test('10,000 files pair up quickly', () => {
  const local = Array.from({ length: 10_000 }, (_, i) => file(`d${i % 50}/f${i}.txt`, `${i}`));
  const objects = Array.from({ length: 10_000 }, (_, i) =>
    object(`x/d${i % 50}/f${i + 5000}.txt`, String(i + 5000).length, md5(`${i + 5000}`)),
  );
  const started = performance.now();
  const { settled, jobs } = pairUp(local, objects, 'x/');
  expect(performance.now() - started).toBeLessThan(1000);
  expect(jobs).toHaveLength(5000);
  expect(settled.filter((r) => r.cls === 'new')).toHaveLength(5000);
  expect(settled.filter((r) => r.cls === 'bucketOnly')).toHaveLength(5000);
});
