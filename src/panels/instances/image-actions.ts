// What the Instances panel does toward images: CreateImage for an EBS-backed instance, and
// BundleInstance for an instance-store one, whose upload policy only the background can sign.

import {
  type BundleStorage,
  bundleInstance,
  type CreateImageInput,
  createImage,
  describeVolumes,
  ec2Call,
  ec2List,
  type Instance,
} from '../../cloud/ec2';
import { call } from '../../shared/call';
import type { ResourcePanel } from '../components/resource-panel';
import { createUnsupportedFeatures } from '../components/unsupported-features';
import { type ImageDevice, imageDevices, withSizes } from './image-form';

export type InstanceImageFeature = 'createImage' | 'bundle';

/** Signs BundleInstance's upload policy: the background in the browser, the test's own in Node. */
export type BundleStorageSigner = (
  profileId: string,
  bucket: string,
  prefix: string,
) => Promise<BundleStorage>;

const backgroundBundleStorage: BundleStorageSigner = (profileId, bucket, prefix) =>
  call('bundleUploadPolicy', { profileId, bucket, prefix });

export function createImageActions(
  panel: Pick<ResourcePanel<unknown>, 'act' | 'current'>,
  signBundleStorage: BundleStorageSigner = backgroundBundleStorage,
) {
  const unsupported = createUnsupportedFeatures<InstanceImageFeature>();
  return {
    unsupported,
    /** The instance's EBS devices with their volumes' sizes, for the create image form. */
    async devicesOf(instance: Instance): Promise<ImageDevice[]> {
      const devices = imageDevices(instance);
      const current = panel.current();
      if (!current || devices.length === 0) return devices;
      const volumes = await ec2List(describeVolumes, current.profile, current.signer, {
        volumeIds: devices.map((d) => d.volumeId),
      });
      return withSizes(devices, new Map(volumes.map((v) => [v.volumeId, v.size])));
    },
    createImage: (input: CreateImageInput) =>
      panel.act(async ({ profile, signer }) => {
        const imageId = await unsupported.guard(profile, 'createImage', () =>
          ec2Call(createImage, profile, signer, input),
        );
        return {
          key: 'imgCreateStarted',
          args: [imageId, input.name, input.instanceId],
          open: { panel: 'images', select: imageId },
        };
      }),
    bundle: (instanceId: string, bucket: string, prefix: string) =>
      panel.act(async ({ profile, signer }) => {
        const storage = await signBundleStorage(profile.id, bucket, prefix);
        const task = await unsupported.guard(profile, 'bundle', () =>
          ec2Call(bundleInstance, profile, signer, { instanceId, storage }),
        );
        return { key: 'imgBundleStarted', args: [task.bundleId, instanceId, bucket, prefix] };
      }),
  };
}

export type ImageActions = ReturnType<typeof createImageActions>;
