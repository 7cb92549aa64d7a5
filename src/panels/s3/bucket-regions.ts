// The bucket list's Region column on AWS: each bucket the listing did not place is looked up, a
// few at a time; a bucket that refuses shows no region.

import { pool } from '../../cloud/pool';
import type { BucketSummary } from '../../cloud/s3';
import type { BucketTargets } from './bucket-target';

const LOOKUPS_AT_ONCE = 4;

/** Every known region of `listed`, by bucket name. */
export function knownRegions(
  targets: BucketTargets,
  listed: readonly BucketSummary[],
): Map<string, string> {
  const regions = new Map<string, string>();
  for (const b of listed) {
    const region = targets.known(b.name);
    if (region) regions.set(b.name, region);
  }
  return regions;
}

/** Looks up the regions not yet known; `show` gets every region known so far after each one. */
export async function findRegions(
  targets: BucketTargets,
  listed: readonly BucketSummary[],
  show: (regions: Map<string, string>) => void,
): Promise<void> {
  show(knownRegions(targets, listed));
  const unknown = listed.filter((b) => !targets.known(b.name));
  await pool(unknown, LOOKUPS_AT_ONCE, async (b) => {
    await targets.forBucket(b.name).catch(() => undefined);
    show(knownRegions(targets, listed));
  });
}
