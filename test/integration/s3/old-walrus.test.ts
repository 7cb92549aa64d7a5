// Servers from before ListObjectsV2 and DeleteObjects: the client falls back to v1 markers (no
// NextMarker: the last key or prefix goes back as the marker) and to one DELETE per key.

import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';
import { createLocalSigner } from '../../../src/cloud/local-signer';
import type { EucalyptusProfile } from '../../../src/cloud/profile';
import * as s3 from '../../../src/cloud/s3/index';
import { type OldWalrus, startOldWalrus, WALRUS_PATH } from './old-walrus';
import { AWKWARD_KEYS } from './scenarios';

const creds = { accessKeyId: 'AKIDOLDWALRUS0000001', secretAccessKey: 'old/walrus/secret' };
let walrus: OldWalrus;
let profile: EucalyptusProfile;
const signer = () => createLocalSigner(profile, creds);

const CONTROL_KEYS = [
  'ctl/cr\rlf\nx',
  'ctl/bell\u0007',
  'ctl/nul-ish\u0001',
  'ctl/&#13; literally',
];
const FLAT = Array.from({ length: 2600 }, (_, i) => `walrus/k-${String(i).padStart(5, '0')}`);
const NESTED = Array.from({ length: 120 }, (_, i) => `walrus/sub-${i % 3}/file-${i}`);
const ODD = AWKWARD_KEYS.map((k) => `walrus/${k}`);

beforeAll(async () => {
  walrus = await startOldWalrus();
  profile = {
    id: 'walrus',
    kind: 'eucalyptus',
    name: 'old walrus',
    accessKeyId: creds.accessKeyId,
    host: '127.0.0.1',
    port: walrus.port,
    https: false,
    ec2Path: '/services/Eucalyptus',
    s3Path: WALRUS_PATH,
    s3Host: '',
    region: 'eucalyptus',
    signatureVersion: 2,
    apiVersion: '2013-02-01',
  };
});
afterAll(async () => {
  await walrus?.stop();
});
beforeEach(() => {
  walrus.ignoreMarker = false;
  walrus.requests.length = 0;
  const objects = new Map<string, string>();
  for (const key of [...FLAT, ...NESTED, ...ODD, ...CONTROL_KEYS, 'walrus/old_$folder$']) {
    objects.set(key, 'data');
  }
  walrus.buckets.set('legacy', objects);
});

test('ListObjects v1 fallback: every key exactly once, in pages, markers from the last key', async () => {
  const pages: number[] = [];
  const result = await s3.listObjects(profile, signer(), 'legacy', {
    prefix: 'walrus/',
    delimiter: '',
    onPage: (objects) => pages.push(objects.length),
  });
  expect(result.version).toBe(1);
  const expected = [...FLAT, ...NESTED, ...ODD];
  expect(result.objects).toHaveLength(expected.length);
  expect(new Set(result.objects.map((o) => o.key))).toEqual(new Set(expected));
  expect(result.prefixes).toEqual(['walrus/old/']);
  expect(pages.length).toBe(Math.ceil((expected.length + 1) / 1000));
  // The first request asks for v2; the server's v1 answer switches the rest to markers.
  const lists = walrus.requests.filter((r) => r.method === 'GET');
  expect(lists[0]?.query.get('list-type')).toBe('2');
  expect(lists.slice(1).every((r) => r.query.has('marker') && !r.query.has('list-type'))).toBe(
    true,
  );
});

test('v1 with a delimiter: prefixes once each, even when a page ends on one', async () => {
  const result = await s3.listObjects(profile, signer(), 'legacy', {
    prefix: 'walrus/',
    maxKeys: 7,
  });
  expect(result.version).toBe(1);
  expect(result.prefixes.sort()).toEqual([
    'walrus/a b+c%d#e?f/',
    'walrus/old/',
    'walrus/sub-0/',
    'walrus/sub-1/',
    'walrus/sub-2/',
  ]);
  expect(result.objects).toHaveLength(FLAT.length + ODD.length - 1);
  expect(new Set(result.objects.map((o) => o.key)).size).toBe(result.objects.length);
});

test('control characters and references in keys, sent as &#N; by the server, read exactly', async () => {
  const result = await s3.listObjects(profile, signer(), 'legacy', {
    prefix: 'ctl/',
    delimiter: '',
  });
  expect(result.objects.map((o) => o.key).sort()).toEqual([...CONTROL_KEYS].sort());
});

test('a server that ignores the marker ends in ListNotAdvancing, not an endless loop', async () => {
  walrus.ignoreMarker = true;
  await expect(
    s3.listObjects(profile, signer(), 'legacy', { prefix: 'walrus/', delimiter: '' }),
  ).rejects.toMatchObject({ code: 'ListNotAdvancing' });
  expect(walrus.requests.length).toBe(2);
});

test('deleteObjects falls back to single DELETEs when ?delete is NotImplemented', async () => {
  const keys = [...FLAT.slice(0, 1500), ...CONTROL_KEYS];
  const progress: number[] = [];
  const result = await s3.deleteObjects(profile, signer(), 'legacy', keys, {
    onProgress: (done) => progress.push(done),
  });
  expect(result.errors).toEqual([]);
  expect(new Set(result.deleted)).toEqual(new Set(keys));
  expect(progress).toEqual([1000, keys.length]);
  const posts = walrus.requests.filter((r) => r.method === 'POST');
  const deletes = walrus.requests.filter((r) => r.method === 'DELETE');
  // Asked once; after the refusal, every key goes by itself.
  expect(posts).toHaveLength(1);
  expect(deletes.map((r) => r.key).sort()).toEqual([...keys].sort());
  const left = walrus.buckets.get('legacy');
  for (const key of keys) expect(left?.has(key)).toBe(false);
  expect(left?.has(FLAT[1500] as string)).toBe(true);
});

test('bucket region of a non-AWS profile is its region, without asking the server', async () => {
  expect(await s3.bucketRegion(profile, signer(), 'legacy')).toBe('eucalyptus');
  expect(walrus.requests).toEqual([]);
});
