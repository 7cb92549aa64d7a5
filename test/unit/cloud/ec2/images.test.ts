import { describe, expect, test } from 'vitest';
import {
  describeImages,
  describeLaunchPermissions,
  modifyLaunchPermissions,
  registerImage,
} from '../../../../src/cloud/ec2/operations/images';
import { nextTokenOf, readFixture } from './fixtures';

describe('DescribeImages', () => {
  test('AWS: several images, block devices of every kind, tags, nextToken', () => {
    const images = readFixture(describeImages, 'aws-describe-images.xml');
    expect(images.map((i) => i.imageId)).toEqual(['ami-1a2b3c4d', 'ami-0abcdef1234567890']);
    const [first, second] = images;
    expect(first).toMatchObject({
      imageLocation: 'amazon/getting-started',
      imageOwnerId: '123456789012',
      imageOwnerAlias: 'amazon',
      isPublic: true,
      imageType: 'machine',
      kernelId: 'aki-1a2b3c4d',
      ramdiskId: 'ari-1a2b3c4d',
      creationDate: '2013-10-22T20:12:31.000Z',
      tags: [],
    });
    expect(first?.blockDeviceMappings).toEqual([
      {
        deviceName: '/dev/sda1',
        virtualName: '',
        noDevice: false,
        ebs: {
          snapshotId: 'snap-1a2b3c4d',
          volumeId: '',
          volumeSize: '15',
          volumeType: 'standard',
          deleteOnTermination: false,
          status: '',
          attachTime: '',
          encrypted: false,
        },
      },
      { deviceName: '/dev/sdb', virtualName: 'ephemeral0', noDevice: false },
      { deviceName: '/dev/sdc', virtualName: '', noDevice: true },
    ]);
    // Owner ids keep their leading zero; an empty tag value is ''.
    expect(second?.imageOwnerId).toBe('012345678901');
    expect(second?.isPublic).toBe(false);
    expect(second?.tags).toEqual([
      { key: 'Name', value: 'web' },
      { key: 'team', value: '' },
    ]);
    expect(second?.blockDeviceMappings[0]?.ebs?.encrypted).toBe(true);
    expect(nextTokenOf(describeImages, 'aws-describe-images.xml')).toBe(
      'eyJ2IjoiMiIsImMiOiJ0b2tlbiJ9',
    );
  });

  test('one image is still a list, its one tag too', () => {
    const images = readFixture(describeImages, 'aws-describe-images-single.xml');
    expect(images).toHaveLength(1);
    expect(images[0]?.imageId).toBe('ami-0ff8a91507f77f867');
    expect(images[0]?.tags).toEqual([{ key: 'Name', value: 'amzn' }]);
    expect(images[0]?.blockDeviceMappings).toHaveLength(1);
    expect(nextTokenOf(describeImages, 'aws-describe-images-single.xml')).toBe('');
  });

  test('Eucalyptus: emi/eki/eri ids of 8 and 17 digits in either case, no nextToken', () => {
    const images = readFixture(describeImages, 'eucalyptus-describe-images.xml');
    expect(images.map((i) => [i.imageId, i.imageType])).toEqual([
      ['emi-0A1B2C3D', 'machine'],
      ['eki-6E341ABC', 'kernel'],
      ['eri-9f2b1c3d', 'ramdisk'],
      ['emi-0123456789abcdef0', 'machine'],
    ]);
    expect(images[0]).toMatchObject({
      imageLocation: 'centos6-images/centos6.img.manifest.xml',
      imageOwnerId: '000123456789',
      kernelId: 'eki-6E341ABC',
      ramdiskId: 'eri-9F2B1C3D',
      rootDeviceType: 'instance-store',
      platform: '',
      blockDeviceMappings: [],
      hypervisor: 'xen',
    });
    expect(images[3]).toMatchObject({
      platform: 'windows',
      creationDate: '2014-01-24T11:17:27.857Z',
      tags: [{ key: 'os', value: 'windows' }],
    });
    expect(images[3]?.blockDeviceMappings[0]?.ebs?.snapshotId).toBe('snap-0A1B2C3D4E5F60718');
    expect(nextTokenOf(describeImages, 'eucalyptus-describe-images.xml')).toBe('');
  });

  test('moto', () => {
    const images = readFixture(describeImages, 'moto-describe-images.xml');
    expect(images.map((i) => i.imageId)).toEqual(['ami-03cf127a', 'ami-12c6146b']);
    expect(images[0]).toMatchObject({
      platform: 'windows',
      imageOwnerAlias: 'amazon',
      isPublic: true,
    });
  });

  test('parameters', () => {
    expect(
      describeImages.params({
        owners: ['self', 'amazon'],
        executableBy: ['all'],
        imageIds: ['emi-0A1B2C3D'],
        filters: [{ name: 'image-type', values: ['machine'] }],
      }),
    ).toEqual([
      ['ExecutableBy.1', 'all'],
      ['ImageId.1', 'emi-0A1B2C3D'],
      ['Owner.1', 'self'],
      ['Owner.2', 'amazon'],
      ['Filter.1.Name', 'image-type'],
      ['Filter.1.Value.1', 'machine'],
    ]);
    expect(describeImages.params({})).toEqual([]);
    expect(describeImages.readOnly).toBe(true);
    expect(describeImages.items.path).toEqual(['imagesSet', 'item']);
  });
});

describe('RegisterImage', () => {
  test('an instance-store image from its manifest', () => {
    expect(
      registerImage.params({
        imageLocation: 'centos6-images/centos6.img.manifest.xml',
        architecture: 'x86_64',
        kernelId: 'eki-6E341ABC',
        ramdiskId: 'eri-9F2B1C3D',
        description: 'CentOS 6',
      }),
    ).toEqual([
      ['ImageLocation', 'centos6-images/centos6.img.manifest.xml'],
      ['Description', 'CentOS 6'],
      ['Architecture', 'x86_64'],
      ['KernelId', 'eki-6E341ABC'],
      ['RamdiskId', 'eri-9F2B1C3D'],
    ]);
  });

  test('an EBS image from a snapshot', () => {
    expect(
      registerImage.params({
        name: 'from-snap',
        rootDeviceName: '/dev/sda1',
        blockDeviceMappings: [
          { deviceName: '/dev/sda1', ebs: { snapshotId: 'snap-1', deleteOnTermination: true } },
          { deviceName: '/dev/sdb', virtualName: 'ephemeral0' },
          { deviceName: '/dev/sdc', noDevice: true },
        ],
      }),
    ).toEqual([
      ['Name', 'from-snap'],
      ['RootDeviceName', '/dev/sda1'],
      ['BlockDeviceMapping.1.DeviceName', '/dev/sda1'],
      ['BlockDeviceMapping.1.Ebs.SnapshotId', 'snap-1'],
      ['BlockDeviceMapping.1.Ebs.DeleteOnTermination', 'true'],
      ['BlockDeviceMapping.2.DeviceName', '/dev/sdb'],
      ['BlockDeviceMapping.2.VirtualName', 'ephemeral0'],
      ['BlockDeviceMapping.3.DeviceName', '/dev/sdc'],
      ['BlockDeviceMapping.3.NoDevice', ''],
    ]);
    expect(registerImage.read({ imageId: 'emi-0123456789ABCDEF0', requestId: 'x' })).toBe(
      'emi-0123456789ABCDEF0',
    );
  });
});

describe('launch permissions', () => {
  test('public and users', () => {
    expect(readFixture(describeLaunchPermissions, 'aws-describe-image-attribute.xml')).toEqual({
      public: true,
      userIds: ['495219933132', '000123456789'],
    });
  });

  test('one user, not public', () => {
    expect(
      readFixture(describeLaunchPermissions, 'eucalyptus-describe-image-attribute-single.xml'),
    ).toEqual({ public: false, userIds: ['000987654321'] });
  });

  test('add and remove', () => {
    expect(
      modifyLaunchPermissions.params({
        imageId: 'emi-0A1B2C3D',
        add: { public: true, userIds: ['111122223333'] },
        remove: { userIds: ['444455556666'] },
      }),
    ).toEqual([
      ['ImageId', 'emi-0A1B2C3D'],
      ['LaunchPermission.Add.1.Group', 'all'],
      ['LaunchPermission.Add.2.UserId', '111122223333'],
      ['LaunchPermission.Remove.1.UserId', '444455556666'],
    ]);
    expect(modifyLaunchPermissions.params({ imageId: 'ami-1', remove: { public: true } })).toEqual([
      ['ImageId', 'ami-1'],
      ['LaunchPermission.Remove.1.Group', 'all'],
    ]);
    expect(describeLaunchPermissions.params({ imageId: 'ami-1' })).toEqual([
      ['ImageId', 'ami-1'],
      ['Attribute', 'launchPermission'],
    ]);
  });
});
