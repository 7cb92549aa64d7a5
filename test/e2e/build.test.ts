// Checks on the built extension as it ships: both manifests, both zips, web-ext lint, size budgets.
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';
import { BUDGET, measure } from '../../bench/bundle-size.mjs';

const root = resolve(import.meta.dirname, '../..');
const dist = resolve(root, 'dist');
const read = (path: string) => JSON.parse(readFileSync(resolve(dist, path), 'utf8'));
const { version } = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8'));

describe('the build', () => {
  test('writes a Chrome MV3 build with a service worker', () => {
    const m = read('chrome/manifest.json');
    expect(m.manifest_version).toBe(3);
    expect(m.background.service_worker).toBe('background.js');
    for (const file of [
      'background.js',
      'panel.html',
      'popup.html',
      'icons/icon-128.png',
      '_locales/ja/messages.json',
    ]) {
      expect(existsSync(resolve(dist, 'chrome', file)), file).toBe(true);
    }
  });

  test('writes a Firefox MV3 build with background scripts and gecko settings', () => {
    const m = read('firefox/manifest.json');
    expect(m.background.scripts).toEqual(['background.js']);
    expect(m.browser_specific_settings.gecko.id).toBeTruthy();
    expect(existsSync(resolve(dist, 'firefox/panel.html'))).toBe(true);
  });

  test('packs an installable zip for each browser', () => {
    for (const browser of ['chrome', 'firefox']) {
      expect(existsSync(resolve(dist, `zips/cirrus-${browser}-${version}.zip`)), browser).toBe(
        true,
      );
    }
  });

  test('web-ext lint finds no errors in the Firefox build', async () => {
    const { stdout } = await promisify(execFile)(
      resolve(root, 'node_modules/.bin/web-ext'),
      [
        'lint',
        '--source-dir',
        resolve(dist, 'firefox'),
        '--output',
        'json',
        '--no-config-discovery',
      ],
      { maxBuffer: 16 * 1024 * 1024 },
    ).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }));
    const report = JSON.parse(stdout) as {
      summary: { errors: number };
      errors: Array<{ code: string }>;
    };
    expect(report.errors.map((e) => e.code)).toEqual([]);
    expect(report.summary.errors).toBe(0);
  });

  test('stays within the size budgets', () => {
    const m = measure(resolve(dist, 'chrome'));
    expect(m.panelBytes).toBeLessThanOrEqual(BUDGET.panelKb * 1024);
    expect(m.backgroundBytes).toBeLessThanOrEqual(BUDGET.backgroundKb * 1024);
    expect(m.productBytes).toBeLessThanOrEqual(BUDGET.productKb * 1024);
    // The measurement must see real code, or the budget proves nothing.
    expect(m.panelBytes).toBeGreaterThan(5 * 1024);
  });
});
