import type { Handlers } from '../shared/messages';
import { workerState } from '../storage/items';
import { openPanelTab } from './open-panel';

/** Identifies this run of the worker; a restarted worker gets a new one. */
const worker = crypto.randomUUID();

export const handlers = {
  async ping({ echo }) {
    const { calls } = await workerState.update((s) => ({ calls: s.calls + 1 }));
    return { echo, worker, calls };
  },
  async openPanel() {
    return { tabId: await openPanelTab() };
  },
} satisfies Handlers;
