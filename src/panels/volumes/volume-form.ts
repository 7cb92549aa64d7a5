// Volume and snapshot forms, checked before anything is sent, and which states a volume or a
// snapshot leaves by itself. Pure: problems are message keys.

import type { CreateVolumeInput, Snapshot, Volume } from '../../cloud/ec2';
import type { MessageKey } from '../i18n';

export const MAX_VOLUME_GIB = 16384;

/** The types offered; '' leaves the choice to the cloud (Eucalyptus knows only "standard"). */
export const VOLUME_TYPES = ['', 'standard', 'gp2', 'gp3', 'io1', 'io2', 'st1', 'sc1'];
const NEEDS_IOPS = new Set(['io1', 'io2']);

export interface VolumeForm {
  size: string;
  zone: string;
  snapshotId: string;
  volumeType: string;
  iops: string;
  name: string;
}

export type VolumeProblems = Partial<Record<keyof VolumeForm, MessageKey>>;

/** GiB as a whole number 1-16384; may be left empty when a snapshot gives the size. */
export function sizeProblem(text: string, fromSnapshot: boolean): MessageKey | null {
  const value = text.trim();
  if (!value) return fromSnapshot ? null : 'fieldRequired';
  if (!/^\d+$/.test(value)) return 'volumeSizeInvalid';
  const n = Number(value);
  return n < 1 || n > MAX_VOLUME_GIB ? 'volumeSizeInvalid' : null;
}

/** `/dev/sdf`, `/dev/xvdf`, `/dev/vdb`: /dev/ and a device name of letters and digits. */
export function deviceProblem(text: string): MessageKey | null {
  const value = text.trim();
  if (!value) return 'fieldRequired';
  return /^\/dev\/[a-z][a-z0-9]*$/.test(value) ? null : 'deviceInvalid';
}

export function iopsNeeded(volumeType: string): boolean {
  return NEEDS_IOPS.has(volumeType);
}

/** `snapshotSize`: the chosen snapshot's size in GiB when known; a volume cannot be smaller. */
export function validateVolume(form: VolumeForm, snapshotSize?: number): VolumeProblems {
  const problems: VolumeProblems = {};
  const fromSnapshot = !!form.snapshotId.trim();
  const size = sizeProblem(form.size, fromSnapshot);
  if (size) problems.size = size;
  else if (form.size.trim() && snapshotSize && Number(form.size) < snapshotSize)
    problems.size = 'volumeSmallerThanSnapshot';
  if (!form.zone) problems.zone = 'fieldRequired';
  if (fromSnapshot && /\s/.test(form.snapshotId.trim())) problems.snapshotId = 'snapshotIdInvalid';
  if (iopsNeeded(form.volumeType)) {
    const iops = form.iops.trim();
    if (!/^\d+$/.test(iops) || Number(iops) < 100 || Number(iops) > 256000)
      problems.iops = 'iopsInvalid';
  }
  if (form.name.length > 256) problems.name = 'tagsLongValue';
  return problems;
}

export function volumeInput(form: VolumeForm): CreateVolumeInput {
  const input: CreateVolumeInput = { availabilityZone: form.zone };
  if (form.size.trim()) input.size = Number(form.size);
  if (form.snapshotId.trim()) input.snapshotId = form.snapshotId.trim();
  if (form.volumeType) input.volumeType = form.volumeType;
  if (iopsNeeded(form.volumeType)) input.iops = Number(form.iops);
  if (form.name.trim()) input.tags = [{ key: 'Name', value: form.name.trim() }];
  return input;
}

const VOLUME_BUSY = new Set(['creating', 'deleting', 'attaching', 'detaching']);

/** A volume in a state it leaves by itself, or with an attachment on its way. */
export function volumeBusy(volume: Volume): boolean {
  return (
    VOLUME_BUSY.has(volume.status) ||
    volume.attachments.some((a) => a.status === 'attaching' || a.status === 'detaching')
  );
}

export function snapshotBusy(snapshot: Snapshot): boolean {
  return snapshot.status === 'pending';
}
