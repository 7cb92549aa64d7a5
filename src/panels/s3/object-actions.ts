// The S3 model's object actions (copy, move, rename, properties, permissions): thin steps between
// the dialogs and the *-ops modules, kept in the dialog state so progress and results show there.

import { createAclActions } from './acl-actions';
import { createMetadataActions } from './metadata-actions';
import type { ObjectActionContext } from './object-action-context';
import { createTransferActions } from './transfer-actions';

export function createObjectActions(ctx: ObjectActionContext) {
  return {
    ...createTransferActions(ctx),
    ...createMetadataActions(ctx),
    ...createAclActions(ctx),
  };
}
