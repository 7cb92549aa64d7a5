// The S3 model's object actions (copy, move, rename, properties, permissions): thin steps between
// the dialogs and ./object-ops, kept in the dialog state so progress and results show where asked.

import { batch, type Signal } from '@preact/signals';
import type { CloudErrorData } from '../../cloud/errors';
import type { ObjectHead } from '../../cloud/s3';
import { asError } from '../errors';
import type { MessageKey } from '../i18n';
import { type AclView, aclsOff, readAcl, setCannedAcl } from './acl-ops';
import type { BucketTarget } from './bucket-target';
import {
  type MetadataForm,
  type MetadataProblems,
  readMetadata,
  saveMetadata,
} from './metadata-ops';
import type { S3Dialog } from './s3-model';
import { copyEntries, renameEntry, type TransferFailure } from './transfer-ops';
import type { Place } from './transfer-plan';

export interface TransferProgress {
  done: number;
  total: number;
  failures: TransferFailure[];
  running: boolean;
}

export type ObjectDialog =
  | { kind: 'copy'; keys: string[]; move: boolean; progress: TransferProgress | null }
  | { kind: 'rename'; key: string; progress: TransferProgress | null }
  | { kind: 'properties'; key: string; head: ObjectHead | null }
  | { kind: 'permissions'; key: string; acl: AclView | null; off: boolean; applied: string | null };

interface Context {
  /** The profile and signer for a bucket (its own region on AWS); throws without a profile. */
  at: BucketTarget;
  bucket: Signal<string | null>;
  prefix: Signal<string>;
  dialog: Signal<S3Dialog | null>;
  dialogError: Signal<CloudErrorData | null>;
  reload: () => Promise<void>;
}

export function createObjectActions(ctx: Context) {
  let stopper: AbortController | null = null;

  function show(next: S3Dialog | null) {
    batch(() => {
      ctx.dialog.value = next;
      ctx.dialogError.value = null;
    });
  }

  /** The open dialog when it is still the one an action started from. */
  function still<K extends ObjectDialog['kind']>(kind: K, key: string) {
    const open = ctx.dialog.value;
    if (open?.kind !== kind) return null;
    if (open.kind !== 'copy' && 'key' in open && open.key !== key) return null;
    return open as Extract<ObjectDialog, { kind: K }>;
  }

  /** Runs a copy, move or rename shown in the `kind` dialog; a refusal comes back as a key. */
  async function run(
    kind: 'copy' | 'rename',
    key: string,
    work: (
      at: BucketTarget,
      bucket: string,
      onProgress: (done: number, total: number) => void,
      signal: AbortSignal,
    ) => ReturnType<typeof copyEntries>,
  ): Promise<MessageKey | null> {
    const bucket = ctx.bucket.value;
    if (!bucket || stopper) return null;
    const controller = new AbortController();
    stopper = controller;
    const progress = (next: TransferProgress | null) => {
      const open = still(kind, key);
      if (open) ctx.dialog.value = { ...open, progress: next };
    };
    ctx.dialogError.value = null;
    progress({ done: 0, total: 0, failures: [], running: true });
    try {
      const result = await work(
        ctx.at,
        bucket,
        (done, total) => progress({ done, total, failures: [], running: true }),
        controller.signal,
      );
      if ('problem' in result) {
        progress(null);
        return result.problem;
      }
      progress({ ...result, running: false });
      if (result.failures.length === 0 && result.done === result.total && still(kind, key))
        ctx.dialog.value = null;
      await ctx.reload();
    } catch (e) {
      progress(null);
      ctx.dialogError.value = asError(e);
    } finally {
      stopper = null;
    }
    return null;
  }

  return {
    askCopy(keys: string[], move: boolean) {
      show({ kind: 'copy', keys, move, progress: null });
    },
    /** Copies or moves the selected entries of the current folder to `to`. */
    copyOrMove(keys: string[], to: Place, move: boolean): Promise<MessageKey | null> {
      const prefix = ctx.prefix.value;
      return run('copy', '', (at, bucket, onProgress, signal) =>
        copyEntries(at, { bucket, prefix }, keys, to, { move, onProgress, signal }),
      );
    },
    askRename(key: string) {
      show({ kind: 'rename', key, progress: null });
    },
    rename(key: string, name: string): Promise<MessageKey | null> {
      return run('rename', key, async (at, bucket, onProgress, signal) =>
        renameEntry(await at(bucket), bucket, key, name, { onProgress, signal }),
      );
    },
    /** Stops a copy, move or rename between objects; what was done stays done. */
    stopTransfer() {
      stopper?.abort();
    },
    async openProperties(key: string) {
      show({ kind: 'properties', key, head: null });
      const bucket = ctx.bucket.value;
      if (!bucket) return;
      try {
        const head = await readMetadata(await ctx.at(bucket), bucket, key);
        if (still('properties', key)) ctx.dialog.value = { kind: 'properties', key, head };
      } catch (e) {
        if (still('properties', key)) ctx.dialogError.value = asError(e);
      }
    },
    /** Saves edited headers and metadata; field problems come back, server errors show. */
    async saveProperties(key: string, form: MetadataForm): Promise<MetadataProblems | null> {
      const bucket = ctx.bucket.value;
      if (!bucket) return null;
      ctx.dialogError.value = null;
      try {
        const result = await saveMetadata(await ctx.at(bucket), bucket, key, form);
        if ('problems' in result) return result.problems;
        if (still('properties', key)) ctx.dialog.value = null;
        await ctx.reload();
      } catch (e) {
        ctx.dialogError.value = asError(e);
      }
      return null;
    },
    async openPermissions(key: string) {
      show({ kind: 'permissions', key, acl: null, off: false, applied: null });
      await loadAcl(key, null);
    },
    async applyAcl(key: string, acl: 'private' | 'public-read') {
      const bucket = ctx.bucket.value;
      if (!bucket) return;
      ctx.dialogError.value = null;
      try {
        await setCannedAcl(await ctx.at(bucket), bucket, key, acl);
      } catch (e) {
        failedAcl(key, asError(e));
        return;
      }
      await loadAcl(key, acl);
    },
  };

  async function loadAcl(key: string, applied: string | null) {
    const bucket = ctx.bucket.value;
    if (!bucket) return;
    try {
      const acl = await readAcl(await ctx.at(bucket), bucket, key);
      const open = still('permissions', key);
      if (open) ctx.dialog.value = { ...open, acl, off: false, applied };
    } catch (e) {
      failedAcl(key, asError(e));
    }
  }

  function failedAcl(key: string, error: CloudErrorData) {
    const open = still('permissions', key);
    if (!open) return;
    if (aclsOff(error)) ctx.dialog.value = { ...open, off: true, applied: null };
    else {
      ctx.dialog.value = { ...open, applied: null };
      ctx.dialogError.value = error;
    }
  }
}
