// Security group forms, checked before anything is sent, and the rules a group has, one row per
// source so each can be removed on its own. Pure: problems are message keys.

import type { GroupSelector, IpPermission, SecurityGroup } from '../../cloud/ec2';
import { isIpv4Cidr, isIpv6Cidr, splitList } from '../../cloud/ec2/cidr';
import type { RuleDirection, RuleInput } from '../../cloud/ec2/rule-changes';
import type { MessageKey } from '../i18n';

export type Protocol = 'tcp' | 'udp' | 'icmp' | '-1';

export interface RuleForm {
  direction: RuleDirection;
  protocol: Protocol;
  fromPort: string;
  /** Empty: the same as fromPort. */
  toPort: string;
  icmpType: string;
  icmpCode: string;
  source: 'cidr' | 'group';
  cidrs: string;
  group: string;
  owner: string;
}

export type RuleProblems = Partial<Record<keyof RuleForm, MessageKey>>;

export const EMPTY_RULE: RuleForm = {
  direction: 'ingress',
  protocol: 'tcp',
  fromPort: '',
  toPort: '',
  icmpType: '-1',
  icmpCode: '-1',
  source: 'cidr',
  cidrs: '',
  group: '',
  owner: '',
};

/** A whole number in [min, max], or a message key saying why not. */
function numberProblem(text: string, min: number, max: number, bad: MessageKey): MessageKey | null {
  const value = text.trim();
  if (!value) return 'fieldRequired';
  if (!/^-?\d+$/.test(value)) return bad;
  const n = Number(value);
  return n < min || n > max ? bad : null;
}

/** The CIDRs in the list that are neither IPv4 nor IPv6 blocks. */
export function badCidrs(text: string): string[] {
  return splitList(text).filter((c) => !isIpv4Cidr(c) && !isIpv6Cidr(c));
}

export function validateRule(form: RuleForm): RuleProblems {
  const problems: RuleProblems = {};
  if (form.protocol === 'tcp' || form.protocol === 'udp') {
    const from = numberProblem(form.fromPort, 0, 65535, 'portInvalid');
    if (from) problems.fromPort = from;
    if (form.toPort.trim()) {
      const to = numberProblem(form.toPort, 0, 65535, 'portInvalid');
      if (to) problems.toPort = to;
      else if (!from && Number(form.toPort) < Number(form.fromPort))
        problems.toPort = 'portRangeReversed';
    }
  } else if (form.protocol === 'icmp') {
    const type = numberProblem(form.icmpType, -1, 255, 'icmpInvalid');
    if (type) problems.icmpType = type;
    const code = numberProblem(form.icmpCode, -1, 255, 'icmpInvalid');
    if (code) problems.icmpCode = code;
  }
  if (form.source === 'cidr') {
    if (splitList(form.cidrs).length === 0) problems.cidrs = 'fieldRequired';
    else if (badCidrs(form.cidrs).length) problems.cidrs = 'cidrInvalid';
  } else {
    if (!form.group.trim()) problems.group = 'fieldRequired';
    if (form.owner.trim() && !/^\S+$/.test(form.owner.trim())) problems.owner = 'ownerInvalid';
  }
  return problems;
}

/** How a group is named in calls: by id in a VPC, by name on Eucalyptus and EC2-Classic. */
export function groupSelector(group: SecurityGroup): GroupSelector {
  return group.vpcId && group.groupId ? { groupId: group.groupId } : { groupName: group.groupName };
}

/** The permission a valid form adds to `target`; a source group is found by name among `known`. */
export function ruleInput(
  form: RuleForm,
  target: SecurityGroup,
  known: readonly SecurityGroup[],
): RuleInput {
  const input: RuleInput = { ipProtocol: form.protocol };
  if (form.protocol === 'tcp' || form.protocol === 'udp') {
    input.fromPort = Number(form.fromPort);
    input.toPort = Number(form.toPort.trim() || form.fromPort);
  } else if (form.protocol === 'icmp') {
    input.fromPort = Number(form.icmpType);
    input.toPort = Number(form.icmpCode);
  }
  if (form.source === 'cidr') {
    const cidrs = splitList(form.cidrs);
    const v4 = cidrs.filter(isIpv4Cidr);
    const v6 = cidrs.filter((c) => !isIpv4Cidr(c));
    if (v4.length) input.cidrIps = v4;
    if (v6.length) input.cidrIpv6s = v6;
    return input;
  }
  const name = form.group.trim();
  const owner = form.owner.trim();
  if (target.vpcId) {
    // In a VPC, groups are referred to by id; a name typed here is looked up in the same VPC.
    const match = known.find((g) => g.groupName === name && g.vpcId === target.vpcId);
    input.groups = [{ groupId: match?.groupId ?? name, ...(owner ? { userId: owner } : {}) }];
  } else {
    input.groups = [{ groupName: name, ...(owner ? { userId: owner } : {}) }];
  }
  return input;
}

/** One rule as a row: a protocol and ports with one source (a CIDR or a group). */
export interface RuleRow {
  key: string;
  direction: RuleDirection;
  protocol: string;
  fromPort: string;
  toPort: string;
  /** A CIDR, or a group's name (or id) */
  source: string;
  /** The source group's owner, when the source is a group. */
  owner: string;
  /** What revoking exactly this row sends. */
  revoke: RuleInput;
}

function portsOf(p: IpPermission): Pick<RuleInput, 'fromPort' | 'toPort'> {
  const out: Pick<RuleInput, 'fromPort' | 'toPort'> = {};
  if (p.ipProtocol !== '-1' && p.fromPort !== '') out.fromPort = Number(p.fromPort);
  if (p.ipProtocol !== '-1' && p.toPort !== '') out.toPort = Number(p.toPort);
  return out;
}

export function ruleRows(
  permissions: readonly IpPermission[],
  direction: RuleDirection,
  inVpc: boolean,
): RuleRow[] {
  const rows: RuleRow[] = [];
  for (const p of permissions) {
    const base = { ipProtocol: p.ipProtocol, ...portsOf(p) };
    const row = (source: string, owner: string, revoke: RuleInput): RuleRow => ({
      key: `${direction} ${p.ipProtocol} ${p.fromPort}-${p.toPort} ${source} ${owner}`,
      direction,
      protocol: p.ipProtocol,
      fromPort: p.fromPort,
      toPort: p.toPort,
      source,
      owner,
      revoke,
    });
    for (const r of p.ipRanges) rows.push(row(r.cidrIp, '', { ...base, cidrIps: [r.cidrIp] }));
    for (const r of p.ipv6Ranges)
      rows.push(row(r.cidrIpv6, '', { ...base, cidrIpv6s: [r.cidrIpv6] }));
    for (const g of p.groups) {
      const ref =
        inVpc && g.groupId
          ? { groupId: g.groupId }
          : { groupName: g.groupName, ...(g.userId ? { userId: g.userId } : {}) };
      rows.push(row(g.groupName || g.groupId, g.userId, { ...base, groups: [ref] }));
    }
  }
  return rows;
}

export interface GroupForm {
  name: string;
  description: string;
  vpcId: string;
}

export type GroupProblems = Partial<Record<keyof GroupForm, MessageKey>>;

/** Name and description: required, up to 255 characters; the name not taken and not "sg-…". */
export function validateGroup(form: GroupForm, existing: readonly SecurityGroup[]): GroupProblems {
  const problems: GroupProblems = {};
  const name = form.name.trim();
  const vpc = form.vpcId.trim();
  if (!name) problems.name = 'fieldRequired';
  else if (name.length > 255) problems.name = 'groupNameTooLong';
  else if (/^sg-/i.test(name)) problems.name = 'groupNameSg';
  else if (existing.some((g) => g.groupName === name && (!vpc || g.vpcId === vpc)))
    problems.name = 'groupNameTaken';
  if (!form.description.trim()) problems.description = 'fieldRequired';
  else if (form.description.length > 255) problems.description = 'groupDescriptionTooLong';
  if (vpc && !/^\S+$/.test(vpc)) problems.vpcId = 'vpcIdInvalid';
  return problems;
}
