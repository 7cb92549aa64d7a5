import browser from '../shared/browser';

/**
 * Focuses an open panel tab, or opens a new one. With `query` (`?tab=instances&instance=i-…`) the
 * panel is shown at that place: an open tab is loaded again with it.
 */
export async function openPanelTab(query = ''): Promise<number | null> {
  const url = browser.runtime.getURL('panel.html');
  // Without the "tabs" permission the url filter may be ignored, so check each tab's url too.
  const tabs = await browser.tabs.query({ url: `${url}*` });
  const existing = tabs.find((tab) => tab.url?.startsWith(url));
  if (existing?.id !== undefined) {
    await browser.tabs.update(existing.id, { active: true, ...(query && { url: url + query }) });
    if (existing.windowId !== undefined)
      await browser.windows.update(existing.windowId, { focused: true });
    return existing.id;
  }
  const tab = await browser.tabs.create({ url: url + query });
  return tab.id ?? null;
}
