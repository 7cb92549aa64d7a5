// The background's reminders and scheduled stops, with the fake browser's storage and recorded
// alarms and notifications. The EC2 calls themselves are tested against moto (test/integration);
// here the profile's endpoint is a closed port, or the vault is locked.

import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import {
  ALERT_NOTIFICATION_PREFIX,
  dismissAlert,
  onAlertNotification,
  stopFromAlert,
} from '../../../src/background/reminder-alerts';
import { REMINDER_CHECK_ALARM, stopAlarmName } from '../../../src/background/reminder-schedule';
import { checkReminders, onReminderAlarm, setReminder } from '../../../src/background/reminders';
import { keychain } from '../../../src/background/services';
import {
  listStopSchedules,
  onStopScheduleAlarm,
  runStopSchedule,
  saveStopSchedule,
  sweepStopSchedules,
} from '../../../src/background/stop-schedules';
import type { EucalyptusProfile } from '../../../src/cloud/profile';
import {
  profilesState,
  reminderAlerts,
  remindersNotified,
  runningReminders,
  type StopSchedule,
  stopSchedules,
} from '../../../src/storage/items';
import { type FakeAlarms, installFakeAlarms } from '../../support/fake-alarms';
import { fakeStorage } from '../../support/fake-browser';

const MIN = 60_000;
let fake: FakeAlarms;
// A refused connection is retried with backoff: slower than 5 s on a busy machine.
vi.setConfig({ testTimeout: 30_000 });

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

async function withProfile(locked = false) {
  await profilesState.set({ profiles: [profile], currentId: profile.id });
  await keychain.set(profile.id, { secretAccessKey: 'secret' });
  if (locked) {
    await keychain.setPassphrase('vault passphrase');
    await keychain.lock();
  }
}

const schedule = (over: Partial<StopSchedule> = {}): StopSchedule => ({
  id: 's1',
  profileId: profile.id,
  region: '',
  instanceIds: ['i-12345678'],
  days: [0, 1, 2, 3, 4, 5, 6],
  time: '20:00',
  nextAt: Date.now() + 60 * MIN,
  createdAt: Date.now() - 60 * MIN,
  ...over,
});

beforeEach(async () => {
  await fakeStorage.local.clear();
  await fakeStorage.session.clear();
  fake = installFakeAlarms();
});
afterEach(() => fake.uninstall());

describe('a reminder', () => {
  test('is stored per profile, outside the profile, and sets the check alarm', async () => {
    await withProfile();
    await setReminder(profile.id, 8);
    expect(await runningReminders.get()).toEqual({ p1: { hours: 8 } });
    expect((await fakeStorage.local.get('reminders.running'))['reminders.running']).toEqual({
      v: 1,
      value: { p1: { hours: 8 } },
    });
    expect(fake.alarms.has(REMINDER_CHECK_ALARM)).toBe(true);
    await setReminder(profile.id, null);
    expect(await runningReminders.get()).toEqual({});
    expect(fake.alarms.has(REMINDER_CHECK_ALARM)).toBe(false);
  });

  test.each([[-1], [1.5], [721], [Number.NaN]])('%s hours is refused', async (hours) => {
    await withProfile();
    await expect(setReminder(profile.id, hours)).rejects.toMatchObject({
      code: 'InvalidReminderHours',
    });
    expect(await runningReminders.get()).toEqual({});
  });

  test('for a profile that does not exist, or has no EC2 cloud, is refused', async () => {
    await expect(setReminder('nope', 1)).rejects.toMatchObject({ code: 'NoSuchProfile' });
    const store = { id: 's3', name: 'store', kind: 's3' } as unknown as EucalyptusProfile;
    await profilesState.set({ profiles: [store], currentId: 's3' });
    await expect(setReminder('s3', 1)).rejects.toMatchObject({ code: 'NoEc2Cloud' });
    expect(await runningReminders.get()).toEqual({});
  });

  test('a locked vault waits quietly: no notification, the alarm stays', async () => {
    await withProfile(true);
    await runningReminders.set({ p1: { hours: 0 } });
    expect(await checkReminders()).toEqual({ p1: 'locked' });
    await onReminderAlarm({ name: REMINDER_CHECK_ALARM });
    expect(fake.notifications).toEqual([]);
    expect(await reminderAlerts.get()).toEqual([]);
    expect(fake.alarms.has(REMINDER_CHECK_ALARM)).toBe(true);
  });

  test('an unreachable cloud is not told every 15 minutes either', async () => {
    await withProfile();
    await runningReminders.set({ p1: { hours: 0 } });
    expect(await checkReminders()).toEqual({ p1: 'failed' });
    expect(fake.notifications).toEqual([]);
    expect(await remindersNotified.get()).toEqual({});
  });

  test('an alert a stopped worker kept but did not tell is told at the next look, once', async () => {
    const kept = {
      id: 'a1',
      kind: 'running' as const,
      profileId: profile.id,
      profileName: 'lab',
      region: '',
      instanceIds: ['i-1'],
      name: '',
      hours: 3,
      dueAt: 0,
      reason: '' as const,
      error: '',
      at: Date.now(),
    };
    await reminderAlerts.set([
      { ...kept, told: false },
      { ...kept, id: 'a2', instanceIds: ['i-2'], told: true },
    ]);
    await checkReminders();
    expect(fake.notifications.map((n) => n.id)).toEqual([`${ALERT_NOTIFICATION_PREFIX}a1`]);
    expect((await reminderAlerts.get()).map((a) => a.told)).toEqual([true, true]);
    await sweepStopSchedules();
    expect(fake.notifications).toHaveLength(1);
  });

  test('of a deleted profile is dropped at the next check', async () => {
    await runningReminders.set({ gone: { hours: 2 } });
    expect(await checkReminders()).toEqual({ gone: 'gone' });
    expect(await runningReminders.get()).toEqual({});
    expect(fake.alarms.has(REMINDER_CHECK_ALARM)).toBe(false);
  });
});

describe('a scheduled stop', () => {
  test('is checked, stored with its next time and an alarm', async () => {
    await withProfile();
    const saved = await saveStopSchedule({
      profileId: profile.id,
      region: '',
      instanceIds: ['i-1', ' i-2 ', 'i-1'],
      days: [5, 1, 2, 3, 4],
      time: '7:30',
    });
    expect(saved).toMatchObject({
      instanceIds: ['i-1', 'i-2'],
      days: [1, 2, 3, 4, 5],
      time: '07:30',
    });
    expect(saved.nextAt).toBeGreaterThan(Date.now());
    expect(new Date(saved.nextAt).getHours()).toBe(7);
    expect(fake.alarms.get(stopAlarmName(saved.id))).toBe(saved.nextAt);
    expect(await listStopSchedules()).toEqual([saved]);
  });

  const request = {
    profileId: profile.id,
    region: '',
    instanceIds: ['i-1'],
    days: [1],
    time: '20:00',
  };
  test.each([
    [{ days: [] }, 'InvalidScheduleDays'],
    [{ days: [7] }, 'InvalidScheduleDays'],
    [{ time: '25:00' }, 'InvalidScheduleTime'],
    [{ time: '' }, 'InvalidScheduleTime'],
    [{ instanceIds: [' '] }, 'InvalidScheduleInstances'],
    [{ region: 'evil.example.com/x' }, 'InvalidRegion'],
    [{ profileId: 'nope' }, 'NoSuchProfile'],
  ])('%j is refused (%s)', async (change, code) => {
    await withProfile();
    await expect(saveStopSchedule({ ...request, ...change })).rejects.toMatchObject({ code });
    expect(await listStopSchedules()).toEqual([]);
  });

  test('fired hours late (the browser was closed) is reported with Stop now, not run', async () => {
    await withProfile();
    const due = Date.now() - 14 * 60 * MIN;
    await stopSchedules.set([schedule({ nextAt: due })]);
    expect(await runStopSchedule('s1')).toBe('missed');
    const [alert] = await reminderAlerts.get();
    expect(alert).toMatchObject({
      kind: 'missed',
      reason: 'closed',
      dueAt: due,
      instanceIds: ['i-12345678'],
    });
    expect(fake.notifications.map((n) => [n.title, n.message])).toEqual([
      ['remMissedTitle', 'remMissedClosed'],
    ]);
    // Moved on to its next time, with its alarm.
    const [next] = await listStopSchedules();
    expect(next?.nextAt).toBeGreaterThan(Date.now());
    expect(fake.alarms.get(stopAlarmName('s1'))).toBe(next?.nextAt);
    // The same (late) alarm again does nothing more.
    expect(await runStopSchedule('s1')).toBe('not-due');
    expect(fake.notifications).toHaveLength(1);
  });

  test('on time with the vault locked is reported, not run later', async () => {
    await withProfile(true);
    await stopSchedules.set([schedule({ nextAt: Date.now() - MIN })]);
    await onStopScheduleAlarm({ name: stopAlarmName('s1') });
    expect(await reminderAlerts.get()).toMatchObject([{ kind: 'missed', reason: 'locked' }]);
    expect(fake.notifications.map((n) => n.message)).toEqual(['remMissedLocked']);
  });

  test('on time with the cloud refusing is reported with the reason', async () => {
    await withProfile();
    await stopSchedules.set([schedule({ nextAt: Date.now() - MIN })]);
    expect(await runStopSchedule('s1')).toBe('failed');
    const [alert] = await reminderAlerts.get();
    expect(alert?.reason).toBe('failed');
    expect(alert?.error).not.toBe('');
  });

  test('after a browser restart (no alarms kept) each schedule gets its alarm back', async () => {
    await withProfile();
    const later = schedule();
    await stopSchedules.set([later]);
    await sweepStopSchedules();
    expect(fake.alarms.get(stopAlarmName('s1'))).toBe(later.nextAt);
    expect(fake.notifications).toEqual([]);
  });

  test('whose profile was deleted is dropped', async () => {
    await stopSchedules.set([schedule({ nextAt: Date.now() - MIN })]);
    expect(await runStopSchedule('s1')).toBe('gone');
    expect(await listStopSchedules()).toEqual([]);
    expect(fake.alarms.size).toBe(0);
  });
});

describe('an alert', () => {
  test('Stop refused keeps the alert and says why; Dismiss removes it', async () => {
    await withProfile();
    await stopSchedules.set([schedule({ nextAt: Date.now() - 60 * MIN })]);
    await runStopSchedule('s1');
    const [alert] = await reminderAlerts.get();
    if (!alert) throw new Error('no alert');
    await expect(stopFromAlert(alert.id)).rejects.toBeTruthy();
    expect(await reminderAlerts.get()).toHaveLength(1);
    expect(fake.notifications.at(-1)?.title).toBe('remStopFailedTitle');
    await dismissAlert(alert.id);
    expect(await reminderAlerts.get()).toEqual([]);
    await expect(stopFromAlert(alert.id)).rejects.toMatchObject({ code: 'NoSuchReminder' });
  });

  test("the notification's Stop it button stops that alert's instances; others are not ours", async () => {
    await withProfile();
    await stopSchedules.set([schedule({ nextAt: Date.now() - 60 * MIN })]);
    await runStopSchedule('s1');
    const [alert] = await reminderAlerts.get();
    await onAlertNotification('cirrus-launch:x', 0);
    expect(fake.notifications).toHaveLength(1);
    // The closed port refuses the stop: told, and the alert kept for another try.
    await expect(
      onAlertNotification(`${ALERT_NOTIFICATION_PREFIX}${alert?.id}`, 0),
    ).rejects.toBeTruthy();
    expect(fake.notifications.map((n) => n.title)).toEqual([
      'remMissedTitle',
      'remStopFailedTitle',
    ]);
    expect(await reminderAlerts.get()).toHaveLength(1);
  });
});
