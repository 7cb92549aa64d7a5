// What the page and the hashing worker say to each other.

import type { ContentHashes, HashPlan } from '../../../cloud/s3/etag-content';

export interface HashRequest {
  id: number;
  blob: Blob;
  plan: HashPlan;
}

export type HashReply =
  | { id: number; kind: 'bytes'; bytes: number }
  | { id: number; kind: 'done'; hashes: ContentHashes }
  | { id: number; kind: 'failed'; message: string };

/** Hashes one file for a plan; the compare model takes this, so Node tests pass hashBlob. */
export type HashFile = (
  blob: Blob,
  plan: HashPlan,
  opts: { signal: AbortSignal; onBytes: (bytes: number) => void },
) => Promise<ContentHashes>;
