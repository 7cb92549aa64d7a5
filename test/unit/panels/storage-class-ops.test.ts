import { afterEach, expect, test, vi } from 'vitest';
import { changeStorageClass } from '../../../src/panels/s3/storage-class-ops';
import { euca, fixture, plainSigner, stubFetch } from '../cloud/s3/support';

afterEach(() => {
  vi.unstubAllGlobals();
});

const current = { profile: euca, signer: plainSigner };
const base = 'http://10.0.0.5:8773/services/objectstorage';
const privateAcl = fixture('aws-get-object-acl-public-read.xml').replace(
  /<Grant><Grantee[\s\S]*?Group[\s\S]*?<\/Grant>/,
  '',
);

test('each object is copied onto itself with the new class and its metadata kept; one already there is left alone', async () => {
  const { seen, answers } = stubFetch();
  answers.push(
    // a.txt: in STANDARD (no header), private, then copyObject's own HEAD and the copy.
    { status: 200, headers: { 'content-length': '3', etag: '"e0"' } },
    { status: 200, body: privateAcl },
    { status: 200, headers: { 'content-length': '3', etag: '"e0"' } },
    { status: 200, body: '<CopyObjectResult><ETag>"e1"</ETag></CopyObjectResult>' },
    // b.txt: already in GLACIER.
    {
      status: 200,
      headers: { 'content-length': '3', etag: '"e2"', 'x-amz-storage-class': 'GLACIER' },
    },
  );
  const progress: string[] = [];
  const result = await changeStorageClass(
    async () => current,
    'bkt',
    ['a.txt', 'b.txt'],
    'GLACIER',
    {
      concurrency: 1,
      onProgress: (done, total) => progress.push(`${done}/${total}`),
    },
  );
  expect(result).toEqual({ done: 2, total: 2, failures: [] });
  expect(progress).toEqual(['0/2', '1/2', '2/2']);
  const copy = seen[3];
  expect(copy?.method).toBe('PUT');
  expect(copy?.url).toBe(`${base}/bkt/a.txt`);
  expect(copy?.headers['x-amz-copy-source']).toBe('/bkt/a.txt');
  expect(copy?.headers['x-amz-metadata-directive']).toBe('COPY');
  expect(copy?.headers['x-amz-storage-class']).toBe('GLACIER');
  expect(seen).toHaveLength(5);
});

test('a refused object is reported and the others go on', async () => {
  const { answers } = stubFetch();
  answers.push(
    {
      status: 403,
      body: '<Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>',
    },
    {
      status: 200,
      headers: { 'content-length': '3', etag: '"e2"', 'x-amz-storage-class': 'STANDARD_IA' },
    },
  );
  const result = await changeStorageClass(async () => current, 'bkt', ['x', 'y'], 'STANDARD_IA', {
    concurrency: 1,
  });
  expect(result).toMatchObject({ done: 1, total: 2, failures: [{ key: 'x' }] });
});
