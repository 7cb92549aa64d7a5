// The popup's reminder rows (an instance running long, a scheduled stop that did not run): the
// background keeps them in storage; Stop, Open and Dismiss are asked of it. In Firefox, whose
// notifications have no buttons, these rows are where the user acts; elsewhere they are the
// reminder that a missed notification leaves behind.

import { signal } from '@preact/signals';
import type { CloudErrorData } from '../../cloud/errors';
import type { Messages } from '../../shared/messages';
import { type ReminderAlert, reminderAlerts } from '../../storage/items';
import { asError } from '../errors';
import type { StorageEvents, StorageListener } from '../model-deps';

type Ask = <K extends 'reminderAlertStop' | 'reminderAlertOpen' | 'reminderAlertDismiss'>(
  name: K,
  args: Messages[K]['args'],
) => Promise<Messages[K]['result']>;

export function createPopupAlerts(storageEvents: StorageEvents, ask: Ask) {
  const alerts = signal<ReminderAlert[]>([]);
  /** The row being acted on, and the last refusal by alert id. */
  const busy = signal<string | null>(null);
  const errors = signal<Record<string, CloudErrorData>>({});
  const stopped = signal<string[] | null>(null);
  let disposed = false;

  async function load() {
    const list = await reminderAlerts.get();
    if (!disposed) alerts.value = list;
  }
  const onStorage: StorageListener = (changes, area) => {
    if (area === 'local' && reminderAlerts.key in changes) void load();
  };
  storageEvents.addListener(onStorage);
  void load();

  async function act(alert: ReminderAlert, run: () => Promise<unknown>) {
    busy.value = alert.id;
    const { [alert.id]: _old, ...rest } = errors.value;
    errors.value = rest;
    try {
      await run();
    } catch (e) {
      if (!disposed) errors.value = { ...errors.value, [alert.id]: asError(e) };
    } finally {
      if (!disposed) busy.value = null;
    }
  }

  return {
    alerts,
    busy,
    errors,
    stopped,
    stop: (alert: ReminderAlert) =>
      act(alert, async () => {
        const { instanceIds } = await ask('reminderAlertStop', { id: alert.id });
        if (!disposed) stopped.value = instanceIds;
      }),
    open: (alert: ReminderAlert) => act(alert, () => ask('reminderAlertOpen', { id: alert.id })),
    dismiss: (alert: ReminderAlert) =>
      act(alert, () => ask('reminderAlertDismiss', { id: alert.id })),
    dispose() {
      disposed = true;
      storageEvents.removeListener(onStorage);
    },
  };
}

export type PopupAlerts = ReturnType<typeof createPopupAlerts>;
