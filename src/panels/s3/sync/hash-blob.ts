// Hashes a Blob (a File) slice by slice for a HashPlan: never more than one slice in memory.
// The worker runs it off the page's thread; Node tests run it directly on Blobs.

import {
  type ContentHashes,
  createContentHasher,
  type HashPlan,
} from '../../../cloud/s3/etag-content';

/** 4 MiB: big enough that reading costs little per byte, small enough to keep memory flat. */
export const HASH_SLICE = 4 * 1024 * 1024;

export async function hashBlob(
  blob: Blob,
  plan: HashPlan,
  opts: { signal?: AbortSignal; onBytes?: (bytes: number) => void; slice?: number } = {},
): Promise<ContentHashes> {
  const hasher = createContentHasher(plan);
  const slice = opts.slice ?? HASH_SLICE;
  for (let at = 0; at < blob.size; at += slice) {
    if (opts.signal?.aborted) throw new DOMException('Cancelled', 'AbortError');
    const chunk = new Uint8Array(
      await blob.slice(at, Math.min(blob.size, at + slice)).arrayBuffer(),
    );
    hasher.update(chunk);
    opts.onBytes?.(chunk.length);
  }
  return hasher.result();
}
