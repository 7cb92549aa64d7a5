// One list of a resource panel: rows that follow the current profile, a selection, and polling
// while something changes by itself. The panel around the lists is in resource-panel.ts.

import { batch, computed, type Signal, signal } from '@preact/signals';
import type { CloudErrorData } from '../../cloud/errors';
import type { CurrentProfile } from '../current-profile';
import { asError } from '../errors';

export const POLL_MS = 3_000;

export interface ResourceListOptions<T> {
  /**
   * Reads the whole list. A fetch that streams (a huge list) also hands each page to `onPage` as
   * it arrives: the rows show while later pages are still coming.
   */
  fetch: (current: CurrentProfile, onPage: (page: readonly T[]) => void) => Promise<readonly T[]>;
  key: (row: T) => string;
  /** True for a row in a state it leaves by itself (creating, attaching): the list polls. */
  busy?: (row: T) => boolean;
  pollMs?: number;
}

/** One list of a panel: rows, loading, error, selection and polling. */
export function createResourceList<T>(options: ResourceListOptions<T>) {
  const pollMs = options.pollMs ?? POLL_MS;
  const rows: Signal<readonly T[]> = signal([]);
  const loading = signal(false);
  const loaded = signal(false);
  const error = signal<CloudErrorData | null>(null);
  const selected = signal<ReadonlySet<string>>(new Set());
  const polling = signal(false);
  /** Rows received so far while a streamed list loads: counts every page, not only the copies. */
  const received = signal(0);
  /** A row the table should scroll to: one another panel asked to show (selectWhenLoaded). */
  const reveal = signal<string | null>(null);
  let wanted: string | null = null;
  const selectedRows = computed(() =>
    rows.value.filter((row) => selected.value.has(options.key(row))),
  );
  let current: CurrentProfile | null = null;
  let generation = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let disposed = false;

  function schedule() {
    clearTimeout(timer);
    const busy = !disposed && !!options.busy && rows.value.some(options.busy);
    polling.value = busy;
    if (busy) timer = setTimeout(() => void load(true), pollMs);
  }

  /**
   * Streamed pages go into one buffer; the rows on screen are a copy of it made when the first
   * page arrives and then whenever the buffer has doubled since the last copy, so 100,000 rows
   * cost at most about 200,000 copied references instead of a copy per page.
   */
  function pageCollector(mine: number) {
    const buffer: T[] = [];
    let shown = 0;
    return (page: readonly T[]) => {
      if (mine !== generation || page.length === 0) return;
      for (const row of page) buffer.push(row);
      received.value = buffer.length;
      if (shown > 0 && buffer.length < 2 * shown) return;
      shown = buffer.length;
      rows.value = buffer.slice();
    };
  }

  /** `quiet`: keeps the rows and selection on screen (polling, after an action). */
  async function load(quiet = false) {
    const mine = ++generation;
    clearTimeout(timer);
    if (!current) {
      batch(() => {
        rows.value = [];
        selected.value = new Set();
        error.value = null;
        loading.value = false;
        loaded.value = true;
        polling.value = false;
      });
      return;
    }
    const from = current;
    batch(() => {
      loading.value = true;
      received.value = 0;
      if (!quiet) {
        error.value = null;
        rows.value = [];
        selected.value = new Set();
      }
    });
    try {
      const list = await options.fetch(from, pageCollector(mine));
      if (mine !== generation) return;
      const keys = new Set(list.map(options.key));
      batch(() => {
        rows.value = list;
        error.value = null;
        loaded.value = true;
        // Rows that went away (deleted, released) leave the selection too.
        const kept = [...selected.value].filter((k) => keys.has(k));
        if (kept.length !== selected.value.size) selected.value = new Set(kept);
        // Asked for by another panel: selected on the first answer, and only then.
        if (wanted !== null) {
          if (keys.has(wanted)) {
            selected.value = new Set([wanted]);
            reveal.value = wanted;
          }
          wanted = null;
        }
      });
    } catch (e) {
      if (mine === generation) error.value = asError(e);
    } finally {
      if (mine === generation) {
        loading.value = false;
        schedule();
      }
    }
  }

  return {
    rows,
    loading,
    loaded,
    error,
    selected,
    selectedRows,
    polling,
    received,
    reveal,
    load,
    /**
     * Selects the row with this key when the next load answers and asks the table to scroll to
     * it: a panel opened by another one for that row (Overview → an instance).
     */
    selectWhenLoaded(key: string) {
      wanted = key;
    },
    /** Another profile or region: start over with it. */
    use(next: CurrentProfile | null) {
      current = next;
      void load();
    },
    dispose() {
      disposed = true;
      generation++;
      clearTimeout(timer);
      polling.value = false;
    },
  };
}

export type ResourceList<T> = ReturnType<typeof createResourceList<T>>;

/** What the panel and the toolbar need of a list, whatever its rows are. */
export interface ListHandle {
  readonly rows: { readonly value: readonly unknown[] };
  readonly loading: { readonly value: boolean };
  readonly loaded: { readonly value: boolean };
  readonly polling: { readonly value: boolean };
  load(quiet?: boolean): Promise<void>;
  use(next: CurrentProfile | null): void;
  dispose(): void;
}
