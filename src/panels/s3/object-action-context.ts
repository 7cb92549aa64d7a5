// What the object actions (transfer, metadata, ACL) share: the model's signals they read and set,
// and the dialog checks that keep a late answer out of a dialog opened since.

import { batch, type Signal } from '@preact/signals';
import type { CloudErrorData } from '../../cloud/errors';
import type { BucketTarget } from './bucket-target';
import type { ObjectDialog, S3Dialog } from './s3-dialog';

export interface ObjectActionContext {
  /** The profile and signer for a bucket (its own region on AWS); throws without a profile. */
  at: BucketTarget;
  bucket: Signal<string | null>;
  prefix: Signal<string>;
  dialog: Signal<S3Dialog | null>;
  dialogError: Signal<CloudErrorData | null>;
  reload: () => Promise<void>;
}

export function showDialog(ctx: ObjectActionContext, next: S3Dialog | null): void {
  batch(() => {
    ctx.dialog.value = next;
    ctx.dialogError.value = null;
  });
}

/** The open dialog when it is still the one an action started from. */
export function stillOpen<K extends ObjectDialog['kind']>(
  ctx: ObjectActionContext,
  kind: K,
  key: string,
): Extract<ObjectDialog, { kind: K }> | null {
  const open = ctx.dialog.value;
  if (open?.kind !== kind) return null;
  if (open.kind !== 'copy' && 'key' in open && open.key !== key) return null;
  return open as Extract<ObjectDialog, { kind: K }>;
}
