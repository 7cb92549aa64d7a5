// The add-ons any list can use: search as you type, remembered columns and sort order, and the
// header-click cycle.

import { signal } from '@preact/signals';
import { beforeEach, describe, expect, test } from 'vitest';
import { createColumnPrefs } from '../../../src/panels/components/column-prefs';
import { createListSearch } from '../../../src/panels/components/list-search';
import { type Column, nextSort } from '../../../src/panels/components/virtual-table';
import { tablePrefs } from '../../../src/storage/items';
import { fakeStorage } from '../../support/fake-browser';

interface Row {
  id: string;
  name: string;
}

const rows = (...names: string[]): Row[] => names.map((name, i) => ({ id: `r-${i}`, name }));

describe('search', () => {
  test('every word typed must appear, in any case, in any order', () => {
    const source = signal<readonly Row[]>(rows('Web Server', 'web proxy', 'DB server'));
    const search = createListSearch(source, (r) => r.name);
    expect(search.filtered.value).toBe(source.value);
    search.query.value = 'SERVER';
    expect(search.filtered.value.map((r) => r.name)).toEqual(['Web Server', 'DB server']);
    search.query.value = '  server   web ';
    expect(search.filtered.value.map((r) => r.name)).toEqual(['Web Server']);
    search.query.value = 'nothing';
    expect(search.filtered.value).toEqual([]);
  });

  test("each row's text is made when the row arrives, once, not on the first keystroke", () => {
    const made: string[] = [];
    const source = signal<readonly Row[]>([]);
    const search = createListSearch(source, (r) => {
      made.push(r.id);
      return r.name;
    });
    const first = rows('a', 'b');
    source.value = first;
    expect(made).toEqual(['r-0', 'r-1']);
    // A streamed list grows: only the new rows are indexed.
    const more = [...first, { id: 'r-2', name: 'c' }];
    source.value = more;
    expect(made).toEqual(['r-0', 'r-1', 'r-2']);

    search.query.value = 'c';
    expect(search.filtered.value.map((r) => r.id)).toEqual(['r-2']);
    search.query.value = 'b';
    expect(made).toEqual(['r-0', 'r-1', 'r-2']);
  });

  test('a list replaced by other rows is searched by its own texts', () => {
    const source = signal<readonly Row[]>(rows('alpha', 'beta', 'gamma'));
    const search = createListSearch(source, (r) => r.name);
    search.query.value = 'a';
    expect(search.filtered.value).toHaveLength(3);
    source.value = rows('delta');
    expect(search.filtered.value.map((r) => r.name)).toEqual(['delta']);
    source.value = [];
    expect(search.filtered.value).toEqual([]);
  });
});

describe('column preferences', () => {
  const columns: Column<Row>[] = [
    { id: 'id', label: 'ID', value: (r) => r.id },
    { id: 'name', label: 'Name', value: (r) => r.name },
    { id: 'extra', label: 'Extra', value: () => '' },
  ];

  beforeEach(async () => {
    await fakeStorage.local.clear();
  });

  test('the stored choice replaces the defaults', async () => {
    await tablePrefs.set({ things: { columns: ['name'], sort: { column: 'name', desc: true } } });
    const prefs = createColumnPrefs('things', columns, ['id', 'name']);
    expect(prefs.visibleColumns.value.map((c) => c.id)).toEqual(['id', 'name']);
    await prefs.ready;
    expect(prefs.visibleColumns.value.map((c) => c.id)).toEqual(['name']);
    expect(prefs.prefs.value.sort).toEqual({ column: 'name', desc: true });
  });

  test('sorting and showing columns are saved, per table, in the columns own order', async () => {
    await tablePrefs.set({ other: { columns: ['x'], sort: null } });
    const prefs = createColumnPrefs('things', columns, ['name']);
    await prefs.ready;
    prefs.toggleColumn('extra', true);
    prefs.toggleColumn('id', true);
    expect(prefs.visibleColumns.value.map((c) => c.id)).toEqual(['id', 'name', 'extra']);
    prefs.sortBy('name');
    const rowsIn = signal<readonly Row[]>(rows('b', 'a', 'c'));
    const sorted = prefs.sorted(rowsIn);
    expect(sorted.value.map((r) => r.name)).toEqual(['a', 'b', 'c']);
    prefs.sortBy('name');
    expect(sorted.value.map((r) => r.name)).toEqual(['c', 'b', 'a']);

    await expect
      .poll(async () => (await tablePrefs.get()).things)
      .toEqual({
        columns: ['id', 'name', 'extra'],
        sort: { column: 'name', desc: true },
      });
    expect((await tablePrefs.get()).other).toEqual({ columns: ['x'], sort: null });
  });

  test('the last column cannot be hidden', async () => {
    const prefs = createColumnPrefs('things', columns, ['name']);
    await prefs.ready;
    prefs.toggleColumn('name', false);
    expect(prefs.visibleColumns.value.map((c) => c.id)).toEqual(['name']);
  });

  test('a choice made before the stored one was read is not overwritten by it', async () => {
    await tablePrefs.set({ things: { columns: ['id'], sort: null } });
    const prefs = createColumnPrefs('things', columns, ['id', 'name']);
    prefs.sortBy('id');
    await prefs.ready;
    expect(prefs.prefs.value).toEqual({
      columns: ['id', 'name'],
      sort: { column: 'id', desc: false },
    });
  });
});

test('a header click sorts ascending, then descending, then not at all; another column starts over', () => {
  let sort = nextSort(null, 'name');
  expect(sort).toEqual({ column: 'name', desc: false });
  sort = nextSort(sort, 'name');
  expect(sort).toEqual({ column: 'name', desc: true });
  expect(nextSort(sort, 'name')).toBeNull();
  expect(nextSort(sort, 'id')).toEqual({ column: 'id', desc: false });
});
