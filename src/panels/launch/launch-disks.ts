// The launch form's disks: the root volume's size, type and IOPS, and extra EBS volumes. Checks
// and the BlockDeviceMapping they become. Pure, so unit tests cover it.

import type { BlockDeviceMappingInput } from '../../cloud/ec2';

export interface ExtraVolume {
  /** /dev/sdf … */
  device: string;
  /** GiB; '' takes the snapshot's size. */
  size: string;
  /** '' leaves the type to the cloud. */
  type: string;
  iops: string;
  deleteOnTermination: boolean;
  snapshotId: string;
}

/** The fields of the form the disks use. */
export interface DiskFields {
  /** The image's root device (rootDeviceName), kept so a preset replays without the image. */
  rootDevice: string;
  /** GiB; '' keeps the image's size. */
  rootSize: string;
  /** '' keeps the image's type. */
  rootType: string;
  rootIops: string;
  /** null keeps the image's choice. */
  rootDeleteOnTermination: boolean | null;
  volumes: ExtraVolume[];
}

export type VolumeField = keyof ExtraVolume;

export type DiskProblem =
  | { kind: 'size'; min: number; max: number }
  | { kind: 'iops'; min: number; max: number }
  | { kind: 'size-or-snapshot' }
  | { kind: 'device' }
  | { kind: 'device-taken' }
  | { kind: 'not-bootable' }
  | { kind: 'root-unknown' };

export type DiskProblems = Partial<Record<`root.${'size' | 'iops' | 'type'}`, DiskProblem>> &
  Partial<Record<`volumes.${number}.${VolumeField}`, DiskProblem>>;

/** Every EBS type AWS takes; a Eucalyptus cloud knows `standard` and whatever its volumes show. */
export const EBS_TYPES = ['gp3', 'gp2', 'io1', 'io2', 'st1', 'sc1', 'standard'] as const;

/** Throughput HDDs cannot boot an instance. */
export const ROOT_UNFIT_TYPES = ['st1', 'sc1'];

/** The largest EBS volume, in GiB. */
export const MAX_VOLUME_GIB = 16384;

/** Extra volumes, beyond the root, that the dialog offers names for. */
export const EXTRA_DEVICES = 'fghijklmnop'.split('').map((c) => `/dev/sd${c}`);

// Sizes (GiB) and IOPS each type takes, as the EBS volume types page lists them.
const SIZE: Record<string, [number, number]> = {
  gp3: [1, 16384],
  gp2: [1, 16384],
  io1: [4, 16384],
  io2: [4, 16384],
  st1: [125, 16384],
  sc1: [125, 16384],
  standard: [1, 1024],
};
const IOPS: Record<string, [number, number]> = {
  gp3: [3000, 16000],
  io1: [100, 64000],
  io2: [100, 256000],
};
/** io1 and io2 need their IOPS; gp3 takes them optionally; other types refuse them. */
export const takesIops = (type: string) => type in IOPS;
export const needsIops = (type: string) => type === 'io1' || type === 'io2';

const WHOLE = /^\d{1,6}$/;
const DEVICE = /^\/dev\/[a-z][a-z0-9]{1,15}$/;

export function emptyVolume(taken: readonly string[]): ExtraVolume {
  return {
    device: EXTRA_DEVICES.find((d) => !taken.includes(d)) ?? '',
    size: '8',
    type: '',
    iops: '',
    deleteOnTermination: true,
    snapshotId: '',
  };
}

function sizeProblem(size: string, type: string, floor: number): DiskProblem | undefined {
  const [typeMin, max] = SIZE[type] ?? [1, MAX_VOLUME_GIB];
  const min = Math.max(typeMin, floor);
  const n = Number(size.trim());
  return WHOLE.test(size.trim()) && n >= min && n <= max ? undefined : { kind: 'size', min, max };
}

function iopsProblem(iops: string, type: string): DiskProblem | undefined {
  const range = IOPS[type];
  if (!range || (!iops.trim() && !needsIops(type))) return undefined;
  const n = Number(iops.trim());
  return WHOLE.test(iops.trim()) && n >= range[0] && n <= range[1]
    ? undefined
    : { kind: 'iops', min: range[0], max: range[1] };
}

/** Whether the root volume differs from the image's: only then is it sent. */
export function rootChanged(form: DiskFields): boolean {
  return Boolean(
    form.rootSize.trim() ||
      form.rootType ||
      form.rootIops.trim() ||
      form.rootDeleteOnTermination !== null,
  );
}

/**
 * The disks' problems. `imageRootGiB` is the size of the image's root snapshot when known: a root
 * volume cannot be smaller.
 */
export function validateDisks(form: DiskFields, imageRootGiB: number | null): DiskProblems {
  const problems: DiskProblems = {};
  if (rootChanged(form)) {
    if (!form.rootDevice) problems['root.size'] = { kind: 'root-unknown' };
    if (form.rootSize.trim()) {
      const problem = sizeProblem(form.rootSize, form.rootType, imageRootGiB ?? 1);
      if (problem) problems['root.size'] = problem;
    }
    if (ROOT_UNFIT_TYPES.includes(form.rootType)) problems['root.type'] = { kind: 'not-bootable' };
    const iops = iopsProblem(form.rootIops, form.rootType);
    if (iops) problems['root.iops'] = iops;
  }
  const seen = new Set([form.rootDevice]);
  form.volumes.forEach((volume, i) => {
    const device = volume.device.trim();
    if (!DEVICE.test(device)) problems[`volumes.${i}.device`] = { kind: 'device' };
    else if (seen.has(device)) problems[`volumes.${i}.device`] = { kind: 'device-taken' };
    seen.add(device);
    if (volume.size.trim()) {
      const problem = sizeProblem(volume.size, volume.type, 1);
      if (problem) problems[`volumes.${i}.size`] = problem;
    } else if (!volume.snapshotId.trim()) {
      problems[`volumes.${i}.size`] = { kind: 'size-or-snapshot' };
    }
    const iops = iopsProblem(volume.iops, volume.type);
    if (iops) problems[`volumes.${i}.iops`] = iops;
  });
  return problems;
}

/** BlockDeviceMapping for RunInstances: the root when changed, then the extra volumes. */
export function blockDeviceMappings(form: DiskFields): BlockDeviceMappingInput[] {
  const mappings: BlockDeviceMappingInput[] = [];
  if (rootChanged(form) && form.rootDevice) {
    mappings.push({
      deviceName: form.rootDevice,
      ebs: {
        volumeSize: form.rootSize.trim() ? Number(form.rootSize) : undefined,
        volumeType: form.rootType || undefined,
        iops: takesIops(form.rootType) && form.rootIops.trim() ? Number(form.rootIops) : undefined,
        deleteOnTermination: form.rootDeleteOnTermination ?? undefined,
      },
    });
  }
  for (const volume of form.volumes) {
    mappings.push({
      deviceName: volume.device.trim(),
      ebs: {
        snapshotId: volume.snapshotId.trim() || undefined,
        volumeSize: volume.size.trim() ? Number(volume.size) : undefined,
        volumeType: volume.type || undefined,
        iops: takesIops(volume.type) && volume.iops.trim() ? Number(volume.iops) : undefined,
        deleteOnTermination: volume.deleteOnTermination,
      },
    });
  }
  return mappings;
}

/** The mappings as the AWS CLI's --block-device-mappings JSON takes them. */
export function blockDeviceJson(mappings: readonly BlockDeviceMappingInput[]): string {
  return JSON.stringify(
    mappings.map((m) => ({
      DeviceName: m.deviceName,
      Ebs: {
        SnapshotId: m.ebs?.snapshotId,
        VolumeSize: m.ebs?.volumeSize,
        VolumeType: m.ebs?.volumeType,
        Iops: m.ebs?.iops,
        DeleteOnTermination: m.ebs?.deleteOnTermination,
      },
    })),
  );
}

/** euca-run-instances -b: DEVICE=SNAPSHOT:SIZE:DELETE:TYPE:IOPS, empty parts left empty. */
export function eucaBlockDevice(m: BlockDeviceMappingInput): string {
  const ebs = m.ebs ?? {};
  const del = ebs.deleteOnTermination === undefined ? '' : String(ebs.deleteOnTermination);
  const parts = [ebs.snapshotId ?? '', ebs.volumeSize ?? '', del, ebs.volumeType ?? ''];
  if (ebs.iops !== undefined) parts.push(String(ebs.iops));
  while (parts.length > 1 && parts[parts.length - 1] === '') parts.pop();
  return `${m.deviceName}=${parts.join(':')}`;
}
