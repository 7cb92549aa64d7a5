import { createHash, randomBytes } from 'node:crypto';
import { expect, test } from 'vitest';
import { IncrementalMd5 } from '../../../../src/cloud/s3/incremental-md5';

const nodeMd5 = (data: Uint8Array) => createHash('md5').update(data).digest('hex');

test.each([
  ['', 'd41d8cd98f00b204e9800998ecf8427e'],
  ['abc', '900150983cd24fb0d6963f7d28e17f72'],
  [
    '12345678901234567890123456789012345678901234567890123456789012345678901234567890',
    '57edf4a22be3c955ac49da2e2107b67a',
  ],
])('MD5(%j) = %s (RFC 1321)', (input, digest) => {
  expect(new IncrementalMd5().update(input).hex()).toBe(digest);
});

test('every length around the 64-byte block and the 56-byte padding edge, in one piece', () => {
  const data = randomBytes(300);
  for (let n = 0; n <= 300; n++) {
    expect(new IncrementalMd5().update(data.subarray(0, n)).hex(), `length ${n}`).toBe(
      nodeMd5(data.subarray(0, n)),
    );
  }
});

test('random data cut at random slice boundaries matches node:crypto', () => {
  for (let round = 0; round < 40; round++) {
    const data = randomBytes(Math.floor(Math.random() * 20_000));
    const md5 = new IncrementalMd5();
    let at = 0;
    while (at < data.length) {
      // Pieces of 0..200 bytes: cuts inside, at and across block boundaries.
      const next = Math.min(data.length, at + Math.floor(Math.random() * 200));
      md5.update(data.subarray(at, next));
      at = next;
    }
    expect(md5.hex()).toBe(nodeMd5(data));
  }
});

test('one byte at a time and a few MiB in uneven slices', () => {
  const small = randomBytes(1000);
  const one = new IncrementalMd5();
  for (const byte of small) one.update(Uint8Array.of(byte));
  expect(one.hex()).toBe(nodeMd5(small));

  const big = randomBytes(3 * 1024 * 1024 + 17);
  const md5 = new IncrementalMd5();
  for (let at = 0; at < big.length; at += 65_537) md5.update(big.subarray(at, at + 65_537));
  expect(md5.hex()).toBe(nodeMd5(big));
});

test('a finished hasher refuses more data', () => {
  const md5 = new IncrementalMd5().update('x');
  md5.digest();
  expect(() => md5.update('y')).toThrow();
});
