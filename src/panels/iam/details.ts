// The details pane of a list: what is read about the one selected row, reloaded when the selection
// or the rows change (after an action), with a generation guard so a slow answer for a row no
// longer selected is dropped.

import { effect, type ReadonlySignal, signal } from '@preact/signals';
import type { CloudErrorData } from '../../cloud/errors';
import { asError } from '../errors';

export interface DetailsState<D> {
  key: string;
  data: D | null;
  error: CloudErrorData | null;
  loading: boolean;
}

export function createDetails<T, D>(
  selected: ReadonlySignal<readonly T[]>,
  key: (row: T) => string,
  read: (row: T) => Promise<D>,
) {
  const state = signal<DetailsState<D> | null>(null);
  let generation = 0;

  async function load(row: T) {
    const mine = ++generation;
    const k = key(row);
    const before = state.peek();
    // The same row again (after an action) keeps its details on screen while they reload.
    state.value = {
      key: k,
      data: before?.key === k ? before.data : null,
      error: null,
      loading: true,
    };
    try {
      const data = await read(row);
      if (mine === generation) state.value = { key: k, data, error: null, loading: false };
    } catch (e) {
      if (mine === generation)
        state.value = { key: k, data: null, error: asError(e), loading: false };
    }
  }

  const stop = effect(() => {
    const rows = selected.value;
    const only = rows.length === 1 ? rows[0] : undefined;
    if (only === undefined) {
      generation++;
      state.value = null;
      return;
    }
    void load(only);
  });

  return {
    state,
    dispose() {
      generation++;
      stop();
    },
  };
}
