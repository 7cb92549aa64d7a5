// The temporary rules the background keeps (see src/background/temp-access.ts), for the panels that
// show them: reloaded whenever the record list changes in storage.

import { signal } from '@preact/signals';
import type { Profile } from '../../cloud/profile';
import { call } from '../../shared/call';
import { type TempAccessRule, tempAccessRules } from '../../storage/items';
import type { StorageEvents, StorageListener } from '../model-deps';

export function createTempAccessList(
  storageEvents: StorageEvents,
  load: () => Promise<TempAccessRule[]> = async () => (await call('tempAccessList', {})).rules,
) {
  const rules = signal<TempAccessRule[]>([]);
  let disposed = false;
  async function reload() {
    try {
      const next = await load();
      if (!disposed) rules.value = next;
    } catch {
      // The list is a hint next to the real rules; a background that does not answer shows none.
    }
  }
  const onStorage: StorageListener = (changes, area) => {
    if (area === 'local' && tempAccessRules.key in changes) void reload();
  };
  storageEvents.addListener(onStorage);
  void reload();
  return {
    rules,
    reload,
    dispose() {
      disposed = true;
      storageEvents.removeListener(onStorage);
    },
  };
}

export type TempAccessList = ReturnType<typeof createTempAccessList>;

/** The region a temporary rule records for this profile: its own on AWS, '' elsewhere. */
export const tempAccessRegion = (profile: Profile): string =>
  profile.kind === 'aws' ? profile.region : '';

/** The rules opened through this profile in the region it shows. */
export const rulesOfProfile = (rules: readonly TempAccessRule[], profile: Profile) =>
  rules.filter((r) => r.profileId === profile.id && r.region === tempAccessRegion(profile));

/** "14:05": when a rule closes, in the user's clock. */
export const closesAt = (rule: TempAccessRule): string =>
  new Date(rule.endsAt).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
