// Wiring only: the message router, the keyboard command, the auto-lock alarm, the dev sandbox.
import browser from '../shared/browser';
import { onAlarm } from './auto-lock';
import { handlers } from './handlers';
import { openPanelTab } from './open-panel';
import { createRouter } from './router';
import { seedSandbox } from './sandbox';

browser.runtime.onMessage.addListener(
  createRouter(handlers, { id: browser.runtime.id, baseUrl: browser.runtime.getURL('') }),
);

browser.commands.onCommand.addListener((command) => {
  if (command === 'open-panel') void openPanelTab();
});

browser.alarms.onAlarm.addListener((alarm) => void onAlarm(alarm));

browser.runtime.onInstalled.addListener(() => void seedSandbox().catch(() => undefined));
