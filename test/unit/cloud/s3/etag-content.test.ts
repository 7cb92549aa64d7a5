import { createHash, randomBytes } from 'node:crypto';
import { expect, test } from 'vitest';
import {
  awsCliPartSize,
  candidatePartSizes,
  cirrusPartSize,
  createContentHasher,
  etagMatches,
  etagShape,
  hashPlanFor,
} from '../../../../src/cloud/s3/etag-content';

const MIB = 1024 * 1024;
const GIB = 1024 * MIB;

/** The ETag S3 gives a multipart upload of `data` in parts of `partSize`, computed independently. */
function s3MultipartEtag(data: Uint8Array, partSize: number): string {
  const digests: Buffer[] = [];
  for (let at = 0; at < data.length; at += partSize)
    digests.push(
      createHash('md5')
        .update(data.subarray(at, at + partSize))
        .digest(),
    );
  return `${createHash('md5').update(Buffer.concat(digests)).digest('hex')}-${digests.length}`;
}

function hashInChunks(data: Uint8Array, partSizes: number[], whole: boolean, chunk: number) {
  const hasher = createContentHasher({ whole, partSizes });
  for (let at = 0; at < data.length; at += chunk) hasher.update(data.subarray(at, at + chunk));
  return hasher.result();
}

test('ETag shapes: single-part MD5, multipart hex-N, and what cannot be judged', () => {
  expect(etagShape('"D41D8CD98F00B204E9800998ECF8427E"')).toEqual({
    kind: 'md5',
    md5: 'd41d8cd98f00b204e9800998ecf8427e',
  });
  expect(etagShape('0123456789abcdef0123456789abcdef-3')).toEqual({
    kind: 'multipart',
    md5: '0123456789abcdef0123456789abcdef',
    parts: 3,
  });
  expect(etagShape('')).toEqual({ kind: 'unknown' });
  expect(etagShape('abc')).toEqual({ kind: 'unknown' });
  expect(etagShape('0123456789abcdef0123456789abcdef-0')).toEqual({ kind: 'unknown' });
  expect(etagShape('0123456789abcdef0123456789abcdef-10001')).toEqual({ kind: 'unknown' });
});

test("Cirrus's part size follows its upload plan; the AWS CLI's doubles from 8 MiB past 10,000 parts", () => {
  expect(cirrusPartSize(20 * MIB)).toBe(16 * MIB);
  expect(cirrusPartSize(5 * 1024 * GIB)).toBe(525 * MIB);
  expect(awsCliPartSize(20 * MIB)).toBe(8 * MIB);
  expect(awsCliPartSize(80_000 * MIB)).toBe(8 * MIB);
  expect(awsCliPartSize(80_001 * MIB)).toBe(16 * MIB);
  expect(awsCliPartSize(200 * GIB)).toBe(32 * MIB);
});

test('candidate part sizes are those that give the ETag part count', () => {
  // 20 MiB: Cirrus 2 parts of 16 MiB, the CLI 3 parts of 8 MiB.
  expect(candidatePartSizes(20 * MIB, 2)).toEqual([16 * MIB]);
  expect(candidatePartSizes(20 * MIB, 3)).toEqual([8 * MIB]);
  expect(candidatePartSizes(20 * MIB, 7)).toEqual([]);
  // 16 MiB exactly: Cirrus would send it in one part, the CLI in two of 8 MiB.
  expect(candidatePartSizes(16 * MIB, 1)).toEqual([16 * MIB]);
  expect(candidatePartSizes(16 * MIB, 2)).toEqual([8 * MIB]);
  expect(hashPlanFor('0123456789abcdef0123456789abcdef-7', 20 * MIB)).toBeNull();
  expect(hashPlanFor('kms-looking-etag', 20 * MIB)).toBeNull();
  expect(hashPlanFor('0123456789abcdef0123456789abcdef', 5)).toEqual({
    whole: true,
    partSizes: [],
  });
});

test('multipart ETags of Cirrus-sized and CLI-sized parts match S3 vectors made with node:crypto', () => {
  const data = randomBytes(20 * MIB + 12_345);
  const cirrus = s3MultipartEtag(data, 16 * MIB);
  const cli = s3MultipartEtag(data, 8 * MIB);
  expect(cirrus.endsWith('-2')).toBe(true);
  expect(cli.endsWith('-3')).toBe(true);
  for (const etag of [cirrus, cli]) {
    const plan = hashPlanFor(etag, data.length);
    expect(plan).not.toBeNull();
    // Chunks that do not line up with any part boundary.
    const hashes = hashInChunks(data, plan?.partSizes ?? [], false, 3 * MIB + 7);
    expect(etagMatches(etag, hashes)).toBe(true);
  }
  const other = Buffer.from(data);
  other[other.length - 1] = (other[other.length - 1] ?? 0) ^ 1;
  const changed = hashInChunks(other, [16 * MIB, 8 * MIB], false, 4 * MIB);
  expect(etagMatches(cirrus, changed)).toBe(false);
  expect(etagMatches(cli, changed)).toBe(false);
});

test('a file of an exact multiple of the part size, and the whole MD5 alongside', () => {
  const data = randomBytes(16 * MIB);
  const etag = s3MultipartEtag(data, 8 * MIB);
  const hashes = hashInChunks(data, [8 * MIB], true, MIB);
  expect(hashes.md5).toBe(createHash('md5').update(data).digest('hex'));
  expect(hashes.multipart[8 * MIB]).toBe(etag);
  expect(etagMatches(createHash('md5').update(data).digest('hex'), hashes)).toBe(true);
});

test('an empty file hashes to the empty MD5', () => {
  const hashes = createContentHasher({ whole: true, partSizes: [] }).result();
  expect(hashes.md5).toBe('d41d8cd98f00b204e9800998ecf8427e');
});
