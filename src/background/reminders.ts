// "Notify me when an instance has been running longer than N hours": while any profile has such a
// reminder, an alarm wakes the background every 15 minutes (and it looks at browser start); it
// lists the running instances of each such profile, signed here for that profile only, and names
// each one at most once a local day. A locked vault waits for the unlock, silently.

import { describeInstances, ec2List, type Instance } from '../cloud/ec2';
import { CloudError, toErrorData } from '../cloud/errors';
import browser from '../shared/browser';
import {
  type ReminderAlert,
  type RunningReminder,
  remindersNotified,
  runningReminders,
} from '../storage/items';
import { findProfile } from './profile-store';
import { announcePending, keepAlerts, targetOf } from './reminder-alerts';
import {
  dueReminders,
  hoursRunning,
  isReminderHours,
  MAX_REMINDER_HOURS,
  notifiedKey,
  pruneNotified,
  REMINDER_CHECK_ALARM,
  REMINDER_CHECK_MINUTES,
} from './reminder-schedule';

const nameOf = (instance: Instance) => instance.tags.find((tag) => tag.key === 'Name')?.value ?? '';

/** Sets (a number of hours) or removes (null) a profile's reminder, and looks at once. */
export async function setReminder(
  profileId: string,
  hours: number | null,
): Promise<Record<string, RunningReminder>> {
  if (hours !== null && !isReminderHours(hours))
    throw new CloudError({
      code: 'InvalidReminderHours',
      message: `Remind after 0 to ${MAX_REMINDER_HOURS} whole hours, not ${hours}.`,
    });
  if (hours !== null && (await findProfile(profileId)).kind === 's3')
    throw new CloudError({
      code: 'NoEc2Cloud',
      message: 'This profile is for an object store only: it has no instances to remind of.',
    });
  const next = await runningReminders.update((all) => {
    const { [profileId]: _old, ...rest } = all;
    return hours === null ? rest : { ...rest, [profileId]: { hours } };
  });
  await ensureReminderAlarm();
  if (hours !== null) void checkReminders().catch(() => undefined);
  return next;
}

/** The periodic alarm exists exactly while some profile has a reminder. */
export async function ensureReminderAlarm(): Promise<void> {
  const any = Object.keys(await runningReminders.get()).length > 0;
  if (!any) {
    await browser.alarms.clear(REMINDER_CHECK_ALARM);
    return;
  }
  const alarm = await browser.alarms.get(REMINDER_CHECK_ALARM);
  if (!alarm?.periodInMinutes)
    await browser.alarms.create(REMINDER_CHECK_ALARM, {
      delayInMinutes: REMINDER_CHECK_MINUTES,
      periodInMinutes: REMINDER_CHECK_MINUTES,
    });
}

export type CheckOutcome = 'checked' | 'locked' | 'failed' | 'gone';

/** Only one look at a time in this worker: an alarm and an unlock may come together. */
let checking: Promise<Record<string, CheckOutcome>> | null = null;

/**
 * Looks at every profile with a reminder; returns what happened per profile. Failures are not
 * notified (the next look tries again); a profile that was deleted loses its reminder.
 */
export function checkReminders(now = Date.now()): Promise<Record<string, CheckOutcome>> {
  checking ??= run(now).finally(() => {
    checking = null;
  });
  return checking;
}

async function run(now: number): Promise<Record<string, CheckOutcome>> {
  const outcomes: Record<string, CheckOutcome> = {};
  const reminders = await runningReminders.get();
  for (const [profileId, reminder] of Object.entries(reminders)) {
    outcomes[profileId] = await checkProfile(profileId, reminder, now);
  }
  await announcePending();
  if (Object.values(outcomes).includes('gone')) {
    await runningReminders.update((all) =>
      Object.fromEntries(Object.entries(all).filter(([id]) => outcomes[id] !== 'gone')),
    );
  }
  await ensureReminderAlarm();
  return outcomes;
}

async function checkProfile(
  profileId: string,
  reminder: RunningReminder,
  now: number,
): Promise<CheckOutcome> {
  let instances: Instance[];
  let profileName = '';
  let region = '';
  try {
    const { profile, signer } = await targetOf(profileId, '');
    profileName = profile.name;
    region = profile.kind === 'aws' ? profile.region : '';
    instances = await ec2List(describeInstances, profile, signer, {
      filters: [{ name: 'instance-state-name', values: ['running'] }],
    });
  } catch (e) {
    const { code } = toErrorData(e);
    if (code === 'NoSuchProfile') return 'gone';
    return code === 'KeychainLocked' ? 'locked' : 'failed';
  }
  const notified = await remindersNotified.get();
  const due = dueReminders(instances, reminder.hours, now, profileId, notified);
  if (due.length === 0) return 'checked';
  const alerts = due.map(
    (instance): ReminderAlert => ({
      id: crypto.randomUUID(),
      kind: 'running',
      profileId,
      profileName,
      region,
      instanceIds: [instance.instanceId],
      name: nameOf(instance),
      hours: hoursRunning(instance, now),
      dueAt: 0,
      reason: '',
      error: '',
      at: now,
      told: false,
    }),
  );
  // Kept, then marked as named, then told (after every profile): a worker stopped in between
  // loses no reminder (the next look keeps or tells what is missing), and each instance is named
  // once a day.
  await keepAlerts(alerts);
  await remindersNotified.update((old) => ({
    ...pruneNotified(old, now),
    ...Object.fromEntries(due.map((i) => [notifiedKey(profileId, i.instanceId, now), now])),
  }));
  return 'checked';
}

/** The alarm's look; the periodic alarm is set again if a test (or a one-off) replaced it. */
export async function onReminderAlarm(alarm: { name: string }): Promise<void> {
  if (alarm.name === REMINDER_CHECK_ALARM) await checkReminders();
}
