// Security group rule changes in both directions, with IPv6 ranges: Authorize/Revoke
// SecurityGroupIngress (by group name or id) and SecurityGroupEgress (VPC groups, by id only).

import { returned } from './fields';
import type { Ec2Operation } from './operation';
import type { GroupSelector } from './operations/security-groups';
import { flattenQuery, type QueryValue } from './query';

export interface RuleInput {
  /** tcp | udp | icmp | -1 (all) */
  ipProtocol: string;
  /** The first port, or the ICMP type. */
  fromPort?: number;
  /** The last port, or the ICMP code. */
  toPort?: number;
  cidrIps?: string[];
  cidrIpv6s?: string[];
  /** Another group as the source: by name (with its owner's account across accounts) or id. */
  groups?: Array<{ userId?: string; groupName?: string; groupId?: string }>;
}

export type RuleDirection = 'ingress' | 'egress';
export type RuleChange = GroupSelector & { permissions: RuleInput[] };

function permissionParams(permissions: readonly RuleInput[]): QueryValue {
  return permissions.map((p) => ({
    IpProtocol: p.ipProtocol,
    FromPort: p.fromPort,
    ToPort: p.toPort,
    IpRanges: p.cidrIps?.map((cidr) => ({ CidrIp: cidr })),
    Ipv6Ranges: p.cidrIpv6s?.map((cidr) => ({ CidrIpv6: cidr })),
    Groups: p.groups?.map((g) => ({
      UserId: g.userId,
      GroupName: g.groupName,
      GroupId: g.groupId,
    })),
  }));
}

/** The operation that adds (authorize) or removes (revoke) rules in one direction. */
export function ruleChange(
  direction: RuleDirection,
  change: 'authorize' | 'revoke',
): Ec2Operation<RuleChange, boolean> {
  const verb = change === 'authorize' ? 'Authorize' : 'Revoke';
  return {
    action: `${verb}SecurityGroup${direction === 'ingress' ? 'Ingress' : 'Egress'}`,
    readOnly: false,
    params: (input) =>
      flattenQuery({
        ...('groupId' in input ? { GroupId: input.groupId } : { GroupName: input.groupName }),
        IpPermissions: permissionParams(input.permissions),
      }),
    read: returned,
  };
}
