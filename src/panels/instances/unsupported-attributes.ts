// The instance settings each profile's cloud refused as not supported, remembered for the panel's
// life: their controls stay disabled instead of failing again. Per profile, since one panel
// switches between an AWS region and a Eucalyptus cloud.

import { signal } from '@preact/signals';
import type { InstanceAttributeName } from '../../cloud/ec2';

const NONE: ReadonlySet<InstanceAttributeName> = new Set();

export function createUnsupportedAttributes() {
  const byProfile = signal<ReadonlyMap<string, ReadonlySet<InstanceAttributeName>>>(new Map());
  return {
    /** Read in a render or computed: it follows additions. */
    of(profileId: string): ReadonlySet<InstanceAttributeName> {
      return byProfile.value.get(profileId) ?? NONE;
    },
    add(profileId: string, names: readonly InstanceAttributeName[]) {
      const before = byProfile.value.get(profileId) ?? NONE;
      if (names.every((name) => before.has(name))) return;
      const next = new Map(byProfile.value);
      next.set(profileId, new Set([...before, ...names]));
      byProfile.value = next;
    },
  };
}

export type UnsupportedAttributes = ReturnType<typeof createUnsupportedAttributes>;
