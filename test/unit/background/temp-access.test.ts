// The background's records of temporary rules and their schedule, with the fake browser's storage
// and recorded alarms; the EC2 calls themselves are tested against moto (test/integration).

import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { keychain } from '../../../src/background/services';
import {
  extendTempAccess,
  listTempAccess,
  onTempAccessAlarm,
  openTempAccess,
  sweepTempAccess,
} from '../../../src/background/temp-access';
import { alarmName } from '../../../src/background/temp-access-schedule';
import type { EucalyptusProfile } from '../../../src/cloud/profile';
import { profilesState, type TempAccessRule, tempAccessRules } from '../../../src/storage/items';
import { type FakeAlarms, installFakeAlarms } from '../../support/fake-alarms';
import { fakeStorage } from '../../support/fake-browser';

const MIN = 60_000;
let fake: FakeAlarms;

// Port 9 on loopback: nothing listens, so a call fails at once without reaching any server.
const profile: EucalyptusProfile = {
  id: 'p1',
  name: 'closed port',
  kind: 'eucalyptus',
  accessKeyId: 'AKID',
  host: '127.0.0.1',
  port: 9,
  https: false,
  ec2Path: '/services/compute',
  s3Path: '/services/objectstorage',
  s3Host: '',
  region: 'eucalyptus',
  signatureVersion: 4,
  apiVersion: '2013-02-01',
};

const record = (over: Partial<TempAccessRule> = {}): TempAccessRule => ({
  id: 'r1',
  profileId: profile.id,
  region: '',
  instanceId: 'i-12345678',
  groupId: '',
  groupName: 'web',
  byId: false,
  port: 22,
  cidr: '203.0.113.7/32',
  openedAt: Date.now() - 60 * MIN,
  endsAt: Date.now() + 60 * MIN,
  attempts: 0,
  retryAt: 0,
  lastError: '',
  ...over,
});

beforeEach(async () => {
  await fakeStorage.local.clear();
  await fakeStorage.session.clear();
  fake = installFakeAlarms();
});
afterEach(() => fake.uninstall());

describe('the record list in storage.local', () => {
  test('is stored under its key with its schema version', async () => {
    const rule = record();
    await tempAccessRules.set([rule]);
    const raw = await fakeStorage.local.get('tempAccess.rules');
    expect(raw['tempAccess.rules']).toEqual({ v: 1, value: [rule] });
    expect(await listTempAccess()).toEqual([rule]);
  });

  test('a list written by a newer Cirrus is left alone, not read nor rewritten', async () => {
    const newer = { v: 2, value: [{ id: 'r9', shape: 'unknown' }] };
    await fakeStorage.local.set({ 'tempAccess.rules': newer });
    expect(await listTempAccess()).toEqual([]);
    await sweepTempAccess();
    expect((await fakeStorage.local.get('tempAccess.rules'))['tempAccess.rules']).toEqual(newer);
  });

  test('a record of another shape is skipped and kept; the good ones are scheduled', async () => {
    const odd = { id: 'odd', port: '22' };
    const rule = record();
    await fakeStorage.local.set({ 'tempAccess.rules': { v: 1, value: [odd, rule] } });
    expect(await listTempAccess()).toEqual([rule]);
    await sweepTempAccess();
    expect((await tempAccessRules.get()) as unknown[]).toEqual([odd, rule]);
    expect([...fake.alarms.keys()]).toEqual([alarmName('r1')]);
  });
});

describe('scheduling', () => {
  test('after a browser restart (no alarms kept) a rule not yet due gets its alarm back', async () => {
    const rule = record();
    await tempAccessRules.set([rule]);
    await sweepTempAccess();
    expect(fake.alarms.get(alarmName(rule.id))).toBe(rule.endsAt);
    expect(fake.notifications).toEqual([]);
  });

  test('extending moves the end and the alarm; a wrong duration is refused', async () => {
    const rule = record();
    await tempAccessRules.set([rule]);
    const next = await extendTempAccess(rule.id, 60);
    expect(next.endsAt).toBe(rule.endsAt + 60 * MIN);
    expect(fake.alarms.get(alarmName(rule.id))).toBe(next.endsAt);
    await expect(extendTempAccess(rule.id, 5)).rejects.toMatchObject({ code: 'InvalidDuration' });
    await expect(extendTempAccess('gone', 60)).rejects.toMatchObject({
      code: 'NoSuchTempAccess',
    });
  });

  test('an overdue rule whose profile was deleted is dropped, with a notification', async () => {
    await tempAccessRules.set([record({ endsAt: Date.now() - 5 * MIN })]);
    await sweepTempAccess();
    expect(await listTempAccess()).toEqual([]);
    expect(fake.alarms.size).toBe(0);
    expect(fake.notifications.map((n) => n.message)).toEqual(['tempAccessProfileGone']);
  });

  test('a locked vault keeps the record, says so once, and closes it after the unlock', async () => {
    await profilesState.set({ profiles: [profile], currentId: profile.id });
    await keychain.set(profile.id, { secretAccessKey: 'secret' });
    await keychain.setPassphrase('vault passphrase');
    await keychain.lock();
    await tempAccessRules.set([record({ endsAt: Date.now() - MIN })]);

    await sweepTempAccess();
    const [kept] = await listTempAccess();
    expect(kept).toMatchObject({ attempts: 1, lastError: 'KeychainLocked' });
    expect(fake.alarms.get(alarmName('r1'))).toBe(kept?.retryAt);
    expect(fake.notifications.map((n) => n.message)).toEqual(['tempAccessLockedBody']);

    // The retry alarm fires while still locked: no second notification.
    await onTempAccessAlarm({ name: alarmName('r1') });
    expect((await listTempAccess())[0]).toMatchObject({ attempts: 2 });
    expect(fake.notifications).toHaveLength(1);

    // Unlocked: tried at once (here the endpoint refuses the connection, so it fails and says why).
    await keychain.unlock('vault passphrase');
    await sweepTempAccess({ retryNow: true });
    const [after] = await listTempAccess();
    expect(after?.attempts).toBe(3);
    expect(after?.lastError).not.toBe('KeychainLocked');
    expect(fake.notifications.map((n) => n.message)).toEqual([
      'tempAccessLockedBody',
      'tempAccessFailedBody',
    ]);
  });

  test('another alarm is not ours', async () => {
    await tempAccessRules.set([record({ endsAt: Date.now() - MIN })]);
    await onTempAccessAlarm({ name: 'cirrus.auto-lock' });
    expect(await listTempAccess()).toHaveLength(1);
  });
});

describe('opening checks what the page sent before any call', () => {
  const request = {
    profileId: profile.id,
    region: '',
    instanceId: 'i-1',
    groupId: '',
    groupName: 'web',
    byId: false,
    port: 22,
    address: '203.0.113.7',
    minutes: 60,
  };
  test.each([
    [{ address: '0.0.0.0/0' }, 'InvalidAddress'],
    [{ address: '10.0.0.0/8' }, 'InvalidAddress'],
    [{ port: 0 }, 'InvalidPort'],
    [{ port: 70000 }, 'InvalidPort'],
    [{ minutes: 10 }, 'InvalidDuration'],
    [{ minutes: 481 }, 'InvalidDuration'],
    [{ groupName: ' ' }, 'InvalidGroup'],
    [{ region: 'evil.example.com/x' }, 'InvalidRegion'],
  ])('%j is refused (%s)', async (change, code) => {
    await expect(openTempAccess({ ...request, ...change })).rejects.toMatchObject({ code });
    expect(await listTempAccess()).toEqual([]);
  });
});
