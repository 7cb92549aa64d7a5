// The Overview's fan-out, driven by hand: the limit, errors kept to their row, a locked keychain
// said once, the cache painted first and then replaced, and a closed tab cancelling the rest.

import { effect } from '@preact/signals';
import { afterEach, expect, test } from 'vitest';
import { CloudError } from '../../../src/cloud/errors';
import type { RegionSummary } from '../../../src/cloud/overview';
import type { Profile } from '../../../src/cloud/profile';
import type { Signer } from '../../../src/cloud/signer';
import {
  createOverviewModel,
  type OverviewDeps,
  type OverviewModel,
} from '../../../src/panels/overview/overview-model';
import { memoryArea } from '../../../src/storage/area';
import { defineItem } from '../../../src/storage/item';
import type { OverviewCacheEntry } from '../../../src/storage/items';
import { deferred, settle } from '../../support/model-deps';

const refuse = () => Promise.reject(new Error('this test sends no requests'));
const signer: Signer = { sign: refuse, presign: refuse, observeServerTime: refuse };

const aws = (id: string): Profile => ({
  id,
  kind: 'aws',
  name: `AWS ${id}`,
  accessKeyId: `AKID${id}`,
  region: 'us-east-1',
});
const s3Only = (id: string): Profile => ({
  id,
  kind: 's3',
  name: `Store ${id}`,
  accessKeyId: `AKID${id}`,
  endpoint: 'https://store.example.com',
  pathStyle: true,
  region: 'us-east-1',
  signatureVersion: 4,
});

function summary(running: number, extra: Partial<RegionSummary> = {}): RegionSummary {
  return {
    instances: { running, stopped: 1, other: 0 },
    volumes: { attached: 1, available: 0 },
    addresses: { associated: 0, unassociated: 0 },
    running: Array.from({ length: running }, (_, i) => ({
      instanceId: `i-${running}${i}`,
      name: `web ${i}`,
      instanceType: 't3.micro',
      launchTime: '2026-01-01T00:00:00.000Z',
    })),
    idleAddresses: [],
    idleVolumes: [],
    ...extra,
  };
}

const models: OverviewModel[] = [];
afterEach(() => {
  for (const model of models.splice(0)) model.dispose();
});

function cacheItem(initial: OverviewCacheEntry[] = []) {
  const area = memoryArea();
  const item = defineItem<OverviewCacheEntry[]>(
    { key: 'overview.cache', version: 1, defaultValue: [] },
    () => area,
  );
  return { item, ready: initial.length ? item.set(initial) : Promise.resolve() };
}

/** A model whose every region fetch waits for the test: `calls` holds them in order. */
function handModel(
  profiles: Profile[],
  options: Partial<OverviewDeps> & { locked?: boolean; regions?: Record<string, string[]> } = {},
) {
  const calls: Array<{
    profile: Profile;
    region: string;
    signal: AbortSignal;
    reply: ReturnType<typeof deferred<RegionSummary>>;
  }> = [];
  let active = 0;
  let most = 0;
  const cache = options.cache ?? cacheItem().item;
  const model = createOverviewModel({
    source: {
      load: async () => ({ profiles, locked: options.locked ?? false }),
      signerFor: () => signer,
    },
    cache,
    limit: options.limit ?? 3,
    tickMs: 0,
    regionsOf: async (profile) => options.regions?.[profile.id] ?? ['us-east-1'],
    fetchRegion: (profile, _signer, signal) => {
      const reply = deferred<RegionSummary>();
      calls.push({ profile, region: profile.region, signal, reply });
      active++;
      most = Math.max(most, active);
      return reply.promise.finally(() => active--);
    },
    fetchBuckets: async () => 4,
    ...options,
  });
  models.push(model);
  return { model, calls, cache, most: () => most };
}

const row = (model: OverviewModel, profileId: string, kind: string, region = '') =>
  model.entries.value.find(
    (e) => e.profileId === profileId && e.kind === kind && e.region === region,
  );

test('regions are fetched at most `limit` at once, and each answer shows as it comes', async () => {
  const regions = ['ap-northeast-1', 'eu-west-1', 'us-east-1', 'us-west-2'];
  const { model, calls, most } = handModel([aws('a'), aws('b')], {
    limit: 3,
    regions: { a: regions, b: regions },
  });
  const done = model.refresh();
  await expect.poll(() => calls.length).toBe(3);
  await settle();
  expect(calls.length).toBe(3);
  // Every region has its row already, fetching.
  await expect.poll(() => model.entries.value.filter((e) => e.kind === 'region')).toHaveLength(8);
  calls[0]?.reply.resolve(summary(2));
  await expect.poll(() => row(model, 'a', 'region', 'ap-northeast-1')?.summary).toBeTruthy();
  expect(row(model, 'a', 'region', 'ap-northeast-1')?.loading).toBe(false);
  expect(model.runningRows.value.map((r) => r.instanceId)).toEqual(['i-20', 'i-21']);
  expect(model.running.value).toBe(true);
  for (let i = 1; i < 8; i++) {
    await expect.poll(() => calls.length).toBeGreaterThan(i);
    calls[i]?.reply.resolve(summary(0));
  }
  await done;
  expect(most()).toBe(3);
  expect(calls.map((c) => `${c.profile.id} ${c.region}`).sort()).toEqual(
    ['a', 'b'].flatMap((p) => regions.map((r) => `${p} ${r}`)),
  );
  expect(model.running.value).toBe(false);
  expect(model.progress.value).toEqual({ answered: 10, total: 10 });
  // Buckets are one row per profile, not per region.
  expect(row(model, 'a', 'buckets')?.buckets).toBe(4);
});

test('a failing region or profile shows its error in its own row and blocks nothing', async () => {
  const { model, calls } = handModel([aws('a'), aws('b'), s3Only('c')], {
    regions: { a: ['eu-west-1', 'us-east-1'] },
    regionsOf: async (profile) => {
      if (profile.id === 'b')
        throw new CloudError({ code: 'AuthFailure', message: 'AWS was not able to validate' });
      return ['eu-west-1', 'us-east-1'];
    },
  });
  const done = model.refresh();
  await expect.poll(() => calls.length).toBe(2);
  calls[0]?.reply.reject(
    new CloudError({ code: 'UnauthorizedOperation', message: 'You are not authorized' }),
  );
  calls[1]?.reply.resolve(summary(1));
  await done;
  expect(row(model, 'a', 'region', 'eu-west-1')?.error?.code).toBe('UnauthorizedOperation');
  expect(row(model, 'a', 'region', 'us-east-1')?.summary?.instances.running).toBe(1);
  // No regions: one row for the profile, with the error.
  expect(row(model, 'b', 'regions')?.error?.code).toBe('AuthFailure');
  expect(model.entries.value.filter((e) => e.profileId === 'b').map((e) => e.kind)).toEqual([
    'regions',
    'buckets',
  ]);
  // An S3-only profile has buckets only.
  expect(model.entries.value.filter((e) => e.profileId === 'c').map((e) => e.kind)).toEqual([
    'buckets',
  ]);
  expect(model.locked.value).toBe(false);
});

test('a locked keychain is said once, not in every row', async () => {
  // Locked before the page opened: nothing is asked.
  const before = handModel([aws('a'), aws('b')], { locked: true });
  await before.model.refresh();
  expect(before.calls).toHaveLength(0);
  expect(before.model.locked.value).toBe(true);

  // Locked while the fetch runs: every signature is refused with KeychainLocked.
  const locked = () =>
    Promise.reject(new CloudError({ code: 'KeychainLocked', message: 'Locked' }));
  const during = handModel([aws('a'), aws('b')], {
    regions: { a: ['eu-west-1', 'us-east-1'], b: ['us-east-1'] },
    fetchRegion: locked,
    fetchBuckets: locked,
  });
  await during.model.refresh();
  expect(during.model.locked.value).toBe(true);
  expect(during.model.entries.value.every((e) => !e.error)).toBe(true);
});

test('the cache paints first, with its age, and fresh answers replace it', async () => {
  const old = Date.now() - 5 * 60_000;
  const cached: OverviewCacheEntry = {
    profileId: 'a',
    profileName: 'AWS a',
    kind: 'region',
    region: 'us-east-1',
    at: old,
    summary: summary(3),
  };
  const { item, ready } = cacheItem([cached]);
  await ready;
  const { model, calls } = handModel([aws('a')], { cache: item });
  const started = model.init();
  await expect.poll(() => row(model, 'a', 'region', 'us-east-1')?.at).toBe(old);
  expect(model.runningRows.value).toHaveLength(3);
  await expect.poll(() => calls.length).toBe(1);
  // Being fetched again: still the cached values, marked as loading.
  await expect
    .poll(() => row(model, 'a', 'region', 'us-east-1'))
    .toMatchObject({ at: old, loading: true });
  calls[0]?.reply.resolve(summary(1));
  await started;
  const fresh = row(model, 'a', 'region', 'us-east-1');
  expect(fresh?.at).toBeGreaterThan(old);
  expect(fresh?.summary?.instances.running).toBe(1);
  expect(model.runningRows.value).toHaveLength(1);
  // The next first paint gets the fresh answers.
  const stored = await item.get();
  expect(stored.find((e) => e.kind === 'region')?.summary?.instances.running).toBe(1);
  expect(stored.find((e) => e.kind === 'buckets')?.buckets).toBe(4);
});

test('a deleted profile leaves the table; a region no longer enabled too', async () => {
  const { item, ready } = cacheItem([
    { profileId: 'gone', profileName: 'Gone', kind: 'buckets', region: '', at: 1, buckets: 2 },
    {
      profileId: 'a',
      profileName: 'AWS a',
      kind: 'region',
      region: 'me-south-1',
      at: 1,
      summary: summary(0),
    },
  ]);
  await ready;
  const { model, calls } = handModel([aws('a')], { cache: item });
  const started = model.init();
  await expect.poll(() => calls.length).toBe(1);
  calls[0]?.reply.resolve(summary(0));
  await started;
  expect(model.entries.value.map((e) => `${e.profileId} ${e.kind} ${e.region}`)).toEqual([
    'a region us-east-1',
    'a buckets ',
  ]);
});

test('closing the tab cancels what is still running or waiting', async () => {
  const { model, calls } = handModel([aws('a')], {
    limit: 1,
    regions: { a: ['eu-west-1', 'us-east-1'] },
  });
  void model.refresh();
  await expect.poll(() => calls.length).toBe(1);
  model.dispose();
  expect(calls[0]?.signal.aborted).toBe(true);
  await settle();
  // The second region never started.
  expect(calls).toHaveLength(1);
});

test('unused Elastic IPs and volumes are listed with where they are', async () => {
  const { model, calls } = handModel([aws('a')], { regions: { a: ['eu-west-1'] } });
  const done = model.refresh();
  await expect.poll(() => calls.length).toBe(1);
  calls[0]?.reply.resolve(
    summary(0, {
      idleAddresses: [{ publicIp: '203.0.113.5', allocationId: 'eipalloc-1' }],
      idleVolumes: [{ volumeId: 'vol-1', name: 'old', size: '8', availabilityZone: 'eu-west-1a' }],
    }),
  );
  await done;
  expect(model.idleAddresses.value.map((r) => [r.profileId, r.region, r.item.publicIp])).toEqual([
    ['a', 'eu-west-1', '203.0.113.5'],
  ]);
  expect(model.idleVolumes.value.map((r) => r.item.volumeId)).toEqual(['vol-1']);
});

test('answers that come together are drawn together, not one table per answer', async () => {
  const regions = Array.from({ length: 40 }, (_, i) => `eu-test-${i + 1}`);
  const { model } = handModel([aws('a')], {
    limit: 6,
    regions: { a: regions },
    fetchRegion: async () => summary(1),
  });
  let drawn = 0;
  const stop = effect(() => {
    void model.entries.value;
    drawn++;
  });
  await model.refresh();
  stop();
  expect(model.entries.value.filter((e) => e.summary)).toHaveLength(40);
  expect(model.runningRows.value).toHaveLength(40);
  // 41 answers and 41 rows added, well under a tenth of a second apart: a few drawings.
  expect(drawn).toBeLessThan(10);
});
