// The CORS section's model: the bucket's rules and the changes, each read back after it is made.

import { type CorsRule, deleteCors, getCors, putCors } from '../../../cloud/s3';
import { type BucketAt, createSettingSection } from './setting-section';

export interface CorsValue {
  /** null when the bucket has no CORS configuration. */
  rules: CorsRule[] | null;
}

export function createCorsSection(bucket: string, at: BucketAt) {
  const section = createSettingSection<CorsValue>(
    bucket,
    at,
    async ({ profile, signer }, name) => ({
      rules: await getCors(profile, signer, name),
    }),
  );
  return {
    ...section,
    /** Writes the whole list of rules (none left removes the configuration). */
    saveRules(rules: CorsRule[]): Promise<boolean> {
      return section.change(({ profile, signer }) => putCors(profile, signer, bucket, rules));
    },
    deleteAll(): Promise<boolean> {
      return section.change(({ profile, signer }) => deleteCors(profile, signer, bucket));
    },
  };
}

export type CorsSectionModel = ReturnType<typeof createCorsSection>;
