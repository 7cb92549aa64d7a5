import { describe, expect, test } from 'vitest';
import type { Instance } from '../../../src/cloud/ec2';
import { isUnsupportedAction } from '../../../src/cloud/unsupported';
import { createUnsupportedFeatures } from '../../../src/panels/components/unsupported-features';
import {
  createImageInput,
  hasProblems,
  type ImageForm,
  imageDevices,
  imageFormProblems,
  withSizes,
} from '../../../src/panels/instances/image-form';
import { parseAccountIds } from '../../../src/panels/volumes/snapshot-sharing-dialogs';
import { fakeCurrent } from '../../support/model-deps';

const instance = {
  instanceId: 'i-1',
  blockDeviceMappings: [
    {
      deviceName: '/dev/sda1',
      virtualName: '',
      noDevice: false,
      ebs: { volumeId: 'vol-root', deleteOnTermination: true },
    },
    {
      deviceName: '/dev/sdf',
      virtualName: '',
      noDevice: false,
      ebs: { volumeId: 'vol-data', deleteOnTermination: false },
    },
    { deviceName: '/dev/sdb', virtualName: 'ephemeral0', noDevice: false },
  ],
} as unknown as Instance;

function form(patch: Partial<ImageForm> = {}): ImageForm {
  const devices = withSizes(
    imageDevices(instance),
    new Map([
      ['vol-root', '8'],
      ['vol-data', '100'],
    ]),
  );
  return { name: 'web image', description: '', noReboot: false, devices, ...patch };
}

describe('the create image form', () => {
  test('the EBS devices of the instance, with their sizes', () => {
    expect(form().devices).toEqual([
      {
        deviceName: '/dev/sda1',
        volumeId: 'vol-root',
        size: '8',
        newSize: '8',
        deleteOnTermination: true,
        wasDeleteOnTermination: true,
      },
      {
        deviceName: '/dev/sdf',
        volumeId: 'vol-data',
        size: '100',
        newSize: '100',
        deleteOnTermination: false,
        wasDeleteOnTermination: false,
      },
    ]);
  });

  test('nothing changed: only name (and what is set) is sent', () => {
    expect(createImageInput('i-1', form({ name: '  web image ' }))).toEqual({
      instanceId: 'i-1',
      name: 'web image',
    });
    expect(createImageInput('i-1', form({ description: ' d ', noReboot: true }))).toEqual({
      instanceId: 'i-1',
      name: 'web image',
      description: 'd',
      noReboot: true,
    });
  });

  test('a grown volume and a changed flag are sent for that device only', () => {
    const [root, data] = form().devices;
    if (!root || !data) throw new Error('devices');
    const input = createImageInput(
      'i-1',
      form({
        devices: [
          { ...root, newSize: '20' },
          { ...data, deleteOnTermination: true },
        ],
      }),
    );
    expect(input.blockDeviceMappings).toEqual([
      { deviceName: '/dev/sda1', ebs: { volumeSize: '20', deleteOnTermination: true } },
      { deviceName: '/dev/sdf', ebs: { deleteOnTermination: true } },
    ]);
  });

  test('problems: the name rule, a size that shrinks or is not a whole number', () => {
    expect(hasProblems(imageFormProblems(form()))).toBe(false);
    expect(imageFormProblems(form({ name: 'ab' })).name).toBe('imgNameRule');
    expect(imageFormProblems(form({ name: 'web:1' })).name).toBe('imgNameRule');
    expect(imageFormProblems(form({ description: 'x'.repeat(256) })).description).toBeTruthy();
    const [root, data] = form().devices;
    if (!root || !data) throw new Error('devices');
    expect(
      imageFormProblems(
        form({
          devices: [
            { ...root, newSize: '4' },
            { ...data, newSize: '1.5' },
          ],
        }),
      ).sizes,
    ).toEqual(['imgSizeNotSmaller', 'imgSizeRule']);
  });
});

describe('account ids', () => {
  test('12 digits each, separated by spaces or commas', () => {
    expect(parseAccountIds('111122223333, 444455556666\n777788889999')).toEqual([
      '111122223333',
      '444455556666',
      '777788889999',
    ]);
    for (const bad of ['', '  ', '12345678901', '1111-2222-3333', '111122223333 x'])
      expect(parseAccountIds(bad), bad).toBeUndefined();
  });
});

describe('unsupported features', () => {
  test('what counts as a cloud lacking an action', () => {
    for (const code of ['InvalidAction', 'Unsupported', 'UnsupportedOperation', 'NotImplemented'])
      expect(isUnsupportedAction({ code, message: '' })).toBe(true);
    for (const code of ['InvalidParameterValue', 'AuthFailure', 'InternalError'])
      expect(isUnsupportedAction({ code, message: '' })).toBe(false);
    expect(isUnsupportedAction(null)).toBe(false);
  });

  test('remembered per profile and region, only for an unsupported answer', async () => {
    const features = createUnsupportedFeatures<'copy' | 'share'>();
    const { profile } = fakeCurrent('a');
    await expect(
      features.guard(profile, 'copy', () => Promise.reject({ code: 'AuthFailure', message: '' })),
    ).rejects.toMatchObject({ code: 'AuthFailure' });
    expect(features.has(profile, 'copy')).toBe(false);
    await expect(
      features.guard(profile, 'copy', () => Promise.reject({ code: 'InvalidAction', message: '' })),
    ).rejects.toMatchObject({ code: 'InvalidAction' });
    expect(features.has(profile, 'copy')).toBe(true);
    expect(features.has(profile, 'share')).toBe(false);
    expect(features.has({ ...profile, region: 'eu-west-1' }, 'copy')).toBe(false);
    expect(features.has(fakeCurrent('b').profile, 'copy')).toBe(false);
    expect(await features.guard(profile, 'share', async () => 7)).toBe(7);
  });
});
