// Wiring only: the message router and the keyboard command.
import browser from '../shared/browser';
import { handlers } from './handlers';
import { openPanelTab } from './open-panel';
import { createRouter } from './router';

browser.runtime.onMessage.addListener(
  createRouter(handlers, { id: browser.runtime.id, baseUrl: browser.runtime.getURL('') }),
);

browser.commands.onCommand.addListener((command) => {
  if (command === 'open-panel') void openPanelTab();
});
