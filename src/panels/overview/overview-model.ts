// The Overview: every profile, every enabled region of AWS profiles, fetched in parallel with a
// limit, each answer shown as it comes; the last answers (storage.session) paint first.

import { batch, computed, signal } from '@preact/signals';
import { endpointFor } from '../../cloud/endpoints';
import type { CloudErrorData } from '../../cloud/errors';
import { createLimiter } from '../../cloud/limiter';
import {
  countBuckets,
  fetchRegionSummary,
  type IdleAddress,
  type IdleVolume,
  type RegionSummary,
  type RunningInstance,
} from '../../cloud/overview';
import type { Profile } from '../../cloud/profile';
import { describeRegions } from '../../cloud/regions';
import type { Signer } from '../../cloud/signer';
import type { StorageItem } from '../../storage/item';
import type { OverviewCacheEntry } from '../../storage/items';
import { asError } from '../errors';

/** Regions (and bucket lists) fetched at once across every profile; a region reads three lists. */
export const OVERVIEW_LIMIT = 6;

/** The table is redrawn at most this often while answers come in. */
const PUBLISH_MS = 100;

/** Cache writes wait this long for more answers, so 170 regions cost a few writes, not 170. */
const SAVE_DELAY_MS = 500;

export interface OverviewSource {
  /** Every profile in the user's order, and whether the keychain is locked. */
  load(): Promise<{ profiles: Profile[]; locked: boolean }>;
  /** Signs for the profile in that region (the profile's own region for S3 and Eucalyptus). */
  signerFor(profile: Profile, region: string): Signer;
}

export interface OverviewDeps {
  source: OverviewSource;
  cache: StorageItem<OverviewCacheEntry[]>;
  limit?: number;
  /** The regions visited: DescribeRegions for AWS (only the enabled ones), else the profile's. */
  regionsOf?: (profile: Profile, signer: Signer, signal: AbortSignal) => Promise<string[]>;
  /** One region of one profile (`profile.region` names it). */
  fetchRegion?: (profile: Profile, signer: Signer, signal: AbortSignal) => Promise<RegionSummary>;
  fetchBuckets?: (profile: Profile, signer: Signer, signal: AbortSignal) => Promise<number>;
  now?: () => number;
  /** How often ages ("2 min ago") are redrawn; 0 for never (tests). */
  tickMs?: number;
}

export interface OverviewEntry extends Omit<OverviewCacheEntry, 'at'> {
  key: string;
  /** When the values shown were fetched; null before the first answer. */
  at: number | null;
  /** A fresh answer is on its way. */
  loading: boolean;
}

/** A row of the running-instances table. */
export interface RunningRow extends RunningInstance {
  key: string;
  profileId: string;
  profileName: string;
  region: string;
}

/** An unused Elastic IP or volume, with where it is. */
export interface IdleRow<T> {
  key: string;
  profileId: string;
  profileName: string;
  region: string;
  item: T;
}

const KIND_ORDER = { regions: 0, region: 1, buckets: 2 } as const;

export const entryKey = (profileId: string, kind: OverviewEntry['kind'], region: string) =>
  `${profileId}\n${kind}\n${region}`;

export async function defaultRegionsOf(
  profile: Profile,
  signer: Signer,
  signal: AbortSignal,
): Promise<string[]> {
  // Other clouds have the one region their profile names.
  return profile.kind === 'aws' ? describeRegions(profile, signer, { signal }) : [profile.region];
}

const isAbort = (error: unknown, signal: AbortSignal) =>
  signal.aborted || (error instanceof Error && error.name === 'AbortError');

export function createOverviewModel(deps: OverviewDeps) {
  const now = deps.now ?? Date.now;
  const regionsOf = deps.regionsOf ?? defaultRegionsOf;
  const fetchRegion =
    deps.fetchRegion ??
    ((profile: Profile, signer: Signer, signal: AbortSignal) =>
      fetchRegionSummary(profile, signer, { signal }));
  const fetchBuckets =
    deps.fetchBuckets ??
    ((profile: Profile, signer: Signer, signal: AbortSignal) =>
      countBuckets(profile, signer, { signal }));
  const limiter = createLimiter(deps.limit ?? OVERVIEW_LIMIT);

  const entries = signal<readonly OverviewEntry[]>([]);
  /** The keychain is locked: said once for the page, not in every row. */
  const locked = signal(false);
  /** The profile list itself could not be read. */
  const error = signal<CloudErrorData | null>(null);
  const running = signal(false);
  /** False until the cache (or the first answer) has been read: no empty-state flash. */
  const ready = signal(false);
  const profileCount = signal(0);
  const clock = signal(now());
  const timer =
    deps.tickMs === 0 ? undefined : setInterval(() => (clock.value = now()), deps.tickMs ?? 30_000);

  let order = new Map<string, number>();
  let profiles = new Map<string, Profile>();
  let controller: AbortController | null = null;
  let generation = 0;
  let saveTimer: ReturnType<typeof setTimeout> | undefined;
  let disposed = false;

  function sortEntries(list: OverviewEntry[]): OverviewEntry[] {
    return list.sort(
      (a, b) =>
        (order.get(a.profileId) ?? Number.MAX_SAFE_INTEGER) -
          (order.get(b.profileId) ?? Number.MAX_SAFE_INTEGER) ||
        a.profileId.localeCompare(b.profileId) ||
        KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
        a.region.localeCompare(b.region),
    );
  }

  /**
   * The rows as they are now; `entries` shows them at most every PUBLISH_MS, so 340 answers in a
   * few seconds cost a few dozen renders of the table rather than 340.
   */
  const rows = new Map<string, OverviewEntry>();
  let lastPublish = Number.NEGATIVE_INFINITY;
  let publishTimer: ReturnType<typeof setTimeout> | undefined;

  function publish() {
    clearTimeout(publishTimer);
    publishTimer = undefined;
    lastPublish = performance.now();
    entries.value = sortEntries([...rows.values()]);
  }

  function publishSoon() {
    if (publishTimer !== undefined || disposed) return;
    const wait = lastPublish + PUBLISH_MS - performance.now();
    if (wait <= 0) publish();
    else publishTimer = setTimeout(publish, wait);
  }

  /** Replaces (or adds) rows by key, and drops those `drop` picks. */
  function change(next: readonly OverviewEntry[], drop?: (e: OverviewEntry) => boolean) {
    for (const e of next) rows.set(e.key, e);
    if (drop) for (const [key, e] of rows) if (drop(e)) rows.delete(key);
    publishSoon();
  }

  function saveSoon() {
    if (disposed || saveTimer !== undefined) return;
    saveTimer = setTimeout(() => {
      saveTimer = undefined;
      void save();
    }, SAVE_DELAY_MS);
  }

  async function save() {
    const answered = [...rows.values()].filter((e) => e.at !== null);
    await deps.cache
      .set(answered.map(({ key: _, loading: __, at, ...rest }) => ({ ...rest, at: at as number })))
      // storage.session full or gone: the next first paint is only slower.
      .catch(() => undefined);
  }

  function pending(profile: Profile, kind: OverviewEntry['kind'], region: string): OverviewEntry {
    const key = entryKey(profile.id, kind, region);
    const old = rows.get(key);
    return old
      ? { ...old, profileName: profile.name, loading: true }
      : {
          key,
          profileId: profile.id,
          profileName: profile.name,
          kind,
          region,
          at: null,
          loading: true,
        };
  }

  /** A row's failure: in the row, except a locked keychain, which is said once for the page. */
  function fail(row: OverviewEntry, e: unknown) {
    const data = asError(e);
    if (data.code === 'KeychainLocked') {
      locked.value = true;
      // A row already shown keeps its values; a new one (a region list) is not added empty.
      if (rows.has(row.key)) change([{ ...row, loading: false }]);
    } else {
      change([{ ...row, error: data, at: now(), loading: false }]);
      saveSoon();
    }
  }

  /** Runs one row's fetch under the limit and puts its answer (or its error) in the row. */
  async function settle<R>(
    mine: number,
    signal: AbortSignal,
    row: OverviewEntry,
    work: () => Promise<R>,
    apply: (row: OverviewEntry, value: R) => OverviewEntry,
  ): Promise<void> {
    try {
      const value = await limiter.run(work, signal);
      if (mine !== generation) return;
      const { error: _, ...rest } = row;
      change([apply({ ...rest, at: now(), loading: false }, value)]);
      saveSoon();
    } catch (e) {
      if (mine === generation && !isAbort(e, signal)) fail(row, e);
    }
  }

  async function visit(profile: Profile, mine: number, signal: AbortSignal) {
    const own = deps.source.signerFor(profile, profile.region);
    const work: Array<Promise<unknown>> = [];
    if (endpointFor(profile, 's3')) {
      const row = pending(profile, 'buckets', '');
      change([row]);
      work.push(
        settle(
          mine,
          signal,
          row,
          () => fetchBuckets(profile, own, signal),
          (r, buckets) => ({ ...r, buckets }),
        ),
      );
    }
    if (endpointFor(profile, 'ec2')) {
      let listed: string[];
      try {
        listed = await limiter.run(() => regionsOf(profile, own, signal), signal);
      } catch (e) {
        // Without its regions the profile has one row: the error.
        if (mine === generation && !isAbort(e, signal)) {
          change([], (r) => r.profileId === profile.id && r.kind === 'region');
          fail(pending(profile, 'regions', ''), e);
        }
        listed = [];
      }
      if (mine !== generation) return;
      if (listed.length > 0) {
        // A region no longer enabled (or no longer listed) leaves the table.
        const keep = new Set(listed.map((r) => entryKey(profile.id, 'region', r)));
        const rows = listed.map((region) => pending(profile, 'region', region));
        change(
          rows,
          (e) =>
            e.profileId === profile.id &&
            (e.kind === 'regions' || (e.kind === 'region' && !keep.has(e.key))),
        );
        for (const row of rows) {
          const there = { ...profile, region: row.region } as Profile;
          const signer = deps.source.signerFor(profile, row.region);
          work.push(
            settle(
              mine,
              signal,
              row,
              () => fetchRegion(there, signer, signal),
              (r, summary) => ({ ...r, summary }),
            ),
          );
        }
      }
    }
    await Promise.all(work);
  }

  /** Fetches everything again; a refresh already running is cancelled. */
  async function refresh() {
    controller?.abort();
    const mine = ++generation;
    const ctl = new AbortController();
    controller = ctl;
    batch(() => {
      running.value = true;
      locked.value = false;
      error.value = null;
    });
    try {
      const view = await deps.source.load();
      if (mine !== generation) return;
      profiles = new Map(view.profiles.map((p) => [p.id, p]));
      order = new Map(view.profiles.map((p, i) => [p.id, i]));
      batch(() => {
        profileCount.value = view.profiles.length;
        // Rows of deleted profiles go; names follow renames; the rest are being fetched again.
        change(
          [...rows.values()].flatMap((e) => {
            const p = profiles.get(e.profileId);
            return p ? [{ ...e, profileName: p.name, loading: !view.locked }] : [];
          }),
          (e) => !profiles.has(e.profileId),
        );
        locked.value = view.locked;
        ready.value = true;
      });
      // Every signature would be refused: the cached rows stay, and the notice says why.
      if (view.locked) return;
      await Promise.all(view.profiles.map((p) => visit(p, mine, ctl.signal)));
    } catch (e) {
      if (mine === generation) error.value = asError(e);
    } finally {
      if (mine === generation) {
        batch(() => {
          publish();
          running.value = false;
          ready.value = true;
          clock.value = now();
        });
        clearTimeout(saveTimer);
        saveTimer = undefined;
        if (!disposed) await save();
      }
    }
  }

  /** First paint from the cache (with its ages), then a refresh in the background. */
  async function init() {
    const cached = await deps.cache.get().catch(() => [] as OverviewCacheEntry[]);
    if (disposed) return;
    // A refresh that already answered wins over the cache.
    if (rows.size === 0 && cached.length > 0) {
      for (const c of cached) {
        const key = entryKey(c.profileId, c.kind, c.region);
        rows.set(key, { ...c, key, loading: false });
      }
      batch(() => {
        publish();
        ready.value = true;
      });
    }
    await refresh();
  }

  // The derived lists keep one array per region answer, so a new answer elsewhere does not make
  // every row anew (the search index keeps rows it has seen).
  const runningOf = new WeakMap<RegionSummary, RunningRow[]>();
  const runningRows = computed(() =>
    entries.value.flatMap((e) => {
      if (!e.summary) return [];
      let rows = runningOf.get(e.summary);
      if (!rows) {
        rows = e.summary.running.map((i) => ({
          ...i,
          key: `${e.profileId}\n${e.region}\n${i.instanceId}`,
          profileId: e.profileId,
          profileName: e.profileName,
          region: e.region,
        }));
        runningOf.set(e.summary, rows);
      }
      return rows;
    }),
  );
  const idle = <T>(pick: (s: RegionSummary) => T[], keyOf: (item: T) => string) =>
    computed((): IdleRow<T>[] =>
      entries.value.flatMap((e) =>
        e.summary
          ? pick(e.summary).map((item) => ({
              key: `${e.profileId}\n${e.region}\n${keyOf(item)}`,
              profileId: e.profileId,
              profileName: e.profileName,
              region: e.region,
              item,
            }))
          : [],
      ),
    );
  const idleAddresses = idle<IdleAddress>(
    (s) => s.idleAddresses,
    (a) => a.allocationId || a.publicIp,
  );
  const idleVolumes = idle<IdleVolume>(
    (s) => s.idleVolumes,
    (v) => v.volumeId,
  );
  const progress = computed(() => {
    const rows = entries.value;
    return { answered: rows.filter((e) => !e.loading).length, total: rows.length };
  });

  return {
    entries,
    locked,
    error,
    running,
    ready,
    profileCount,
    clock,
    progress,
    runningRows,
    idleAddresses,
    idleVolumes,
    init,
    refresh,
    /** The profile behind a row, as last listed. */
    profile: (id: string) => profiles.get(id),
    dispose() {
      disposed = true;
      generation++;
      controller?.abort();
      clearInterval(timer);
      clearTimeout(saveTimer);
      clearTimeout(publishTimer);
    },
  };
}

export type OverviewModel = ReturnType<typeof createOverviewModel>;
