// Changing the storage class of objects: S3 has no call for it, so each object is copied onto
// itself with the new class (metadata kept; a multipart copy above 5 GiB), as a move keeps its ACL.

import { pool } from '../../cloud/pool';
import { headObject } from '../../cloud/s3';
import { asError } from '../errors';
import { copyWithAcl, keptAcl } from './acl-ops';
import type { BucketTarget } from './bucket-target';
import { keysUnder } from './keys-under';
import type { TransferFailure, TransferOptions, TransferResult } from './transfer-ops';

export const STORAGE_CLASSES = [
  'STANDARD',
  'STANDARD_IA',
  'ONEZONE_IA',
  'INTELLIGENT_TIERING',
  'GLACIER_IR',
  'GLACIER',
  'DEEP_ARCHIVE',
  'REDUCED_REDUNDANCY',
] as const;
export type StorageClass = (typeof STORAGE_CLASSES)[number];

/** Classes whose objects cannot be read until they are restored. */
export function needsRestore(storageClass: string): boolean {
  return storageClass === 'GLACIER' || storageClass === 'DEEP_ARCHIVE';
}

/**
 * Copies each selected object (everything under a selected folder) onto itself in `storageClass`.
 * An object already there is left alone (S3 refuses a copy onto itself that changes nothing); a
 * failed key is reported with the others and the rest go on.
 */
export async function changeStorageClass(
  at: BucketTarget,
  bucket: string,
  selected: string[],
  storageClass: StorageClass,
  opts: Omit<TransferOptions, 'move'> = {},
): Promise<TransferResult> {
  const current = await at(bucket);
  const signal = opts.signal ? { signal: opts.signal } : {};
  const keys = (await keysUnder(current, bucket, selected, signal)).filter(
    (key) => !key.endsWith('/'),
  );
  const failures: TransferFailure[] = [];
  let done = 0;
  opts.onProgress?.(0, keys.length);
  const changeOne = async (key: string) => {
    try {
      const head = await headObject(current.profile, current.signer, bucket, key, signal);
      if ((head.storageClass ?? 'STANDARD') !== storageClass) {
        const acl = await keptAcl(current, bucket, key);
        await copyWithAcl(current, bucket, key, bucket, key, acl, {
          metadataDirective: 'COPY',
          storageClass,
          ...signal,
        });
      }
      // Counted apart from the call: `f?.(++done)` skips the increment when there is no f.
      done++;
      opts.onProgress?.(done, keys.length);
    } catch (error) {
      failures.push({ key, error: asError(error) });
    }
  };
  // Stop leaves what was changed changed, so the pool's abort is no failure here.
  await pool(keys, opts.concurrency ?? 4, changeOne, signal).catch((error: unknown) => {
    if (!opts.signal?.aborted) throw error;
  });
  return { done, total: keys.length, failures };
}
