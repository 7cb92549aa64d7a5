// How a big object is cut into parts for multipart upload and multipart copy, within S3's limits:
// parts of 5 MiB to 5 GiB (the last may be smaller), at most 10,000 of them, objects up to 5 TiB.
// https://docs.aws.amazon.com/AmazonS3/latest/userguide/qfacts.html

import { CloudError } from '../errors';

export const MIB = 1024 * 1024;
export const GIB = 1024 * MIB;
export const MIN_PART_SIZE = 5 * MIB;
export const MAX_PART_SIZE = 5 * GIB;
export const MAX_PARTS = 10_000;
export const MAX_OBJECT_SIZE = 5 * 1024 * GIB;
/** The biggest object one PUT (or one CopyObject) may write. */
export const MAX_SINGLE_PUT = 5 * GIB;

export const DEFAULT_UPLOAD_THRESHOLD = 16 * MIB;
export const DEFAULT_UPLOAD_PART_SIZE = 16 * MIB;
export const DEFAULT_COPY_PART_SIZE = 512 * MIB;

export interface PartRange {
  /** 1-based. */
  partNumber: number;
  /** First byte. */
  start: number;
  /** One past the last byte (the Blob.slice end). */
  end: number;
  size: number;
}

export interface PartPlan {
  /** False: one plain PUT of the whole object (then `parts` holds that one range). */
  multipart: boolean;
  partSize: number;
  parts: PartRange[];
}

export interface PlanOptions {
  /** Objects larger than this go in parts (default 16 MiB, at most 5 GiB). */
  threshold?: number;
  /** Wanted part size (default 16 MiB); raised to 5 MiB, and further when 10,000 would not do. */
  partSize?: number;
}

/** Plans an upload of `size` bytes. 10 GiB goes in 640 parts of 16 MiB; 5 TiB in 9,987 of 525 MiB. */
export function planParts(size: number, opts: PlanOptions = {}): PartPlan {
  checkSize(size);
  const threshold = Math.min(opts.threshold ?? DEFAULT_UPLOAD_THRESHOLD, MAX_SINGLE_PUT);
  if (size <= threshold) {
    return {
      multipart: false,
      partSize: size,
      parts: [{ partNumber: 1, start: 0, end: size, size }],
    };
  }
  const partSize = fitPartSize(size, opts.partSize ?? DEFAULT_UPLOAD_PART_SIZE);
  return { multipart: true, partSize, parts: split(size, partSize) };
}

/**
 * Plans a multipart copy (UploadPartCopy, for sources above 5 GiB): the ranges go into
 * x-amz-copy-source-range as `bytes=start-(end-1)`.
 */
export function planCopyParts(size: number, partSize = DEFAULT_COPY_PART_SIZE): PartRange[] {
  checkSize(size);
  return split(size, fitPartSize(size, partSize));
}

/** The range header value for one part of a copy. */
export function copyRange(part: PartRange): string {
  return `bytes=${part.start}-${part.end - 1}`;
}

function checkSize(size: number): void {
  if (!Number.isSafeInteger(size) || size < 0) {
    throw new CloudError({ code: 'InvalidArgument', message: `Not a size in bytes: ${size}` });
  }
  if (size > MAX_OBJECT_SIZE) {
    throw new CloudError({
      code: 'EntityTooLarge',
      message: `${size} bytes is more than S3's 5 TiB object limit`,
    });
  }
}

// At least 5 MiB and what 10,000 parts need (rounded up to whole MiB), at most 5 GiB.
function fitPartSize(size: number, wanted: number): number {
  const needed = Math.ceil(size / MAX_PARTS / MIB) * MIB;
  return Math.min(MAX_PART_SIZE, Math.max(MIN_PART_SIZE, Math.floor(wanted), needed));
}

function split(size: number, partSize: number): PartRange[] {
  const parts: PartRange[] = [];
  for (let start = 0, n = 1; start < size || n === 1; start += partSize, n++) {
    const end = Math.min(size, start + partSize);
    parts.push({ partNumber: n, start, end, size: end - start });
    if (end >= size) break;
  }
  return parts;
}
