// Features a cloud has said it lacks, remembered per profile and region, so the control that asks
// for one stays disabled there instead of failing the same way on every click.

import { signal } from '@preact/signals';
import type { Profile } from '../../cloud/profile';
import { isUnsupportedAction } from '../../cloud/unsupported';
import { asError } from '../errors';

function keyOf(profile: Profile, feature: string): string {
  return `${profile.id}\n${profile.region}\n${feature}`;
}

export function createUnsupportedFeatures<F extends string>() {
  const refused = signal<ReadonlySet<string>>(new Set());
  return {
    /** True once this cloud answered that it lacks the feature. */
    has(profile: Profile | null | undefined, feature: F): boolean {
      return !!profile && refused.value.has(keyOf(profile, feature));
    },
    /** Runs a call for the feature; an "unsupported" answer is remembered, then thrown on. */
    async guard<T>(profile: Profile, feature: F, run: () => Promise<T>): Promise<T> {
      try {
        return await run();
      } catch (e) {
        if (isUnsupportedAction(asError(e)))
          refused.value = new Set([...refused.value, keyOf(profile, feature)]);
        throw e;
      }
    },
  };
}

export type UnsupportedFeatures<F extends string> = ReturnType<typeof createUnsupportedFeatures<F>>;
