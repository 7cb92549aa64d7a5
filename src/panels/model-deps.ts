// What a panel model needs from the browser, passed in so the model runs in Node tests too:
// the current profile (and its changes) and storage change events.

import type { ReadonlySignal } from '@preact/signals';
import type { Profile } from '../cloud/profile';
import type { Signer } from '../cloud/signer';

/** The profile a model works with, and the signer for its requests. */
export interface CurrentProfile {
  profile: Profile;
  signer: Signer;
}

/** The followed profile; `onChange` runs on every switch of profile or region. */
export interface ProfileWatch {
  readonly current: ReadonlySignal<CurrentProfile | null>;
  dispose(): void;
}

export type ProfileSource = (onChange: (current: CurrentProfile | null) => void) => ProfileWatch;

export type StorageListener = (changes: Record<string, unknown>, area: string) => void;

/** `browser.storage.onChanged`, or a test's own event source. */
export interface StorageEvents {
  addListener(listener: StorageListener): void;
  removeListener(listener: StorageListener): void;
}

export interface ModelDeps {
  profiles: ProfileSource;
  storageEvents: StorageEvents;
}
