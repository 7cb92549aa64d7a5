import { signal } from '@preact/signals';
import type { CloudErrorData } from '../cloud/errors';
import type { StorageItem } from '../storage/item';
import { asError } from './errors';
import { isPanelId, type PanelId } from './panels';

export interface ShellDeps {
  lastTab: StorageItem<string>;
  /** One round-trip to the background; rejects with a CloudError. */
  ping: () => Promise<unknown>;
  /** The tab a notification asked for (`?tab=`), shown instead of the remembered one. */
  requestedTab?: string | null;
}

/** State and actions of the app shell: which tab is open, and whether the background answers. */
export function createShellModel(deps: ShellDeps) {
  const active = signal<PanelId>('instances');
  const ready = signal(false);
  const backgroundError = signal<CloudErrorData | null>(null);
  let disposed = false;

  async function init() {
    const saved = await deps.lastTab.get().catch(() => null);
    if (disposed) return;
    if (saved && isPanelId(saved)) active.value = saved;
    if (deps.requestedTab && isPanelId(deps.requestedTab)) active.value = deps.requestedTab;
    ready.value = true;
    try {
      await deps.ping();
      if (!disposed) backgroundError.value = null;
    } catch (error) {
      if (!disposed) backgroundError.value = asError(error);
    }
  }

  function select(id: PanelId) {
    active.value = id;
    void deps.lastTab.set(id);
  }

  return {
    active,
    ready,
    backgroundError,
    init,
    select,
    dispose() {
      disposed = true;
    },
  };
}
