import { expect, test } from 'vitest';
import { bigIntToBytes, bytesToBigInt, DerError, DerReader } from '../../../../src/cloud/rsa/der';

const reader = (...bytes: number[]) => new DerReader(Uint8Array.from(bytes));

test('a SEQUENCE of INTEGERs, short and long lengths', () => {
  const seq = reader(0x30, 0x07, 0x02, 0x01, 0x05, 0x02, 0x02, 0x00, 0xff).sequence();
  expect(seq.unsignedInteger()).toBe(5n);
  expect(seq.unsignedInteger()).toBe(255n);
  expect(seq.done()).toBe(true);
  const long = reader(0x04, 0x81, 0x02, 0xaa, 0xbb).next();
  expect(long.tag).toBe(0x04);
  expect([...long.content]).toEqual([0xaa, 0xbb]);
});

test('malformed input throws DerError and never reads past the bytes given', () => {
  const bad: number[][] = [
    [0x30, 0x80, 0x00, 0x00], // indefinite length (BER only)
    [0x30, 0x05, 0x02, 0x01], // content longer than what is left
    [0x02, 0x85, 0x01, 0x00, 0x00, 0x00, 0x00], // a five-byte length
    [0x1f, 0x01, 0x00], // high tag number
    [0x02], // no length
    [],
  ];
  for (const bytes of bad) expect(() => reader(...bytes).next(), `${bytes}`).toThrow(DerError);
  expect(() => reader(0x02, 0x01, 0x80).unsignedInteger()).toThrow('negative');
  expect(() => reader(0x02, 0x00).unsignedInteger()).toThrow('empty');
  expect(() => reader(0x04, 0x01, 0x00).unsignedInteger()).toThrow('INTEGER');
  // A SEQUENCE whose inner element claims more than the SEQUENCE holds.
  const inner = reader(0x30, 0x03, 0x02, 0x05, 0x01, 0x02, 0x01, 0x00).sequence();
  expect(() => inner.unsignedInteger()).toThrow(DerError);
  const trailing = reader(0x02, 0x01, 0x01, 0x00);
  trailing.unsignedInteger();
  expect(() => trailing.finish()).toThrow('after the last');
});

test('bytes and bigints both ways, fixed length', () => {
  expect(bytesToBigInt(Uint8Array.of())).toBe(0n);
  expect(bytesToBigInt(Uint8Array.of(0x00, 0x01, 0x00))).toBe(256n);
  expect([...bigIntToBytes(256n, 4)]).toEqual([0, 0, 1, 0]);
  expect([...bigIntToBytes(0n, 2)]).toEqual([0, 0]);
  expect(() => bigIntToBytes(65_536n, 2)).toThrow(RangeError);
});
