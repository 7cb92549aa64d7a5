// Wiring only: the message router, the keyboard command, alarms (auto-lock, quick-launch
// watches, temporary rules to close, reminders, scheduled stops), notification clicks, the dev
// sandbox.
import browser from '../shared/browser';
import { onAlarm, touchAutoLock } from './auto-lock';
import { handlers } from './handlers';
import { checkLaunches, LAUNCH_WATCH_ALARM, onNotificationClicked } from './launch-watch';
import { openPanelTab } from './open-panel';
import { onAlertNotification } from './reminder-alerts';
import { checkReminders, onReminderAlarm } from './reminders';
import { createRouter } from './router';
import { seedSandbox } from './sandbox';
import { onStopScheduleAlarm, sweepStopSchedules } from './stop-schedules';
import { onTempAccessAlarm, sweepTempAccess } from './temp-access';

browser.runtime.onMessage.addListener(
  createRouter(
    handlers,
    { id: browser.runtime.id, baseUrl: browser.runtime.getURL('') },
    () => void touchAutoLock().catch(() => undefined),
  ),
);

browser.commands.onCommand.addListener((command) => {
  if (command === 'open-panel') void openPanelTab();
});

browser.alarms.onAlarm.addListener((alarm) => {
  void onAlarm(alarm);
  if (alarm.name === LAUNCH_WATCH_ALARM) void checkLaunches();
  void onTempAccessAlarm(alarm).catch(() => undefined);
  void onReminderAlarm(alarm).catch(() => undefined);
  void onStopScheduleAlarm(alarm).catch(() => undefined);
});
browser.notifications.onClicked.addListener((id) => {
  void onNotificationClicked(id);
  void onAlertNotification(id).catch(() => undefined);
});
// Chrome only (Firefox shows no buttons; its popup has the same Stop and Open).
browser.notifications.onButtonClicked?.addListener(
  (id, button) => void onAlertNotification(id, button).catch(() => undefined),
);

browser.runtime.onInstalled.addListener(() => void seedSandbox().catch(() => undefined));

// A temporary rule that came due while the browser was closed is closed at the next start.
const sweep = () => void sweepTempAccess().catch(() => undefined);
browser.runtime.onStartup.addListener(sweep);
browser.runtime.onInstalled.addListener(sweep);

// At browser start: a scheduled stop missed while it was closed is reported (never run late), and
// running instances are looked at once.
const remind = () => {
  void sweepStopSchedules().catch(() => undefined);
  void checkReminders().catch(() => undefined);
};
browser.runtime.onStartup.addListener(remind);
browser.runtime.onInstalled.addListener(remind);
