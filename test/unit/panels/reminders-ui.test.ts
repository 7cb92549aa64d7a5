// The pages' side of reminders: the popup's rows (Stop, Open, Dismiss asked of the background, a
// refusal kept on its row), the schedule dialog's helpers, and the Profiles tab's hours field.

import { describe, expect, test } from 'vitest';
import { CloudError } from '../../../src/cloud/errors';
import type { Profile } from '../../../src/cloud/profile';
import { createResourcePanel } from '../../../src/panels/components/resource-panel';
import {
  createStopScheduleActions,
  daysLabel,
  scheduleProblem,
} from '../../../src/panels/instances/stop-schedule-text';
import { schedulesOfProfile } from '../../../src/panels/instances/stop-schedules';
import { createPopupAlerts } from '../../../src/panels/popup/popup-alerts';
import { reminderHours } from '../../../src/panels/profiles/reminders-section';
import { type ReminderAlert, reminderAlerts, type StopSchedule } from '../../../src/storage/items';
import { testDeps } from '../../support/model-deps';

const alert: ReminderAlert = {
  id: 'a1',
  kind: 'running',
  profileId: 'p1',
  profileName: 'lab',
  region: '',
  instanceIds: ['i-1'],
  name: 'web',
  hours: 27,
  dueAt: 0,
  reason: '',
  error: '',
  at: 0,
  told: true,
};

const until = async (probe: () => boolean) => {
  for (let i = 0; i < 1000 && !probe(); i++) await new Promise((r) => setTimeout(r, 5));
};

describe('the popup rows', () => {
  test('follow storage; Stop asks the background; a refusal stays on its row', async () => {
    await reminderAlerts.set([alert]);
    const { deps, storageChange, open } = testDeps();
    const asked: string[] = [];
    let refuse = true;
    const rows = createPopupAlerts(deps.storageEvents, (async (name: string) => {
      asked.push(name);
      if (refuse) throw new CloudError({ code: 'KeychainLocked', message: 'locked' });
      return { instanceIds: ['i-1'] };
    }) as never);
    await until(() => rows.alerts.value.length === 1);
    await rows.stop(alert);
    expect(rows.errors.value.a1?.code).toBe('KeychainLocked');
    refuse = false;
    await rows.stop(alert);
    expect(rows.errors.value).toEqual({});
    expect(rows.stopped.value).toEqual(['i-1']);
    await rows.open(alert);
    await rows.dismiss(alert);
    expect(asked).toEqual([
      'reminderAlertStop',
      'reminderAlertStop',
      'reminderAlertOpen',
      'reminderAlertDismiss',
    ]);
    await reminderAlerts.set([]);
    storageChange({ [reminderAlerts.key]: {} });
    await until(() => rows.alerts.value.length === 0);
    expect(rows.alerts.value).toEqual([]);
    rows.dispose();
    expect(open().listeners).toBe(0);
  });
});

describe('the schedule dialog', () => {
  test('names the days and says what is missing', () => {
    expect(daysLabel([1, 2, 3, 4, 5])).toBe('remDaysWeekdays');
    expect(daysLabel([0, 1, 2, 3, 4, 5, 6])).toBe('remDaysEveryDay');
    expect(daysLabel([0, 3], 'en-US')).toBe('Wed, Sun');
    expect(scheduleProblem([], '20:00')).toBe('remScheduleNoDays');
    expect(scheduleProblem([1], '')).toBe('remScheduleNoTime');
    expect(scheduleProblem([1], '20:00')).toBeNull();
  });

  const s = (over: Partial<StopSchedule>): StopSchedule => ({
    id: 's1',
    profileId: 'p1',
    region: 'us-east-1',
    instanceIds: ['i-1'],
    days: [1],
    time: '20:00',
    nextAt: 0,
    createdAt: 0,
    ...over,
  });
  test('shows the schedules of the profile and region the panel shows', () => {
    const aws = { id: 'p1', kind: 'aws', region: 'us-east-1' } as Profile;
    const list = [s({}), s({ id: 's2', region: 'eu-west-1' }), s({ id: 's3', profileId: 'p2' })];
    expect(schedulesOfProfile(list, aws).map((x) => x.id)).toEqual(['s1']);
  });

  test('Add sends the profile and region; a refusal stays in the dialog', async () => {
    const { deps, switchTo } = testDeps();
    const panel = createResourcePanel<{ kind: 'x' }>(deps, []);
    const profile = { id: 'p1', kind: 'aws', region: 'eu-west-1' } as Profile;
    switchTo({ profile, signer: {} as never });
    const sent: unknown[] = [];
    const actions = createStopScheduleActions(panel, (async (_name: string, args: unknown) => {
      sent.push(args);
      if (sent.length === 1) throw new CloudError({ code: 'InvalidScheduleTime', message: 'no' });
      return {};
    }) as never);
    panel.open({ kind: 'x' });
    expect(await actions.add(['i-1'], [1], '20:00')).toBe(false);
    expect(panel.dialogError.value?.code).toBe('InvalidScheduleTime');
    expect(panel.dialog.value).toEqual({ kind: 'x' });
    expect(await actions.add(['i-1'], [1], '20:00')).toBe(true);
    expect(panel.dialog.value).toBeNull();
    expect(sent[1]).toEqual({
      profileId: 'p1',
      region: 'eu-west-1',
      instanceIds: ['i-1'],
      days: [1],
      time: '20:00',
    });
    panel.dispose();
  });
});

test('the reminder hours field takes whole hours 0 to 720', () => {
  expect(reminderHours('0')).toBe(0);
  expect(reminderHours(' 27 ')).toBe(27);
  expect(reminderHours('720')).toBe(720);
  expect(reminderHours('721')).toBeNull();
  expect(reminderHours('1.5')).toBeNull();
  expect(reminderHours('')).toBeNull();
  expect(reminderHours('-1')).toBeNull();
});
