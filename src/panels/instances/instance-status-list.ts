// The Instances panel's second list: DescribeInstanceStatus, joined to the instances by id through
// one Map (10,000 rows cost one pass, never a scan per row). A cloud without the action (older
// Eucalyptus) is remembered per profile and region, so it is asked once, not on every refresh.

import { computed, effect, type ReadonlySignal, signal } from '@preact/signals';
import {
  describeInstanceStatus,
  ec2List,
  type Instance,
  type InstanceStatus,
  isStatusUnsupported,
} from '../../cloud/ec2';
import type { Profile } from '../../cloud/profile';
import { createResourceList } from '../components/resource-list';
import type { CurrentProfile } from '../current-profile';
import { pendingEvents, summarizeChecks } from './status-checks';

/** Checks start up for minutes after a launch: ask again this often while any does. */
export const STATUS_POLL_MS = 30_000;

/** Which cloud an answer is about: the same profile in another region is another cloud. */
function cloudKey(profile: Profile): string {
  return `${profile.id}\n${profile.region}`;
}

export function createInstanceStatusList(options: {
  instances: ReadonlySignal<readonly Instance[]>;
  /** The panel's current profile (a signal read inside). */
  profile: () => CurrentProfile | null;
  pollMs?: number;
}) {
  const unsupportedOn = signal<ReadonlySet<string>>(new Set());
  const list = createResourceList<InstanceStatus>({
    async fetch({ profile, signer }) {
      if (unsupportedOn.value.has(cloudKey(profile))) return [];
      try {
        return await ec2List(describeInstanceStatus, profile, signer, {});
      } catch (error) {
        if (!isStatusUnsupported(error)) throw error;
        unsupportedOn.value = new Set([...unsupportedOn.value, cloudKey(profile)]);
        return [];
      }
    },
    key: (s) => s.instanceId,
    busy: (s) => summarizeChecks(s).kind === 'initializing',
    pollMs: options.pollMs ?? STATUS_POLL_MS,
  });

  const byId = computed(() => new Map(list.rows.value.map((s) => [s.instanceId, s])));
  /** This profile's cloud has no DescribeInstanceStatus. */
  const unsupported = computed(() => {
    const current = options.profile();
    return !!current && unsupportedOn.value.has(cloudKey(current.profile));
  });
  const events = computed(() => pendingEvents(list.rows.value));

  // An instance that became running since the statuses were read (a launch, a start) has checks
  // to show: read them again. Only the instances are watched (statuses through peek), so a status
  // answer that still lacks one cannot start another request by itself.
  const stop = effect(() => {
    const instances = options.instances.value;
    if (!list.loaded.peek() || list.loading.peek() || unsupported.peek()) return;
    const known = byId.peek();
    const stale = instances.some(
      (i) =>
        i.state.name === 'running' && known.get(i.instanceId)?.instanceState.name !== 'running',
    );
    if (stale) void list.load(true);
  });

  return {
    list,
    byId,
    unsupported,
    events,
    /** The status of one instance, if the cloud gave one. */
    of: (instanceId: string) => byId.value.get(instanceId),
    dispose() {
      stop();
      list.dispose();
    },
  };
}

export type InstanceStatusList = ReturnType<typeof createInstanceStatusList>;
