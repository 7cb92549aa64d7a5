// The permissions dialog's steps: read an object's ACL, set it private or public-read. A store or
// bucket without ACLs is said so in the dialog, not shown as an error.

import type { CloudErrorData } from '../../cloud/errors';
import { asError } from '../errors';
import { aclsOff, readAcl, setCannedAcl } from './acl-ops';
import { type ObjectActionContext, showDialog, stillOpen } from './object-action-context';

export function createAclActions(ctx: ObjectActionContext) {
  async function loadAcl(key: string, applied: string | null) {
    const bucket = ctx.bucket.value;
    if (!bucket) return;
    try {
      const acl = await readAcl(await ctx.at(bucket), bucket, key);
      const open = stillOpen(ctx, 'permissions', key);
      if (open) ctx.dialog.value = { ...open, acl, off: false, applied };
    } catch (e) {
      failedAcl(key, asError(e));
    }
  }

  function failedAcl(key: string, error: CloudErrorData) {
    const open = stillOpen(ctx, 'permissions', key);
    if (!open) return;
    if (aclsOff(error)) ctx.dialog.value = { ...open, off: true, applied: null };
    else {
      ctx.dialog.value = { ...open, applied: null };
      ctx.dialogError.value = error;
    }
  }

  return {
    async openPermissions(key: string) {
      showDialog(ctx, { kind: 'permissions', key, acl: null, off: false, applied: null });
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
}
