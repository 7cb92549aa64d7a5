// @ts-check
// Draws the toolbar and store icons (a white cloud on a blue rounded square) as PNGs in
// public/icons. Run once after changing the drawing: node scripts/make-icons.mjs
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { deflateSync } from 'node:zlib';

const SIZES = [16, 32, 48, 96, 128];
const SAMPLES = 4; // per axis, for anti-aliasing

/** @type {number[]} */
const CRC_TABLE = [];
for (let n = 0; n < 256; n++) {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  CRC_TABLE.push(c >>> 0);
}

/** @param {Buffer} buf */
function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = (CRC_TABLE[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** @param {string} type @param {Buffer} data */
function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** Coverage of the shapes at a point in the unit square: 0 outside, 1 background, 2 cloud. */
function shapeAt(/** @type {number} */ x, /** @type {number} */ y) {
  const r = 0.2;
  const cx = Math.min(Math.max(x, r), 1 - r);
  const cy = Math.min(Math.max(y, r), 1 - r);
  if ((x - cx) ** 2 + (y - cy) ** 2 > r * r) return 0;
  const puffs = [
    [0.36, 0.56, 0.17],
    [0.55, 0.45, 0.21],
    [0.7, 0.58, 0.14],
  ];
  const inPuff = puffs.some(
    ([px, py, pr]) => (x - (px ?? 0)) ** 2 + (y - (py ?? 0)) ** 2 <= (pr ?? 0) ** 2,
  );
  const inBase = y >= 0.56 && y <= 0.72 && x >= 0.26 && x <= 0.8;
  return inPuff || inBase ? 2 : 1;
}

/** @param {number} size */
function png(size) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  const blue = [11, 100, 196];
  for (let py = 0; py < size; py++) {
    raw[py * (size * 4 + 1)] = 0;
    for (let px = 0; px < size; px++) {
      let bg = 0;
      let cloud = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const s = shapeAt((px + (sx + 0.5) / SAMPLES) / size, (py + (sy + 0.5) / SAMPLES) / size);
          if (s >= 1) bg++;
          if (s === 2) cloud++;
        }
      }
      const n = SAMPLES * SAMPLES;
      const alpha = bg / n;
      const white = bg ? cloud / bg : 0;
      const at = py * (size * 4 + 1) + 1 + px * 4;
      for (let c = 0; c < 3; c++)
        raw[at + c] = Math.round((blue[c] ?? 0) * (1 - white) + 255 * white);
      raw[at + 3] = Math.round(alpha * 255);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

for (const size of SIZES) {
  writeFileSync(resolve(import.meta.dirname, `../public/icons/icon-${size}.png`), png(size));
}
console.log(`wrote ${SIZES.map((s) => `icon-${s}.png`).join(', ')}`);
