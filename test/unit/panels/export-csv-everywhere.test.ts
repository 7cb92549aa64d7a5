// Every EC2 list's toolbar offers Export CSV of what it shows (a new list must not forget it).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test } from 'vitest';

const root = resolve(import.meta.dirname, '../../..');
const read = (file: string) => readFileSync(resolve(root, 'src/panels', file), 'utf8');

test.each([
  ['instances/instances-panel.tsx', ['instances']],
  ['images/images-panel.tsx', ['images']],
  ['keypairs/keypairs-panel.tsx', ['key-pairs']],
  ['security-groups/security-groups-panel.tsx', ['security-groups']],
  ['addresses/addresses-panel.tsx', ['addresses']],
  ['volumes/volumes-panel.tsx', ['volumes', 'snapshots']],
  ['zones/zones-panel.tsx', ['zones']],
  ['alarms/alarms-panel.tsx', ['alarms']],
])('%s exports %j', (file, tables) => {
  const source = read(file);
  for (const table of tables) expect(source).toContain(`table="${table}"`);
  expect(source.match(/<ExportCsvButton/g)?.length).toBe(tables.length);
  // Of the table as drawn: never the raw list, which is neither searched nor sorted.
  expect(source).not.toMatch(/<ExportCsvButton[^>]*rows=\{[^}]*\.rows\.value/);
});
