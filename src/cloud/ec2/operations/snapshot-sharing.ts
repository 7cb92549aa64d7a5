// Snapshots beyond one account and region: CopySnapshot (sent to the destination region's
// endpoint) and who may create volumes from a snapshot (the createVolumePermission attribute).

import type { XmlValue } from '../../xml';
import { items, returned, str } from '../fields';
import type { Ec2Operation } from '../operation';
import { flattenQuery } from '../query';

export interface CopySnapshotInput {
  sourceRegion: string;
  sourceSnapshotId: string;
  description?: string;
}

export const copySnapshot: Ec2Operation<CopySnapshotInput, string> = {
  action: 'CopySnapshot',
  readOnly: false,
  params: (input) =>
    flattenQuery({
      SourceRegion: input.sourceRegion,
      SourceSnapshotId: input.sourceSnapshotId,
      Description: input.description,
    }),
  read: (doc) => str(doc, 'snapshotId'),
};

export interface VolumePermissions {
  /** Everyone may create volumes from it (group 'all'). */
  public: boolean;
  userIds: string[];
}

export function readVolumePermissions(doc: XmlValue): VolumePermissions {
  const entries = items(doc, 'createVolumePermission');
  return {
    public: entries.some((e) => str(e, 'group') === 'all'),
    userIds: entries.map((e) => str(e, 'userId')).filter(Boolean),
  };
}

export const describeVolumePermissions: Ec2Operation<{ snapshotId: string }, VolumePermissions> = {
  action: 'DescribeSnapshotAttribute',
  readOnly: true,
  params: (input) =>
    flattenQuery({ SnapshotId: input.snapshotId, Attribute: 'createVolumePermission' }),
  read: readVolumePermissions,
};

export interface ModifyVolumePermissionsInput {
  snapshotId: string;
  operation: 'add' | 'remove';
  /** Adds (or removes) the group 'all'. */
  public?: boolean;
  userIds?: string[];
}

/**
 * The flat form (OperationType, UserId.N, UserGroup.N), one operation per call: AWS documents it
 * beside the nested CreateVolumePermission.Add.N form, and moto reads only the flat one.
 */
export const modifyVolumePermissions: Ec2Operation<ModifyVolumePermissionsInput, boolean> = {
  action: 'ModifySnapshotAttribute',
  readOnly: false,
  params: (input) =>
    flattenQuery({
      SnapshotId: input.snapshotId,
      Attribute: 'createVolumePermission',
      OperationType: input.operation,
      UserId: input.userIds?.length ? input.userIds : undefined,
      UserGroup: input.public ? ['all'] : undefined,
    }),
  read: returned,
};
