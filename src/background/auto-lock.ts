import browser from '../shared/browser';
import { settings } from '../storage/items';
import { keychain } from './services';

export const AUTO_LOCK_ALARM = 'cirrus.auto-lock';
let lastTouch = 0;

/**
 * Pushes the auto-lock back after the user's activity: a message sent on a user gesture (see the
 * router), an unlock or a settings change. Signing alone does not count, or polling and the
 * launch watch would keep the keychain open forever. Alarms outlive a stopped worker.
 */
export async function touchAutoLock(force = false): Promise<void> {
  if (!force && Date.now() - lastTouch < 20_000) return;
  lastTouch = Date.now();
  const { autoLockMinutes } = await settings.get();
  const status = await keychain.status();
  if (!status.hasPassphrase || status.locked || autoLockMinutes <= 0) {
    await browser.alarms.clear(AUTO_LOCK_ALARM);
    return;
  }
  await browser.alarms.create(AUTO_LOCK_ALARM, { delayInMinutes: autoLockMinutes });
}

export async function onAlarm(alarm: { name: string }): Promise<void> {
  if (alarm.name === AUTO_LOCK_ALARM) await keychain.lock();
}
