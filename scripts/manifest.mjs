// @ts-check
// Writes the Chrome and Firefox manifests from the one source manifest.json.

/** @typedef {'chrome' | 'firefox'} Target */

/**
 * @param {Record<string, any>} source the parsed manifest.json
 * @param {Target} target
 * @param {string} version from package.json
 * @returns {Record<string, any>}
 */
export function manifestFor(source, target, version) {
  const manifest = structuredClone(source);
  manifest.version = version;
  if (target === 'chrome') {
    // Chrome knows neither the gecko settings nor the Firefox sidebar, and warns about both.
    delete manifest.browser_specific_settings;
    delete manifest.sidebar_action;
    manifest.permissions = [...manifest.permissions, 'sidePanel'];
  } else {
    // Firefox MV3 runs the background as an event page, not a service worker.
    manifest.background = { scripts: [manifest.background.service_worker] };
    delete manifest.side_panel;
  }
  return manifest;
}
