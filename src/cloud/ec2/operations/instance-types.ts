// Instance types. Eucalyptus has its own DescribeInstanceTypes (an extension that predates AWS's)
// answering `instanceTypeDetails/item` with name, cpu, memory (MiB) and disk (GiB); AWS answers
// `instanceTypeSet/item` with vCpuInfo and memoryInfo, in pages. One item reader takes both.

import { CloudError } from '../../errors';
import type { Profile } from '../../profile';
import type { Signer } from '../../signer';
import { child, type XmlElement } from '../../xml';
import { type Ec2CallOptions, ec2Call, ec2List } from '../client';
import { items, str } from '../fields';
import { type Ec2Operation, listOperation } from '../operation';
import { type Filter, filterParams, flattenQuery } from '../query';

export interface InstanceTypeInfo {
  name: string;
  /** vCPUs, as sent */
  cpu: string;
  memoryMiB: string;
  /** Instance storage in GiB ('' when EBS only) */
  diskGiB: string;
}

/** Eucalyptus with `availability`: free and max instances of the type per zone. */
export interface InstanceTypeAvailability {
  zoneName: string;
  available: string;
  max: string;
}

export function readInstanceType(item: XmlElement): InstanceTypeInfo {
  return {
    name: str(item, 'instanceType') || str(item, 'name'),
    cpu: str(child(item, 'vCpuInfo'), 'defaultVCpus') || str(item, 'cpu'),
    memoryMiB: str(child(item, 'memoryInfo'), 'sizeInMiB') || str(item, 'memory'),
    diskGiB: str(child(item, 'instanceStorageInfo'), 'totalSizeInGB') || str(item, 'disk'),
  };
}

export function readInstanceTypeAvailability(item: XmlElement): InstanceTypeAvailability[] {
  return items(item, 'availability').map((a) => ({
    zoneName: str(a, 'zoneName'),
    available: str(a, 'available'),
    max: str(a, 'max'),
  }));
}

export const describeInstanceTypes = listOperation<
  { instanceTypes?: string[]; filters?: Filter[]; maxResults?: number },
  InstanceTypeInfo
>({
  action: 'DescribeInstanceTypes',
  params: (input) =>
    flattenQuery({
      InstanceType: input.instanceTypes,
      Filter: filterParams(input.filters),
      MaxResults: input.maxResults,
    }),
  path: ['instanceTypeSet', 'item'],
  read: (item) => [readInstanceType(item)],
});

/**
 * Eucalyptus's short list (tens of types, one page). It also reads an AWS-shaped answer, so a
 * Eucalyptus-style profile on an AWS-compatible server needs no second request.
 */
export const describeEucalyptusInstanceTypes: Ec2Operation<
  { instanceTypes?: string[]; availability?: boolean },
  InstanceTypeInfo[]
> = {
  action: 'DescribeInstanceTypes',
  readOnly: true,
  params: (input) =>
    flattenQuery({ InstanceType: input.instanceTypes, Availability: input.availability }),
  read: (doc) =>
    [...items(doc, 'instanceTypeDetails'), ...items(doc, 'instanceTypeSet')].map(readInstanceType),
};

/** For servers that cannot list their types (Eucalyptus before 3.3, odd gateways). */
export const KNOWN_INSTANCE_TYPES: readonly InstanceTypeInfo[] = [
  // Eucalyptus 4 defaults (the values an administrator usually leaves alone)
  { name: 't1.micro', cpu: '1', memoryMiB: '256', diskGiB: '5' },
  { name: 'm1.small', cpu: '1', memoryMiB: '256', diskGiB: '5' },
  { name: 'm1.medium', cpu: '1', memoryMiB: '512', diskGiB: '10' },
  { name: 'c1.medium', cpu: '2', memoryMiB: '512', diskGiB: '10' },
  { name: 'm1.large', cpu: '2', memoryMiB: '512', diskGiB: '10' },
  { name: 'm1.xlarge', cpu: '2', memoryMiB: '1024', diskGiB: '10' },
  { name: 'c1.xlarge', cpu: '2', memoryMiB: '2048', diskGiB: '10' },
  // AWS, current and common
  { name: 't2.micro', cpu: '1', memoryMiB: '1024', diskGiB: '' },
  { name: 't2.small', cpu: '1', memoryMiB: '2048', diskGiB: '' },
  { name: 't2.medium', cpu: '2', memoryMiB: '4096', diskGiB: '' },
  { name: 't3.micro', cpu: '2', memoryMiB: '1024', diskGiB: '' },
  { name: 't3.small', cpu: '2', memoryMiB: '2048', diskGiB: '' },
  { name: 't3.medium', cpu: '2', memoryMiB: '4096', diskGiB: '' },
  { name: 't3.large', cpu: '2', memoryMiB: '8192', diskGiB: '' },
  { name: 'm5.large', cpu: '2', memoryMiB: '8192', diskGiB: '' },
  { name: 'm5.xlarge', cpu: '4', memoryMiB: '16384', diskGiB: '' },
  { name: 'm5.2xlarge', cpu: '8', memoryMiB: '32768', diskGiB: '' },
  { name: 'c5.large', cpu: '2', memoryMiB: '4096', diskGiB: '' },
  { name: 'c5.xlarge', cpu: '4', memoryMiB: '8192', diskGiB: '' },
  { name: 'c5.2xlarge', cpu: '8', memoryMiB: '16384', diskGiB: '' },
  { name: 'r5.large', cpu: '2', memoryMiB: '16384', diskGiB: '' },
];

// What servers answer for an action they do not have.
const UNSUPPORTED = new Set([
  'InvalidAction',
  'UnsupportedOperation',
  'UnknownOperation',
  'NotImplemented',
  'InvalidParameterValue',
]);

export interface InstanceTypeList {
  types: InstanceTypeInfo[];
  /** 'known' when the server could not list them and KNOWN_INSTANCE_TYPES stands in. */
  source: 'server' | 'known';
}

/** The types this cloud offers: its own list, or the known list when it has none to give. */
export async function listInstanceTypes(
  profile: Profile,
  signer: Signer,
  opts: Ec2CallOptions = {},
): Promise<InstanceTypeList> {
  try {
    const types =
      profile.kind === 'eucalyptus'
        ? await ec2Call(describeEucalyptusInstanceTypes, profile, signer, {}, opts)
        : await ec2List(describeInstanceTypes, profile, signer, {}, opts);
    if (types.length > 0) return { types, source: 'server' };
  } catch (error) {
    if (!(error instanceof CloudError) || !UNSUPPORTED.has(error.code)) throw error;
  }
  return { types: [...KNOWN_INSTANCE_TYPES], source: 'known' };
}
