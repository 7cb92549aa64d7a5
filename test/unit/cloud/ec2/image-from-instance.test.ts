import { createHmac } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import {
  BUNDLE_BUSY_STATES,
  bundleInstance,
  bundleManifestLocation,
  cancelBundleTask,
  describeBundleTasks,
} from '../../../../src/cloud/ec2/operations/bundle-tasks';
import {
  copyImage,
  createImage,
  isImageName,
} from '../../../../src/cloud/ec2/operations/image-from-instance';
import {
  copySnapshot,
  describeVolumePermissions,
  modifyVolumePermissions,
} from '../../../../src/cloud/ec2/operations/snapshot-sharing';
import {
  bundleTargetProblem,
  bundleUploadPolicy,
  signedBundleStorage,
} from '../../../../src/cloud/ec2/upload-policy';
import { readFixture } from './fixtures';

describe('CreateImage', () => {
  test('parameters: name, description, NoReboot and changed block devices', () => {
    expect(
      createImage.params({
        instanceId: 'i-1',
        name: 'web (v2)',
        description: 'the web server',
        noReboot: true,
        blockDeviceMappings: [
          { deviceName: '/dev/sda1', ebs: { volumeSize: 20, deleteOnTermination: false } },
          { deviceName: '/dev/sdf', noDevice: true },
        ],
      }),
    ).toEqual([
      ['InstanceId', 'i-1'],
      ['Name', 'web (v2)'],
      ['Description', 'the web server'],
      ['NoReboot', 'true'],
      ['BlockDeviceMapping.1.DeviceName', '/dev/sda1'],
      ['BlockDeviceMapping.1.Ebs.VolumeSize', '20'],
      ['BlockDeviceMapping.1.Ebs.DeleteOnTermination', 'false'],
      ['BlockDeviceMapping.2.DeviceName', '/dev/sdf'],
      ['BlockDeviceMapping.2.NoDevice', ''],
    ]);
    expect(createImage.params({ instanceId: 'i-1', name: 'abc' })).toEqual([
      ['InstanceId', 'i-1'],
      ['Name', 'abc'],
    ]);
    expect(createImage.readOnly).toBe(false);
  });

  test('reads the new image id', () => {
    expect(readFixture(createImage, 'aws-create-image.xml')).toBe('ami-1a2b3c4d');
  });

  test("image names follow AWS's rule", () => {
    for (const good of ['abc', "web (v2) [prod] 1.0/a-b_c@d'e", 'x'.repeat(128)])
      expect(isImageName(good), good).toBe(true);
    for (const bad of ['ab', 'x'.repeat(129), 'web:1', 'naïve', 'a\tb', 'semi;colon', ''])
      expect(isImageName(bad), bad).toBe(false);
  });
});

describe('CopyImage and CopySnapshot', () => {
  test('parameters and answers', () => {
    expect(
      copyImage.params({
        sourceRegion: 'us-east-1',
        sourceImageId: 'ami-1',
        name: 'copy',
        description: 'd',
      }),
    ).toEqual([
      ['SourceRegion', 'us-east-1'],
      ['SourceImageId', 'ami-1'],
      ['Name', 'copy'],
      ['Description', 'd'],
    ]);
    expect(readFixture(copyImage, 'aws-copy-image.xml')).toBe('ami-4d3c2b1a');
    expect(copySnapshot.params({ sourceRegion: 'eu-west-1', sourceSnapshotId: 'snap-1' })).toEqual([
      ['SourceRegion', 'eu-west-1'],
      ['SourceSnapshotId', 'snap-1'],
    ]);
    expect(readFixture(copySnapshot, 'aws-copy-snapshot.xml')).toBe('snap-2EXAMPLE');
  });
});

describe('createVolumePermission', () => {
  test('DescribeSnapshotAttribute: public and accounts; an empty list from Eucalyptus', () => {
    expect(describeVolumePermissions.params({ snapshotId: 'snap-1' })).toEqual([
      ['SnapshotId', 'snap-1'],
      ['Attribute', 'createVolumePermission'],
    ]);
    expect(readFixture(describeVolumePermissions, 'aws-describe-snapshot-attribute.xml')).toEqual({
      public: true,
      userIds: ['111122223333', '444455556666'],
    });
    expect(
      readFixture(describeVolumePermissions, 'eucalyptus-describe-snapshot-attribute-empty.xml'),
    ).toEqual({ public: false, userIds: [] });
  });

  test('ModifySnapshotAttribute: the flat form, one operation per call', () => {
    expect(
      modifyVolumePermissions.params({
        snapshotId: 'snap-1',
        operation: 'add',
        userIds: ['111122223333', '444455556666'],
        public: true,
      }),
    ).toEqual([
      ['SnapshotId', 'snap-1'],
      ['Attribute', 'createVolumePermission'],
      ['OperationType', 'add'],
      ['UserId.1', '111122223333'],
      ['UserId.2', '444455556666'],
      ['UserGroup.1', 'all'],
    ]);
    expect(
      modifyVolumePermissions.params({ snapshotId: 'snap-1', operation: 'remove', public: true }),
    ).toEqual([
      ['SnapshotId', 'snap-1'],
      ['Attribute', 'createVolumePermission'],
      ['OperationType', 'remove'],
      ['UserGroup.1', 'all'],
    ]);
  });
});

describe('bundle tasks', () => {
  const storage = {
    bucket: 'bundles',
    prefix: 'web',
    awsAccessKeyId: 'AKID',
    uploadPolicy: 'eyJ9',
    uploadPolicySignature: 'c2ln',
  };

  test('BundleInstance parameters: Storage.S3.*', () => {
    expect(bundleInstance.params({ instanceId: 'i-1', storage })).toEqual([
      ['InstanceId', 'i-1'],
      ['Storage.S3.Bucket', 'bundles'],
      ['Storage.S3.Prefix', 'web'],
      ['Storage.S3.AWSAccessKeyId', 'AKID'],
      ['Storage.S3.UploadPolicy', 'eyJ9'],
      ['Storage.S3.UploadPolicySignature', 'c2ln'],
    ]);
  });

  test('BundleInstance and CancelBundleTask answer the task', () => {
    expect(readFixture(bundleInstance, 'aws-bundle-instance.xml')).toEqual({
      bundleId: 'bun-c1a540a8',
      instanceId: 'i-1234567890abcdef0',
      state: 'bundling',
      startTime: '2008-10-07T11:41:50.000Z',
      updateTime: '2008-10-07T11:51:50.000Z',
      progress: '70%',
      bucket: 'myawsbucket',
      prefix: 'winami',
      errorCode: '',
      errorMessage: '',
    });
    const cancelled = readFixture(cancelBundleTask, 'aws-cancel-bundle-task.xml');
    expect(cancelled).toMatchObject({ bundleId: 'bun-cla322b9', state: 'canceling' });
    expect(BUNDLE_BUSY_STATES.has(cancelled.state)).toBe(true);
    expect(cancelBundleTask.params({ bundleId: 'bun-1' })).toEqual([['BundleId', 'bun-1']]);
  });

  test("DescribeBundleTasks: Eucalyptus' list, with a failed task's error as text", () => {
    const tasks = readFixture(describeBundleTasks, 'eucalyptus-describe-bundle-tasks.xml');
    expect(tasks.map((task) => [task.bundleId, task.state, task.progress])).toEqual([
      ['bun-5F3A4B21', 'complete', '100%'],
      ['bun-7C2D9E10', 'failed', '0%'],
    ]);
    expect(tasks[1]).toMatchObject({
      errorCode: 'Client.InvalidParameterValue',
      errorMessage: 'Bucket bundles is not writable <yours>',
    });
    expect(tasks[0] && bundleManifestLocation(tasks[0])).toBe('bundles/web-2014.manifest.xml');
    expect(describeBundleTasks.params({})).toEqual([]);
  });
});

describe('the upload policy', () => {
  const now = new Date('2026-03-01T10:00:00.000Z');

  test('one bucket, one prefix, ec2-bundle-read, a day', () => {
    expect(JSON.parse(bundleUploadPolicy('bundles', 'web/v1', now))).toEqual({
      expiration: '2026-03-02T10:00:00.000Z',
      conditions: [
        { bucket: 'bundles' },
        { acl: 'ec2-bundle-read' },
        ['starts-with', '$key', 'web/v1'],
      ],
    });
  });

  test('signed as an S3 POST policy: base64 HMAC-SHA1 over the base64 policy', async () => {
    const creds = { accessKeyId: 'AKID', secretAccessKey: 'secret/key' };
    const storage = await signedBundleStorage({ bucket: 'bundles', prefix: 'web' }, creds, now);
    const policy = Buffer.from(storage.uploadPolicy, 'base64').toString('utf8');
    expect(policy).toBe(bundleUploadPolicy('bundles', 'web', now));
    const expected = createHmac('sha1', 'secret/key').update(storage.uploadPolicy).digest('base64');
    expect(storage).toEqual({
      bucket: 'bundles',
      prefix: 'web',
      awsAccessKeyId: 'AKID',
      uploadPolicy: storage.uploadPolicy,
      uploadPolicySignature: expected,
    });
  });

  test('refuses what is not a bucket or a plain prefix', async () => {
    expect(bundleTargetProblem('bundles', 'web-1.0')).toBeUndefined();
    for (const [bucket, prefix] of [
      ['Bundles', 'web'],
      ['b', 'web'],
      ['bundles', ''],
      ['bundles', '../web'],
      ['bundles', '/web'],
      ['bundles', 'web/'],
      ['bundles', 'a"b'],
      ['bundles', 'x'.repeat(201)],
    ] as const)
      expect(bundleTargetProblem(bucket, prefix), `${bucket} ${prefix}`).toBeDefined();
    await expect(
      signedBundleStorage(
        { bucket: 'bundles', prefix: '"}' },
        { accessKeyId: 'a', secretAccessKey: 's' },
        now,
      ),
    ).rejects.toMatchObject({ code: 'InvalidBundleTarget' });
  });
});
