// BlockDeviceMapping.N.* parameters, shared by RunInstances and RegisterImage.

import type { QueryValue } from './query';
import type { BlockDeviceMappingInput } from './types';

export function blockDeviceParams(
  mappings: readonly BlockDeviceMappingInput[] | undefined,
): QueryValue {
  return mappings?.map((m) => ({
    DeviceName: m.deviceName,
    VirtualName: m.virtualName,
    // NoDevice takes an empty value: its presence suppresses the device.
    NoDevice: m.noDevice ? '' : undefined,
    Ebs: m.ebs && {
      SnapshotId: m.ebs.snapshotId,
      VolumeSize: m.ebs.volumeSize,
      DeleteOnTermination: m.ebs.deleteOnTermination,
      VolumeType: m.ebs.volumeType,
      Iops: m.ebs.iops,
    },
  }));
}
