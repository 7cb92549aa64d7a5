// Copy, move and rename between objects (folders with everything in them). A failed key is
// reported with the others; problems found before anything is copied come back as message keys.

import type { CloudErrorData } from '../../cloud/errors';
import { pool } from '../../cloud/pool';
import { deleteObjects, headObject, listObjects } from '../../cloud/s3';
import type { CurrentProfile } from '../current-profile';
import { asError } from '../errors';
import type { MessageKey } from '../i18n';
import { copyWithAcl, keptAcl } from './acl-ops';
import type { BucketTarget } from './bucket-target';
import { renamedKey } from './key-paths';
import { keysUnder } from './keys-under';
import {
  copyRefusal,
  type Place,
  planTransfer,
  renameProblem,
  type TransferItem,
} from './transfer-plan';

export interface TransferFailure {
  key: string;
  error: CloudErrorData;
}

export interface TransferResult {
  /** Sources copied (and, in a move, deleted). */
  done: number;
  total: number;
  failures: TransferFailure[];
}

export interface TransferOptions {
  move?: boolean;
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
  /** Copies in flight at once (default 4). */
  concurrency?: number;
}

/**
 * Copies (or moves) the selected entries at `from` to `to`, keeping paths relative to
 * `from.prefix`. A failed key is reported and the rest go on; a move deletes only the sources
 * that were copied. A problem found before any copy comes back as a message key.
 */
export async function copyEntries(
  at: BucketTarget,
  from: Place,
  selected: string[],
  to: Place,
  opts: TransferOptions = {},
): Promise<TransferResult | { problem: MessageKey }> {
  const refused = copyRefusal(from, selected, to);
  if (refused) return { problem: refused };
  const keys = await keysUnder(await at(from.bucket), from.bucket, selected, listing(opts));
  const plan = planTransfer(keys, from, to);
  if ('problem' in plan) return plan;
  return transfer(at, from.bucket, to.bucket, plan.items, opts);
}

/** Renames an object, or a folder with everything under it: a move to the new name. */
export async function renameEntry(
  current: CurrentProfile,
  bucket: string,
  key: string,
  name: string,
  opts: Omit<TransferOptions, 'move'> = {},
): Promise<TransferResult | { problem: MessageKey }> {
  const problem = renameProblem(key, name);
  if (problem) return { problem };
  const to = renamedKey(key, name);
  if (await anythingAt(current, bucket, to)) return { problem: 'objRenameExists' };
  const here = async () => current;
  if (!key.endsWith('/')) {
    return transfer(here, bucket, bucket, [{ source: key, target: to }], {
      ...opts,
      move: true,
    });
  }
  const keys = await keysUnder(current, bucket, [key], listing(opts));
  const plan = planTransfer(keys, { bucket, prefix: key }, { bucket, prefix: to });
  if ('problem' in plan) return plan;
  return transfer(here, bucket, bucket, plan.items, { ...opts, move: true });
}

// A rename never overwrites: an object with the new key, or any key under the new folder, stops it.
async function anythingAt(
  { profile, signer }: CurrentProfile,
  bucket: string,
  key: string,
): Promise<boolean> {
  if (key.endsWith('/')) {
    const listed = await listObjects(profile, signer, bucket, {
      prefix: key,
      delimiter: '/',
      maxKeys: 1,
    });
    return listed.objects.length > 0 || listed.prefixes.length > 0;
  }
  try {
    await headObject(profile, signer, bucket, key);
    return true;
  } catch (error) {
    if (asError(error).code === 'NoSuchKey') return false;
    throw error;
  }
}

async function transfer(
  at: BucketTarget,
  fromBucket: string,
  toBucket: string,
  items: TransferItem[],
  opts: TransferOptions,
): Promise<TransferResult> {
  const source = await at(fromBucket);
  // CopyObject goes to the destination bucket, which names the source in x-amz-copy-source.
  const destination = await at(toBucket);
  const failures: TransferFailure[] = [];
  const copied: string[] = [];
  let done = 0;
  opts.onProgress?.(0, items.length);
  const copyOne = async (item: TransferItem) => {
    try {
      // A moved object stays as readable as it was: a public-read ACL goes with it.
      const acl = opts.move ? await keptAcl(source, fromBucket, item.source) : undefined;
      await copyWithAcl(destination, fromBucket, item.source, toBucket, item.target, acl, {
        metadataDirective: 'COPY',
        ...(opts.signal ? { signal: opts.signal } : {}),
      });
      copied.push(item.source);
      // Counted apart from the call: `f?.(++done)` skips the increment when there is no f.
      done++;
      opts.onProgress?.(done, items.length);
    } catch (error) {
      failures.push({ key: item.source, error: asError(error) });
    }
  };
  // Each key's failure is its own business; Stop leaves what was copied copied (and, in a move,
  // deleted below), so the pool's abort is no failure here.
  await pool(
    items,
    opts.concurrency ?? 4,
    copyOne,
    opts.signal ? { signal: opts.signal } : {},
  ).catch((error: unknown) => {
    if (!opts.signal?.aborted) throw error;
  });
  if (opts.move && copied.length) {
    try {
      const result = await deleteObjects(source.profile, source.signer, fromBucket, copied);
      const failed = new Set(result.errors.map((e) => e.key));
      for (const e of result.errors)
        failures.push({ key: e.key, error: { code: e.code, message: e.message } });
      done = copied.filter((key) => !failed.has(key)).length;
    } catch (error) {
      const data = asError(error);
      for (const key of copied) failures.push({ key, error: data });
      done = 0;
    }
    opts.onProgress?.(done, items.length);
  }
  return { done, total: items.length, failures };
}

function listing(opts: TransferOptions): { signal?: AbortSignal } {
  return opts.signal ? { signal: opts.signal } : {};
}
