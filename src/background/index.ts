// Wiring only: the message router, the keyboard command, alarms (auto-lock, quick-launch
// watches), notification clicks, the dev sandbox.
import browser from '../shared/browser';
import { onAlarm, touchAutoLock } from './auto-lock';
import { handlers } from './handlers';
import { checkLaunches, LAUNCH_WATCH_ALARM, onNotificationClicked } from './launch-watch';
import { openPanelTab } from './open-panel';
import { createRouter } from './router';
import { seedSandbox } from './sandbox';

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
});
browser.notifications.onClicked.addListener((id) => void onNotificationClicked(id));

browser.runtime.onInstalled.addListener(() => void seedSandbox().catch(() => undefined));
