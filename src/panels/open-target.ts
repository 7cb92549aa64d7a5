// Where a reminder's Open asked the panel to go: `panel.html?tab=instances&instance=i-…` (see
// src/background/reminder-alerts.ts). Read from the page's address; the instance is taken once,
// so coming back to the tab later does not select it again.

const params = () => new URLSearchParams(globalThis.location?.search ?? '');

export const requestedTab = (): string | null => params().get('tab');

let taken = false;

/** The instance to select, the first time only. */
export function takeRequestedInstance(): string | null {
  if (taken) return null;
  taken = true;
  return params().get('instance');
}
