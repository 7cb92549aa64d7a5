// Instances: DescribeInstances (reservations flattened into instances), RunInstances and the
// state changes. Eucalyptus and EC2-Classic put security groups on the reservation, not the
// instance; each instance falls back to its reservation's groups.

import { child, isElement, type XmlElement, type XmlValue } from '../../xml';
import { blockDeviceParams } from '../block-devices';
import {
  items,
  readBlockDeviceMappings,
  readGroups,
  readState,
  readTags,
  returned,
  str,
} from '../fields';
import { type Ec2Operation, listOperation } from '../operation';
import { type Filter, filterParams, flattenQuery } from '../query';
import type {
  BlockDeviceMapping,
  BlockDeviceMappingInput,
  GroupRef,
  InstanceState,
  Tag,
  TagInput,
} from '../types';

export interface Instance {
  instanceId: string;
  imageId: string;
  state: InstanceState;
  stateReason: { code: string; message: string };
  privateDnsName: string;
  dnsName: string;
  reason: string;
  keyName: string;
  amiLaunchIndex: string;
  instanceType: string;
  /** Raw; parseEc2Time() for a Date. */
  launchTime: string;
  placement: { availabilityZone: string; tenancy: string };
  kernelId: string;
  ramdiskId: string;
  platform: string;
  /** enabled | disabled | pending */
  monitoring: string;
  privateIpAddress: string;
  ipAddress: string;
  vpcId: string;
  subnetId: string;
  architecture: string;
  rootDeviceType: string;
  rootDeviceName: string;
  virtualizationType: string;
  hypervisor: string;
  clientToken: string;
  groups: GroupRef[];
  blockDeviceMappings: BlockDeviceMapping[];
  tags: Tag[];
  reservationId: string;
  ownerId: string;
  requesterId: string;
}

export interface Reservation {
  reservationId: string;
  ownerId: string;
  requesterId: string;
  groups: GroupRef[];
  instances: Instance[];
}

/** A reservation: a DescribeInstances item, or the root of a RunInstances answer. */
export function readReservation(node: XmlValue): Reservation {
  const reservation = {
    reservationId: str(node, 'reservationId'),
    ownerId: str(node, 'ownerId'),
    requesterId: str(node, 'requesterId'),
    groups: readGroups(node),
  };
  const instances = items(node, 'instancesSet').map((item) => readInstance(item, reservation));
  return { ...reservation, instances };
}

export function readInstance(
  item: XmlElement,
  reservation: Omit<Reservation, 'instances'>,
): Instance {
  const own = readGroups(item);
  const stateReason = child(item, 'stateReason');
  return {
    instanceId: str(item, 'instanceId'),
    imageId: str(item, 'imageId'),
    state: readState(child(item, 'instanceState')),
    stateReason: isElement(stateReason)
      ? { code: str(stateReason, 'code'), message: str(stateReason, 'message') }
      : { code: '', message: '' },
    privateDnsName: str(item, 'privateDnsName'),
    dnsName: str(item, 'dnsName'),
    reason: str(item, 'reason'),
    keyName: str(item, 'keyName'),
    amiLaunchIndex: str(item, 'amiLaunchIndex'),
    instanceType: str(item, 'instanceType'),
    launchTime: str(item, 'launchTime'),
    placement: {
      availabilityZone: str(child(item, 'placement'), 'availabilityZone'),
      tenancy: str(child(item, 'placement'), 'tenancy'),
    },
    kernelId: str(item, 'kernelId'),
    ramdiskId: str(item, 'ramdiskId'),
    platform: str(item, 'platform'),
    monitoring: str(child(item, 'monitoring'), 'state'),
    privateIpAddress: str(item, 'privateIpAddress'),
    ipAddress: str(item, 'ipAddress'),
    vpcId: str(item, 'vpcId'),
    subnetId: str(item, 'subnetId'),
    architecture: str(item, 'architecture'),
    rootDeviceType: str(item, 'rootDeviceType'),
    rootDeviceName: str(item, 'rootDeviceName'),
    virtualizationType: str(item, 'virtualizationType'),
    hypervisor: str(item, 'hypervisor'),
    clientToken: str(item, 'clientToken'),
    groups: own.length > 0 ? own : reservation.groups,
    blockDeviceMappings: readBlockDeviceMappings(item),
    tags: readTags(item),
    reservationId: reservation.reservationId,
    ownerId: reservation.ownerId,
    requesterId: reservation.requesterId,
  };
}

export interface DescribeInstancesInput {
  instanceIds?: string[];
  filters?: Filter[];
  /** AWS pages at this size (5-1000; not with instanceIds). Eucalyptus ignores it. */
  maxResults?: number;
}

export const describeInstances = listOperation<DescribeInstancesInput, Instance>({
  action: 'DescribeInstances',
  params: (input) =>
    flattenQuery({
      InstanceId: input.instanceIds,
      Filter: filterParams(input.filters),
      MaxResults: input.maxResults,
    }),
  path: ['reservationSet', 'item'],
  read: (item) => readReservation(item).instances,
});

export interface RunInstancesInput {
  imageId: string;
  minCount?: number;
  maxCount?: number;
  instanceType?: string;
  keyName?: string;
  /** Security group names (SecurityGroup.N): EC2-Classic, default VPC and Eucalyptus. */
  securityGroups?: string[];
  securityGroupIds?: string[];
  availabilityZone?: string;
  kernelId?: string;
  ramdiskId?: string;
  /** Already base64 (encodeBase64Utf8). */
  userData?: string;
  /** Eucalyptus: 'private' launches without a public address. */
  addressingType?: string;
  subnetId?: string;
  /**
   * The primary interface, to ask for a public address in a subnet. The API then takes the subnet
   * and the group ids only on the interface: leave subnetId and securityGroupIds out.
   */
  networkInterface?: {
    subnetId: string;
    associatePublicIpAddress?: boolean;
    securityGroupIds?: string[];
  };
  monitoring?: boolean;
  blockDeviceMappings?: BlockDeviceMappingInput[];
  /** Tags for the new instances (TagSpecification.1.ResourceType=instance). */
  tags?: TagInput[];
  /** One per logical launch; ec2Call makes one when absent. A retry reuses it. */
  clientToken?: string;
}

export const runInstances: Ec2Operation<RunInstancesInput, Reservation> = {
  action: 'RunInstances',
  readOnly: false,
  clientToken: true,
  params: (input) =>
    flattenQuery({
      ImageId: input.imageId,
      MinCount: input.minCount ?? 1,
      MaxCount: input.maxCount ?? input.minCount ?? 1,
      InstanceType: input.instanceType,
      KeyName: input.keyName,
      SecurityGroup: input.securityGroups,
      SecurityGroupId: input.securityGroupIds,
      Placement: input.availabilityZone ? { AvailabilityZone: input.availabilityZone } : undefined,
      KernelId: input.kernelId,
      RamdiskId: input.ramdiskId,
      UserData: input.userData,
      AddressingType: input.addressingType,
      SubnetId: input.subnetId,
      NetworkInterface: input.networkInterface
        ? [
            {
              DeviceIndex: 0,
              SubnetId: input.networkInterface.subnetId,
              AssociatePublicIpAddress: input.networkInterface.associatePublicIpAddress,
              SecurityGroupId: input.networkInterface.securityGroupIds,
            },
          ]
        : undefined,
      Monitoring: input.monitoring === undefined ? undefined : { Enabled: input.monitoring },
      BlockDeviceMapping: blockDeviceParams(input.blockDeviceMappings),
      TagSpecification: input.tags?.length
        ? [
            {
              ResourceType: 'instance',
              Tag: input.tags.map((t) => ({ Key: t.key, Value: t.value ?? '' })),
            },
          ]
        : undefined,
      ClientToken: input.clientToken,
    }),
  read: readReservation,
};

export interface StateChange {
  instanceId: string;
  currentState: InstanceState;
  previousState: InstanceState;
}

function readStateChanges(doc: XmlValue): StateChange[] {
  return items(doc, 'instancesSet').map((item) => ({
    instanceId: str(item, 'instanceId'),
    currentState: readState(child(item, 'currentState')),
    previousState: readState(child(item, 'previousState')),
  }));
}

function stateChange(action: string): Ec2Operation<{ instanceIds: string[] }, StateChange[]> {
  return {
    action,
    readOnly: false,
    params: (input) => flattenQuery({ InstanceId: input.instanceIds }),
    read: readStateChanges,
  };
}

export const startInstances = stateChange('StartInstances');
export const terminateInstances = stateChange('TerminateInstances');

export const stopInstances: Ec2Operation<
  { instanceIds: string[]; force?: boolean },
  StateChange[]
> = {
  action: 'StopInstances',
  readOnly: false,
  params: (input) => flattenQuery({ InstanceId: input.instanceIds, Force: input.force }),
  read: readStateChanges,
};

export const rebootInstances: Ec2Operation<{ instanceIds: string[] }, boolean> = {
  action: 'RebootInstances',
  readOnly: false,
  params: (input) => flattenQuery({ InstanceId: input.instanceIds }),
  read: returned,
};
