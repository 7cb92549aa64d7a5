// "Schedule stop…": the scheduled stops the background keeps (src/background/stop-schedules.ts),
// read from storage for the dialog and the details pane. Their words and actions are in
// stop-schedule-text.ts, loaded with the dialog or the note.

import { signal } from '@preact/signals';
import type { Profile } from '../../cloud/profile';
import { isStopSchedule, type StopSchedule, stopSchedules } from '../../storage/items';
import { tempAccessRegion } from '../components/temp-access-list';
import type { StorageEvents, StorageListener } from '../model-deps';

/** The stored schedules, reloaded whenever they change. */
export function createStopScheduleList(storageEvents: StorageEvents) {
  const schedules = signal<StopSchedule[]>([]);
  let disposed = false;
  async function reload() {
    const list = (await stopSchedules.get()).filter(isStopSchedule);
    if (!disposed) schedules.value = list;
  }
  const onStorage: StorageListener = (changes, area) => {
    if (area === 'local' && stopSchedules.key in changes) void reload();
  };
  storageEvents.addListener(onStorage);
  void reload();
  return {
    schedules,
    reload,
    dispose() {
      disposed = true;
      storageEvents.removeListener(onStorage);
    },
  };
}

/** The schedules of this profile in the region it shows. */
export const schedulesOfProfile = (list: readonly StopSchedule[], profile: Profile) =>
  list.filter((s) => s.profileId === profile.id && s.region === tempAccessRegion(profile));
