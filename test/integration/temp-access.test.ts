// Temporary SSH access through the background's own code path, in Node: records in the fake
// browser's storage, the real keychain and signing gate, alarms fired by calling the handler.
// Against moto (a VPC group, by id) and the Eucalyptus-shaped front door (a group by name).

import '../support/fake-browser';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { backgroundSigner } from '../../src/background/background-signer';
import { keychain } from '../../src/background/services';
import {
  closeTempAccess,
  listTempAccess,
  onTempAccessAlarm,
  openTempAccess,
  sweepTempAccess,
} from '../../src/background/temp-access';
import { alarmName } from '../../src/background/temp-access-schedule';
import {
  createSecurityGroup,
  describeSecurityGroups,
  ec2Call,
  ec2List,
  type SecurityGroup,
} from '../../src/cloud/ec2';
import { ruleChange } from '../../src/cloud/ec2/rule-changes';
import type { EucalyptusProfile } from '../../src/cloud/profile';
import { clockOffsets, profilesState, tempAccessRules } from '../../src/storage/items';
import { type FakeAlarms, installFakeAlarms } from '../support/fake-alarms';
import { frontDoorPerFile, frontDoorProfile } from './front-door-env';

const KEY = 'AKIACIRRUSTEMPACCESS';
const SECRET = 'cirrus/temp+access=secret0123456789';
const env = frontDoorPerFile([{ accessKeyId: KEY, secretAccessKey: SECRET }]);
let fake: FakeAlarms;

beforeEach(async () => {
  await env.moto.reset();
  await clockOffsets.set({});
  await tempAccessRules.set([]);
  fake = installFakeAlarms();
});
afterEach(() => fake.uninstall());

async function store(profile: EucalyptusProfile) {
  await profilesState.set({ profiles: [profile], currentId: profile.id });
  await keychain.set(profile.id, { secretAccessKey: SECRET });
  return backgroundSigner(profile.id);
}

const motoProfile = (): EucalyptusProfile => ({
  ...frontDoorProfile(env.door, KEY),
  id: 'moto',
  port: env.moto.port,
  ec2Path: '',
  s3Path: '',
  region: 'us-east-1',
});

function sources(group: SecurityGroup | undefined, port: number): string[] {
  return (group?.ipPermissions ?? [])
    .filter((p) => p.ipProtocol === 'tcp' && p.fromPort === String(port))
    .flatMap((p) => [...p.ipRanges.map((r) => r.cidrIp), ...p.ipv6Ranges.map((r) => r.cidrIpv6)]);
}

describe('moto: a VPC group, named by id', () => {
  async function setUp() {
    const profile = motoProfile();
    const signer = await store(profile);
    const groupId = await ec2Call(createSecurityGroup, profile, signer, {
      groupName: 'web',
      description: 'web servers',
    });
    const read = async () =>
      (await ec2List(describeSecurityGroups, profile, signer, { groupIds: [groupId] }))[0];
    expect((await read())?.vpcId).not.toBe('');
    const request = {
      profileId: profile.id,
      region: '',
      instanceId: 'i-0123456789abcdef0',
      groupId,
      groupName: 'web',
      byId: true,
      port: 22,
      address: '203.0.113.7',
      minutes: 15,
    };
    return { profile, signer, groupId, read, request };
  }

  test('opens, records and schedules; the alarm revokes it and says so', async () => {
    const { read, request } = await setUp();
    const { rule, existing } = await openTempAccess(request);
    expect(existing).toBe(false);
    expect(rule).toMatchObject({ cidr: '203.0.113.7/32', port: 22, byId: true });
    expect(sources(await read(), 22)).toEqual(['203.0.113.7/32']);
    expect(await listTempAccess()).toEqual([rule]);
    const id = rule?.id ?? '';
    expect(fake.alarms.get(alarmName(id))).toBe(rule?.endsAt);

    // The same again while it is open: extend instead.
    await expect(openTempAccess(request)).rejects.toMatchObject({
      code: 'TempAccessAlreadyOpen',
    });

    await onTempAccessAlarm({ name: alarmName(id) });
    expect(sources(await read(), 22)).toEqual([]);
    expect(await listTempAccess()).toEqual([]);
    expect(fake.alarms.size).toBe(0);
    expect(fake.notifications.map((n) => n.title)).toEqual(['tempAccessClosedTitle']);
  });

  test('an identical rule that was already there is not temporary: nothing recorded or removed', async () => {
    const { profile, signer, groupId, read, request } = await setUp();
    await ec2Call(ruleChange('ingress', 'authorize'), profile, signer, {
      groupId,
      permissions: [{ ipProtocol: 'tcp', fromPort: 22, toPort: 22, cidrIps: ['203.0.113.7/32'] }],
    });
    expect(await openTempAccess(request)).toEqual({ rule: null, existing: true });
    expect(await listTempAccess()).toEqual([]);
    expect(fake.alarms.size).toBe(0);
    await sweepTempAccess();
    expect(sources(await read(), 22)).toEqual(['203.0.113.7/32']);
  });

  test('a rule already removed by hand counts as closed', async () => {
    const { profile, signer, groupId, read, request } = await setUp();
    const { rule } = await openTempAccess({ ...request, address: '2001:db8::7', port: 2222 });
    expect(sources(await read(), 2222)).toEqual(['2001:db8::7/128']);
    await ec2Call(ruleChange('ingress', 'revoke'), profile, signer, {
      groupId,
      permissions: [
        { ipProtocol: 'tcp', fromPort: 2222, toPort: 2222, cidrIpv6s: ['2001:db8::7/128'] },
      ],
    });
    expect(await closeTempAccess(rule?.id ?? '', true)).toBe('closed');
    expect(await listTempAccess()).toEqual([]);
    expect(fake.notifications.map((n) => n.title)).toEqual(['tempAccessClosedTitle']);
  });

  test('a group that does not exist is refused and nothing is recorded', async () => {
    const { request } = await setUp();
    await expect(openTempAccess({ ...request, groupId: 'sg-00000000' })).rejects.toMatchObject({
      code: expect.stringMatching(/^InvalidGroup/),
    });
    expect(await listTempAccess()).toEqual([]);
  });
});

test('front door (Eucalyptus): a group by name, through /services/Eucalyptus', async () => {
  const profile = frontDoorProfile(env.door, KEY, { id: 'door' });
  const signer = await store(profile);
  await ec2Call(createSecurityGroup, profile, signer, { groupName: 'euca-web', description: 'd' });
  const read = async () =>
    (await ec2List(describeSecurityGroups, profile, signer, { groupNames: ['euca-web'] }))[0];
  const { rule } = await openTempAccess({
    profileId: profile.id,
    region: '',
    instanceId: 'i-ABCD1234',
    groupId: '',
    groupName: 'euca-web',
    byId: false,
    port: 22,
    address: '198.51.100.20',
    minutes: 480,
  });
  expect(sources(await read(), 22)).toEqual(['198.51.100.20/32']);
  const calls = env.door.requests.map((r) => `${r.path} ${r.action ?? ''}`);
  expect(calls.some((c) => c.includes('AuthorizeSecurityGroupIngress'))).toBe(true);

  // A browser restart after the end: the startup sweep closes the overdue rule.
  await tempAccessRules.update((list) => list.map((r) => ({ ...r, endsAt: Date.now() - 1 })));
  fake.alarms.clear();
  await sweepTempAccess();
  expect(sources(await read(), 22)).toEqual([]);
  expect(await listTempAccess()).toEqual([]);
  expect(rule?.byId).toBe(false);
});
