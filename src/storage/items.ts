// Every storage item Cirrus keeps, in one place.
import type { Profile } from '../cloud/profile';

import { browserArea } from './browser-areas';
import { defineItem } from './item';

/** Last tab the user had open in the panel. */
export const lastTab = defineItem(
  {
    key: 'ui.lastTab',
    version: 1,
    defaultValue: 'instances',
    validate: (v): v is string => typeof v === 'string',
  },
  browserArea('local'),
);

/** Background bookkeeping that must outlive a stopped service worker but not a browser restart. */
export const workerState = defineItem(
  {
    key: 'worker.state',
    version: 1,
    defaultValue: { calls: 0 },
    validate: (v): v is { calls: number } =>
      typeof v === 'object' && v !== null && typeof (v as { calls?: unknown }).calls === 'number',
  },
  browserArea('session'),
);

export interface ProfilesState {
  profiles: Profile[];
  currentId: string | null;
}

/** Profiles without their secrets (those live in the keychain). */
export const profilesState = defineItem<ProfilesState>(
  {
    key: 'profiles',
    version: 1,
    defaultValue: { profiles: [], currentId: null },
    validate: (v): v is ProfilesState =>
      typeof v === 'object' && v !== null && Array.isArray((v as ProfilesState).profiles),
  },
  browserArea('local'),
);

/** Server clock minus local clock per profile, learned from response Date headers. */
export const clockOffsets = defineItem<Record<string, number>>(
  { key: 'clock.offsets', version: 1, defaultValue: {} },
  browserArea('local'),
);

export interface Settings {
  /** Lock the keychain after this many idle minutes; 0 never locks. */
  autoLockMinutes: number;
}

export const settings = defineItem<Settings>(
  { key: 'settings', version: 1, defaultValue: { autoLockMinutes: 30 } },
  browserArea('local'),
);
