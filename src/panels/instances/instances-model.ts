import { batch, computed, signal } from '@preact/signals';
import {
  type ConsoleOutput,
  createTags,
  deleteTags,
  describeInstances,
  ec2Call,
  ec2List,
  getConsoleOutput,
  type Instance,
  rebootInstances,
  startInstances,
  stopInstances,
  type TagInput,
  terminateInstances,
} from '../../cloud/ec2';
import type { CloudErrorData } from '../../cloud/errors';
import browser from '../../shared/browser';
import { launchWatches, type TablePrefs, tablePrefs } from '../../storage/items';
import { type SortOrder, sortRows } from '../components/virtual-table';
import { type CurrentProfile, watchCurrentProfile } from '../current-profile';
import { asError } from '../errors';
import type { LaunchForm } from '../launch/launch-form';
import {
  DEFAULT_INSTANCE_COLUMNS,
  instanceColumns,
  nameOf,
  TRANSITIONAL_STATES,
} from './instance-columns';

export type InstancesDialog =
  | { kind: 'terminate'; ids: string[] }
  | { kind: 'console'; instanceId: string; output: ConsoleOutput | null }
  | { kind: 'tags'; instanceId: string }
  | { kind: 'launch'; form?: LaunchForm }
  | { kind: 'columns' };

export interface InstancesNotice {
  action: 'start' | 'stop' | 'reboot' | 'terminate' | 'tags' | 'launch';
  ids: string[];
}

export const POLL_MS = 3_000;

export function createInstancesModel(deps: { pollMs?: number } = {}) {
  const pollMs = deps.pollMs ?? POLL_MS;
  const columns = instanceColumns();
  const instances = signal<Instance[]>([]);
  const loading = signal(false);
  const loaded = signal(false);
  const error = signal<CloudErrorData | null>(null);
  const notice = signal<InstancesNotice | null>(null);
  const query = signal('');
  const selected = signal<ReadonlySet<string>>(new Set());
  const dialog = signal<InstancesDialog | null>(null);
  const dialogError = signal<CloudErrorData | null>(null);
  const prefs = signal<TablePrefs>({ columns: DEFAULT_INSTANCE_COLUMNS, sort: null });
  const polling = signal(false);
  let current: CurrentProfile | null = null;
  let generation = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let disposed = false;

  void tablePrefs.get().then((all) => {
    const saved = all.instances;
    if (saved && !disposed) prefs.value = saved;
  });

  const visibleColumns = computed(() => {
    const ids = prefs.value.columns;
    return columns.filter((c) => ids.includes(c.id));
  });
  const sorted = computed(() => sortRows(instances.value, columns, prefs.value.sort));
  const filtered = computed(() => {
    const words = query.value.toLowerCase().split(/\s+/).filter(Boolean);
    if (!words.length) return sorted.value;
    return sorted.value.filter((instance) => {
      const hay = columns
        .map((c) => c.value(instance))
        .join('\n')
        .toLowerCase();
      return words.every((w) => hay.includes(w));
    });
  });
  const selectedInstances = computed(() =>
    instances.value.filter((i) => selected.value.has(i.instanceId)),
  );

  function schedule() {
    clearTimeout(timer);
    const busy = instances.value.some((i) => TRANSITIONAL_STATES.has(i.state.name));
    polling.value = busy && !disposed;
    if (busy && !disposed) timer = setTimeout(() => void load(true), pollMs);
  }

  /** `quiet`: a refresh that keeps the rows and selection on screen (polling, after an action). */
  async function load(quiet = false) {
    const mine = ++generation;
    clearTimeout(timer);
    if (!current) {
      batch(() => {
        instances.value = [];
        loaded.value = true;
      });
      return;
    }
    const { profile, signer } = current;
    batch(() => {
      loading.value = true;
      if (!quiet) {
        error.value = null;
        instances.value = [];
        selected.value = new Set();
      }
    });
    try {
      const list = await ec2List(describeInstances, profile, signer, {});
      if (mine !== generation) return;
      batch(() => {
        instances.value = list;
        error.value = null;
        loaded.value = true;
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

  const watcher = watchCurrentProfile((next) => {
    current = next;
    void load();
  });
  // A quick launch from the popup (another page) shows up here without a manual refresh.
  const onStorage = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && launchWatches.key in changes) void load(true);
  };
  browser.storage.onChanged.addListener(onStorage);

  async function act(run: (c: CurrentProfile) => Promise<InstancesNotice>): Promise<boolean> {
    if (!current) return false;
    dialogError.value = null;
    try {
      const message = await run(current);
      batch(() => {
        if (dialog.value?.kind !== 'console') dialog.value = null;
        notice.value = message;
        error.value = null;
      });
      await load(true);
      return true;
    } catch (e) {
      if (dialog.value) dialogError.value = asError(e);
      else error.value = asError(e);
      return false;
    }
  }

  function savePrefs(next: TablePrefs) {
    prefs.value = next;
    void tablePrefs.update((all) => ({ ...all, instances: next }));
  }

  return {
    columns,
    instances,
    filtered,
    visibleColumns,
    selectedInstances,
    loading,
    loaded,
    error,
    notice,
    query,
    selected,
    dialog,
    dialogError,
    prefs,
    polling,
    profile: watcher.current,
    load,
    open(next: InstancesDialog | null) {
      batch(() => {
        dialog.value = next;
        dialogError.value = null;
      });
    },
    sortBy(column: string) {
      const sort: SortOrder | null = prefs.value.sort;
      const next =
        sort?.column === column
          ? sort.desc
            ? null
            : { column, desc: true }
          : { column, desc: false };
      savePrefs({ ...prefs.value, sort: next });
    },
    toggleColumn(id: string, on: boolean) {
      const ids = on
        ? columns.map((c) => c.id).filter((c) => c === id || prefs.value.columns.includes(c))
        : prefs.value.columns.filter((c) => c !== id);
      if (ids.length) savePrefs({ ...prefs.value, columns: ids });
    },
    start: (ids: string[]) =>
      act(async ({ profile, signer }) => {
        await ec2Call(startInstances, profile, signer, { instanceIds: ids });
        return { action: 'start', ids };
      }),
    stop: (ids: string[]) =>
      act(async ({ profile, signer }) => {
        await ec2Call(stopInstances, profile, signer, { instanceIds: ids });
        return { action: 'stop', ids };
      }),
    reboot: (ids: string[]) =>
      act(async ({ profile, signer }) => {
        await ec2Call(rebootInstances, profile, signer, { instanceIds: ids });
        return { action: 'reboot', ids };
      }),
    terminate: (ids: string[]) =>
      act(async ({ profile, signer }) => {
        await ec2Call(terminateInstances, profile, signer, { instanceIds: ids });
        return { action: 'terminate', ids };
      }),
    async showConsole(instanceId: string) {
      this.open({ kind: 'console', instanceId, output: null });
      if (!current) return;
      try {
        const output = await ec2Call(getConsoleOutput, current.profile, current.signer, {
          instanceId,
        });
        const open = dialog.value;
        if (open?.kind === 'console' && open.instanceId === instanceId)
          dialog.value = { ...open, output };
      } catch (e) {
        dialogError.value = asError(e);
      }
    },
    /** Sets `set` and removes the keys in `remove`, then refreshes. */
    saveTags: (instanceId: string, set: TagInput[], remove: string[]) =>
      act(async ({ profile, signer }) => {
        if (remove.length)
          await ec2Call(deleteTags, profile, signer, {
            resources: [instanceId],
            tags: remove.map((key) => ({ key })),
          });
        if (set.length)
          await ec2Call(createTags, profile, signer, { resources: [instanceId], tags: set });
        return { action: 'tags', ids: [instanceId] };
      }),
    launched(ids: string[]) {
      notice.value = { action: 'launch', ids };
      void load(true);
    },
    nameOf,
    dispose() {
      disposed = true;
      generation++;
      clearTimeout(timer);
      watcher.dispose();
      browser.storage.onChanged.removeListener(onStorage);
    },
  };
}

export type InstancesModel = ReturnType<typeof createInstancesModel>;
