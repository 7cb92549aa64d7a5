import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test } from 'vitest';
import { panels } from '../../src/panels/panels';

// Folders under src/panels/ that are not tabs.
const NOT_PANELS = new Set(['components', 'popup', 'launch', 'graphs']);

test('every panel folder is registered, and every registered panel has a folder', () => {
  const folders = readdirSync(resolve(import.meta.dirname, '../../src/panels'), {
    withFileTypes: true,
  })
    .filter((entry) => entry.isDirectory() && !NOT_PANELS.has(entry.name))
    .map((entry) => entry.name)
    .sort();
  expect(panels.map((panel) => panel.id).sort()).toEqual(folders);
});

test('the tab bar has its tabs in order, the Overview first', () => {
  expect(panels.map((panel) => panel.id)).toEqual([
    'overview',
    'instances',
    'images',
    'keypairs',
    'security-groups',
    'addresses',
    'volumes',
    'zones',
    'alarms',
    's3',
    'iam',
    'profiles',
  ]);
});
