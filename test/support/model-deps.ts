// ModelDeps a test drives by hand: switch the current profile (or emit none) and fire storage
// changes, so a model runs in Node exactly as it does in a page.

import { signal } from '@preact/signals';
import type { Profile } from '../../src/cloud/profile';
import type { Signer } from '../../src/cloud/signer';
import type { CurrentProfile } from '../../src/panels/current-profile';
import type { ModelDeps, StorageListener } from '../../src/panels/model-deps';

export interface TestDeps {
  deps: ModelDeps;
  /** Makes `next` the current profile for every model watching, as a profile switch does. */
  switchTo(next: CurrentProfile | null): void;
  /** Fires a storage change, as another page writing storage would. */
  storageChange(changes: Record<string, unknown>, area?: string): void;
  /** Profile watches and storage listeners still registered (zero after dispose). */
  open(): { watches: number; listeners: number };
}

export function testDeps(): TestDeps {
  const current = signal<CurrentProfile | null>(null);
  const watches = new Set<(next: CurrentProfile | null) => void>();
  const listeners = new Set<StorageListener>();
  return {
    deps: {
      profiles(onChange) {
        watches.add(onChange);
        return { current, dispose: () => void watches.delete(onChange) };
      },
      storageEvents: {
        addListener: (listener) => void listeners.add(listener),
        removeListener: (listener) => void listeners.delete(listener),
      },
    },
    switchTo(next) {
      current.value = next;
      for (const onChange of [...watches]) onChange(next);
    },
    storageChange(changes, area = 'local') {
      for (const listener of [...listeners]) listener(changes, area);
    },
    open: () => ({ watches: watches.size, listeners: listeners.size }),
  };
}

const refuse = () => Promise.reject(new Error('this test sends no requests'));

/** A current profile for models whose fetches a test answers itself; it cannot sign. */
export function fakeCurrent(id: string, region = 'us-east-1'): CurrentProfile {
  const profile: Profile = { id, kind: 'aws', name: id, accessKeyId: `AKID${id}`, region };
  const signer: Signer = { sign: refuse, presign: refuse, observeServerTime: refuse };
  return { profile, signer };
}

/** A promise the test settles when it wants to, to play a slow server. */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Lets every promise continuation that is already due run. */
export const settle = () => new Promise<void>((resolve) => setImmediate(resolve));
