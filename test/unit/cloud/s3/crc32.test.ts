import { crc32 as zlibCrc32 } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { crc32, crc32Base64 } from '../../../../src/cloud/s3/crc32';

describe('crc32', () => {
  test('matches zlib on every length around the 8-byte stride, and continues', () => {
    const bytes = new Uint8Array(1000);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 2654435761) >>> 24;
    for (const n of [0, 1, 7, 8, 9, 15, 16, 17, 999, 1000]) {
      expect(crc32(bytes.subarray(0, n)), `length ${n}`).toBe(zlibCrc32(bytes.subarray(0, n)));
    }
    expect(crc32(bytes.subarray(500), crc32(bytes.subarray(0, 500)))).toBe(zlibCrc32(bytes));
  });
  test('matches zlib on views that start anywhere in their buffer (the 32-bit reads align first)', () => {
    const bytes = new Uint8Array(4096);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 40503) >>> 7;
    for (let offset = 0; offset < 8; offset++) {
      for (const n of [15, 16, 17, 23, 24, 25, 31, 33, 1023, 4000]) {
        const view = bytes.subarray(offset, offset + n);
        expect(crc32(view), `offset ${offset}, length ${n}`).toBe(zlibCrc32(view));
      }
    }
  });
  test('base64 of the big-endian value, as x-amz-checksum-crc32 carries it', () => {
    // "hello world": 0x0d4a1185.
    expect(crc32Base64(new TextEncoder().encode('hello world'))).toBe('DUoRhQ==');
    expect(crc32Base64(new Uint8Array())).toBe('AAAAAA==');
  });
});
