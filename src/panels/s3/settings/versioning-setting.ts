// The versioning section's model: the bucket's state (Unversioned / Enabled / Suspended) and the
// two changes S3 allows. There is no "disable": once on, versioning can only be suspended.

import { type BucketVersioning, getBucketVersioning, putBucketVersioning } from '../../../cloud/s3';
import { type BucketAt, createSettingSection } from './setting-section';

export function createVersioningSetting(bucket: string, at: BucketAt) {
  const section = createSettingSection<BucketVersioning>(bucket, at, (current, name) =>
    getBucketVersioning(current.profile, current.signer, name),
  );
  const set = (status: 'Enabled' | 'Suspended') =>
    section.change((current) =>
      putBucketVersioning(current.profile, current.signer, bucket, status),
    );
  return {
    ...section,
    enable: () => set('Enabled'),
    suspend: () => set('Suspended'),
  };
}

export type VersioningSetting = ReturnType<typeof createVersioningSetting>;
