import { describe, expect, test } from 'vitest';
import type { SecurityGroup } from '../../../src/cloud/ec2';
import { rulesOfProfile } from '../../../src/panels/components/temp-access-list';
import { ruleRows } from '../../../src/panels/security-groups/rule-form';
import { temporaryFor } from '../../../src/panels/security-groups/rules-view';
import type { TempAccessRule } from '../../../src/storage/items';

const record = (over: Partial<TempAccessRule>): TempAccessRule => ({
  id: 'r1',
  profileId: 'p1',
  region: 'us-east-1',
  instanceId: 'i-1',
  groupId: 'sg-1',
  groupName: 'web',
  byId: true,
  port: 22,
  cidr: '203.0.113.7/32',
  openedAt: 0,
  endsAt: 1,
  attempts: 0,
  retryAt: 0,
  lastError: '',
  ...over,
});

const group = (over: Partial<SecurityGroup>): SecurityGroup => ({
  ownerId: '1',
  groupId: 'sg-1',
  groupName: 'web',
  groupDescription: '',
  vpcId: 'vpc-1',
  ipPermissionsEgress: [],
  tags: [],
  ipPermissions: [
    {
      ipProtocol: 'tcp',
      fromPort: '22',
      toPort: '22',
      ipRanges: [
        { cidrIp: '203.0.113.7/32', description: '' },
        { cidrIp: '10.0.0.0/8', description: '' },
      ],
      ipv6Ranges: [{ cidrIpv6: '2001:db8::7/128', description: '' }],
      groups: [],
    },
  ],
  ...over,
});

describe('temporary rules in the rules view', () => {
  test('only the row with the same group, port and address is marked', () => {
    const g = group({});
    const rows = ruleRows(g.ipPermissions, 'ingress', true);
    const v6 = record({ id: 'r2', cidr: '2001:db8::7/128' });
    const marked = rows.map((row) => temporaryFor(row, g, [record({}), v6])?.id ?? null);
    expect(marked).toEqual(['r1', null, 'r2']);
    expect(rows.map((row) => temporaryFor(row, group({ groupId: 'sg-2' }), [record({})]))).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
    expect(temporaryFor(rows[0] as never, g, [record({ port: 2222 })])).toBeUndefined();
  });

  test('on Eucalyptus a group is matched by name', () => {
    const g = group({ groupId: '', vpcId: '' });
    const rows = ruleRows(g.ipPermissions, 'ingress', false);
    const byName = record({ byId: false, groupId: '', region: '' });
    expect(temporaryFor(rows[0] as never, g, [byName])?.id).toBe('r1');
  });

  test('a profile sees its own rules in the region it shows', () => {
    const rules = [
      record({}),
      record({ id: 'r2', region: 'eu-west-1' }),
      record({ id: 'r3', profileId: 'p2' }),
    ];
    const aws = { id: 'p1', kind: 'aws', region: 'us-east-1' } as never;
    expect(rulesOfProfile(rules, aws).map((r) => r.id)).toEqual(['r1']);
  });
});
