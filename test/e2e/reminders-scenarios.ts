// Reminders and scheduled stops in both browsers, on the front door (moto behind it). The
// background's alarms are fired from an extension page instead of waiting; the AWS CLI checks what
// was stopped. Chromium's notifications are read back with notifications.getAll(); headless
// Firefox closes them at once, so there the popup's rows (which both browsers show) tell. A
// notification's own buttons cannot be pressed from a test: the popup's Stop and Open run the
// same background code.

import { expect } from 'vitest';
import { poll, type ScenarioPage, type TestBrowser } from '../support/browser-adapter';
import { press, run, type TypingPage, waitForText } from './profiles-scenarios';
import { clickRow, opens, openTab, probe } from './resources-scenarios';
import { type DrivenPage, waitFor } from './shell-scenarios';

type Cli = (args: string[]) => unknown;
type Page = DrivenPage;

export function cliState(cli: Cli, id: string): string {
  const answer = cli(['ec2', 'describe-instances', '--instance-ids', id]) as {
    Reservations: Array<{ Instances: Array<{ State: { Name: string } }> }>;
  };
  return answer.Reservations[0]?.Instances[0]?.State.Name ?? '';
}

interface StoredAlert {
  id: string;
  kind: string;
  reason: string;
  instanceIds: string[];
}

const API = 'const api = globalThis.browser ?? globalThis.chrome;';

export function storedAlerts(page: Page): Promise<StoredAlert[]> {
  return run<StoredAlert[]>(
    page,
    `${API} return api.storage.local.get('reminders.alerts').then((r) => r['reminders.alerts']?.value ?? []);`,
  );
}

/** Fires the alarm `name` now, as the browser would when it is due. */
function fireAlarm(page: Page, name: string) {
  return run(
    page,
    `${API} return api.alarms.create(${JSON.stringify(name)}, { when: Date.now() });`,
  );
}

const notificationIds = (page: Page) =>
  run<string[]>(page, `${API} return api.notifications.getAll().then((all) => Object.keys(all));`);

/**
 * Profiles tab: a reminder of 0 hours for the profile; the check alarm (fired by the test, with
 * the background stopped first) names both running instances once each.
 */
export async function setReminderAndCheck(
  browser: TestBrowser,
  page: TypingPage,
  ids: string[],
): Promise<StoredAlert[]> {
  await page.click('#tab-profiles');
  const row = 'li[data-reminder-profile]';
  await waitFor(page, probe(`return !!document.querySelector('${row}');`), 'the reminder row');
  await page.click(`${row} input[type=checkbox]`);
  await page.focus(`${row} input[inputmode]`);
  await run(page, `document.querySelector('${row} input[inputmode]').select();`);
  await page.keyboard.type('0');
  await press(page, 'Save reminder');
  await waitForText(page, 'Reminder saved for Lab cloud.');

  await browser.stopBackground();
  await fireAlarm(page, 'cirrus.reminders.check');
  await poll(
    async () => {
      const list = await storedAlerts(page);
      return ids.every((id) => list.some((a) => a.instanceIds[0] === id));
    },
    'a reminder for each running instance',
    60_000,
  );
  // The alarm again, the same day: nothing named twice.
  await fireAlarm(page, 'cirrus.reminders.check');
  await waitFor(
    page,
    probe(
      `${API} return api.alarms.get('cirrus.reminders.check').then((a) => !!a?.periodInMinutes);`,
    ),
    'the 15-minute check set again',
  );
  const alerts = await storedAlerts(page);
  expect(alerts).toHaveLength(ids.length);
  if (browser.capabilities.notifications === 'observable') {
    const shown = await notificationIds(page);
    for (const alert of alerts) expect(shown).toContain(`cirrus-reminder:${alert.id}`);
  }
  return alerts;
}

async function pressInRow(page: DrivenPage, alertId: string, text: string) {
  const selector = `li[data-reminder="${alertId}"]`;
  await waitFor(page, probe(`return !!document.querySelector('${selector}');`), 'the reminder row');
  await run(
    page,
    `document.querySelectorAll('[data-e2e]').forEach((e) => e.removeAttribute('data-e2e'));
     const b = [...document.querySelectorAll('${selector} button')].find((x) => x.textContent.trim() === ${JSON.stringify(text)});
     b.setAttribute('data-e2e', 'target');`,
  );
  await page.click('[data-e2e="target"]');
}

/**
 * The popup's rows: "i-… (name) has been running 0 h in Lab cloud"; Stop stops the first (the CLI
 * sees it stopping or stopped); Open shows the second selected in the panel's Instances tab.
 */
export async function popupStopAndOpen(
  browser: TestBrowser,
  panel: ScenarioPage,
  cli: Cli,
  stop: StoredAlert,
  open: StoredAlert,
) {
  const popup = await browser.open('popup.html');
  const stopId = stop.instanceIds[0] ?? '';
  const openId = open.instanceIds[0] ?? '';
  await waitForText(popup, `${stopId} (reminders-e2e) has been running 0 h in Lab cloud`);
  await pressInRow(popup, stop.id, 'Stop');
  await waitForText(popup, `${stopId} is stopping.`);
  expect(['stopping', 'stopped']).toContain(cliState(cli, stopId));
  if (browser.capabilities.notifications === 'observable')
    await poll(
      async () => (await notificationIds(popup)).some((n) => n.startsWith('cirrus-reminder-info:')),
      'the notification that it is stopping',
    );

  await pressInRow(popup, open.id, 'Open');
  await waitFor(
    panel,
    probe(
      `return location.search.includes(${JSON.stringify(openId)}) && document.querySelector('tr[data-key="${openId}"]')?.getAttribute('aria-selected') === 'true';`,
    ),
    'the panel on the instance, selected',
    60_000,
  );
  expect(await storedAlerts(panel)).toEqual([]);
  await popup.close();
}

async function setNextAt(page: Page, offsetMs: number): Promise<string> {
  return run<string>(
    page,
    `${API} return api.storage.local.get('reminders.stopSchedules').then((r) => {
       const item = r['reminders.stopSchedules'];
       item.value = item.value.map((s) => ({ ...s, nextAt: Date.now() + ${offsetMs} }));
       return api.storage.local.set({ 'reminders.stopSchedules': item }).then(() => item.value[0].id);
     });`,
  );
}

/**
 * Actions ▾ Schedule stop… for the selected instance, every day; the details pane marks it. Its
 * time passed hours ago (the browser was closed): reported, not run. On time: stopped.
 */
export async function scheduleStopScenario(page: TypingPage, cli: Cli, instanceId: string) {
  await openTab(page, 'instances');
  await clickRow(page, instanceId);
  await opens(page, 'Schedule stop…');
  await waitForText(page, `Stop ${instanceId}`);
  await waitForText(page, 'No scheduled stops yet.');
  await press(page, 'Every day');
  await press(page, 'Add schedule');
  await waitForText(page, `Scheduled stop of ${instanceId}: every day at 20:00.`);
  await waitFor(
    page,
    probe(`return !!document.querySelector('section.stop-schedule li[data-schedule]');`),
    'the details pane marking the scheduled stop',
  );
  expect(
    await run<string>(page, `return document.querySelector('section.stop-schedule').innerText;`),
  ).toContain('every day at 20:00');

  // Missed: due two hours ago when its alarm fires.
  const id = await setNextAt(page, -2 * 3_600_000);
  await fireAlarm(page, `cirrus.stop-schedule:${id}`);
  await poll(
    async () =>
      (await storedAlerts(page)).some((a) => a.kind === 'missed' && a.reason === 'closed'),
    'the missed stop reported',
    60_000,
  );
  expect(cliState(cli, instanceId)).toBe('running');

  // On time.
  await setNextAt(page, -10_000);
  await fireAlarm(page, `cirrus.stop-schedule:${id}`);
  await poll(
    async () => ['stopping', 'stopped'].includes(cliState(cli, instanceId)),
    'the instance stopped by its schedule',
    60_000,
  );
  // And it moved on to its next time.
  const next = await run<number>(
    page,
    `${API} return api.storage.local.get('reminders.stopSchedules').then((r) => r['reminders.stopSchedules'].value[0].nextAt);`,
  );
  expect(next).toBeGreaterThan(Date.now());
}

/** The missed stop's popup row says so, with Stop now; Dismiss removes it. */
export async function missedRowScenario(browser: TestBrowser, instanceId: string) {
  const popup = await browser.open('popup.html');
  await waitForText(popup, `Scheduled stop of ${instanceId} at`);
  await waitForText(popup, 'was missed: the browser was closed');
  const missed = (await storedAlerts(popup)).find((a) => a.kind === 'missed');
  expect(missed?.instanceIds).toEqual([instanceId]);
  await pressInRow(popup, missed?.id ?? '', 'Dismiss');
  await poll(
    async () => !(await storedAlerts(popup)).some((a) => a.id === missed?.id),
    'the row dismissed',
  );
  await popup.close();
}
