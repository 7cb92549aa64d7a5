import { useMemo, useState } from 'preact/hooks';
import { type Column, nextSort, type SortOrder, sortRows } from './virtual-table';

/** A table's sort order kept by the component, for tables whose order is not remembered. */
export function useSort<T>(
  rows: readonly T[],
  columns: readonly Column<T>[],
  initial: SortOrder | null = null,
) {
  const [sort, setSort] = useState<SortOrder | null>(initial);
  const sorted = useMemo(() => sortRows(rows, columns, sort), [rows, columns, sort]);
  const onSort = (column: string) => setSort(nextSort(sort, column));
  return { sorted, sort, onSort };
}
