import { signal } from '@preact/signals';
import {
  type ClusterCapacity,
  describeAvailabilityZones,
  ec2List,
  parseCapacity,
  type ZoneRow,
} from '../../cloud/ec2';
import { createResourceList } from '../components/resource-list';
import { createResourcePanel } from '../components/resource-panel';
import type { CurrentProfile } from '../current-profile';
import { asError } from '../errors';
import type { ModelDeps } from '../model-deps';

export type ZonesView = 'zones' | 'capacity';

// What a cloud says when the caller is not an administrator (verbose is admin-only on Eucalyptus).
const NOT_ADMIN = /^(AuthFailure|UnauthorizedOperation|AccessDenied|NotAuthorized|Unauthorized)/;

export function createZonesModel(deps: ModelDeps) {
  const view = signal<ZonesView>('zones');
  /** The cloud answered verbose without capacity, or refused it: not an administrator. */
  const adminNeeded = signal(false);

  const zones = createResourceList<ZoneRow>({
    fetch: async ({ profile, signer }) =>
      // Some clouds add capacity rows to any listing; they are never zones.
      parseCapacity(await ec2List(describeAvailabilityZones, profile, signer, {})).zones,
    key: (z) => z.zoneName,
  });

  async function fetchCapacity({ profile, signer }: CurrentProfile): Promise<ClusterCapacity[]> {
    if (profile.kind !== 'eucalyptus' || view.value !== 'capacity') return [];
    let rows: ZoneRow[];
    try {
      rows = await ec2List(describeAvailabilityZones, profile, signer, { verbose: true });
    } catch (e) {
      if (!NOT_ADMIN.test(asError(e).code)) throw e;
      adminNeeded.value = true;
      return [];
    }
    const { capacity } = parseCapacity(rows);
    adminNeeded.value = capacity.length === 0;
    return capacity;
  }

  const capacity = createResourceList<ClusterCapacity>({
    fetch: fetchCapacity,
    key: (c) => c.zone,
  });
  const panel = createResourcePanel<never>(deps, [zones, capacity]);

  return {
    ...panel,
    zones,
    capacity,
    view,
    adminNeeded,
    isEucalyptus: () => panel.profile.value?.profile.kind === 'eucalyptus',
    setView(next: ZonesView) {
      view.value = next;
      adminNeeded.value = false;
      void (next === 'capacity' ? capacity.load() : zones.load(true));
    },
  };
}

export type ZonesModel = ReturnType<typeof createZonesModel>;
