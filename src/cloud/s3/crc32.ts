// CRC-32 (IEEE 802.3, as zlib), for S3's x-amz-checksum-crc32: a part's checksum is signed into
// its upload URL, so the server refuses bytes that changed on the way, and a multipart upload
// that names CRC32 lets the server join the parts without rehashing the whole object.
// Slice-by-8: about 1 GB/s in V8, so 16 MiB costs some 15 ms.

const TABLE = new Uint32Array(8 * 256);
for (let n = 0; n < 256; n++) {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  TABLE[n] = c >>> 0;
}
for (let t = 1; t < 8; t++) {
  for (let n = 0; n < 256; n++) {
    const prev = TABLE[(t - 1) * 256 + n] as number;
    TABLE[t * 256 + n] = (prev >>> 8) ^ (TABLE[prev & 0xff] as number);
  }
}

/** The CRC-32 of `bytes`, continuing from `previous` (the CRC of what came before). */
export function crc32(bytes: Uint8Array, previous = 0): number {
  const t = TABLE;
  let c = ~previous;
  let i = 0;
  const whole = bytes.length - (bytes.length % 8);
  while (i < whole) {
    const a =
      ((bytes[i] as number) |
        ((bytes[i + 1] as number) << 8) |
        ((bytes[i + 2] as number) << 16) |
        ((bytes[i + 3] as number) << 24)) ^
      c;
    c =
      (t[1792 + (a & 0xff)] as number) ^
      (t[1536 + ((a >>> 8) & 0xff)] as number) ^
      (t[1280 + ((a >>> 16) & 0xff)] as number) ^
      (t[1024 + (a >>> 24)] as number) ^
      (t[768 + (bytes[i + 4] as number)] as number) ^
      (t[512 + (bytes[i + 5] as number)] as number) ^
      (t[256 + (bytes[i + 6] as number)] as number) ^
      (t[bytes[i + 7] as number] as number);
    i += 8;
  }
  while (i < bytes.length) c = (t[(c ^ (bytes[i++] as number)) & 0xff] as number) ^ (c >>> 8);
  return ~c >>> 0;
}

/** As S3 writes it: the four bytes, big-endian, in base64. */
export function crc32Base64(bytes: Uint8Array): string {
  const value = crc32(bytes);
  return btoa(
    String.fromCharCode(
      (value >>> 24) & 0xff,
      (value >>> 16) & 0xff,
      (value >>> 8) & 0xff,
      value & 0xff,
    ),
  );
}
