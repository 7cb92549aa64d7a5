// Shapes shared by several EC2 operations. Ids, numbers and sizes stay strings as the server sent
// them; absent text is ''. Timestamps keep their raw string (parse with parseEc2Time to display).

export type { Filter } from './query';

export interface Tag {
  key: string;
  value: string;
}

/** A tag to set or delete; without a value, DeleteTags removes the key whatever its value. */
export interface TagInput {
  key: string;
  value?: string;
}

export interface GroupRef {
  groupId: string;
  groupName: string;
}

export interface InstanceState {
  /** e.g. '16' */
  code: string;
  /** pending | running | shutting-down | terminated | stopping | stopped */
  name: string;
}

export interface EbsDevice {
  snapshotId: string;
  volumeId: string;
  volumeSize: string;
  volumeType: string;
  deleteOnTermination: boolean;
  status: string;
  attachTime: string;
  encrypted: boolean;
}

export interface BlockDeviceMapping {
  deviceName: string;
  /** ephemeral0… for instance-store devices */
  virtualName: string;
  noDevice: boolean;
  ebs?: EbsDevice;
}

/** What RunInstances and RegisterImage take for one device. */
export interface BlockDeviceMappingInput {
  deviceName: string;
  virtualName?: string;
  noDevice?: boolean;
  ebs?: {
    snapshotId?: string;
    volumeSize?: number | string;
    deleteOnTermination?: boolean;
    volumeType?: string;
    /** Provisioned IOPS: io1/io2 (required), gp3 (optional). */
    iops?: number | string;
  };
}
