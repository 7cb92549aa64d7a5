// Which dialog the S3 panel shows, and what it holds. Its own module: the model and the object
// actions both set it, and neither imports the other for it.

import type { ObjectHead } from '../../cloud/s3';
import type { AclView } from './acl-ops';
import type { TransferFailure } from './transfer-ops';

export interface TransferProgress {
  done: number;
  total: number;
  failures: TransferFailure[];
  running: boolean;
}

export type ObjectDialog =
  | { kind: 'copy'; keys: string[]; move: boolean; progress: TransferProgress | null }
  | { kind: 'rename'; key: string; progress: TransferProgress | null }
  | { kind: 'storage-class'; keys: string[]; progress: TransferProgress | null }
  | { kind: 'properties'; key: string; head: ObjectHead | null }
  | { kind: 'permissions'; key: string; acl: AclView | null; off: boolean; applied: string | null };

export type S3Dialog =
  | { kind: 'create-bucket' }
  | { kind: 'upload-options' }
  | { kind: 'create-folder' }
  | { kind: 'delete'; keys: string[]; count: number | null }
  | { kind: 'delete-bucket'; name: string; keys: string[] | null }
  | { kind: 'share'; key: string; url: string | null }
  | ObjectDialog;
