// What the user is asked to act on (an instance running long, a scheduled stop that did not run):
// kept in storage for the popup's rows and told by a notification, with Stop it / Open buttons
// where the browser has notification buttons (Chrome). Stop runs here, through the signing gate,
// for the profile the alert was made for.

import { ec2Call, stopInstances } from '../cloud/ec2';
import { CloudError, toErrorData } from '../cloud/errors';
import type { Profile } from '../cloud/profile';
import browser from '../shared/browser';
import { type ReminderAlert, reminderAlerts } from '../storage/items';
import { backgroundSigner } from './background-signer';
import { openPanelTab } from './open-panel';
import { findProfile, saveProfile, setCurrentProfile } from './profile-store';

/** An alert's notification: this prefix and the alert id (the buttons act on that alert). */
export const ALERT_NOTIFICATION_PREFIX = 'cirrus-reminder:';
/** A notification that only tells (stopping, stopped, a refusal). */
const INFO_NOTIFICATION_PREFIX = 'cirrus-reminder-info:';
const KEPT_ALERTS = 50;

export const text = (key: string, ...subs: string[]): string =>
  browser.i18n.getMessage(key, subs) || key;

/** The profile and signer for a region the record names (the profile may show another by now). */
export async function targetOf(profileId: string, region: string) {
  const stored = await findProfile(profileId);
  const own = stored.kind === 'aws' && region ? region : undefined;
  const profile: Profile = own ? { ...stored, region: own } : stored;
  return { profile, signer: backgroundSigner(profileId, own) };
}

/** StopInstances signed here, for the recorded profile's own endpoint only. */
export async function stopNow(profileId: string, region: string, instanceIds: string[]) {
  const { profile, signer } = await targetOf(profileId, region);
  return ec2Call(stopInstances, profile, signer, { instanceIds });
}

/**
 * Chrome shows buttons on a notification; Firefox has none (and says so only in its log), so
 * there the popup's rows carry Stop and Open. `getBrowserInfo` exists only in Firefox.
 */
export const hasNotificationButtons = (): boolean =>
  !('getBrowserInfo' in (browser.runtime as object));

async function show(id: string, title: string, message: string, buttons = false): Promise<void> {
  const base = {
    type: 'basic' as const,
    iconUrl: browser.runtime.getURL('icons/icon-96.png'),
    title,
    message,
  };
  try {
    // The polyfill's types follow Firefox, which has no `buttons`.
    const withButtons = Object.assign(
      { ...base },
      { buttons: [{ title: text('remStopIt') }, { title: text('remOpen') }] },
    );
    await browser.notifications.create(
      id,
      buttons && hasNotificationButtons() ? withButtons : base,
    );
  } catch {
    // No notification area (a headless browser): the popup's rows still tell.
  }
}

export const tell = (title: string, message: string): Promise<void> =>
  show(`${INFO_NOTIFICATION_PREFIX}${crypto.randomUUID()}`, title, message);

/** "i-0abc (web)" or just the id. */
export const labelOf = (alert: Pick<ReminderAlert, 'instanceIds' | 'name'>): string => {
  const ids = alert.instanceIds.join(', ');
  return alert.name ? `${ids} (${alert.name})` : ids;
};

export function alertText(alert: ReminderAlert): { title: string; message: string } {
  if (alert.kind === 'running')
    return {
      title: text('remRunningTitle', labelOf(alert)),
      message: text('remRunningBody', labelOf(alert), String(alert.hours), alert.profileName),
    };
  const time = new Date(alert.dueAt).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  const why =
    alert.reason === 'locked'
      ? 'remMissedLocked'
      : alert.reason === 'failed'
        ? 'remMissedFailed'
        : 'remMissedClosed';
  return {
    title: text('remMissedTitle'),
    message: text(why, labelOf(alert), time, alert.profileName, alert.error),
  };
}

const sameSubject = (a: ReminderAlert, b: ReminderAlert) =>
  a.kind === b.kind && a.profileId === b.profileId && a.instanceIds.join() === b.instanceIds.join();

/**
 * Keeps the alerts, each replacing one of the same kind for the same instances (so an alert kept
 * again after a stopped worker is one row, not two), and clears the replaced ones' notifications.
 */
export async function keepAlerts(alerts: readonly ReminderAlert[]): Promise<void> {
  let replaced: ReminderAlert[] = [];
  await reminderAlerts.update((list) => {
    replaced = list.filter((old) => alerts.some((a) => sameSubject(a, old)));
    const rest = list.filter((old) => !replaced.includes(old));
    return [...alerts, ...rest].slice(0, KEPT_ALERTS);
  });
  for (const old of replaced)
    await browser.notifications.clear(`${ALERT_NOTIFICATION_PREFIX}${old.id}`).catch(() => false);
}

/** The alert's notification (with Stop it / Open where the browser has buttons), then marked told. */
export async function announce(alert: ReminderAlert): Promise<void> {
  const { title, message } = alertText(alert);
  await show(`${ALERT_NOTIFICATION_PREFIX}${alert.id}`, title, message, true);
  await reminderAlerts.update((list) =>
    list.map((a) => (a.id === alert.id ? { ...a, told: true } : a)),
  );
}

/** Shows what a stopped worker kept but did not tell (the same id: never shown twice). */
export async function announcePending(): Promise<void> {
  for (const alert of await reminderAlerts.get()) if (!alert.told) await announce(alert);
}

/** Keeps the alert and notifies. */
export async function raise(alert: ReminderAlert): Promise<void> {
  await keepAlerts([alert]);
  await announce(alert);
}

export async function listAlerts(): Promise<ReminderAlert[]> {
  return reminderAlerts.get();
}

async function take(id: string): Promise<ReminderAlert> {
  const alert = (await reminderAlerts.get()).find((a) => a.id === id);
  if (!alert)
    throw new CloudError({ code: 'NoSuchReminder', message: 'This reminder was already handled.' });
  return alert;
}

export async function dismissAlert(id: string): Promise<void> {
  await reminderAlerts.update((list) => list.filter((a) => a.id !== id));
  await browser.notifications.clear(`${ALERT_NOTIFICATION_PREFIX}${id}`).catch(() => false);
}

/**
 * Stop it / Stop now: StopInstances for the alert's instances, then a notification that they are
 * stopping. A refusal keeps the alert and is told (and thrown, for the popup to show).
 */
export async function stopFromAlert(id: string): Promise<string[]> {
  const alert = await take(id);
  try {
    await stopNow(alert.profileId, alert.region, alert.instanceIds);
  } catch (e) {
    const error = toErrorData(e);
    await tell(
      text('remStopFailedTitle'),
      text('remStopFailedBody', labelOf(alert), error.message),
    );
    throw e;
  }
  await dismissAlert(id);
  await tell(text('remStoppingTitle'), text('remStoppingBody', labelOf(alert), alert.profileName));
  return alert.instanceIds;
}

/** Opens the panel on the Instances tab of the alert's profile with its instance selected. */
export async function openFromAlert(id: string): Promise<void> {
  const alert = await take(id);
  await setCurrentProfile(alert.profileId).catch(() => undefined);
  // An AWS profile shows one region at a time: the alert's, as the region switcher would.
  const stored = await findProfile(alert.profileId).catch(() => null);
  if (stored?.kind === 'aws' && alert.region && stored.region !== alert.region)
    await saveProfile({ profile: { ...stored, region: alert.region } }).catch(() => undefined);
  const query = new URLSearchParams({ tab: 'instances', instance: alert.instanceIds[0] ?? '' });
  await openPanelTab(`?${query}`);
  await dismissAlert(id);
}

/** A click on an alert's notification opens it; its buttons stop it (0) or open it (1). */
export async function onAlertNotification(notificationId: string, button?: number): Promise<void> {
  if (!notificationId.startsWith(ALERT_NOTIFICATION_PREFIX)) return;
  const id = notificationId.slice(ALERT_NOTIFICATION_PREFIX.length);
  if (button === 0) await stopFromAlert(id);
  else await openFromAlert(id);
}
