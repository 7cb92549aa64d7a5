// The slice of a storage area that typed items need; browser.storage.{local,session,sync}
// satisfy it, and so does the in-memory area used by unit tests.
export interface StorageArea {
  get(keys: string | string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

export type AreaName = 'local' | 'session' | 'sync';

export function memoryArea(initial: Record<string, unknown> = {}): StorageArea & {
  dump(): Record<string, unknown>;
} {
  const data = new Map<string, unknown>(Object.entries(structuredClone(initial)));
  return {
    async get(keys) {
      const out: Record<string, unknown> = {};
      for (const key of Array.isArray(keys) ? keys : [keys]) {
        if (data.has(key)) out[key] = structuredClone(data.get(key));
      }
      return out;
    },
    async set(items) {
      for (const [key, value] of Object.entries(items)) data.set(key, structuredClone(value));
    },
    async remove(keys) {
      for (const key of Array.isArray(keys) ? keys : [keys]) data.delete(key);
    },
    dump: () => Object.fromEntries(data),
  };
}
