// The state every resource panel shares: a list that follows the current profile and polls while
// something changes by itself, a selection, one dialog at a time and the last action's notice.

import { batch, computed, signal } from '@preact/signals';
import type { CloudErrorData } from '../../cloud/errors';
import { type CurrentProfile, watchCurrentProfile } from '../current-profile';
import { asError } from '../errors';
import type { MessageKey } from '../i18n';

export const POLL_MS = 3_000;

export interface ResourceListOptions<T> {
  fetch: (current: CurrentProfile) => Promise<T[]>;
  key: (row: T) => string;
  /** True for a row in a state it leaves by itself (creating, attaching): the list polls. */
  busy?: (row: T) => boolean;
  pollMs?: number;
}

/** One list of a panel: rows, loading, error, selection and polling. */
export function createResourceList<T>(options: ResourceListOptions<T>) {
  const pollMs = options.pollMs ?? POLL_MS;
  const rows = signal<T[]>([]);
  const loading = signal(false);
  const loaded = signal(false);
  const error = signal<CloudErrorData | null>(null);
  const selected = signal<ReadonlySet<string>>(new Set());
  const polling = signal(false);
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

  /** `quiet`: keeps the rows and selection on screen (polling, after an action). */
  async function load(quiet = false) {
    const mine = ++generation;
    clearTimeout(timer);
    if (!current) {
      batch(() => {
        rows.value = [];
        loaded.value = true;
        polling.value = false;
      });
      return;
    }
    const from = current;
    batch(() => {
      loading.value = true;
      if (!quiet) {
        error.value = null;
        rows.value = [];
        selected.value = new Set();
      }
    });
    try {
      const list = await options.fetch(from);
      if (mine !== generation) return;
      const keys = new Set(list.map(options.key));
      batch(() => {
        rows.value = list;
        error.value = null;
        loaded.value = true;
        // Rows that went away (deleted, released) leave the selection too.
        const kept = [...selected.value].filter((k) => keys.has(k));
        if (kept.length !== selected.value.size) selected.value = new Set(kept);
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
    load,
    /** Another profile or region: start over with it. */
    use(next: CurrentProfile | null) {
      current = next;
      void load();
    },
    dispose() {
      disposed = true;
      generation++;
      clearTimeout(timer);
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

/** What an action reports when it is done, as a message key and its substitutions. */
export interface Notice {
  key: MessageKey;
  args: string[];
}

/**
 * The panel around its lists: follows the current profile (each list reloads on a change), opens
 * one dialog at a time, and runs actions that close the dialog and refresh the lists on success,
 * or keep it open with the server's error.
 */
export function createResourcePanel<D>(lists: readonly ListHandle[]) {
  const dialog = signal<D | null>(null);
  const dialogError = signal<CloudErrorData | null>(null);
  const error = signal<CloudErrorData | null>(null);
  const notice = signal<Notice | null>(null);
  let current: CurrentProfile | null = null;

  const watcher = watchCurrentProfile((next) => {
    current = next;
    batch(() => {
      dialog.value = null;
      notice.value = null;
      error.value = null;
    });
    for (const list of lists) list.use(next);
  });

  function open(next: D | null) {
    batch(() => {
      dialog.value = next;
      dialogError.value = null;
    });
  }

  /** Runs a change; true when it worked. Errors go to the open dialog, else to the panel. */
  async function act(run: (current: CurrentProfile) => Promise<Notice>): Promise<boolean> {
    if (!current) return false;
    const opened = dialog.value;
    batch(() => {
      dialogError.value = null;
      error.value = null;
    });
    try {
      const done = await run(current);
      batch(() => {
        // An action may open the next dialog itself; only the one it ran from closes.
        if (dialog.value === opened) dialog.value = null;
        notice.value = done;
      });
      await Promise.all(lists.map((list) => list.load(true)));
      return true;
    } catch (e) {
      if (opened && dialog.value) dialogError.value = asError(e);
      else error.value = asError(e);
      return false;
    }
  }

  return {
    profile: watcher.current,
    dialog,
    dialogError,
    error,
    notice,
    open,
    act,
    /** The profile actions run against, for loads a dialog needs (instances, zones). */
    current: () => current,
    refresh() {
      for (const list of lists) void list.load(true);
    },
    dispose() {
      watcher.dispose();
      for (const list of lists) list.dispose();
    },
  };
}

export type ResourcePanel<D> = ReturnType<typeof createResourcePanel<D>>;
