import { createHash } from 'node:crypto';
import { expect, test } from 'vitest';
import { md5Base64, md5Hex } from '../../../../src/cloud/s3/md5';

// RFC 1321, appendix A.5.
test.each([
  ['', 'd41d8cd98f00b204e9800998ecf8427e'],
  ['a', '0cc175b9c0f1b6a831c399e269772661'],
  ['abc', '900150983cd24fb0d6963f7d28e17f72'],
  ['message digest', 'f96b697d7cb7938d525a2f31aaf161d0'],
  ['abcdefghijklmnopqrstuvwxyz', 'c3fcd3d76192e4007dfb496cca67e13b'],
  [
    'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789',
    'd174ab98d277d9f5a5611c2c9f419d9f',
  ],
  [
    '12345678901234567890123456789012345678901234567890123456789012345678901234567890',
    '57edf4a22be3c955ac49da2e2107b67a',
  ],
])('MD5(%j) = %s', (input, digest) => {
  expect(md5Hex(input)).toBe(digest);
});

test('padding boundaries: 55, 56, 63, 64 and 65 bytes', () => {
  // Values from node:crypto's MD5, which shares no code with this one.
  expect(md5Hex('a'.repeat(55))).toBe('ef1772b6dff9a122358552954ad0df65');
  expect(md5Hex('a'.repeat(56))).toBe('3b0c8ac703f828b04c6c197006d17218');
  expect(md5Hex('a'.repeat(63))).toBe('b06521f39153d618550606be297466d5');
  expect(md5Hex('a'.repeat(64))).toBe('014842d480b571495a4a0363793f7367');
  expect(md5Hex('a'.repeat(65))).toBe('c743a45e0d2e6a95cb859adae0248435');
});

test('strings are hashed as UTF-8; bytes as given', () => {
  expect(md5Hex('日本語')).toBe(md5Hex(new TextEncoder().encode('日本語')));
  expect(md5Hex(new Uint8Array([0, 255, 128]))).toBe('4fd64cb80c3f86e1e9d0f559af8b370f');
});

test('agrees with node:crypto on every length from 0 to 300 bytes', () => {
  const bytes = Uint8Array.from({ length: 300 }, (_, i) => (i * 167 + 13) & 255);
  for (let n = 0; n <= 300; n++) {
    const slice = bytes.subarray(0, n);
    expect(md5Hex(slice)).toBe(createHash('md5').update(slice).digest('hex'));
  }
});

test('Content-MD5 is base64 of the raw digest', () => {
  expect(md5Base64('')).toBe('1B2M2Y8AsgTpgAmY7PhCfg==');
  expect(md5Base64('abc')).toBe('kAFQmDzST7DWlj99KOF/cg==');
});
