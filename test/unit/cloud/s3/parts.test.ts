import { expect, test } from 'vitest';
import {
  copyRange,
  GIB,
  MAX_OBJECT_SIZE,
  MAX_PART_SIZE,
  MAX_PARTS,
  MIB,
  MIN_PART_SIZE,
  type PartRange,
  planCopyParts,
  planParts,
} from '../../../../src/cloud/s3/parts';

/** Numbered from 1, back to back, covering every byte, each within S3's part limits. */
function expectContiguous(parts: PartRange[], size: number): void {
  const problems: string[] = [];
  let at = 0;
  parts.forEach((part, i) => {
    if (part.partNumber !== i + 1) problems.push(`part ${i} numbered ${part.partNumber}`);
    if (part.start !== at) problems.push(`part ${part.partNumber} starts at ${part.start}`);
    if (part.size !== part.end - part.start) problems.push(`part ${part.partNumber} size`);
    const last = i === parts.length - 1;
    if (!last && (part.size < MIN_PART_SIZE || part.size > MAX_PART_SIZE)) {
      problems.push(`part ${part.partNumber} is ${part.size} bytes`);
    }
    at = part.end;
  });
  expect(problems).toEqual([]);
  expect(at).toBe(size);
  expect(parts.length).toBeLessThanOrEqual(MAX_PARTS);
}

test('small files go in one PUT; the threshold itself too', () => {
  expect(planParts(0)).toEqual({
    multipart: false,
    partSize: 0,
    parts: [{ partNumber: 1, start: 0, end: 0, size: 0 }],
  });
  expect(planParts(16 * MIB).multipart).toBe(false);
  expect(planParts(16 * MIB + 1).multipart).toBe(true);
  expect(planParts(6 * MIB, { threshold: 5 * MIB }).multipart).toBe(true);
});

test('10 GiB: 640 parts of 16 MiB (at most 1,000 presigned URLs)', () => {
  const plan = planParts(10 * GIB);
  expect(plan.partSize).toBe(16 * MIB);
  expect(plan.parts).toHaveLength(640);
  expect(plan.parts.length).toBeLessThanOrEqual(1000);
  expectContiguous(plan.parts, 10 * GIB);
});

test('a part size below 5 MiB is raised to 5 MiB; the last part may be small', () => {
  const plan = planParts(11 * MIB + 3, { threshold: 0, partSize: 1 * MIB });
  expect(plan.partSize).toBe(5 * MIB);
  expect(plan.parts.map((p) => p.size)).toEqual([5 * MIB, 5 * MIB, MIB + 3]);
});

test('huge files: the part size grows so 10,000 parts are enough', () => {
  const size = 200 * GIB; // 12,800 parts of 16 MiB would be too many
  const plan = planParts(size);
  expect(plan.partSize).toBe(21 * MIB);
  expectContiguous(plan.parts, size);
});

test('5 TiB boundaries: the largest object fits; one byte more is refused', () => {
  const plan = planParts(MAX_OBJECT_SIZE);
  expect(plan.partSize).toBe(525 * MIB);
  expect(plan.parts).toHaveLength(9987);
  expectContiguous(plan.parts, MAX_OBJECT_SIZE);
  expect(() => planParts(MAX_OBJECT_SIZE + 1)).toThrowError(
    expect.objectContaining({ code: 'EntityTooLarge' }),
  );
  expect(() => planParts(-1)).toThrowError(expect.objectContaining({ code: 'InvalidArgument' }));
  expect(() => planParts(1.5)).toThrowError(expect.objectContaining({ code: 'InvalidArgument' }));
});

test('a single PUT is never planned above 5 GiB, whatever the threshold', () => {
  const plan = planParts(6 * GIB, { threshold: 10 * GIB });
  expect(plan.multipart).toBe(true);
});

test('multipart copy: 512 MiB ranges by default, ranges inclusive', () => {
  const parts = planCopyParts(6 * GIB);
  expect(parts).toHaveLength(12);
  expect(copyRange(parts[0] as PartRange)).toBe(`bytes=0-${512 * MIB - 1}`);
  expect(copyRange(parts[11] as PartRange)).toBe(`bytes=${11 * 512 * MIB}-${6 * GIB - 1}`);
  expectContiguous(parts, 6 * GIB);
  const small = planCopyParts(11 * MIB + 17, 5 * MIB);
  expect(small.map(copyRange)).toEqual([
    `bytes=0-${5 * MIB - 1}`,
    `bytes=${5 * MIB}-${10 * MIB - 1}`,
    `bytes=${10 * MIB}-${11 * MIB + 16}`,
  ]);
  expectContiguous(planCopyParts(MAX_OBJECT_SIZE), MAX_OBJECT_SIZE);
  // Never above 5 GiB a part, even when asked.
  expect(planCopyParts(20 * GIB, 8 * GIB)[0]?.size).toBe(MAX_PART_SIZE);
});
