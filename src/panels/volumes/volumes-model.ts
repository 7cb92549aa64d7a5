import { signal } from '@preact/signals';
import {
  attachVolume,
  createSnapshot,
  createVolume,
  deleteSnapshot,
  deleteVolume,
  describeAvailabilityZones,
  describeSnapshots,
  describeVolumes,
  detachVolume,
  ec2Call,
  ec2List,
  parseCapacity,
  type Snapshot,
  type Volume,
} from '../../cloud/ec2';
import { loadInstanceChoices } from '../components/instance-choices';
import { createListSearch } from '../components/list-search';
import { createResourceList } from '../components/resource-list';
import { createResourcePanel } from '../components/resource-panel';
import { createTagging } from '../components/tagging';
import type { Column } from '../components/virtual-table';
import type { SignerFor } from '../images/image-copy';
import type { ModelDeps } from '../model-deps';
import { createSnapshotSharing, type PermissionsDialogState } from './snapshot-sharing';
import { snapshotColumns, volumeColumns } from './volume-columns';
import { snapshotBusy, type VolumeForm, volumeBusy, volumeInput } from './volume-form';

export type VolumesView = 'volumes' | 'snapshots';

export type VolumesDialog =
  | { kind: 'create'; snapshotId?: string }
  | { kind: 'attach'; volumeId: string }
  | { kind: 'delete'; volumeIds: string[] }
  | { kind: 'snapshot'; volumeId: string }
  | { kind: 'delete-snapshots'; snapshotIds: string[] }
  | { kind: 'copy-snapshot'; snapshotId: string }
  | PermissionsDialogState
  | { kind: 'tags'; view: VolumesView; ids: string[] };

/** A row's search text: every column, shown or not. */
const textOf =
  <T>(columns: readonly Column<T>[]) =>
  (row: T) =>
    columns.map((c) => c.value(row)).join('\n');

export function createVolumesModel(
  deps: ModelDeps,
  options: { pollMs?: number; signerFor?: SignerFor } = {},
) {
  const volumes = createResourceList<Volume>({
    fetch: ({ profile, signer }) => ec2List(describeVolumes, profile, signer, {}),
    key: (v) => v.volumeId,
    busy: volumeBusy,
    ...(options.pollMs ? { pollMs: options.pollMs } : {}),
  });
  const snapshots = createResourceList<Snapshot>({
    fetch: ({ profile, signer }) => ec2List(describeSnapshots, profile, signer, {}),
    key: (s) => s.snapshotId,
    busy: snapshotBusy,
    ...(options.pollMs ? { pollMs: options.pollMs } : {}),
  });
  const panel = createResourcePanel<VolumesDialog>(deps, [volumes, snapshots]);
  const volumeSearch = createListSearch(volumes.rows, textOf(volumeColumns()), (v) => v.tags);
  const snapshotSearch = createListSearch(snapshots.rows, textOf(snapshotColumns()), (s) => s.tags);
  const view = signal<VolumesView>('volumes');
  const findVolume = (id: string) => volumes.rows.value.find((v) => v.volumeId === id);

  return {
    ...panel,
    volumes,
    snapshots,
    view,
    sharing: createSnapshotSharing(panel, options.signerFor),
    volumeSearch,
    snapshotSearch,
    volumeTagging: createTagging(panel),
    snapshotTagging: createTagging(panel),
    findVolume,
    findSnapshot: (id: string) => snapshots.rows.value.find((s) => s.snapshotId === id),
    /** The region's zones, for the create dialog. */
    async zones(): Promise<string[]> {
      const current = panel.current();
      if (!current) return [];
      const rows = await ec2List(describeAvailabilityZones, current.profile, current.signer, {});
      return parseCapacity(rows).zones.map((z) => z.zoneName);
    },
    /** Instances a volume can be attached to: running or stopped, in the volume's zone. */
    async instancesFor(volume: Volume) {
      const current = panel.current();
      if (!current) return [];
      const all = await loadInstanceChoices(current, ['running', 'stopped']);
      return all.filter((i) => i.zone === volume.availabilityZone);
    },
    createVolume: (form: VolumeForm) =>
      panel.act(async ({ profile, signer }) => {
        const created = await ec2Call(createVolume, profile, signer, volumeInput(form));
        view.value = 'volumes';
        return { key: 'volumeCreated', args: [created.volumeId] };
      }),
    attach: (volumeId: string, instanceId: string, device: string) =>
      panel.act(async ({ profile, signer }) => {
        await ec2Call(attachVolume, profile, signer, { volumeId, instanceId, device });
        return { key: 'volumeAttaching', args: [volumeId, instanceId, device] };
      }),
    detach: (volume: Volume) =>
      panel.act(async ({ profile, signer }) => {
        const attachment = volume.attachments[0];
        await ec2Call(detachVolume, profile, signer, {
          volumeId: volume.volumeId,
          ...(attachment?.instanceId ? { instanceId: attachment.instanceId } : {}),
          ...(attachment?.device ? { device: attachment.device } : {}),
        });
        return { key: 'volumeDetaching', args: [volume.volumeId] };
      }),
    deleteVolumes: (volumeIds: string[]) =>
      panel.act(async ({ profile, signer }) => {
        for (const volumeId of volumeIds)
          await ec2Call(deleteVolume, profile, signer, { volumeId });
        return { key: 'volumesDeleted', args: [volumeIds.join(', ')] };
      }),
    createSnapshot: (volumeId: string, description: string) =>
      panel.act(async ({ profile, signer }) => {
        const made = await ec2Call(createSnapshot, profile, signer, {
          volumeId,
          ...(description.trim() ? { description: description.trim() } : {}),
        });
        view.value = 'snapshots';
        return { key: 'snapshotCreated', args: [made.snapshotId, volumeId] };
      }),
    deleteSnapshots: (snapshotIds: string[]) =>
      panel.act(async ({ profile, signer }) => {
        for (const snapshotId of snapshotIds)
          await ec2Call(deleteSnapshot, profile, signer, { snapshotId });
        return { key: 'snapshotsDeleted', args: [snapshotIds.join(', ')] };
      }),
    dispose() {
      panel.dispose();
      volumeSearch.dispose();
      snapshotSearch.dispose();
    },
  };
}

export type VolumesModel = ReturnType<typeof createVolumesModel>;
