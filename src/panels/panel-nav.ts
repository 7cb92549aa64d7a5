// How a panel opens another one with something selected, without knowing the shell: the shell
// provides this through context, and a panel's component hands the request to its model.

import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { PanelId } from './panels';
import type { PanelRequest } from './shell-model';

export interface PanelNav {
  /** Shows panel `id`; its model, made anew, finds `request` with take(). */
  open(id: PanelId, request?: PanelRequest): void;
  /** The request made for panel `id`, once; null when it was opened from its tab. */
  take(id: PanelId): PanelRequest | null;
}

const nowhere: PanelNav = { open: () => undefined, take: () => null };

export const PanelNavContext = createContext<PanelNav>(nowhere);

export function usePanelNav(): PanelNav {
  return useContext(PanelNavContext);
}
