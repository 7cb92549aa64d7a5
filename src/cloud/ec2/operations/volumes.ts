// EBS volumes: list, create, attach, detach, delete.

import type { XmlValue } from '../../xml';
import { flag, items, readTags, returned, str } from '../fields';
import { type Ec2Operation, listOperation } from '../operation';
import { type Filter, filterParams, flattenQuery } from '../query';
import type { Tag, TagInput } from '../types';

export interface VolumeAttachment {
  volumeId: string;
  instanceId: string;
  device: string;
  /** attaching | attached | detaching | detached */
  status: string;
  attachTime: string;
  deleteOnTermination: boolean;
}

export interface Volume {
  volumeId: string;
  /** GiB, as sent */
  size: string;
  snapshotId: string;
  availabilityZone: string;
  status: string;
  createTime: string;
  volumeType: string;
  iops: string;
  encrypted: boolean;
  attachments: VolumeAttachment[];
  tags: Tag[];
}

function readAttachment(node: XmlValue): VolumeAttachment {
  return {
    volumeId: str(node, 'volumeId'),
    instanceId: str(node, 'instanceId'),
    device: str(node, 'device'),
    status: str(node, 'status'),
    attachTime: str(node, 'attachTime'),
    deleteOnTermination: flag(node, 'deleteOnTermination'),
  };
}

/** A volume item, or the root of a CreateVolume answer (the same fields). */
export function readVolume(node: XmlValue): Volume {
  return {
    volumeId: str(node, 'volumeId'),
    size: str(node, 'size'),
    snapshotId: str(node, 'snapshotId'),
    availabilityZone: str(node, 'availabilityZone'),
    status: str(node, 'status'),
    createTime: str(node, 'createTime'),
    volumeType: str(node, 'volumeType'),
    iops: str(node, 'iops'),
    encrypted: flag(node, 'encrypted'),
    attachments: items(node, 'attachmentSet').map(readAttachment),
    tags: readTags(node),
  };
}

export interface DescribeVolumesInput {
  volumeIds?: string[];
  filters?: Filter[];
  maxResults?: number;
}

export const describeVolumes = listOperation<DescribeVolumesInput, Volume>({
  action: 'DescribeVolumes',
  params: (input) =>
    flattenQuery({
      VolumeId: input.volumeIds,
      Filter: filterParams(input.filters),
      MaxResults: input.maxResults,
    }),
  path: ['volumeSet', 'item'],
  read: (item) => [readVolume(item)],
});

export interface CreateVolumeInput {
  availabilityZone: string;
  /** GiB; may be left out when a snapshot gives the size. */
  size?: number | string;
  snapshotId?: string;
  volumeType?: string;
  iops?: number;
  encrypted?: boolean;
  tags?: TagInput[];
}

export const createVolume: Ec2Operation<CreateVolumeInput, Volume> = {
  action: 'CreateVolume',
  readOnly: false,
  params: (input) =>
    flattenQuery({
      Size: input.size,
      SnapshotId: input.snapshotId,
      AvailabilityZone: input.availabilityZone,
      VolumeType: input.volumeType,
      Iops: input.iops,
      Encrypted: input.encrypted,
      TagSpecification: input.tags?.length
        ? [
            {
              ResourceType: 'volume',
              Tag: input.tags.map((t) => ({ Key: t.key, Value: t.value ?? '' })),
            },
          ]
        : undefined,
    }),
  read: readVolume,
};

export const attachVolume: Ec2Operation<
  { volumeId: string; instanceId: string; device: string },
  VolumeAttachment
> = {
  action: 'AttachVolume',
  readOnly: false,
  params: (input) =>
    flattenQuery({ VolumeId: input.volumeId, InstanceId: input.instanceId, Device: input.device }),
  read: readAttachment,
};

export interface DetachVolumeInput {
  volumeId: string;
  /** Optional for AWS; Eucalyptus and moto want it. */
  instanceId?: string;
  device?: string;
  force?: boolean;
}

export const detachVolume: Ec2Operation<DetachVolumeInput, VolumeAttachment> = {
  action: 'DetachVolume',
  readOnly: false,
  params: (input) =>
    flattenQuery({
      VolumeId: input.volumeId,
      InstanceId: input.instanceId,
      Device: input.device,
      Force: input.force,
    }),
  read: readAttachment,
};

export const deleteVolume: Ec2Operation<{ volumeId: string }, boolean> = {
  action: 'DeleteVolume',
  readOnly: false,
  params: (input) => flattenQuery({ VolumeId: input.volumeId }),
  read: returned,
};
