// EBS snapshots: list (own ones by default: AWS has millions of public ones), create, delete.

import type { XmlValue } from '../../xml';
import { flag, readTags, returned, str } from '../fields';
import { type Ec2Operation, listOperation } from '../operation';
import { type Filter, filterParams, flattenQuery } from '../query';
import type { Tag } from '../types';

export interface Snapshot {
  snapshotId: string;
  volumeId: string;
  /** pending | completed | error */
  status: string;
  startTime: string;
  /** e.g. '100%' */
  progress: string;
  ownerId: string;
  ownerAlias: string;
  volumeSize: string;
  description: string;
  encrypted: boolean;
  tags: Tag[];
}

/** A snapshot item, or the root of a CreateSnapshot answer. */
export function readSnapshot(node: XmlValue): Snapshot {
  return {
    snapshotId: str(node, 'snapshotId'),
    volumeId: str(node, 'volumeId'),
    status: str(node, 'status'),
    startTime: str(node, 'startTime'),
    progress: str(node, 'progress'),
    ownerId: str(node, 'ownerId'),
    ownerAlias: str(node, 'ownerAlias'),
    volumeSize: str(node, 'volumeSize'),
    description: str(node, 'description'),
    encrypted: flag(node, 'encrypted'),
    tags: readTags(node),
  };
}

export interface DescribeSnapshotsInput {
  /** Owner.N; default ['self']. Pass [] for every snapshot the account can see. */
  owners?: string[];
  snapshotIds?: string[];
  restorableBy?: string[];
  filters?: Filter[];
  maxResults?: number;
}

export const describeSnapshots = listOperation<DescribeSnapshotsInput, Snapshot>({
  action: 'DescribeSnapshots',
  params: (input) =>
    flattenQuery({
      SnapshotId: input.snapshotIds,
      Owner: input.owners ?? ['self'],
      RestorableBy: input.restorableBy,
      Filter: filterParams(input.filters),
      MaxResults: input.maxResults,
    }),
  path: ['snapshotSet', 'item'],
  read: (item) => [readSnapshot(item)],
});

export const createSnapshot: Ec2Operation<{ volumeId: string; description?: string }, Snapshot> = {
  action: 'CreateSnapshot',
  readOnly: false,
  params: (input) => flattenQuery({ VolumeId: input.volumeId, Description: input.description }),
  read: readSnapshot,
};

export const deleteSnapshot: Ec2Operation<{ snapshotId: string }, boolean> = {
  action: 'DeleteSnapshot',
  readOnly: false,
  params: (input) => flattenQuery({ SnapshotId: input.snapshotId }),
  read: returned,
};
