import type { StorageArea } from './area';

/** A migration turns the value stored under version N-1 into version N. */
export type Migration = (previous: unknown) => unknown;

export interface ItemSpec<T> {
  /** Namespaced key, e.g. "ui.lastTab". */
  key: string;
  /** Current schema version; starts at 1. */
  version: number;
  defaultValue: T;
  /** migrations[N] upgrades a version N-1 value to version N. */
  migrations?: Record<number, Migration>;
  /** Rejects values of the wrong shape (a hand-edited store, a downgrade) so the default is used. */
  validate?: (value: unknown) => value is T;
}

/** How every item is stored: the value with the schema version it was written in. */
interface Stored {
  v: number;
  value: unknown;
}

export interface StorageItem<T> {
  readonly key: string;
  get(): Promise<T>;
  set(value: T): Promise<void>;
  update(change: (current: T) => T): Promise<T>;
  remove(): Promise<void>;
}

function isStored(raw: unknown): raw is Stored {
  return (
    typeof raw === 'object' &&
    raw !== null &&
    typeof (raw as Stored).v === 'number' &&
    'value' in raw
  );
}

export function defineItem<T>(spec: ItemSpec<T>, area: () => StorageArea): StorageItem<T> {
  const fallback = () => structuredClone(spec.defaultValue);

  async function get(): Promise<T> {
    const raw = (await area().get(spec.key))[spec.key];
    if (!isStored(raw)) return fallback();
    // A value written by a newer Cirrus is left alone: a later upgrade can still read it.
    if (raw.v > spec.version) return fallback();
    let value = raw.value;
    if (raw.v < spec.version) {
      for (let v = raw.v + 1; v <= spec.version; v++) {
        const migrate = spec.migrations?.[v];
        if (!migrate) return fallback();
        value = migrate(value);
      }
      if (spec.validate && !spec.validate(value)) return fallback();
      await area().set({ [spec.key]: { v: spec.version, value } satisfies Stored });
    }
    if (spec.validate && !spec.validate(value)) return fallback();
    return value as T;
  }

  async function set(value: T): Promise<void> {
    await area().set({ [spec.key]: { v: spec.version, value } satisfies Stored });
  }

  return {
    key: spec.key,
    get,
    set,
    async update(change) {
      const next = change(await get());
      await set(next);
      return next;
    },
    remove: () => area().remove(spec.key),
  };
}
