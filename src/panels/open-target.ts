// Where a reminder's Open asked the panel to go: `panel.html?tab=instances&instance=i-…` (see
// src/background/reminder-alerts.ts). Read from the page's address once, when the shell starts;
// the shell hands it to the tab as it would a request from another tab (openPanel), so the row is
// selected once and coming back to the tab later does not select it again.

import type { AddressRequest } from './shell-model';

export function requestFromAddress(): AddressRequest | null {
  const params = new URLSearchParams(globalThis.location?.search ?? '');
  const tab = params.get('tab');
  if (!tab) return null;
  const select = params.get('instance');
  return select ? { tab, select } : { tab };
}
