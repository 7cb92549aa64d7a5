// The state every resource panel shares around its lists: the current profile, one dialog at a
// time, the last action's notice, and actions whose errors land where they were started.

import { batch, signal } from '@preact/signals';
import type { CloudErrorData } from '../../cloud/errors';
import type { CurrentProfile } from '../current-profile';
import { asError } from '../errors';
import type { MessageKey } from '../i18n';
import type { ModelDeps } from '../model-deps';
import type { PanelId } from '../panels';
import type { ListHandle } from './resource-list';

/** What an action reports when it is done, as a message key and its substitutions. */
export interface Notice {
  key: MessageKey;
  args: string[];
  /** Something the notice names that lives in another tab (a new image): a button opens it there. */
  open?: { panel: PanelId; select: string };
}

/**
 * The panel around its lists: follows the current profile (each list reloads on a change), opens
 * one dialog at a time, and runs actions that close the dialog and refresh the lists on success,
 * or keep it open with the server's error.
 */
export function createResourcePanel<D>(deps: ModelDeps, lists: readonly ListHandle[]) {
  const dialog = signal<D | null>(null);
  const dialogError = signal<CloudErrorData | null>(null);
  const error = signal<CloudErrorData | null>(null);
  const notice = signal<Notice | null>(null);
  let current: CurrentProfile | null = null;

  const watcher = deps.profiles((next) => {
    current = next;
    batch(() => {
      // A dialog, a message or an error about the last profile means nothing for the next one.
      dialog.value = null;
      dialogError.value = null;
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

  /** Runs a change; true when it worked. Errors go to the dialog it ran from, else to the panel. */
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
      if (opened !== null && dialog.value === opened) dialogError.value = asError(e);
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
    /** Sets the notice without an action (a launch made by the launch dialog). */
    tell(next: Notice | null) {
      notice.value = next;
    },
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
