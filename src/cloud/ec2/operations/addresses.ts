// Elastic IPs. EC2-Classic and Eucalyptus address them by public IP; VPC addresses have an
// allocation id and associations have an association id. Both forms are accepted.

import { readTags, returned, str } from '../fields';
import { type Ec2Operation, listOperation } from '../operation';
import { type Filter, filterParams, flattenQuery } from '../query';
import type { Tag } from '../types';

export interface Address {
  publicIp: string;
  allocationId: string;
  associationId: string;
  /** standard | vpc */
  domain: string;
  instanceId: string;
  networkInterfaceId: string;
  privateIpAddress: string;
  tags: Tag[];
}

export interface DescribeAddressesInput {
  publicIps?: string[];
  allocationIds?: string[];
  filters?: Filter[];
}

export const describeAddresses = listOperation<DescribeAddressesInput, Address>({
  action: 'DescribeAddresses',
  params: (input) =>
    flattenQuery({
      PublicIp: input.publicIps,
      AllocationId: input.allocationIds,
      Filter: filterParams(input.filters),
    }),
  path: ['addressesSet', 'item'],
  read: (item) => [
    {
      publicIp: str(item, 'publicIp'),
      allocationId: str(item, 'allocationId'),
      associationId: str(item, 'associationId'),
      domain: str(item, 'domain'),
      instanceId: str(item, 'instanceId'),
      networkInterfaceId: str(item, 'networkInterfaceId'),
      privateIpAddress: str(item, 'privateIpAddress'),
      tags: readTags(item),
    },
  ],
});

export interface AllocatedAddress {
  publicIp: string;
  allocationId: string;
  domain: string;
}

export const allocateAddress: Ec2Operation<{ domain?: 'vpc' | 'standard' }, AllocatedAddress> = {
  action: 'AllocateAddress',
  readOnly: false,
  params: (input) => flattenQuery({ Domain: input.domain }),
  read: (doc) => ({
    publicIp: str(doc, 'publicIp'),
    allocationId: str(doc, 'allocationId'),
    domain: str(doc, 'domain'),
  }),
};

/** The address by public IP (standard) or allocation id (vpc). */
export type AddressSelector = { publicIp: string } | { allocationId: string };

function addressParams(address: AddressSelector): { PublicIp?: string; AllocationId?: string } {
  return 'allocationId' in address
    ? { AllocationId: address.allocationId }
    : { PublicIp: address.publicIp };
}

export type AssociateAddressInput = AddressSelector & {
  instanceId?: string;
  networkInterfaceId?: string;
  privateIpAddress?: string;
  allowReassociation?: boolean;
};

/** The association id ('' from servers that only say true: EC2-Classic, Eucalyptus). */
export const associateAddress: Ec2Operation<AssociateAddressInput, string> = {
  action: 'AssociateAddress',
  readOnly: false,
  params: (input) =>
    flattenQuery({
      ...addressParams(input),
      InstanceId: input.instanceId,
      NetworkInterfaceId: input.networkInterfaceId,
      PrivateIpAddress: input.privateIpAddress,
      AllowReassociation: input.allowReassociation,
    }),
  read: (doc) => str(doc, 'associationId'),
};

export const disassociateAddress: Ec2Operation<
  { publicIp: string } | { associationId: string },
  boolean
> = {
  action: 'DisassociateAddress',
  readOnly: false,
  params: (input) =>
    flattenQuery(
      'associationId' in input
        ? { AssociationId: input.associationId }
        : { PublicIp: input.publicIp },
    ),
  read: returned,
};

export const releaseAddress: Ec2Operation<AddressSelector, boolean> = {
  action: 'ReleaseAddress',
  readOnly: false,
  params: (input) => flattenQuery(addressParams(input)),
  read: returned,
};
