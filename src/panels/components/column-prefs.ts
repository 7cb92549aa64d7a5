// Which columns a table shows and how it is sorted, remembered per table in `tablePrefs`.

import { computed, type ReadonlySignal, signal } from '@preact/signals';
import { type TablePrefs, tablePrefs } from '../../storage/items';
import { type Column, nextSort, sortRows } from './virtual-table';

/**
 * `table` names the table in storage ("instances"); `defaults` are the columns shown until the
 * user chooses. The stored choice replaces the defaults once read, unless the user already
 * changed something in the meantime.
 */
export function createColumnPrefs<T>(
  table: string,
  columns: readonly Column<T>[],
  defaults: readonly string[],
) {
  const prefs = signal<TablePrefs>({ columns: [...defaults], sort: null });
  let changed = false;
  let disposed = false;

  const ready = tablePrefs
    .get()
    .then((all) => {
      const saved = all[table];
      if (saved && !changed && !disposed) prefs.value = saved;
    })
    // Unreadable storage leaves the defaults; the table works without its remembered choice.
    .catch(() => undefined);

  const visibleColumns = computed(() => {
    const ids = prefs.value.columns;
    return columns.filter((c) => ids.includes(c.id));
  });

  function save(next: TablePrefs) {
    changed = true;
    prefs.value = next;
    void tablePrefs.update((all) => ({ ...all, [table]: next }));
  }

  return {
    columns,
    prefs,
    visibleColumns,
    /** Resolves once the stored choice has been read (tests wait for it). */
    ready,
    /** `rows` in the remembered order. */
    sorted: (rows: ReadonlySignal<readonly T[]>) =>
      computed(() => sortRows(rows.value, columns, prefs.value.sort)),
    sortBy(column: string) {
      save({ ...prefs.value, sort: nextSort(prefs.value.sort, column) });
    },
    /** Shows or hides a column, in the table's own column order; the last one stays. */
    toggleColumn(id: string, on: boolean) {
      const ids = on
        ? columns.map((c) => c.id).filter((c) => c === id || prefs.value.columns.includes(c))
        : prefs.value.columns.filter((c) => c !== id);
      if (ids.length) save({ ...prefs.value, columns: ids });
    },
    dispose() {
      disposed = true;
    },
  };
}

export type ColumnPrefs<T> = ReturnType<typeof createColumnPrefs<T>>;
