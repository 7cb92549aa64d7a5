// Tags for one list of a resource panel: runs the editor's calls as a panel action (errors land in
// the editor's dialog), and remembers a cloud that answered it cannot tag these resources.

import { computed, type ReadonlySignal, signal } from '@preact/signals';
import { createTags, deleteTags, ec2Call, type Tag } from '../../cloud/ec2';
import { CloudError } from '../../cloud/errors';
import type { Profile } from '../../cloud/profile';
import type { Signer } from '../../cloud/signer';
import type { CurrentProfile } from '../current-profile';
import type { Notice } from './resource-panel';
import type { TagPlan } from './tag-changes';

/** One selected row as the tag editor gets it: `id` is '' when the cloud gave nothing to tag it by. */
export interface TagTarget {
  id: string;
  /** How the row is named to the user (an IP, a key name). */
  label: string;
  tags: readonly Tag[];
}

// What servers answer for an action, or a resource type, they do not support.
const UNSUPPORTED = new Set([
  'InvalidAction',
  'UnsupportedOperation',
  'UnknownOperation',
  'NotImplemented',
  'Unsupported',
]);

export const isUnsupported = (code: string | undefined) => !!code && UNSUPPORTED.has(code);

/** DeleteTags first (a rename frees its old key), then CreateTags. */
export async function runTagPlan(plan: TagPlan, profile: Profile, signer: Signer): Promise<void> {
  for (const call of plan.remove) await ec2Call(deleteTags, profile, signer, call);
  for (const call of plan.create) await ec2Call(createTags, profile, signer, call);
}

const profileKey = (c: CurrentProfile) => `${c.profile.id}\n${c.profile.region}`;

interface PanelLike {
  profile: ReadonlySignal<CurrentProfile | null>;
  act(run: (current: CurrentProfile) => Promise<Notice>): Promise<boolean>;
}

export function createTagging(panel: PanelLike) {
  /** The profile and region whose cloud refused tagging as unsupported. */
  const refusedBy = signal<string | null>(null);
  return {
    /** The current cloud said it cannot tag these resources: the Tags button stays off. */
    unsupported: computed(() => {
      const current = panel.profile.value;
      return current !== null && refusedBy.value === profileKey(current);
    }),
    /** Runs the plan; the notice names what was tagged. True when it worked. */
    save: (plan: TagPlan, label: string) =>
      panel.act(async (current) => {
        try {
          await runTagPlan(plan, current.profile, current.signer);
        } catch (e) {
          if (e instanceof CloudError && isUnsupported(e.code))
            refusedBy.value = profileKey(current);
          throw e;
        }
        return { key: 'taggingSaved', args: [label] };
      }),
  };
}

export type Tagging = ReturnType<typeof createTagging>;
