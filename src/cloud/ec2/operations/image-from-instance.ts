// Images made from what already exists: CreateImage (an EBS-backed instance's volumes become
// snapshots behind a new image) and CopyImage (an image copied from another region into the
// region whose endpoint receives the call).

import { blockDeviceParams } from '../block-devices';
import { str } from '../fields';
import type { Ec2Operation } from '../operation';
import { flattenQuery } from '../query';
import type { BlockDeviceMappingInput } from '../types';

/** AWS's rule for image names: 3 to 128 letters, digits, spaces and ( ) [ ] . / - ' @ _ */
export const IMAGE_NAME = /^[A-Za-z0-9()[\] ./\-'@_]{3,128}$/;

export function isImageName(name: string): boolean {
  return IMAGE_NAME.test(name);
}

export interface CreateImageInput {
  instanceId: string;
  name: string;
  description?: string;
  /** Snapshot without stopping the instance first (the file systems may be inconsistent). */
  noReboot?: boolean;
  /** Changes to the instance's devices: size, delete on termination, devices left out. */
  blockDeviceMappings?: BlockDeviceMappingInput[];
}

export const createImage: Ec2Operation<CreateImageInput, string> = {
  action: 'CreateImage',
  readOnly: false,
  params: (input) =>
    flattenQuery({
      InstanceId: input.instanceId,
      Name: input.name,
      Description: input.description,
      NoReboot: input.noReboot,
      BlockDeviceMapping: blockDeviceParams(input.blockDeviceMappings),
    }),
  read: (doc) => str(doc, 'imageId'),
};

export interface CopyImageInput {
  sourceRegion: string;
  sourceImageId: string;
  name: string;
  description?: string;
}

/** Sent to the destination region's endpoint; the answer is the new image's id there. */
export const copyImage: Ec2Operation<CopyImageInput, string> = {
  action: 'CopyImage',
  readOnly: false,
  params: (input) =>
    flattenQuery({
      SourceRegion: input.sourceRegion,
      SourceImageId: input.sourceImageId,
      Name: input.name,
      Description: input.description,
    }),
  read: (doc) => str(doc, 'imageId'),
};
