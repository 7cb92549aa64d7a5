// Copy, move and rename as the model runs them: progress and results go into the open dialog, and
// Stop aborts the one running.

import { asError } from '../errors';
import type { MessageKey } from '../i18n';
import type { BucketTarget } from './bucket-target';
import { type ObjectActionContext, showDialog, stillOpen } from './object-action-context';
import type { TransferProgress } from './s3-dialog';
import { changeStorageClass, type StorageClass } from './storage-class-ops';
import { copyEntries, renameEntry } from './transfer-ops';
import type { Place } from './transfer-plan';

export function createTransferActions(ctx: ObjectActionContext) {
  let stopper: AbortController | null = null;

  /** Runs a copy, move or rename shown in the `kind` dialog; a refusal comes back as a key. */
  async function run(
    kind: 'copy' | 'rename' | 'storage-class',
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
      const open = stillOpen(ctx, kind, key);
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
      if (result.failures.length === 0 && result.done === result.total && stillOpen(ctx, kind, key))
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
      showDialog(ctx, { kind: 'copy', keys, move, progress: null });
    },
    /** Copies or moves the selected entries of the current folder to `to`. */
    copyOrMove(keys: string[], to: Place, move: boolean): Promise<MessageKey | null> {
      const prefix = ctx.prefix.value;
      return run('copy', '', (at, bucket, onProgress, signal) =>
        copyEntries(at, { bucket, prefix }, keys, to, { move, onProgress, signal }),
      );
    },
    askRename(key: string) {
      showDialog(ctx, { kind: 'rename', key, progress: null });
    },
    rename(key: string, name: string): Promise<MessageKey | null> {
      return run('rename', key, async (at, bucket, onProgress, signal) =>
        renameEntry(await at(bucket), bucket, key, name, { onProgress, signal }),
      );
    },
    askStorageClass(keys: string[]) {
      showDialog(ctx, { kind: 'storage-class', keys, progress: null });
    },
    /** Copies the selected objects onto themselves in another storage class. */
    changeStorageClass(keys: string[], storageClass: StorageClass): Promise<MessageKey | null> {
      return run('storage-class', '', (at, bucket, onProgress, signal) =>
        changeStorageClass(at, bucket, keys, storageClass, { onProgress, signal }),
      );
    },
    /** Stops a copy, move, rename or storage class change; what was done stays done. */
    stopTransfer() {
      stopper?.abort();
    },
  };
}
