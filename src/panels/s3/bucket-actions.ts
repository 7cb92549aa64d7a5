// The S3 model's bucket and object actions outside the object dialogs: create and delete buckets,
// create folders, delete objects (folders with everything in them), share links and downloads.

import type { Signal } from '@preact/signals';
import { CloudError, type CloudErrorData } from '../../cloud/errors';
import {
  createBucket,
  createFolder,
  deleteBucket,
  deleteObjects,
  listObjects,
  presignedGet,
} from '../../cloud/s3';
import browser from '../../shared/browser';
import { asError } from '../errors';
import type { BucketTarget } from './bucket-target';
import { downloadName } from './download-name';
import { keysUnder } from './keys-under';
import type { BrowserSource, ObjectBrowser } from './object-browser';
import type { S3Dialog } from './s3-dialog';

export interface BucketActionContext extends BrowserSource {
  at: BucketTarget;
  browser: ObjectBrowser;
  dialog: Signal<S3Dialog | null>;
  dialogError: Signal<CloudErrorData | null>;
  open(next: S3Dialog | null): void;
}

function deleteFailure(result: Awaited<ReturnType<typeof deleteObjects>>): CloudError {
  const first = result.errors[0];
  return new CloudError({
    code: first?.code ?? 'DeleteFailed',
    message: `${result.errors.length} not deleted; ${first?.key ?? ''}: ${first?.message ?? ''}`,
  });
}

export function createBucketActions(ctx: BucketActionContext) {
  const { at, browser: view, dialog, dialogError } = ctx;
  return {
    /** `region`: AWS's region (else the profile's), or another cloud's LocationConstraint. */
    async createBucket(name: string, region: string) {
      const here = ctx.where();
      if (!here) return;
      const { current, targets } = here;
      try {
        // AWS takes CreateBucket only in the region it creates in (else
        // IllegalLocationConstraintException); other clouds have one endpoint.
        const where = current.profile.kind === 'aws' && region ? targets.inRegion(region) : current;
        await createBucket(where.profile, where.signer, name, region ? { region } : {});
        if (region && current.profile.kind === 'aws') targets.know(name, region);
        dialog.value = null;
        await view.loadBuckets();
      } catch (e) {
        dialogError.value = asError(e);
      }
    },
    async createFolder(name: string) {
      const open = view.bucket.value;
      if (!open) return;
      try {
        const where = await at(open);
        await createFolder(where.profile, where.signer, open, `${view.prefix.value}${name}`);
        dialog.value = null;
        await view.loadObjects();
      } catch (e) {
        dialogError.value = asError(e);
      }
    },
    /** Opens the delete confirm with the number of objects it will remove (folders included). */
    async askDelete(keys: string[]) {
      const open = view.bucket.value;
      if (!open) return;
      ctx.open({ kind: 'delete', keys, count: null });
      try {
        const all = await keysUnder(await at(open), open, keys, { folders: true });
        if (dialog.value?.kind === 'delete')
          dialog.value = { kind: 'delete', keys: all, count: all.length };
      } catch (e) {
        dialogError.value = asError(e);
      }
    },
    async deleteKeys(keys: string[]) {
      const open = view.bucket.value;
      if (!open) return;
      try {
        const where = await at(open);
        const result = await deleteObjects(where.profile, where.signer, open, keys);
        if (result.errors.length) dialogError.value = asError(deleteFailure(result));
        else dialog.value = null;
        await view.loadObjects();
      } catch (e) {
        dialogError.value = asError(e);
      }
    },
    /** Asks to delete a bucket, counting what it holds so the user can empty it first. */
    async askDeleteBucket(name: string) {
      ctx.open({ kind: 'delete-bucket', name, keys: null });
      try {
        const where = await at(name);
        const listed = await listObjects(where.profile, where.signer, name, { delimiter: '' });
        const open = dialog.value;
        if (open?.kind === 'delete-bucket' && open.name === name)
          dialog.value = { ...open, keys: listed.objects.map((o) => o.key) };
      } catch (e) {
        dialogError.value = asError(e);
      }
    },
    /** Empties the bucket (when it holds anything) and deletes it. */
    async deleteBucket(name: string, keys: string[]) {
      try {
        const where = await at(name);
        if (keys.length) {
          const result = await deleteObjects(where.profile, where.signer, name, keys);
          if (result.errors.length) throw deleteFailure(result);
        }
        await deleteBucket(where.profile, where.signer, name);
        dialog.value = null;
        await view.loadBuckets();
      } catch (e) {
        dialogError.value = asError(e);
      }
    },
    /** A presigned GET anyone can use for `seconds` (5 minutes to 7 days). */
    async share(key: string, seconds: number) {
      const open = view.bucket.value;
      if (!open) return;
      try {
        const where = await at(open);
        const url = await presignedGet(where.profile, where.signer, open, key, seconds);
        dialog.value = { kind: 'share', key, url };
      } catch (e) {
        dialogError.value = asError(e);
      }
    },
    /**
     * Saves objects through the downloads API from presigned GETs. A folder comes down as its
     * files, under a folder of its name; a file under its own name.
     */
    async download(keys: string[]) {
      const open = view.bucket.value;
      if (!open) return;
      const base = view.prefix.value;
      try {
        const where = await at(open);
        const all = (await keysUnder(where, open, keys)).filter((k) => !k.endsWith('/'));
        // One after another: each is one presign and one hand-over to the browser, which does
        // the transfers itself.
        for (const key of all) {
          const url = await presignedGet(where.profile, where.signer, open, key, 3600);
          await browser.downloads.download({
            url,
            filename: downloadName(key, base),
            saveAs: false,
            conflictAction: 'uniquify',
          });
        }
      } catch (e) {
        view.error.value = asError(e);
      }
    },
  };
}
