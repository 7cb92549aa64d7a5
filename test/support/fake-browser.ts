// Unit tests import modules that reach the webextension polyfill (storage items, the message
// call). The polyfill refuses to load outside an extension unless `chrome.runtime.id` and
// `browser.runtime.id` exist; this gives it a browser with in-memory storage areas whose writes
// fire `storage.onChanged` as the real ones do. Messages to the background are refused: a model
// under test gets its profile through `ModelDeps`, never through a message.

import type { StorageListener } from '../../src/panels/model-deps';
import { memoryArea, type StorageArea } from '../../src/storage/area';

const listeners = new Set<StorageListener>();

function observed(name: string): StorageArea & { clear(): Promise<void> } {
  let area = memoryArea();
  return {
    get: (keys) => area.get(keys),
    async set(items) {
      const before = await area.get(Object.keys(items));
      await area.set(items);
      const changes: Record<string, unknown> = {};
      for (const [key, newValue] of Object.entries(items))
        changes[key] = { oldValue: before[key], newValue };
      for (const listener of listeners) listener(changes, name);
    },
    async remove(keys) {
      const list = Array.isArray(keys) ? keys : [keys];
      const before = await area.get(list);
      await area.remove(list);
      const changes: Record<string, unknown> = {};
      for (const key of Object.keys(before)) changes[key] = { oldValue: before[key] };
      if (Object.keys(changes).length) for (const listener of listeners) listener(changes, name);
    },
    async clear() {
      area = memoryArea();
    },
  };
}

const fake = {
  runtime: {
    id: 'cirrus-unit-test',
    sendMessage: () => Promise.reject(new Error('no background in unit tests')),
    getURL: (path: string) => `chrome-extension://cirrus-unit-test/${path}`,
  },
  storage: {
    local: observed('local'),
    session: observed('session'),
    sync: observed('sync'),
    onChanged: {
      addListener: (l: StorageListener) => void listeners.add(l),
      removeListener: (l: StorageListener) => void listeners.delete(l),
      hasListener: (l: StorageListener) => listeners.has(l),
    },
  },
  i18n: {
    getMessage: (key: string) => key,
    getUILanguage: () => 'en',
  },
};

const g = globalThis as unknown as { chrome?: unknown; browser?: unknown };
g.chrome ??= { runtime: { id: fake.runtime.id } };
g.browser ??= fake;

/** The fake browser's storage, for tests that seed or inspect it. */
export const fakeStorage = fake.storage;
