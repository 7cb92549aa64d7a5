// Security groups and their rules. Eucalyptus and EC2-Classic name groups; VPCs use ids; both are
// accepted wherever the API takes either.

import type { XmlValue } from '../../xml';
import { items, readTags, returned, str } from '../fields';
import { type Ec2Operation, listOperation } from '../operation';
import { type Filter, filterParams, flattenQuery, type QueryValue } from '../query';
import type { Tag } from '../types';

export interface GroupPair {
  userId: string;
  groupName: string;
  groupId: string;
}

export interface IpPermission {
  /** tcp | udp | icmp | -1 (all) | a protocol number */
  ipProtocol: string;
  fromPort: string;
  toPort: string;
  ipRanges: Array<{ cidrIp: string; description: string }>;
  ipv6Ranges: Array<{ cidrIpv6: string; description: string }>;
  groups: GroupPair[];
}

export interface SecurityGroup {
  ownerId: string;
  groupId: string;
  groupName: string;
  groupDescription: string;
  vpcId: string;
  ipPermissions: IpPermission[];
  ipPermissionsEgress: IpPermission[];
  tags: Tag[];
}

function readPermissions(node: XmlValue, setName: string): IpPermission[] {
  return items(node, setName).map((p) => ({
    ipProtocol: str(p, 'ipProtocol'),
    fromPort: str(p, 'fromPort'),
    toPort: str(p, 'toPort'),
    ipRanges: items(p, 'ipRanges').map((r) => ({
      cidrIp: str(r, 'cidrIp'),
      description: str(r, 'description'),
    })),
    ipv6Ranges: items(p, 'ipv6Ranges').map((r) => ({
      cidrIpv6: str(r, 'cidrIpv6'),
      description: str(r, 'description'),
    })),
    groups: items(p, 'groups').map((g) => ({
      userId: str(g, 'userId'),
      groupName: str(g, 'groupName'),
      groupId: str(g, 'groupId'),
    })),
  }));
}

export interface DescribeSecurityGroupsInput {
  groupNames?: string[];
  groupIds?: string[];
  filters?: Filter[];
  maxResults?: number;
}

export const describeSecurityGroups = listOperation<DescribeSecurityGroupsInput, SecurityGroup>({
  action: 'DescribeSecurityGroups',
  params: (input) =>
    flattenQuery({
      GroupName: input.groupNames,
      GroupId: input.groupIds,
      Filter: filterParams(input.filters),
      MaxResults: input.maxResults,
    }),
  path: ['securityGroupInfo', 'item'],
  read: (item) => [
    {
      ownerId: str(item, 'ownerId'),
      groupId: str(item, 'groupId'),
      groupName: str(item, 'groupName'),
      groupDescription: str(item, 'groupDescription'),
      vpcId: str(item, 'vpcId'),
      ipPermissions: readPermissions(item, 'ipPermissions'),
      ipPermissionsEgress: readPermissions(item, 'ipPermissionsEgress'),
      tags: readTags(item),
    },
  ],
});

export interface CreateSecurityGroupInput {
  groupName: string;
  description: string;
  vpcId?: string;
}

/** The new group's id ('' from servers that only say true, such as Eucalyptus 3). */
export const createSecurityGroup: Ec2Operation<CreateSecurityGroupInput, string> = {
  action: 'CreateSecurityGroup',
  readOnly: false,
  params: (input) =>
    flattenQuery({
      GroupName: input.groupName,
      GroupDescription: input.description,
      VpcId: input.vpcId,
    }),
  read: (doc) => str(doc, 'groupId'),
};

/** A group by name (EC2-Classic, Eucalyptus, default VPC) or by id. */
export type GroupSelector = { groupName: string } | { groupId: string };

function groupParams(group: GroupSelector): { GroupName?: string; GroupId?: string } {
  return 'groupId' in group ? { GroupId: group.groupId } : { GroupName: group.groupName };
}

export const deleteSecurityGroup: Ec2Operation<GroupSelector, boolean> = {
  action: 'DeleteSecurityGroup',
  readOnly: false,
  params: (input) => flattenQuery(groupParams(input)),
  read: returned,
};

export interface IpPermissionInput {
  ipProtocol: string;
  fromPort?: number | string;
  toPort?: number | string;
  cidrIps?: string[];
  /** Other groups allowed in: by name (with the owner's userId across accounts) or id. */
  groups?: Array<{ userId?: string; groupName?: string; groupId?: string }>;
}

export type RuleChangeInput = GroupSelector & { permissions: IpPermissionInput[] };

function permissionParams(permissions: readonly IpPermissionInput[]): QueryValue {
  return permissions.map((p) => ({
    IpProtocol: p.ipProtocol,
    FromPort: p.fromPort,
    ToPort: p.toPort,
    IpRanges: p.cidrIps?.map((cidr) => ({ CidrIp: cidr })),
    Groups: p.groups?.map((g) => ({
      UserId: g.userId,
      GroupName: g.groupName,
      GroupId: g.groupId,
    })),
  }));
}

function ruleChange(action: string): Ec2Operation<RuleChangeInput, boolean> {
  return {
    action,
    readOnly: false,
    params: (input) =>
      flattenQuery({ ...groupParams(input), IpPermissions: permissionParams(input.permissions) }),
    read: returned,
  };
}

export const authorizeSecurityGroupIngress = ruleChange('AuthorizeSecurityGroupIngress');
export const revokeSecurityGroupIngress = ruleChange('RevokeSecurityGroupIngress');
