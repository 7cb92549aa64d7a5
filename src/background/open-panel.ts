import browser from '../shared/browser';

/** Focuses an open panel tab, or opens a new one. */
export async function openPanelTab(): Promise<number | null> {
  const url = browser.runtime.getURL('panel.html');
  // Without the "tabs" permission the url filter may be ignored, so check each tab's url too.
  const tabs = await browser.tabs.query({ url: `${url}*` });
  const existing = tabs.find((tab) => tab.url?.startsWith(url));
  if (existing?.id !== undefined) {
    await browser.tabs.update(existing.id, { active: true });
    if (existing.windowId !== undefined)
      await browser.windows.update(existing.windowId, { focused: true });
    return existing.id;
  }
  const tab = await browser.tabs.create({ url });
  return tab.id ?? null;
}
