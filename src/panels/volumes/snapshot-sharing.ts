// Snapshots beyond this account and region: CopySnapshot (sent to the destination region, signed
// for it) and who may create volumes from a snapshot (createVolumePermission).

import {
  copySnapshot,
  describeVolumePermissions,
  ec2Call,
  type ModifyVolumePermissionsInput,
  modifyVolumePermissions,
  type VolumePermissions,
} from '../../cloud/ec2';
import { remoteSigner } from '../../shared/remote-signer';
import type { ResourcePanel } from '../components/resource-panel';
import { createUnsupportedFeatures } from '../components/unsupported-features';
import { asError } from '../errors';
import { copyRegions, inRegion, type SignerFor } from '../images/image-copy';

export type SnapshotFeature = 'copySnapshot' | 'volumePermissions';

/** The permissions dialog of a snapshot, as the model keeps it. */
export interface PermissionsDialogState {
  kind: 'volume-permissions';
  snapshotId: string;
  permissions: VolumePermissions | null;
}

export function createSnapshotSharing(
  panel: Pick<ResourcePanel<unknown>, 'act' | 'current' | 'dialog' | 'dialogError'>,
  signerFor: SignerFor = remoteSigner,
) {
  const unsupported = createUnsupportedFeatures<SnapshotFeature>();

  /** Puts the permissions in the open dialog, if it is still this snapshot's. */
  function showIn(snapshotId: string, permissions: VolumePermissions) {
    const open = panel.dialog.value as PermissionsDialogState | null;
    if (open?.kind === 'volume-permissions' && open.snapshotId === snapshotId)
      panel.dialog.value = { ...open, permissions };
  }

  async function readPermissions(snapshotId: string) {
    const current = panel.current();
    if (!current) return;
    const { profile, signer } = current;
    showIn(
      snapshotId,
      await unsupported.guard(profile, 'volumePermissions', () =>
        ec2Call(describeVolumePermissions, profile, signer, { snapshotId }),
      ),
    );
  }

  return {
    unsupported,
    regions: async () => {
      const current = panel.current();
      return current ? copyRegions(current) : [];
    },
    copy: (snapshotId: string, region: string, description: string) =>
      panel.act(async (current) => {
        const target = inRegion(current, region, signerFor);
        const copied = await unsupported.guard(current.profile, 'copySnapshot', () =>
          ec2Call(copySnapshot, target.profile, target.signer, {
            sourceRegion: current.profile.region,
            sourceSnapshotId: snapshotId,
            ...(description.trim() ? { description: description.trim() } : {}),
          }),
        );
        return { key: 'imgCopyStarted', args: [snapshotId, region, copied] };
      }),
    /** Opens the permissions dialog and reads who may create volumes now. */
    async showPermissions(snapshotId: string) {
      const state: PermissionsDialogState = {
        kind: 'volume-permissions',
        snapshotId,
        permissions: null,
      };
      panel.dialog.value = state;
      panel.dialogError.value = null;
      try {
        await readPermissions(snapshotId);
      } catch (e) {
        panel.dialogError.value = asError(e);
      }
    },
    /** One change (add or remove); the dialog stays open and shows the new state. */
    async changePermissions(change: ModifyVolumePermissionsInput): Promise<boolean> {
      const current = panel.current();
      if (!current) return false;
      const { profile, signer } = current;
      panel.dialogError.value = null;
      try {
        await unsupported.guard(profile, 'volumePermissions', () =>
          ec2Call(modifyVolumePermissions, profile, signer, change),
        );
        await readPermissions(change.snapshotId);
        return true;
      } catch (e) {
        panel.dialogError.value = asError(e);
        return false;
      }
    },
  };
}
