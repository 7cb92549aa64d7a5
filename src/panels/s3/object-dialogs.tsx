import { AclDialog } from './acl-dialog';
import { MetadataDialog } from './metadata-dialog';
import type { S3Model } from './s3-model';
import { StorageClassDialog } from './storage-class-dialog';
import { CopyMoveDialog, RenameDialog } from './transfer-dialogs';

/** Whichever object dialog is open. */
export function ObjectDialogs({ model }: { model: S3Model }) {
  const dialog = model.dialog.value;
  switch (dialog?.kind) {
    case 'copy':
      return <CopyMoveDialog model={model} dialog={dialog} />;
    case 'rename':
      return <RenameDialog model={model} dialog={dialog} />;
    case 'storage-class':
      return <StorageClassDialog model={model} dialog={dialog} />;
    case 'properties':
      return <MetadataDialog model={model} objectKey={dialog.key} head={dialog.head} />;
    case 'permissions':
      return <AclDialog model={model} dialog={dialog} />;
    default:
      return null;
  }
}
