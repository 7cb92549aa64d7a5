import { describe, expect, test } from 'vitest';
import type { SecurityGroup } from '../../../src/cloud/ec2';
import {
  badCidrs,
  EMPTY_RULE,
  groupSelector,
  type RuleForm,
  ruleInput,
  ruleRows,
  validateGroup,
  validateRule,
} from '../../../src/panels/security-groups/rule-form';

const rule = (patch: Partial<RuleForm>): RuleForm => ({ ...EMPTY_RULE, ...patch });

function group(patch: Partial<SecurityGroup>): SecurityGroup {
  return {
    ownerId: '123456789012',
    groupId: '',
    groupName: '',
    groupDescription: '',
    vpcId: '',
    ipPermissions: [],
    ipPermissionsEgress: [],
    tags: [],
    ...patch,
  };
}

describe('rule validation', () => {
  test('tcp 22 from one CIDR is fine', () => {
    expect(validateRule(rule({ fromPort: '22', cidrs: '10.0.0.0/8' }))).toEqual({});
  });
  test('ports outside 0-65535, not numbers, or reversed', () => {
    expect(validateRule(rule({ fromPort: '70000', cidrs: '10.0.0.0/8' }))).toEqual({
      fromPort: 'portInvalid',
    });
    expect(validateRule(rule({ fromPort: '-1', cidrs: '10.0.0.0/8' })).fromPort).toBe(
      'portInvalid',
    );
    expect(validateRule(rule({ fromPort: '2x', cidrs: '10.0.0.0/8' })).fromPort).toBe(
      'portInvalid',
    );
    expect(validateRule(rule({ fromPort: '', cidrs: '10.0.0.0/8' })).fromPort).toBe(
      'fieldRequired',
    );
    expect(validateRule(rule({ fromPort: '0', toPort: '65535', cidrs: '0.0.0.0/0' }))).toEqual({});
    expect(validateRule(rule({ fromPort: '8080', toPort: '80', cidrs: '0.0.0.0/0' }))).toEqual({
      toPort: 'portRangeReversed',
    });
    expect(validateRule(rule({ fromPort: '80', toPort: '65536', cidrs: '0.0.0.0/0' }))).toEqual({
      toPort: 'portInvalid',
    });
  });
  test('icmp type and code are -1..255; ports are not asked for', () => {
    expect(validateRule(rule({ protocol: 'icmp', cidrs: '0.0.0.0/0' }))).toEqual({});
    expect(
      validateRule(rule({ protocol: 'icmp', icmpType: '256', icmpCode: '-2', cidrs: '0.0.0.0/0' })),
    ).toEqual({ icmpType: 'icmpInvalid', icmpCode: 'icmpInvalid' });
    expect(
      validateRule(rule({ protocol: 'icmp', icmpType: '8', icmpCode: '0', cidrs: '::/0' })),
    ).toEqual({});
  });
  test('all traffic needs no ports', () => {
    expect(validateRule(rule({ protocol: '-1', cidrs: '10.0.0.0/8' }))).toEqual({});
  });
  test('CIDRs: required, each one valid', () => {
    expect(validateRule(rule({ fromPort: '22' })).cidrs).toBe('fieldRequired');
    expect(validateRule(rule({ fromPort: '22', cidrs: '10.0.0.0/33' })).cidrs).toBe('cidrInvalid');
    expect(badCidrs('10.0.0.0/8, 10.0.0.0/33 1.2.3.4')).toEqual(['10.0.0.0/33', '1.2.3.4']);
  });
  test('a source group needs a name', () => {
    expect(validateRule(rule({ fromPort: '22', source: 'group' })).group).toBe('fieldRequired');
    expect(validateRule(rule({ fromPort: '22', source: 'group', group: 'web' }))).toEqual({});
  });
});

describe('what is sent', () => {
  const classic = group({ groupName: 'web' });
  const vpc = group({ groupName: 'web', groupId: 'sg-1', vpcId: 'vpc-1' });
  const db = group({ groupName: 'db', groupId: 'sg-2', vpcId: 'vpc-1' });

  test('groups by name without a VPC, by id in one', () => {
    expect(groupSelector(classic)).toEqual({ groupName: 'web' });
    expect(groupSelector(vpc)).toEqual({ groupId: 'sg-1' });
  });
  test('a single port, CIDRs split into IPv4 and IPv6', () => {
    expect(ruleInput(rule({ fromPort: '22', cidrs: '10.0.0.0/8 ::/0' }), classic, [])).toEqual({
      ipProtocol: 'tcp',
      fromPort: 22,
      toPort: 22,
      cidrIps: ['10.0.0.0/8'],
      cidrIpv6s: ['::/0'],
    });
  });
  test('icmp type and code travel as the ports; all traffic has none', () => {
    expect(
      ruleInput(rule({ protocol: 'icmp', icmpType: '8', cidrs: '0.0.0.0/0' }), classic, []),
    ).toEqual({ ipProtocol: 'icmp', fromPort: 8, toPort: -1, cidrIps: ['0.0.0.0/0'] });
    expect(ruleInput(rule({ protocol: '-1', cidrs: '0.0.0.0/0' }), classic, [])).toEqual({
      ipProtocol: '-1',
      cidrIps: ['0.0.0.0/0'],
    });
  });
  test('a source group: by name with its owner (classic), by id in a VPC', () => {
    const form = rule({ fromPort: '5432', source: 'group', group: 'db', owner: '999' });
    expect(ruleInput(form, classic, []).groups).toEqual([{ groupName: 'db', userId: '999' }]);
    expect(ruleInput(form, vpc, [vpc, db]).groups).toEqual([{ groupId: 'sg-2', userId: '999' }]);
    expect(ruleInput({ ...form, group: 'sg-9', owner: '' }, vpc, [vpc, db]).groups).toEqual([
      { groupId: 'sg-9' },
    ]);
  });
});

test('rules become one row per source, each revoking exactly itself', () => {
  const rows = ruleRows(
    [
      {
        ipProtocol: 'tcp',
        fromPort: '22',
        toPort: '22',
        ipRanges: [
          { cidrIp: '10.0.0.0/8', description: '' },
          { cidrIp: '192.168.0.0/16', description: '' },
        ],
        ipv6Ranges: [],
        groups: [{ userId: '111', groupName: 'admin', groupId: 'sg-3' }],
      },
      {
        ipProtocol: '-1',
        fromPort: '',
        toPort: '',
        ipRanges: [],
        ipv6Ranges: [{ cidrIpv6: '::/0', description: '' }],
        groups: [],
      },
    ],
    'ingress',
    false,
  );
  expect(rows.map((r) => [r.source, r.owner])).toEqual([
    ['10.0.0.0/8', ''],
    ['192.168.0.0/16', ''],
    ['admin', '111'],
    ['::/0', ''],
  ]);
  expect(rows[0]?.revoke).toEqual({
    ipProtocol: 'tcp',
    fromPort: 22,
    toPort: 22,
    cidrIps: ['10.0.0.0/8'],
  });
  expect(rows[2]?.revoke.groups).toEqual([{ groupName: 'admin', userId: '111' }]);
  expect(rows[3]?.revoke).toEqual({ ipProtocol: '-1', cidrIpv6s: ['::/0'] });
  expect(new Set(rows.map((r) => r.key)).size).toBe(4);
});

describe('group validation', () => {
  const existing = [group({ groupName: 'default' }), group({ groupName: 'web', vpcId: 'vpc-1' })];
  test('name and description are required', () => {
    expect(validateGroup({ name: ' ', description: '', vpcId: '' }, existing)).toEqual({
      name: 'fieldRequired',
      description: 'fieldRequired',
    });
  });
  test('a name already in the list, or starting with sg-', () => {
    expect(validateGroup({ name: 'default', description: 'x', vpcId: '' }, existing).name).toBe(
      'groupNameTaken',
    );
    expect(validateGroup({ name: 'web', description: 'x', vpcId: 'vpc-2' }, existing)).toEqual({});
    expect(validateGroup({ name: 'sg-web', description: 'x', vpcId: '' }, existing).name).toBe(
      'groupNameSg',
    );
    expect(
      validateGroup({ name: 'a'.repeat(256), description: 'x', vpcId: '' }, existing).name,
    ).toBe('groupNameTooLong');
  });
});
