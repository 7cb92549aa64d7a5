// MD5 (RFC 1321) fed piece by piece: a folder compare hashes files of any size in slices, so a
// file is never held whole in memory. md5.ts stays the one-shot form for small request bodies.

// Per-step shift amounts, sine-derived constants and message-word order (RFC 1321, 3.4).
const SHIFTS = new Uint8Array([
  7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14,
  20, 5, 9, 14, 20, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 6, 10, 15, 21, 6,
  10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21,
]);
const K = Uint32Array.from(
  { length: 64 },
  (_, i) => Math.floor(Math.abs(Math.sin(i + 1)) * 2 ** 32) >>> 0,
);
const WORD = Uint8Array.from({ length: 64 }, (_, i) =>
  i < 16 ? i : i < 32 ? (5 * i + 1) % 16 : i < 48 ? (3 * i + 5) % 16 : (7 * i) % 16,
);

export class IncrementalMd5 {
  private readonly state = new Uint32Array([0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476]);
  /** Bytes waiting for a full 64-byte block. */
  private readonly tail = new Uint8Array(64);
  private tailLength = 0;
  private length = 0;
  private readonly words = new Uint32Array(16);
  private done = false;

  /** Adds bytes; a string is hashed as UTF-8. */
  update(data: Uint8Array | string): this {
    if (this.done) throw new Error('MD5 already finished');
    const input = typeof data === 'string' ? new TextEncoder().encode(data) : data;
    this.length += input.length;
    let offset = 0;
    if (this.tailLength > 0) {
      const take = Math.min(64 - this.tailLength, input.length);
      this.tail.set(input.subarray(0, take), this.tailLength);
      this.tailLength += take;
      offset = take;
      if (this.tailLength < 64) return this;
      this.block(this.tail, 0);
      this.tailLength = 0;
    }
    for (; offset + 64 <= input.length; offset += 64) this.block(input, offset);
    if (offset < input.length) {
      this.tail.set(input.subarray(offset), 0);
      this.tailLength = input.length - offset;
    }
    return this;
  }

  /** The 16-byte digest; the hasher takes no more data afterwards. */
  digest(): Uint8Array {
    const bitLength = this.length * 8;
    // 0x80, zeros to 56 mod 64, then the 64-bit little-endian bit length.
    const padLength = this.tailLength < 56 ? 56 - this.tailLength : 120 - this.tailLength;
    const pad = new Uint8Array(padLength + 8);
    pad[0] = 0x80;
    const view = new DataView(pad.buffer);
    view.setUint32(padLength, bitLength >>> 0, true);
    view.setUint32(padLength + 4, Math.floor(bitLength / 2 ** 32) >>> 0, true);
    const length = this.length;
    this.update(pad);
    this.length = length;
    this.done = true;
    const out = new Uint8Array(16);
    const outView = new DataView(out.buffer);
    for (let i = 0; i < 4; i++) outView.setUint32(i * 4, this.state[i] ?? 0, true);
    return out;
  }

  hex(): string {
    let hex = '';
    for (const byte of this.digest()) hex += byte.toString(16).padStart(2, '0');
    return hex;
  }

  private block(bytes: Uint8Array, offset: number): void {
    const m = this.words;
    for (let j = 0, o = offset; j < 16; j++, o += 4) {
      m[j] =
        ((bytes[o] as number) |
          ((bytes[o + 1] as number) << 8) |
          ((bytes[o + 2] as number) << 16) |
          ((bytes[o + 3] as number) << 24)) >>>
        0;
    }
    const s = this.state;
    let a = s[0] as number;
    let b = s[1] as number;
    let c = s[2] as number;
    let d = s[3] as number;
    for (let i = 0; i < 64; i++) {
      let f: number;
      if (i < 16) f = (b & c) | (~b & d);
      else if (i < 32) f = (d & b) | (~d & c);
      else if (i < 48) f = b ^ c ^ d;
      else f = c ^ (b | ~d);
      const sum = (a + f + (K[i] as number) + (m[WORD[i] as number] as number)) >>> 0;
      const shift = SHIFTS[i] as number;
      a = d;
      d = c;
      c = b;
      b = (b + ((sum << shift) | (sum >>> (32 - shift)))) >>> 0;
    }
    s[0] = ((s[0] as number) + a) >>> 0;
    s[1] = ((s[1] as number) + b) >>> 0;
    s[2] = ((s[2] as number) + c) >>> 0;
    s[3] = ((s[3] as number) + d) >>> 0;
  }
}
