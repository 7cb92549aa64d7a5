// Search as you type over any list: every word typed must appear in the row's text, and every
// `tag:KEY=VALUE` term must be one of its tags (tag-filter.ts).

import { computed, effect, type ReadonlySignal, signal } from '@preact/signals';
import type { Tag } from '../../cloud/ec2';
import { queryNeedles, tagText } from './tag-filter';

/**
 * `text` gives what a row is found by. Each row's lower-case text is made once, when the row
 * arrives (a streamed list extends it page by page), never on a keystroke: with 100,000 images a
 * first keystroke that had to make them all would take a tenth of a second or more.
 */
export function createListSearch<T>(
  rows: ReadonlySignal<readonly T[]>,
  text: (row: T) => string,
  /** A row's tags: found by their keys and values, and by `tag:` terms. */
  tags?: (row: T) => readonly Tag[],
) {
  // Most rows of a big list have no tags: their text is left as it is, not copied.
  const textOf = tags
    ? (row: T) => {
        const own = text(row);
        const tagged = tagText(tags(row));
        return tagged ? `${own}\n${tagged}` : own;
      }
    : text;
  const query = signal('');
  let indexed: readonly T[] = [];
  let haystacks: string[] = [];

  /** The texts of `all`, made only for rows not already at the same place in the last list. */
  function haystacksOf(all: readonly T[]): string[] {
    if (all === indexed) return haystacks;
    let same = 0;
    const end = Math.min(all.length, haystacks.length);
    while (same < end && all[same] === indexed[same]) same++;
    const next = same === haystacks.length ? haystacks : haystacks.slice(0, same);
    for (let i = same; i < all.length; i++) next.push(textOf(all[i] as T).toLowerCase());
    indexed = all;
    haystacks = next;
    return haystacks;
  }

  // Indexes each new list of rows as soon as it is set, not when someone first searches it.
  const stop = effect(() => void haystacksOf(rows.value));

  const filtered = computed((): readonly T[] => {
    const all = rows.value;
    const words = queryNeedles(query.value);
    if (words.length === 0) return all;
    const hays = haystacksOf(all);
    const out: T[] = [];
    for (let i = 0; i < all.length; i++) {
      const hay = hays[i] as string;
      let found = true;
      for (const word of words) {
        if (!hay.includes(word)) {
          found = false;
          break;
        }
      }
      if (found) out.push(all[i] as T);
    }
    return out;
  });

  return {
    query,
    filtered,
    dispose: stop,
  };
}

export type ListSearch<T> = ReturnType<typeof createListSearch<T>>;
