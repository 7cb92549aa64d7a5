// Images: DescribeImages (a long list: AWS lists thousands of public images), RegisterImage,
// DeregisterImage, and launch permissions (DescribeImageAttribute, ModifyImageAttribute).

import type { XmlElement, XmlValue } from '../../xml';
import { blockDeviceParams } from '../block-devices';
import { flag, items, readBlockDeviceMappings, readTags, returned, str } from '../fields';
import { type Ec2Operation, listOperation } from '../operation';
import { type Filter, filterParams, flattenQuery } from '../query';
import type { BlockDeviceMapping, BlockDeviceMappingInput, Tag } from '../types';

export interface Image {
  /** ami-…, or emi-/eki-/eri- on Eucalyptus, 8 or 17 hex digits in either case. */
  imageId: string;
  imageLocation: string;
  imageState: string;
  imageOwnerId: string;
  imageOwnerAlias: string;
  isPublic: boolean;
  architecture: string;
  /** machine | kernel | ramdisk */
  imageType: string;
  kernelId: string;
  ramdiskId: string;
  platform: string;
  name: string;
  description: string;
  rootDeviceType: string;
  rootDeviceName: string;
  virtualizationType: string;
  hypervisor: string;
  creationDate: string;
  blockDeviceMappings: BlockDeviceMapping[];
  tags: Tag[];
}

export interface DescribeImagesInput {
  /** Owner.N: account ids, or 'self', 'amazon', 'aws-marketplace'. */
  owners?: string[];
  /** ExecutableBy.N: account ids, 'self' or 'all'. */
  executableBy?: string[];
  imageIds?: string[];
  filters?: Filter[];
  maxResults?: number;
}

export function readImage(item: XmlElement): Image {
  return {
    imageId: str(item, 'imageId'),
    imageLocation: str(item, 'imageLocation'),
    imageState: str(item, 'imageState'),
    imageOwnerId: str(item, 'imageOwnerId'),
    imageOwnerAlias: str(item, 'imageOwnerAlias'),
    isPublic: flag(item, 'isPublic'),
    architecture: str(item, 'architecture'),
    imageType: str(item, 'imageType'),
    kernelId: str(item, 'kernelId'),
    ramdiskId: str(item, 'ramdiskId'),
    platform: str(item, 'platform'),
    name: str(item, 'name'),
    description: str(item, 'description'),
    rootDeviceType: str(item, 'rootDeviceType'),
    rootDeviceName: str(item, 'rootDeviceName'),
    virtualizationType: str(item, 'virtualizationType'),
    hypervisor: str(item, 'hypervisor'),
    creationDate: str(item, 'creationDate'),
    blockDeviceMappings: readBlockDeviceMappings(item),
    tags: readTags(item),
  };
}

export const describeImages = listOperation<DescribeImagesInput, Image>({
  action: 'DescribeImages',
  params: (input) =>
    flattenQuery({
      ExecutableBy: input.executableBy,
      ImageId: input.imageIds,
      Owner: input.owners,
      Filter: filterParams(input.filters),
      MaxResults: input.maxResults,
    }),
  path: ['imagesSet', 'item'],
  read: (item) => [readImage(item)],
});

export interface RegisterImageInput {
  /** An instance-store image's manifest in the object store: `bucket/image.manifest.xml`. */
  imageLocation?: string;
  name?: string;
  description?: string;
  architecture?: string;
  kernelId?: string;
  ramdiskId?: string;
  /** EBS-backed: the root device, e.g. /dev/sda1, mapped below to a snapshot. */
  rootDeviceName?: string;
  blockDeviceMappings?: BlockDeviceMappingInput[];
  virtualizationType?: string;
}

export const registerImage: Ec2Operation<RegisterImageInput, string> = {
  action: 'RegisterImage',
  readOnly: false,
  params: (input) =>
    flattenQuery({
      ImageLocation: input.imageLocation,
      Name: input.name,
      Description: input.description,
      Architecture: input.architecture,
      KernelId: input.kernelId,
      RamdiskId: input.ramdiskId,
      RootDeviceName: input.rootDeviceName,
      BlockDeviceMapping: blockDeviceParams(input.blockDeviceMappings),
      VirtualizationType: input.virtualizationType,
    }),
  read: (doc) => str(doc, 'imageId'),
};

export const deregisterImage: Ec2Operation<{ imageId: string }, boolean> = {
  action: 'DeregisterImage',
  readOnly: false,
  params: (input) => flattenQuery({ ImageId: input.imageId }),
  read: returned,
};

export interface LaunchPermissions {
  /** Launchable by everyone (group 'all'). */
  public: boolean;
  userIds: string[];
}

export function readLaunchPermissions(doc: XmlValue): LaunchPermissions {
  const entries = items(doc, 'launchPermission');
  return {
    public: entries.some((e) => str(e, 'group') === 'all'),
    userIds: entries.map((e) => str(e, 'userId')).filter(Boolean),
  };
}

export const describeLaunchPermissions: Ec2Operation<{ imageId: string }, LaunchPermissions> = {
  action: 'DescribeImageAttribute',
  readOnly: true,
  params: (input) => flattenQuery({ ImageId: input.imageId, Attribute: 'launchPermission' }),
  read: readLaunchPermissions,
};

export interface LaunchPermissionChange {
  /** true adds (or removes) the group 'all'. */
  public?: boolean;
  userIds?: string[];
}

export interface ModifyLaunchPermissionsInput {
  imageId: string;
  add?: LaunchPermissionChange;
  remove?: LaunchPermissionChange;
}

function permissionList(change: LaunchPermissionChange | undefined) {
  if (!change) return undefined;
  return [
    ...(change.public ? [{ Group: 'all' }] : []),
    ...(change.userIds ?? []).map((userId) => ({ UserId: userId })),
  ];
}

export const modifyLaunchPermissions: Ec2Operation<ModifyLaunchPermissionsInput, boolean> = {
  action: 'ModifyImageAttribute',
  readOnly: false,
  params: (input) =>
    flattenQuery({
      ImageId: input.imageId,
      LaunchPermission: { Add: permissionList(input.add), Remove: permissionList(input.remove) },
    }),
  read: returned,
};
