import { signal } from '@preact/signals';
import type { CloudErrorData } from '../cloud/errors';
import type { StorageItem } from '../storage/item';
import { asError } from './errors';
import { isPanelId, type PanelId, panels } from './panels';

export interface ShellDeps {
  lastTab: StorageItem<string>;
  /** One round-trip to the background; rejects with a CloudError. */
  ping: () => Promise<unknown>;
  /** What a notification asked for in the page's address, shown instead of the remembered tab. */
  requested?: AddressRequest | null;
}

/** `?tab=ID&instance=ID`: a tab (any string: checked here) and, optionally, a row to select. */
export interface AddressRequest {
  tab: string;
  select?: string;
}

/** What a panel opened by another one is asked to show: a row to select (an instance id). */
export interface PanelRequest {
  select?: string;
}

/** State and actions of the app shell: which tab is open, and whether the background answers. */
export function createShellModel(deps: ShellDeps) {
  const active = signal<PanelId>(panels[0].id);
  const ready = signal(false);
  /** Counts openPanel calls: the shown panel is made anew for each, even when it is the same tab. */
  const visit = signal(0);
  let request: ({ id: PanelId } & PanelRequest) | null = null;
  const backgroundError = signal<CloudErrorData | null>(null);
  let disposed = false;

  async function init() {
    const saved = await deps.lastTab.get().catch(() => null);
    if (disposed) return;
    if (saved && isPanelId(saved)) active.value = saved;
    const asked = deps.requested;
    if (asked && isPanelId(asked.tab)) {
      active.value = asked.tab;
      // Taken by the tab's model as it is made, exactly like a request from openPanel.
      if (asked.select) request = { id: asked.tab, select: asked.select };
    }
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

  /**
   * One panel opening another with something selected (Overview → an instance in Instances). The
   * request waits for the target panel's model, which takes it once when it is created.
   */
  function openPanel(id: PanelId, opts: PanelRequest = {}) {
    request = { id, ...opts };
    visit.value++;
    select(id);
  }

  /** The request made for panel `id`, if any; a second call returns null. */
  function takeRequest(id: PanelId): PanelRequest | null {
    if (request?.id !== id) return null;
    const { id: _, ...taken } = request;
    request = null;
    return taken;
  }

  return {
    active,
    ready,
    backgroundError,
    visit,
    init,
    select,
    openPanel,
    takeRequest,
    dispose() {
      disposed = true;
    },
  };
}
