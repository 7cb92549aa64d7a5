// The "Create image…" form of an EBS-backed instance: name, description, no reboot, and each of
// its EBS devices with a size that may grow and its delete-on-termination flag.

import type { BlockDeviceMappingInput, CreateImageInput, Instance } from '../../cloud/ec2';
import { isImageName } from '../../cloud/ec2/operations/image-from-instance';
import { t } from '../i18n';

export interface ImageDevice {
  deviceName: string;
  volumeId: string;
  /** The volume's size now (GiB, as the server says it); '' until known. */
  size: string;
  /** What the image's device will be: at least `size`. */
  newSize: string;
  deleteOnTermination: boolean;
  /** As the instance has it, to send only what changed. */
  wasDeleteOnTermination: boolean;
}

export interface ImageForm {
  name: string;
  description: string;
  noReboot: boolean;
  devices: ImageDevice[];
}

/** The instance's EBS devices; sizes come from DescribeVolumes (see `withSizes`). */
export function imageDevices(instance: Instance): ImageDevice[] {
  return instance.blockDeviceMappings
    .filter((m) => m.ebs?.volumeId)
    .map((m) => ({
      deviceName: m.deviceName,
      volumeId: m.ebs?.volumeId ?? '',
      size: '',
      newSize: '',
      deleteOnTermination: m.ebs?.deleteOnTermination ?? false,
      wasDeleteOnTermination: m.ebs?.deleteOnTermination ?? false,
    }));
}

export function withSizes(
  devices: ImageDevice[],
  sizes: ReadonlyMap<string, string>,
): ImageDevice[] {
  return devices.map((d) => {
    const size = sizes.get(d.volumeId) ?? '';
    return { ...d, size, newSize: d.newSize || size };
  });
}

export type ImageFormProblems = { name?: string; description?: string; sizes?: string[] };

/** Field messages; empty when the form can be sent. */
export function imageFormProblems(form: ImageForm): ImageFormProblems {
  const problems: ImageFormProblems = {};
  if (!isImageName(form.name.trim())) problems.name = t('imgNameRule');
  if (form.description.length > 255) problems.description = t('imgDescriptionTooLong');
  const sizes = form.devices.map((d) => {
    if (d.newSize.trim() === '' || d.newSize === d.size) return '';
    const value = Number(d.newSize);
    if (!Number.isInteger(value) || value < 1 || value > 65_536) return t('imgSizeRule');
    if (d.size !== '' && value < Number(d.size)) return t('imgSizeNotSmaller', d.size);
    return '';
  });
  if (sizes.some(Boolean)) problems.sizes = sizes;
  return problems;
}

export function hasProblems(problems: ImageFormProblems): boolean {
  return !!problems.name || !!problems.description || !!problems.sizes;
}

export function createImageInput(instanceId: string, form: ImageForm): CreateImageInput {
  const changed: BlockDeviceMappingInput[] = form.devices
    .filter(
      (d) =>
        (d.newSize.trim() !== '' && d.newSize.trim() !== d.size) ||
        d.deleteOnTermination !== d.wasDeleteOnTermination,
    )
    .map((d) => ({
      deviceName: d.deviceName,
      ebs: {
        ...(d.newSize.trim() !== '' && d.newSize.trim() !== d.size
          ? { volumeSize: d.newSize.trim() }
          : {}),
        deleteOnTermination: d.deleteOnTermination,
      },
    }));
  return {
    instanceId,
    name: form.name.trim(),
    ...(form.description.trim() ? { description: form.description.trim() } : {}),
    ...(form.noReboot ? { noReboot: true } : {}),
    ...(changed.length ? { blockDeviceMappings: changed } : {}),
  };
}
