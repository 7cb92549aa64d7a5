// Reminders and scheduled stops through the background's own code path, in Node: records in the
// fake browser's storage, the real keychain and signing gate, alarms fired by calling the handler.
// Against moto directly and the Eucalyptus-shaped front door in front of it.

import '../support/fake-browser';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { backgroundSigner } from '../../src/background/background-signer';
import { handlers } from '../../src/background/handlers';
import { stopFromAlert } from '../../src/background/reminder-alerts';
import { REMINDER_CHECK_ALARM, stopAlarmName } from '../../src/background/reminder-schedule';
import { checkReminders, onReminderAlarm } from '../../src/background/reminders';
import { keychain } from '../../src/background/services';
import {
  listStopSchedules,
  onStopScheduleAlarm,
  saveStopSchedule,
} from '../../src/background/stop-schedules';
import { describeInstances, ec2Call, ec2List, runInstances } from '../../src/cloud/ec2';
import type { EucalyptusProfile } from '../../src/cloud/profile';
import {
  clockOffsets,
  profilesState,
  reminderAlerts,
  remindersNotified,
  runningReminders,
  stopSchedules,
} from '../../src/storage/items';
import { type FakeAlarms, installFakeAlarms } from '../support/fake-alarms';
import { frontDoorPerFile, frontDoorProfile } from './front-door-env';

const KEY = 'AKIACIRRUSREMINDERS0';
const SECRET = 'cirrus/reminders+secret=0123456789ab';
const IMAGE = 'ami-12c6146b';
const HOUR = 3_600_000;
const env = frontDoorPerFile([{ accessKeyId: KEY, secretAccessKey: SECRET }]);
let fake: FakeAlarms;

beforeEach(async () => {
  await env.moto.reset();
  await clockOffsets.set({});
  await Promise.all([
    runningReminders.set({}),
    remindersNotified.set({}),
    reminderAlerts.set([]),
    stopSchedules.set([]),
  ]);
  fake = installFakeAlarms();
});
afterEach(() => fake.uninstall());

const profiles: Record<string, () => EucalyptusProfile> = {
  moto: () => ({
    ...frontDoorProfile(env.door, KEY),
    id: 'moto',
    name: 'moto',
    port: env.moto.port,
    ec2Path: '',
    s3Path: '',
    region: 'us-east-1',
  }),
  'front door': () => frontDoorProfile(env.door, KEY, { name: 'door' }),
};

async function launch(profile: EucalyptusProfile) {
  await profilesState.set({ profiles: [profile], currentId: profile.id });
  await keychain.set(profile.id, { secretAccessKey: SECRET });
  const signer = backgroundSigner(profile.id);
  const { instances } = await ec2Call(runInstances, profile, signer, { imageId: IMAGE });
  const id = instances[0]?.instanceId ?? '';
  const state = async () =>
    (await ec2List(describeInstances, profile, signer, { instanceIds: [id] }))[0]?.state.name;
  return { id, state };
}

describe.each(Object.keys(profiles))('%s', (which) => {
  test('the check names a long-running instance once a day; Stop it stops it', async () => {
    const profile = (profiles[which] as () => EucalyptusProfile)();
    const { id, state } = await launch(profile);
    expect(await state()).toBe('running');

    // Launched just now: not yet longer than an hour; two hours on (an injected clock), it is.
    await runningReminders.set({ [profile.id]: { hours: 1 } });
    expect(await checkReminders()).toEqual({ [profile.id]: 'checked' });
    expect(fake.notifications).toEqual([]);
    expect(await checkReminders(Date.now() + 2 * HOUR)).toEqual({ [profile.id]: 'checked' });
    expect(fake.notifications.map((n) => [n.title, n.message])).toEqual([
      ['remRunningTitle', 'remRunningBody'],
    ]);
    const [alert] = await reminderAlerts.get();
    expect(alert).toMatchObject({ kind: 'running', instanceIds: [id], profileName: profile.name });
    expect(alert?.hours).toBeGreaterThanOrEqual(1);

    // The alarm's next look the same day: not named again.
    await onReminderAlarm({ name: REMINDER_CHECK_ALARM });
    await checkReminders(Date.now() + 2 * HOUR + 60_000);
    expect(fake.notifications).toHaveLength(1);
    expect(fake.alarms.has(REMINDER_CHECK_ALARM)).toBe(true);

    // Stop it, from the notification's button or the popup's row.
    expect(await stopFromAlert(alert?.id ?? '')).toEqual([id]);
    expect(['stopping', 'stopped']).toContain(await state());
    expect(await reminderAlerts.get()).toEqual([]);
    expect(fake.notifications.at(-1)?.title).toBe('remStoppingTitle');
    if (which === 'front door')
      expect(env.door.requests.map((r) => r.action)).toContain('StopInstances');
  });

  test('a reminder of 0 hours names every running instance at once', async () => {
    const profile = (profiles[which] as () => EucalyptusProfile)();
    const { id } = await launch(profile);
    await runningReminders.set({ [profile.id]: { hours: 0 } });
    await checkReminders();
    expect((await reminderAlerts.get()).map((a) => a.instanceIds[0])).toEqual([id]);
  });

  test('the scheduled stop stops the instance when its alarm fires on time', async () => {
    const profile = (profiles[which] as () => EucalyptusProfile)();
    const { id, state } = await launch(profile);
    const saved = await saveStopSchedule({
      profileId: profile.id,
      region: '',
      instanceIds: [id],
      days: [0, 1, 2, 3, 4, 5, 6],
      time: '20:00',
    });
    expect(fake.alarms.get(stopAlarmName(saved.id))).toBe(saved.nextAt);
    // Its time has come (a minute ago, as an alarm fires a little late).
    await stopSchedules.set([{ ...saved, nextAt: Date.now() - 60_000 }]);
    await onStopScheduleAlarm({ name: stopAlarmName(saved.id) });
    expect(['stopping', 'stopped']).toContain(await state());
    expect(fake.notifications.map((n) => n.title)).toEqual(['remScheduledStoppedTitle']);
    expect(await reminderAlerts.get()).toEqual([]);
    const [next] = await listStopSchedules();
    expect(next?.nextAt).toBeGreaterThan(Date.now());
  });
});

test('while the vault is locked the check waits quietly; the unlock looks at once', async () => {
  const profile = (profiles.moto as () => EucalyptusProfile)();
  const { id } = await launch(profile);
  await keychain.setPassphrase('vault passphrase');
  await keychain.lock();
  await runningReminders.set({ [profile.id]: { hours: 0 } });
  expect(await checkReminders()).toEqual({ [profile.id]: 'locked' });
  expect(fake.notifications).toEqual([]);

  // The panel's Unlock: the background looks without waiting for the next alarm.
  await handlers.keychainUnlock({ passphrase: 'vault passphrase' });
  await expect
    .poll(async () => (await reminderAlerts.get()).map((a) => a.instanceIds[0]), {
      timeout: 20_000,
    })
    .toEqual([id]);
  expect(fake.notifications.map((n) => n.title)).toEqual(['remRunningTitle']);
  await keychain.removePassphrase('vault passphrase');
});
