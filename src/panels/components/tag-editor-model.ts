// The state of one open tag editor: its rows as typed, and what a save would do or why it may
// not. The rows live here, not in the dialog's markup, so a refusal never loses what was typed.

import { computed, signal } from '@preact/signals';
import {
  callCount,
  partialKeys,
  planTagChanges,
  startRows,
  type TaggedResource,
  type TagPlan,
  type TagRow,
} from './tag-changes';

export function createTagEditor(resources: readonly TaggedResource[]) {
  const rows = signal<TagRow[]>(startRows(resources));
  let nextId = rows.value.length;
  /** Problems show once a save was tried, then follow every edit. */
  const tried = signal(false);
  const result = computed(() => planTagChanges(resources, rows.value));
  const problems = computed(() => (tried.value ? result.value.problems : []));

  function patch(id: number, change: Partial<TagRow>) {
    rows.value = rows.value.map((row) =>
      row.id === id && !row.reserved ? { ...row, ...change } : row,
    );
  }

  return {
    resources,
    rows,
    problems,
    /** Keys only some of the resources have; the editor leaves them alone. */
    partial: partialKeys(resources),
    /** True when a save would change something. */
    changed: computed(() => callCount(result.value.plan) > 0),
    add() {
      rows.value = [
        ...rows.value,
        { id: nextId++, key: '', value: '', original: null, mixed: false, reserved: false },
      ];
    },
    setKey: (id: number, key: string) => patch(id, { key }),
    /** A typed value is one value for all the resources, no longer "different values". */
    setValue: (id: number, value: string) => patch(id, { value, mixed: false }),
    remove(id: number) {
      rows.value = rows.value.filter((row) => row.id !== id || row.reserved);
    },
    /** The calls to make, or null (problems shown) when AWS would refuse the rows. */
    plan(): TagPlan | null {
      tried.value = true;
      return result.value.problems.length ? null : result.value.plan;
    },
  };
}

export type TagEditor = ReturnType<typeof createTagEditor>;
