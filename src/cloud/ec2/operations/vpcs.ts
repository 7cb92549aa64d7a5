// VPCs and subnets, read only: what the launch dialog offers to launch into. Eucalyptus and
// EC2-Classic clouds may refuse both calls or answer with nothing; a launch there stays
// Classic-style (no subnet).

import { flag, readTags, str } from '../fields';
import { listOperation } from '../operation';
import { type Filter, filterParams, flattenQuery } from '../query';
import type { Tag } from '../types';

export interface Vpc {
  vpcId: string;
  cidrBlock: string;
  isDefault: boolean;
  /** pending | available */
  state: string;
  tags: Tag[];
}

export interface Subnet {
  subnetId: string;
  vpcId: string;
  availabilityZone: string;
  cidrBlock: string;
  /** As sent: a count of free IPv4 addresses. */
  availableIpAddressCount: string;
  defaultForAz: boolean;
  mapPublicIpOnLaunch: boolean;
  /** pending | available */
  state: string;
  tags: Tag[];
}

export interface DescribeVpcsInput {
  vpcIds?: string[];
  filters?: Filter[];
  /** AWS pages at this size (5-1000). */
  maxResults?: number;
}

export const describeVpcs = listOperation<DescribeVpcsInput, Vpc>({
  action: 'DescribeVpcs',
  params: (input) =>
    flattenQuery({
      VpcId: input.vpcIds,
      Filter: filterParams(input.filters),
      MaxResults: input.maxResults,
    }),
  path: ['vpcSet', 'item'],
  read: (item) => [
    {
      vpcId: str(item, 'vpcId'),
      cidrBlock: str(item, 'cidrBlock'),
      isDefault: flag(item, 'isDefault'),
      state: str(item, 'state'),
      tags: readTags(item),
    },
  ],
});

export interface DescribeSubnetsInput {
  subnetIds?: string[];
  filters?: Filter[];
  /** AWS pages at this size (5-1000). */
  maxResults?: number;
}

export const describeSubnets = listOperation<DescribeSubnetsInput, Subnet>({
  action: 'DescribeSubnets',
  params: (input) =>
    flattenQuery({
      SubnetId: input.subnetIds,
      Filter: filterParams(input.filters),
      MaxResults: input.maxResults,
    }),
  path: ['subnetSet', 'item'],
  read: (item) => [
    {
      subnetId: str(item, 'subnetId'),
      vpcId: str(item, 'vpcId'),
      availabilityZone: str(item, 'availabilityZone'),
      cidrBlock: str(item, 'cidrBlock'),
      availableIpAddressCount: str(item, 'availableIpAddressCount'),
      defaultForAz: flag(item, 'defaultForAz'),
      mapPublicIpOnLaunch: flag(item, 'mapPublicIpOnLaunch'),
      state: str(item, 'state'),
      tags: readTags(item),
    },
  ],
});
