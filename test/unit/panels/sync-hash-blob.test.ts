import { createHash, randomBytes } from 'node:crypto';
import { expect, test } from 'vitest';
import { hashBlob } from '../../../src/panels/s3/sync/hash-blob';
import { normalPrefix } from '../../../src/panels/s3/sync/sync-model';

test('a Blob read in slices that cut across parts gives the whole MD5 and multipart ETags', async () => {
  const data = randomBytes(100_000);
  const partSize = 30_000;
  const digests: Buffer[] = [];
  for (let at = 0; at < data.length; at += partSize)
    digests.push(
      createHash('md5')
        .update(data.subarray(at, at + partSize))
        .digest(),
    );
  const etag = `${createHash('md5').update(Buffer.concat(digests)).digest('hex')}-4`;
  let read = 0;
  const hashes = await hashBlob(
    new Blob([data]),
    { whole: true, partSizes: [partSize] },
    { slice: 7_777, onBytes: (n) => (read += n) },
  );
  expect(hashes.md5).toBe(createHash('md5').update(data).digest('hex'));
  expect(hashes.multipart[partSize]).toBe(etag);
  expect(read).toBe(data.length);
});

test('a cancelled read stops before the next slice', async () => {
  const stop = new AbortController();
  stop.abort();
  await expect(
    hashBlob(new Blob([randomBytes(10)]), { whole: true, partSizes: [] }, { signal: stop.signal }),
  ).rejects.toThrow('Cancelled');
});

test('the prefix field: a folder name gets its slash, blank means the whole bucket', () => {
  expect(normalPrefix('')).toBe('');
  expect(normalPrefix('  ')).toBe('');
  expect(normalPrefix('photos')).toBe('photos/');
  expect(normalPrefix('/photos/2024/')).toBe('photos/2024/');
});
