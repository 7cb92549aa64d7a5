// The lifecycle section's model: the bucket's rules, what the store can take (transitions on AWS,
// the older rule-level prefix on Eucalyptus), and the changes, each read back after it is made.

import {
  deleteLifecycle,
  getLifecycle,
  type LifecycleConfiguration,
  type LifecycleRule,
  putLifecycle,
} from '../../../cloud/s3';
import { type BucketAt, createSettingSection } from './setting-section';

export interface LifecycleValue {
  config: LifecycleConfiguration | null;
  /** Transitions between storage classes are an AWS feature. */
  aws: boolean;
  /** The store speaks the older form (a Prefix per rule, no tags). */
  legacy: boolean;
}

export function createLifecycleSection(bucket: string, at: BucketAt) {
  const section = createSettingSection<LifecycleValue>(
    bucket,
    at,
    async ({ profile, signer }, name) => {
      const config = await getLifecycle(profile, signer, name);
      return {
        config,
        aws: profile.kind === 'aws',
        legacy: config?.legacy ?? profile.kind === 'eucalyptus',
      };
    },
  );
  return {
    ...section,
    /** Writes the whole list of rules (none left removes the configuration). */
    saveRules(rules: LifecycleRule[]): Promise<boolean> {
      const legacy = section.value.value?.legacy ?? false;
      return section.change(({ profile, signer }) =>
        putLifecycle(profile, signer, bucket, { rules, legacy }),
      );
    },
    deleteAll(): Promise<boolean> {
      return section.change(({ profile, signer }) => deleteLifecycle(profile, signer, bucket));
    },
  };
}

export type LifecycleSectionModel = ReturnType<typeof createLifecycleSection>;
