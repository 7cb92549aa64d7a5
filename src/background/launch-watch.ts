// Quick launch: the popup launches and closes; the background follows the new instances (an
// alarm, so a stopped worker picks up again) and notifies once they run, with their address.

import {
  describeInstances,
  ec2List,
  type Instance,
  type SshRefusal,
  sshCommandFor,
} from '../cloud/ec2';
import browser from '../shared/browser';
import { type LaunchWatch, launchOutcomes, launchWatches } from '../storage/items';
import { backgroundSigner } from './background-signer';
import { findProfile } from './profile-store';

export const LAUNCH_WATCH_ALARM = 'cirrus.launch-watch';
/** A launch notification's id: this prefix and the id of the launch outcome it tells of. */
export const NOTIFICATION_PREFIX = 'cirrus-launch:';
const GIVE_UP_MS = 60 * 60_000;
// While the worker is awake it polls this often; the alarm wakes it when it was stopped.
const POLL_MS = 5_000;
let timer: ReturnType<typeof setTimeout> | undefined;

export async function watchLaunch(watch: Omit<LaunchWatch, 'since' | 'id'>): Promise<void> {
  const entry = { ...watch, id: crypto.randomUUID(), since: Date.now() };
  await launchWatches.update((list) => [...list, entry]);
  await browser.alarms.create(LAUNCH_WATCH_ALARM, { periodInMinutes: 0.5 });
  schedule();
}

function schedule() {
  clearTimeout(timer);
  timer = setTimeout(() => void checkLaunches(), POLL_MS);
}

/** Why there is no SSH command, in the user's words (the panel says the same). */
function refusalText(refusal: SshRefusal): string {
  return refusal.reason === 'no-host'
    ? browser.i18n.getMessage('sshNoHost')
    : browser.i18n.getMessage('sshInvalidHost', [refusal.host]);
}

async function notify(watch: LaunchWatch, instances: Instance[]) {
  const running = instances.filter((i) => i.state.name === 'running');
  const first = running[0];
  const address = first ? first.ipAddress || first.dnsName || first.privateIpAddress : '';
  const ssh = first ? sshCommandFor(first) : null;
  const refusal = ssh && !ssh.ok ? ssh : undefined;
  const title = running.length
    ? browser.i18n.getMessage('notifyRunningTitle', [watch.presetName])
    : browser.i18n.getMessage('notifyFailedTitle', [watch.presetName]);
  const ids = running.map((i) => i.instanceId).join(', ');
  const message = !running.length
    ? browser.i18n.getMessage('notifyFailedBody', [
        instances.map((i) => `${i.instanceId} ${i.state.name}`).join(', ') ||
          watch.instanceIds.join(', '),
      ])
    : refusal
      ? browser.i18n.getMessage('notifyRunningNoSsh', [ids, address || '-', refusalText(refusal)])
      : browser.i18n.getMessage('notifyRunningBody', [ids, address || '-']);
  const id = crypto.randomUUID();
  await launchOutcomes.update((list) =>
    [
      {
        id,
        presetName: watch.presetName,
        instanceIds: watch.instanceIds,
        running: running.length > 0,
        address,
        ssh: ssh?.ok ? ssh.command : '',
        ...(refusal && { sshRefusal: refusal }),
        at: Date.now(),
      },
      ...list,
    ].slice(0, 5),
  );
  // The id names the stored outcome, never the command: the panel looks it up there.
  await browser.notifications.create(`${NOTIFICATION_PREFIX}${id}`, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('icons/icon-96.png'),
    title,
    message,
  });
}

export async function checkLaunches(): Promise<void> {
  const watches = await launchWatches.get();
  if (watches.length === 0) {
    await browser.alarms.clear(LAUNCH_WATCH_ALARM);
    return;
  }
  const done = new Set<string>();
  for (const watch of watches) {
    try {
      const profile = await findProfile(watch.profileId);
      const instances = await ec2List(
        describeInstances,
        profile,
        backgroundSigner(watch.profileId),
        { instanceIds: watch.instanceIds },
      );
      const settled = instances.length > 0 && instances.every((i) => i.state.name !== 'pending');
      if (settled) {
        await notify(watch, instances);
        done.add(watch.id);
      }
    } catch {
      // A locked keychain or a network hiccup: try again on the next tick, up to the hour.
    }
    if (Date.now() - watch.since > GIVE_UP_MS) done.add(watch.id);
  }
  // Read again: the popup may have added a launch while this pass ran.
  const left = await launchWatches.update((list) => list.filter((w) => !done.has(w.id)));
  if (left.length > 0) schedule();
  else await browser.alarms.clear(LAUNCH_WATCH_ALARM);
}

/**
 * A click on a launch notification opens the panel on that launch's outcome, where the user sees
 * the SSH command and copies it with a click (the panel copies nothing by itself).
 */
export async function onNotificationClicked(notificationId: string): Promise<void> {
  if (!notificationId.startsWith(NOTIFICATION_PREFIX)) return;
  const id = notificationId.slice(NOTIFICATION_PREFIX.length);
  const query = /^[\w-]+$/.test(id) ? `?launch=${id}` : '';
  await browser.tabs.create({ url: browser.runtime.getURL(`panel.html${query}`) });
  await browser.notifications.clear(notificationId);
}
