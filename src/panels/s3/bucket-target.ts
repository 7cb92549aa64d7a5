// Which endpoint and signing region a bucket's requests use. On AWS a bucket lives in one region
// and answers only there (a request signed for another region is refused), so each bucket is
// looked up once (the listing's BucketRegion, else GetBucketLocation) and its requests go to
// s3.<region>.amazonaws.com signed for that region. Other clouds have one region: the profile's.

import { bucketRegion } from '../../cloud/s3';
import type { Signer } from '../../cloud/signer';
import type { CurrentProfile } from '../current-profile';

/**
 * The profile and signer for a bucket's requests: on AWS each bucket answers in its own region,
 * so a copy between buckets reads the source in one and writes the copy in the other.
 */
export type BucketTarget = (bucket: string) => Promise<CurrentProfile>;

export interface BucketTargets {
  /** The profile and signer for this bucket's requests. */
  forBucket(bucket: string): Promise<CurrentProfile>;
  /** What the bucket listing already said, so no lookup is needed. */
  know(bucket: string, region: string): void;
  /** The region once known (for the bucket list), else undefined. */
  known(bucket: string): string | undefined;
  /** The profile and signer for a region (CreateBucket goes to the region it creates in). */
  inRegion(region: string): CurrentProfile;
}

export function bucketTargets(
  current: CurrentProfile,
  /** remoteSigner in the page; tests pass their own. */
  signerFor: (profileId: string, region: string) => Signer,
  lookup: typeof bucketRegion = bucketRegion,
): BucketTargets {
  const { profile } = current;
  const regions = new Map<string, string>();
  const pending = new Map<string, Promise<string>>();
  const targets = new Map<string, CurrentProfile>();

  function regionOf(bucket: string): Promise<string> {
    const found = regions.get(bucket);
    if (found) return Promise.resolve(found);
    let asking = pending.get(bucket);
    if (!asking) {
      asking = lookup(profile, current.signer, bucket).then(
        (region) => {
          regions.set(bucket, region);
          return region;
        },
        (error: unknown) => {
          // Not remembered: the next request asks again (the bucket may be created meanwhile).
          pending.delete(bucket);
          throw error;
        },
      );
      pending.set(bucket, asking);
    }
    return asking;
  }

  function targetIn(region: string): CurrentProfile {
    if (profile.kind !== 'aws' || region === profile.region) return current;
    let target = targets.get(region);
    if (!target) {
      target = { profile: { ...profile, region }, signer: signerFor(profile.id, region) };
      targets.set(region, target);
    }
    return target;
  }

  return {
    async forBucket(bucket) {
      if (profile.kind !== 'aws') return current;
      return targetIn(await regionOf(bucket));
    },
    know(bucket, region) {
      regions.set(bucket, region);
    },
    known(bucket) {
      return profile.kind === 'aws' ? regions.get(bucket) : profile.region;
    },
    inRegion: targetIn,
  };
}
