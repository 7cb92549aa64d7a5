import { useMemo, useState } from 'preact/hooks';
import { type Column, type SortOrder, sortRows } from './virtual-table';

/** Click a header: ascending, then descending, then unsorted (the server's order). */
export function useSort<T>(
  rows: readonly T[],
  columns: readonly Column<T>[],
  initial: SortOrder | null = null,
) {
  const [sort, setSort] = useState<SortOrder | null>(initial);
  const sorted = useMemo(() => sortRows(rows, columns, sort), [rows, columns, sort]);
  const onSort = (column: string) =>
    setSort(
      sort?.column === column
        ? sort.desc
          ? null
          : { column, desc: true }
        : { column, desc: false },
    );
  return { sorted, sort, onSort };
}
