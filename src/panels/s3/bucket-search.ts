// "Search the whole bucket": the form's fields, a run that streams matches into the list while
// the listing goes on (a Cancel aborts it), and opening a match in its folder with it selected.

import { batch, computed, signal } from '@preact/signals';
import type { CloudErrorData } from '../../cloud/errors';
import {
  type ObjectFilter,
  type ObjectSummary,
  parseSize,
  parseWhen,
  searchObjects,
} from '../../cloud/s3';
import type { CurrentProfile } from '../current-profile';
import { asError } from '../errors';

/** A field the search refused, so the form can say which. */
export type SearchProblem = 'minSize' | 'maxSize' | 'after' | 'before' | 'sizeRange' | 'dateRange';

export interface BucketSearchDeps {
  bucket: { readonly value: string | null };
  prefix: { readonly value: string };
  /** The profile and signer for a bucket's requests. */
  at: (bucket: string) => Promise<CurrentProfile>;
  /** Shows a folder with these keys selected (the object browser's openPrefix). */
  openPrefix: (prefix: string, select?: readonly string[]) => void;
}

export function createBucketSearch(deps: BucketSearchDeps) {
  const active = signal(false);
  const pattern = signal('');
  const caseInsensitive = signal(true);
  /** Search only the open folder and what is under it, not the whole bucket. */
  const underPrefix = signal(false);
  const minSize = signal('');
  const maxSize = signal('');
  const after = signal('');
  const before = signal('');
  const running = signal(false);
  /** Set once a search has finished (or been cancelled), for the summary line. */
  const finished = signal<'done' | 'cancelled' | null>(null);
  const scanned = signal(0);
  const results = signal<ObjectSummary[]>([]);
  const error = signal<CloudErrorData | null>(null);
  const problem = signal<SearchProblem | null>(null);
  /** The prefix the shown results were searched under. */
  const searchedPrefix = signal('');
  const matched = computed(() => results.value.length);
  let controller: AbortController | null = null;
  let generation = 0;

  function readFilter(): ObjectFilter | SearchProblem {
    const filter: ObjectFilter = {};
    const min = parseSize(minSize.value);
    const max = parseSize(maxSize.value);
    const from = parseWhen(after.value);
    const to = parseWhen(before.value);
    if (min === null) return 'minSize';
    if (max === null) return 'maxSize';
    if (from === null) return 'after';
    if (to === null) return 'before';
    if (min !== undefined) filter.minSize = min;
    if (max !== undefined) filter.maxSize = max;
    if (from !== undefined) filter.after = from;
    if (to !== undefined) filter.before = to;
    if (min !== undefined && max !== undefined && min > max) return 'sizeRange';
    if (from !== undefined && to !== undefined && from >= to) return 'dateRange';
    return filter;
  }

  function cancel() {
    controller?.abort();
  }

  async function run() {
    const name = deps.bucket.value;
    if (!name) return;
    const filter = readFilter();
    if (typeof filter === 'string') {
      problem.value = filter;
      return;
    }
    cancel();
    const mine = ++generation;
    const abort = new AbortController();
    controller = abort;
    const at = underPrefix.value ? deps.prefix.value : '';
    // One array grown in place and handed out anew per page (copying per match would be O(n²)).
    const found: ObjectSummary[] = [];
    batch(() => {
      problem.value = null;
      error.value = null;
      finished.value = null;
      running.value = true;
      scanned.value = 0;
      results.value = [];
      searchedPrefix.value = at;
    });
    try {
      const where = await deps.at(name);
      await searchObjects(where.profile, where.signer, name, {
        prefix: at,
        pattern: pattern.value,
        caseInsensitive: caseInsensitive.value,
        filter,
        signal: abort.signal,
        onMatches(matches, count) {
          if (mine !== generation) return;
          batch(() => {
            scanned.value = count;
            if (matches.length) {
              found.push(...matches);
              results.value = found.slice();
            }
          });
        },
      });
      if (mine === generation) finished.value = 'done';
    } catch (e) {
      if (mine !== generation) return;
      if (abort.signal.aborted) finished.value = 'cancelled';
      else error.value = asError(e);
    } finally {
      if (mine === generation) {
        running.value = false;
        controller = null;
      }
    }
  }

  /** Back to browsing: any running search stops, and what it found is forgotten. */
  function close() {
    cancel();
    generation++;
    batch(() => {
      active.value = false;
      running.value = false;
      finished.value = null;
      scanned.value = 0;
      results.value = [];
      error.value = null;
      problem.value = null;
    });
  }

  return {
    active,
    pattern,
    caseInsensitive,
    underPrefix,
    minSize,
    maxSize,
    after,
    before,
    running,
    finished,
    scanned,
    results,
    matched,
    error,
    problem,
    searchedPrefix,
    run,
    cancel,
    close,
    open() {
      active.value = true;
    },
    /** Shows a match's folder with the match selected; the search closes. */
    openMatch(key: string) {
      const folder = key.slice(0, key.lastIndexOf('/') + 1);
      close();
      deps.openPrefix(folder, [key]);
    },
  };
}

export type BucketSearch = ReturnType<typeof createBucketSearch>;
