import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { manifestFor } from '../../scripts/manifest.mjs';

const source = JSON.parse(
  readFileSync(resolve(import.meta.dirname, '../../manifest.json'), 'utf8'),
);

describe('manifestFor', () => {
  test('Chrome: a service worker, the side panel, no gecko settings', () => {
    const m = manifestFor(source, 'chrome', '1.2.3');
    expect(m.version).toBe('1.2.3');
    expect(m.background).toEqual({ service_worker: 'background.js' });
    expect(m.side_panel).toEqual({ default_path: 'panel.html' });
    expect(m.permissions).toContain('sidePanel');
    expect(m).not.toHaveProperty('browser_specific_settings');
    expect(m).not.toHaveProperty('sidebar_action');
  });

  test('Firefox: background scripts, the sidebar, gecko id and data collection', () => {
    const m = manifestFor(source, 'firefox', '1.2.3');
    expect(m.background).toEqual({ scripts: ['background.js'] });
    expect(m.sidebar_action.default_panel).toBe('panel.html');
    expect(m).not.toHaveProperty('side_panel');
    expect(m.browser_specific_settings.gecko.id).toMatch(/@/);
    expect(m.browser_specific_settings.gecko.strict_min_version).toBeTruthy();
    expect(m.browser_specific_settings.gecko.data_collection_permissions).toEqual({
      required: ['none'],
    });
  });

  test('both: AWS hosts at install, every other host only on request', () => {
    for (const target of ['chrome', 'firefox'] as const) {
      const m = manifestFor(source, target, '1.0.0');
      expect(m.manifest_version).toBe(3);
      for (const host of m.host_permissions)
        expect(host).toMatch(/^https:\/\/\*\.amazonaws\.com(\.cn)?\/\*$/);
      expect(m.optional_host_permissions).toEqual(['http://*/*', 'https://*/*']);
      expect(m.permissions).not.toContain('<all_urls>');
      expect(m.action.default_popup).toBe('popup.html');
      expect(m.commands['open-panel'].suggested_key.default).toBeTruthy();
    }
  });

  test('both: extension pages run only their own scripts (no inline, eval, plugins or <base>)', () => {
    for (const target of ['chrome', 'firefox'] as const) {
      const csp: string = manifestFor(source, target, '1.0.0').content_security_policy
        .extension_pages;
      const directives = new Map(
        csp.split(';').map((d) => {
          const [name = '', ...values] = d.trim().split(/\s+/);
          return [name, values] as const;
        }),
      );
      expect(directives.get('script-src')).toEqual(["'self'"]);
      expect(directives.get('object-src')).toEqual(["'none'"]);
      expect(directives.get('base-uri')).toEqual(["'none'"]);
    }
  });

  test('the built manifests carry the policy', () => {
    const dist = resolve(import.meta.dirname, '../../dist');
    for (const target of ['chrome', 'firefox']) {
      const file = resolve(dist, target, 'manifest.json');
      if (!existsSync(file)) continue; // built by `npm test` before the unit tests
      const built = JSON.parse(readFileSync(file, 'utf8'));
      expect(built.content_security_policy).toEqual(source.content_security_policy);
    }
  });
});
