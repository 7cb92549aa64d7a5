// A minimal, strict DER reader: just what a private key needs (SEQUENCE, INTEGER, OBJECT
// IDENTIFIER, OCTET STRING, skipping the rest). Anything malformed throws DerError; every length
// is checked against its parent, so a hostile file cannot make it read outside the bytes given.

export class DerError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DerError';
  }
}

export const DER_INTEGER = 0x02;
export const DER_OCTET_STRING = 0x04;
export const DER_NULL = 0x05;
export const DER_OBJECT_IDENTIFIER = 0x06;
export const DER_SEQUENCE = 0x30;

export interface DerElement {
  tag: number;
  /** The content octets (a view into the input, not a copy). */
  content: Uint8Array;
}

/** Reads the elements one after another between `start` and `end` of `bytes`. */
export class DerReader {
  private pos: number;

  constructor(
    private readonly bytes: Uint8Array,
    start = 0,
    private readonly end = bytes.length,
  ) {
    this.pos = start;
  }

  /** True when every byte has been read. */
  done(): boolean {
    return this.pos >= this.end;
  }

  /** The tag of the next element, without reading it; undefined at the end. */
  peekTag(): number | undefined {
    return this.done() ? undefined : this.bytes[this.pos];
  }

  /** The next element, whatever it is. */
  next(): DerElement {
    const tag = this.byte();
    // High tag numbers (0x1f) never occur in a key; refusing them keeps the reader small.
    if ((tag & 0x1f) === 0x1f) throw new DerError('high tag numbers are not supported');
    const length = this.length();
    if (length > this.end - this.pos) throw new DerError('an element runs past its container');
    const content = this.bytes.subarray(this.pos, this.pos + length);
    this.pos += length;
    return { tag, content };
  }

  /** The next element, which must carry `tag`. */
  expect(tag: number, what: string): DerElement {
    const element = this.next();
    if (element.tag !== tag) throw new DerError(`expected ${what}`);
    return element;
  }

  /** A reader over the content of the next SEQUENCE. */
  sequence(): DerReader {
    const { content } = this.expect(DER_SEQUENCE, 'a SEQUENCE');
    return new DerReader(content);
  }

  /** The next INTEGER, which must not be negative (every number in a key is positive). */
  unsignedInteger(): bigint {
    const { content } = this.expect(DER_INTEGER, 'an INTEGER');
    if (content.length === 0) throw new DerError('an empty INTEGER');
    if ((content[0] as number) & 0x80) throw new DerError('a negative INTEGER');
    return bytesToBigInt(content);
  }

  /** Throws unless every byte has been read: DER has nothing after the last element. */
  finish(): void {
    if (!this.done()) throw new DerError('unexpected bytes after the last element');
  }

  private byte(): number {
    if (this.pos >= this.end) throw new DerError('the data ends too early');
    return this.bytes[this.pos++] as number;
  }

  private length(): number {
    const first = this.byte();
    if (first < 0x80) return first;
    // 0x80 is BER's indefinite length, which DER forbids.
    const count = first & 0x7f;
    if (count === 0) throw new DerError('an indefinite length');
    // Four bytes say up to 4 GiB; a key is a few kilobytes.
    if (count > 4) throw new DerError('a length too long');
    let length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + this.byte();
    return length;
  }
}

/** Big-endian unsigned bytes to a bigint. */
export function bytesToBigInt(bytes: Uint8Array): bigint {
  let hex = '';
  for (const byte of bytes) hex += byte.toString(16).padStart(2, '0');
  return hex === '' ? 0n : BigInt(`0x${hex}`);
}

/** A non-negative bigint as exactly `length` big-endian bytes; throws when it does not fit. */
export function bigIntToBytes(value: bigint, length: number): Uint8Array {
  if (value < 0n) throw new RangeError('a negative number');
  const hex = value.toString(16);
  const digits = hex.length % 2 ? `0${hex}` : hex;
  if (digits.length / 2 > length) throw new RangeError('the number does not fit');
  const out = new Uint8Array(length);
  const offset = length - digits.length / 2;
  for (let i = 0; i < digits.length / 2; i++)
    out[offset + i] = Number.parseInt(digits.slice(2 * i, 2 * i + 2), 16);
  return out;
}

/** Two byte strings are equal (OIDs, not secrets: no constant time needed). */
export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}
