import type { ComponentChildren } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';

export interface Column<T> {
  id: string;
  label: string;
  /** The cell's text; also what sorting and copying use unless `sortValue` says otherwise. */
  value: (row: T) => string;
  /** A key that sorts right (numbers, times) where the text would not. */
  sortValue?: (row: T) => string | number;
  /** The cell's content when it is more than text (a state badge); text-only by default. */
  render?: (row: T) => ComponentChildren;
  width?: string;
}

export interface SortOrder {
  column: string;
  desc: boolean;
}

interface Props<T> {
  label: string;
  rows: readonly T[];
  columns: readonly Column<T>[];
  rowKey: (row: T) => string;
  sort?: SortOrder | null;
  onSort?: (column: string) => void;
  selected?: ReadonlySet<string>;
  onSelect?: (keys: Set<string>) => void;
  /** Enter or a double click on a row. */
  onOpen?: (row: T) => void;
  rowHeight?: number;
  /** A row to scroll to (and focus) once it is among the rows, e.g. a search match opened. */
  reveal?: string | null;
}

// Rows drawn beyond the viewport on each side, so a fast scroll does not show blank space.
const OVERSCAN = 8;

/**
 * A table that keeps only the visible rows in the DOM (100,000 images scroll like 100), with
 * sortable headers, click / Ctrl-click / Shift-click selection and arrow-key navigation.
 */
export function VirtualTable<T>(props: Props<T>) {
  const { rows, columns, rowKey, selected, onSelect } = props;
  const rowHeight = props.rowHeight ?? 28;
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(600);
  const [focusIndex, setFocusIndex] = useState(0);
  const anchor = useRef<number | null>(null);

  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const measure = () => setViewport(element.clientHeight || 600);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  // A shorter list (a filter keystroke) must not leave the view scrolled past its end.
  useEffect(() => {
    const element = scroller.current;
    if (element && element.scrollTop > rows.length * rowHeight) {
      element.scrollTop = 0;
      setScrollTop(0);
    }
    if (focusIndex >= rows.length) setFocusIndex(Math.max(0, rows.length - 1));
  }, [rows.length, rowHeight, focusIndex]);

  // Once per key: the rows grow page by page, and the user may scroll away after the reveal.
  const revealed = useRef<string | null>(null);
  const reveal = props.reveal ?? null;
  useEffect(() => {
    if (reveal === null) revealed.current = null;
    if (reveal === null || revealed.current === reveal) return;
    const index = rows.findIndex((row) => rowKey(row) === reveal);
    const element = scroller.current;
    if (index < 0 || !element) return;
    revealed.current = reveal;
    setFocusIndex(index);
    element.scrollTop = Math.max(0, index * rowHeight - element.clientHeight / 2);
    setScrollTop(element.scrollTop);
  }, [reveal, rows, rowKey, rowHeight]);

  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - OVERSCAN);
  const last = Math.min(rows.length, Math.ceil((scrollTop + viewport) / rowHeight) + OVERSCAN);
  const visible = rows.slice(first, last);

  function select(index: number, event: { ctrlKey: boolean; metaKey: boolean; shiftKey: boolean }) {
    const row = rows[index];
    if (!onSelect || row === undefined) return;
    const key = rowKey(row);
    if (event.shiftKey && anchor.current !== null) {
      const [from, to] = [anchor.current, index].sort((a, b) => a - b) as [number, number];
      const keys = new Set(event.ctrlKey || event.metaKey ? selected : []);
      for (let i = from; i <= to; i++) {
        const r = rows[i];
        if (r !== undefined) keys.add(rowKey(r));
      }
      onSelect(keys);
      return;
    }
    anchor.current = index;
    if (event.ctrlKey || event.metaKey) {
      const keys = new Set(selected);
      if (keys.has(key)) keys.delete(key);
      else keys.add(key);
      onSelect(keys);
    } else {
      onSelect(new Set([key]));
    }
  }

  function moveFocus(index: number, event: KeyboardEvent) {
    const next = Math.max(0, Math.min(rows.length - 1, index));
    setFocusIndex(next);
    select(next, { ctrlKey: false, metaKey: false, shiftKey: event.shiftKey });
    const element = scroller.current;
    if (!element) return;
    const top = next * rowHeight;
    if (top < element.scrollTop) element.scrollTop = top;
    else if (top + rowHeight > element.scrollTop + element.clientHeight - rowHeight)
      element.scrollTop = top + 2 * rowHeight - element.clientHeight;
  }

  function onKeyDown(event: KeyboardEvent) {
    const page = Math.max(1, Math.floor(viewport / rowHeight) - 1);
    const moves: Record<string, number> = {
      ArrowDown: focusIndex + 1,
      ArrowUp: focusIndex - 1,
      PageDown: focusIndex + page,
      PageUp: focusIndex - page,
      Home: 0,
      End: rows.length - 1,
    };
    const target = moves[event.key];
    if (target !== undefined && rows.length > 0) {
      event.preventDefault();
      moveFocus(target, event);
    } else if (event.key === 'Enter' && props.onOpen) {
      const row = rows[focusIndex];
      if (row !== undefined) props.onOpen(row);
    } else if (event.key === 'a' && (event.ctrlKey || event.metaKey) && onSelect) {
      event.preventDefault();
      onSelect(new Set(rows.map(rowKey)));
    }
  }

  const sort = props.sort;
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: the scroller takes the arrow keys for its rows
    <div
      class="vtable"
      ref={scroller}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable list must be reachable by keyboard
      tabIndex={0}
      onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
      onKeyDown={onKeyDown}
    >
      <table aria-label={props.label} aria-rowcount={rows.length + 1}>
        <thead>
          <tr aria-rowindex={1}>
            {columns.map((column) => {
              const sorted = sort?.column === column.id;
              return (
                <th
                  key={column.id}
                  style={column.width ? { width: column.width } : undefined}
                  aria-sort={sorted ? (sort?.desc ? 'descending' : 'ascending') : undefined}
                >
                  {props.onSort ? (
                    <button
                      type="button"
                      class="sort-button"
                      onClick={() => props.onSort?.(column.id)}
                    >
                      {column.label}
                      <span aria-hidden="true">{sorted ? (sort?.desc ? ' ▼' : ' ▲') : ''}</span>
                    </button>
                  ) : (
                    column.label
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {first > 0 && <tr class="spacer" style={{ height: `${first * rowHeight}px` }} />}
          {visible.map((row, offset) => {
            const index = first + offset;
            const key = rowKey(row);
            const isSelected = selected?.has(key) ?? false;
            return (
              <tr
                key={key}
                aria-rowindex={index + 2}
                aria-selected={onSelect ? isSelected : undefined}
                class={`${isSelected ? 'selected' : ''}${index === focusIndex ? ' focused' : ''}`}
                style={{ height: `${rowHeight}px` }}
                data-key={key}
                onClick={(e) => {
                  setFocusIndex(index);
                  select(index, e);
                }}
                onDblClick={() => props.onOpen?.(row)}
              >
                {columns.map((column) => (
                  <td key={column.id} title={column.value(row)}>
                    {column.render ? column.render(row) : column.value(row)}
                  </td>
                ))}
              </tr>
            );
          })}
          {last < rows.length && (
            <tr class="spacer" style={{ height: `${(rows.length - last) * rowHeight}px` }} />
          )}
        </tbody>
      </table>
    </div>
  );
}

/** A header click: ascending, then descending, then unsorted (the server's order). */
export function nextSort(sort: SortOrder | null, column: string): SortOrder | null {
  if (sort?.column !== column) return { column, desc: false };
  return sort.desc ? null : { column, desc: true };
}

/** Sorts a copy by a column, numbers and times by their sort key, text by locale-aware order. */
export function sortRows<T>(
  rows: readonly T[],
  columns: readonly Column<T>[],
  order: SortOrder | null,
): T[] {
  const column = order && columns.find((c) => c.id === order.column);
  if (!column || !order) return rows.slice();
  const key = column.sortValue ?? column.value;
  const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });
  const keyed = rows.map((row) => ({ row, k: key(row) }));
  keyed.sort((a, b) => {
    const result =
      typeof a.k === 'number' && typeof b.k === 'number'
        ? a.k - b.k
        : collator.compare(String(a.k), String(b.k));
    return order.desc ? -result : result;
  });
  return keyed.map((entry) => entry.row);
}
