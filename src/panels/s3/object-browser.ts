// Browsing: the bucket list (with regions) and a bucket's objects under a prefix, one level at a
// time, listed page by page; a newer listing makes an older one's pages count for nothing.

import { batch, computed, signal } from '@preact/signals';
import type { CloudErrorData } from '../../cloud/errors';
import { type BucketSummary, listBuckets, listObjects, type ObjectSummary } from '../../cloud/s3';
import type { CurrentProfile } from '../current-profile';
import { asError } from '../errors';
import { findRegions } from './bucket-regions';
import type { BucketTargets } from './bucket-target';

/** A row of the object list: a folder (common prefix) or an object. */
export type Entry =
  | { kind: 'folder'; key: string; name: string }
  | { kind: 'object'; key: string; name: string; object: ObjectSummary };

export interface BrowserSource {
  /** The followed profile and its bucket targets, or null without a profile. */
  where(): { current: CurrentProfile; targets: BucketTargets } | null;
}

export function createObjectBrowser(source: BrowserSource) {
  const buckets = signal<BucketSummary[]>([]);
  const bucket = signal<string | null>(null);
  const prefix = signal('');
  const entries = signal<Entry[]>([]);
  const loading = signal(false);
  const error = signal<CloudErrorData | null>(null);
  const selected = signal<ReadonlySet<string>>(new Set());
  const query = signal('');
  /** A key to scroll into view once listed (a search match opened in its folder). */
  const reveal = signal<string | null>(null);
  /** Region per bucket as far as known (AWS looks each up; other clouds have one). */
  const regions = signal<ReadonlyMap<string, string>>(new Map());
  let generation = 0;

  const filtered = computed(() => {
    const q = query.value.toLowerCase();
    return q ? entries.value.filter((e) => e.name.toLowerCase().includes(q)) : entries.value;
  });

  async function loadBuckets() {
    const here = source.where();
    if (!here) return;
    const { current, targets } = here;
    try {
      const listed = (await listBuckets(current.profile, current.signer)).sort((a, b) =>
        a.name.localeCompare(b.name),
      );
      for (const b of listed) if (b.region) targets.know(b.name, b.region);
      buckets.value = listed;
      error.value = null;
      // Shown only while the same profile is followed: its targets are the ones that looked.
      void findRegions(targets, listed, (found) => {
        if (source.where()?.targets === targets) regions.value = found;
      });
    } catch (e) {
      error.value = asError(e);
    }
  }

  /** Lists the open folder; `select` keys are selected (and the first revealed) as they arrive. */
  async function loadObjects(select: readonly string[] = []) {
    const mine = ++generation;
    const name = bucket.value;
    const here = source.where();
    if (!here || !name) return;
    batch(() => {
      loading.value = true;
      entries.value = [];
      selected.value = new Set(select);
      reveal.value = select[0] ?? null;
    });
    const at = prefix.value;
    const listed: Entry[] = [];
    const cut = (key: string) => key.slice(at.length);
    try {
      const where = await here.targets.forBucket(name);
      await listObjects(where.profile, where.signer, name, {
        prefix: at,
        delimiter: '/',
        onPage(objects, prefixes) {
          if (mine !== generation) return;
          const folders: Entry[] = prefixes.map((p) => ({ kind: 'folder', key: p, name: cut(p) }));
          const files: Entry[] = objects
            .filter((o) => o.key !== at)
            .map((o) => ({ kind: 'object', key: o.key, name: cut(o.key), object: o }));
          // One array grown in place and handed out anew: copying every page into a fresh
          // array would cost O(n²) over a 100,000-key listing.
          listed.push(...folders, ...files);
          entries.value = listed.slice();
        },
      });
      if (mine === generation) error.value = null;
    } catch (e) {
      if (mine === generation) error.value = asError(e);
    } finally {
      if (mine === generation) loading.value = false;
    }
  }

  return {
    buckets,
    bucket,
    prefix,
    entries,
    filtered,
    loading,
    error,
    selected,
    query,
    regions,
    reveal,
    loadBuckets,
    loadObjects: () => loadObjects(),
    /** Another profile or region: back to its bucket list, nothing of the last one shown. */
    reset() {
      batch(() => {
        bucket.value = null;
        prefix.value = '';
        entries.value = [];
        regions.value = new Map();
      });
      void loadBuckets();
    },
    refresh: () => (bucket.value ? loadObjects() : loadBuckets()),
    openBucket(name: string) {
      batch(() => {
        bucket.value = name;
        prefix.value = '';
        query.value = '';
      });
      void loadObjects();
    },
    closeBucket() {
      batch(() => {
        bucket.value = null;
        query.value = '';
      });
      void loadBuckets();
    },
    /** Shows a folder; `select` keys are selected there (a search match opened in place). */
    openPrefix(next: string, select?: readonly string[]) {
      batch(() => {
        prefix.value = next;
        query.value = '';
      });
      void loadObjects(select);
    },
  };
}

export type ObjectBrowser = ReturnType<typeof createObjectBrowser>;
