// What an object's ETag says about its content, and the local hashes that would match it.
// A single-part PUT's ETag is the MD5 of the bytes; a multipart upload's is the MD5 of the
// parts' MD5s joined, then "-N" (N parts). Part sizes are not recorded, so they are inferred from
// the tools that write most objects: Cirrus's own uploads and the AWS CLI's defaults.
// SSE-KMS / SSE-C objects have ETags that are not MD5s; nothing in a listing says so.

import { IncrementalMd5 } from './incremental-md5';
import { MAX_PART_SIZE, MAX_PARTS, MIB, planParts } from './parts';

export type EtagShape =
  | { kind: 'md5'; md5: string }
  | { kind: 'multipart'; md5: string; parts: number }
  | { kind: 'unknown' };

export function etagShape(etag: string): EtagShape {
  const bare = etag.replace(/"/g, '').trim().toLowerCase();
  if (/^[0-9a-f]{32}$/.test(bare)) return { kind: 'md5', md5: bare };
  const multi = /^([0-9a-f]{32})-([1-9][0-9]{0,4})$/.exec(bare);
  if (multi?.[1] && multi[2]) {
    const parts = Number(multi[2]);
    if (parts <= MAX_PARTS) return { kind: 'multipart', md5: multi[1], parts };
  }
  return { kind: 'unknown' };
}

/** The part size Cirrus's upload gives a file of `size` bytes (upload.ts through planParts). */
export function cirrusPartSize(size: number): number {
  return planParts(size, { threshold: 0 }).partSize;
}

/**
 * The AWS CLI's (s3transfer's) part size: 8 MiB (multipart_chunksize), doubled while the file
 * would need more than 10,000 parts, within 5 MiB..5 GiB.
 */
export function awsCliPartSize(size: number, chunkSize = 8 * MIB): number {
  let partSize = chunkSize;
  while (Math.ceil(size / partSize) > MAX_PARTS) partSize *= 2;
  return Math.min(MAX_PART_SIZE, partSize);
}

/** The known tools' part sizes that cut `size` bytes into exactly `parts` parts. */
export function candidatePartSizes(size: number, parts: number): number[] {
  const sizes = new Set([cirrusPartSize(size), awsCliPartSize(size)]);
  return [...sizes]
    .filter((p) => p > 0 && Math.max(1, Math.ceil(size / p)) === parts)
    .sort((a, b) => a - b);
}

/** The multipart ETag (without quotes) of parts with these MD5 digests. */
export function multipartEtag(partDigests: readonly Uint8Array[]): string {
  const joined = new IncrementalMd5();
  for (const digest of partDigests) joined.update(digest);
  return `${joined.hex()}-${partDigests.length}`;
}

/** What to hash locally to check one object: the whole file's MD5 and/or part-wise ETags. */
export interface HashPlan {
  whole: boolean;
  partSizes: number[];
}

/** What to hash to judge a same-size file against `etag`; null when only sizes can be compared. */
export function hashPlanFor(etag: string, size: number): HashPlan | null {
  const shape = etagShape(etag);
  if (shape.kind === 'md5') return { whole: true, partSizes: [] };
  if (shape.kind === 'multipart') {
    const partSizes = candidatePartSizes(size, shape.parts);
    return partSizes.length ? { whole: false, partSizes } : null;
  }
  return null;
}

export interface ContentHashes {
  /** Hex MD5 of the whole file, when asked for. */
  md5?: string;
  /** Multipart ETag ("hex-N") per part size asked for. */
  multipart: Record<number, string>;
}

/** Whether the hashes match the ETag: any candidate part size that matches counts. */
export function etagMatches(etag: string, hashes: ContentHashes): boolean {
  const shape = etagShape(etag);
  if (shape.kind === 'md5') return hashes.md5 === shape.md5;
  if (shape.kind === 'multipart') {
    const wanted = `${shape.md5}-${shape.parts}`;
    return Object.values(hashes.multipart).some((e) => e === wanted);
  }
  return false;
}

/**
 * Hashes a stream of chunks for a plan in one pass: the whole MD5 and, per candidate part size,
 * an MD5 per part (cut at that size's boundaries, whatever the chunks' own boundaries).
 */
export function createContentHasher(plan: HashPlan) {
  const whole = plan.whole ? new IncrementalMd5() : null;
  const cutters = plan.partSizes.map((partSize) => ({
    partSize,
    current: new IncrementalMd5(),
    filled: 0,
    digests: [] as Uint8Array[],
  }));
  return {
    update(chunk: Uint8Array) {
      whole?.update(chunk);
      for (const cut of cutters) {
        let offset = 0;
        while (offset < chunk.length) {
          const take = Math.min(cut.partSize - cut.filled, chunk.length - offset);
          cut.current.update(chunk.subarray(offset, offset + take));
          cut.filled += take;
          offset += take;
          if (cut.filled === cut.partSize) {
            cut.digests.push(cut.current.digest());
            cut.current = new IncrementalMd5();
            cut.filled = 0;
          }
        }
      }
    },
    result(): ContentHashes {
      const multipart: Record<number, string> = {};
      for (const cut of cutters) {
        // The last, shorter part (or the only part of an empty file).
        if (cut.filled > 0 || cut.digests.length === 0) cut.digests.push(cut.current.digest());
        multipart[cut.partSize] = multipartEtag(cut.digests);
      }
      return { ...(whole ? { md5: whole.hex() } : {}), multipart };
    },
  };
}
