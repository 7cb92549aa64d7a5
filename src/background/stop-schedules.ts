// Scheduled stops: "stop these instances on weekdays at 20:00". Each schedule has a record in
// storage.local with its next time (computed in local time) and an alarm named after it. When the
// alarm fires on time the instances are stopped, signed here for the recorded profile only; when
// it fires late (the browser was closed) nothing is stopped without asking: the user is told, with
// Stop now. Either way the schedule moves to its next time.

import { CloudError, toErrorData } from '../cloud/errors';
import { isRegion } from '../cloud/profile-validation';
import browser from '../shared/browser';
import type { StopScheduleRequest } from '../shared/messages';
import { isStopSchedule, type StopSchedule, stopSchedules } from '../storage/items';
import { findProfile } from './profile-store';
import { announcePending, labelOf, raise, stopNow, tell, text } from './reminder-alerts';
import {
  isMissed,
  nextStopAt,
  normalDays,
  parseTime,
  scheduleIdFromAlarm,
  stopAlarmName,
} from './reminder-schedule';

const MAX_INSTANCES = 100;

const refuse = (code: string, message: string): never => {
  throw new CloudError({ code, message });
};

export async function listStopSchedules(): Promise<StopSchedule[]> {
  return (await stopSchedules.get()).filter(isStopSchedule);
}

async function arm(schedule: StopSchedule): Promise<void> {
  await browser.alarms.create(stopAlarmName(schedule.id), { when: schedule.nextAt });
}

/** Adds a schedule for the instances; the page checked the fields, this is the last gate. */
export async function saveStopSchedule(
  request: StopScheduleRequest,
  now = Date.now(),
): Promise<StopSchedule> {
  const days = normalDays(request.days);
  if (!days) refuse('InvalidScheduleDays', 'Choose at least one day of the week.');
  if (!parseTime(request.time))
    refuse('InvalidScheduleTime', `Not a time of day (HH:MM): ${request.time}`);
  const ids = [...new Set(request.instanceIds.map((id) => id.trim()).filter(Boolean))];
  if (ids.length === 0 || ids.length > MAX_INSTANCES)
    refuse('InvalidScheduleInstances', `Choose 1 to ${MAX_INSTANCES} instances.`);
  if (request.region !== '' && !isRegion(request.region))
    refuse('InvalidRegion', `Not a region name: ${request.region}`);
  await findProfile(request.profileId);
  const time = request.time.padStart(5, '0');
  const schedule: StopSchedule = {
    id: crypto.randomUUID(),
    profileId: request.profileId,
    region: request.region,
    instanceIds: ids,
    days: days as number[],
    time,
    nextAt: nextStopAt(days as number[], time, now),
    createdAt: now,
  };
  await stopSchedules.update((list) => [...list, schedule]);
  await arm(schedule);
  return schedule;
}

export async function removeStopSchedule(id: string): Promise<void> {
  await stopSchedules.update((list) => list.filter((s) => !(isStopSchedule(s) && s.id === id)));
  await browser.alarms.clear(stopAlarmName(id));
}

/** Ids being run in this worker, so an alarm and a sweep do not stop the same time twice. */
const running = new Set<string>();

export type RunOutcome = 'stopped' | 'missed' | 'locked' | 'failed' | 'not-due' | 'gone';

/**
 * Runs one schedule whose time has come: moves it to its next time first (a worker stopped halfway
 * never runs the same time twice), then stops, or reports the time as missed when it is late.
 */
export async function runStopSchedule(id: string, now = Date.now()): Promise<RunOutcome> {
  // Claimed before the read: a second run in this worker never sees the time not yet moved on.
  if (running.has(id)) return 'not-due';
  running.add(id);
  try {
    const schedule = (await listStopSchedules()).find((s) => s.id === id);
    if (!schedule) {
      await browser.alarms.clear(stopAlarmName(id));
      return 'gone';
    }
    if (schedule.nextAt > now) {
      await arm(schedule);
      return 'not-due';
    }
    const next = { ...schedule, nextAt: nextStopAt(schedule.days, schedule.time, now) };
    await stopSchedules.update((list) =>
      list.map((s) => (isStopSchedule(s) && s.id === id ? next : s)),
    );
    await arm(next);
    return await stopOrReport(schedule, now);
  } finally {
    running.delete(id);
  }
}

async function stopOrReport(schedule: StopSchedule, now: number): Promise<RunOutcome> {
  const profile = await findProfile(schedule.profileId).catch(() => null);
  if (!profile) {
    // Without its profile the schedule can never run again.
    await removeStopSchedule(schedule.id);
    return 'gone';
  }
  const alert = {
    id: crypto.randomUUID(),
    kind: 'missed' as const,
    profileId: schedule.profileId,
    profileName: profile.name,
    region: schedule.region,
    instanceIds: schedule.instanceIds,
    name: '',
    hours: 0,
    dueAt: schedule.nextAt,
    at: now,
    told: false,
  };
  if (isMissed(schedule.nextAt, now)) {
    await raise({ ...alert, reason: 'closed', error: '' });
    return 'missed';
  }
  try {
    await stopNow(schedule.profileId, schedule.region, schedule.instanceIds);
  } catch (e) {
    const error = toErrorData(e);
    const locked = error.code === 'KeychainLocked';
    await raise({
      ...alert,
      reason: locked ? 'locked' : 'failed',
      error: locked ? '' : `${error.code}: ${error.message}`,
    });
    return locked ? 'locked' : 'failed';
  }
  await tell(
    text('remScheduledStoppedTitle'),
    text(
      'remScheduledStoppedBody',
      labelOf({ instanceIds: schedule.instanceIds, name: '' }),
      schedule.time,
      profile.name,
    ),
  );
  return 'stopped';
}

/**
 * Runs (or reports) what is due and gives every other schedule its alarm back (Firefox does not
 * keep alarms over a browser restart). Runs at startup, at install and on a schedule's alarm.
 */
export async function sweepStopSchedules(now = Date.now()): Promise<void> {
  for (const schedule of await listStopSchedules()) {
    if (schedule.nextAt <= now) await runStopSchedule(schedule.id, now);
    else if (!(await browser.alarms.get(stopAlarmName(schedule.id)))) await arm(schedule);
  }
  await announcePending();
}

export async function onStopScheduleAlarm(alarm: { name: string }): Promise<void> {
  const id = scheduleIdFromAlarm(alarm.name);
  if (!id) return;
  await runStopSchedule(id);
}
