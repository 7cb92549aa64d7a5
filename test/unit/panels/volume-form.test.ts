import { describe, expect, test } from 'vitest';
import type { Volume } from '../../../src/cloud/ec2';
import {
  deviceProblem,
  sizeProblem,
  snapshotBusy,
  type VolumeForm,
  validateVolume,
  volumeBusy,
  volumeInput,
} from '../../../src/panels/volumes/volume-form';

const form = (patch: Partial<VolumeForm>): VolumeForm => ({
  size: '10',
  zone: 'cluster01',
  snapshotId: '',
  volumeType: '',
  iops: '',
  name: '',
  ...patch,
});

describe('sizes', () => {
  test.each(['1', '100', '16384'])('%s GiB is fine', (size) =>
    expect(sizeProblem(size, false)).toBeNull(),
  );
  test.each(['0', '16385', '1.5', '-1', 'ten', '1e3'])('%s GiB is not', (size) =>
    expect(sizeProblem(size, false)).toBe('volumeSizeInvalid'),
  );
  test('empty: required, unless a snapshot gives the size', () => {
    expect(sizeProblem('', false)).toBe('fieldRequired');
    expect(sizeProblem('', true)).toBeNull();
  });
});

describe('devices', () => {
  test.each(['/dev/sdf', '/dev/xvdf', '/dev/vdb', '/dev/sda1', ' /dev/sdh '])('%s', (device) =>
    expect(deviceProblem(device)).toBeNull(),
  );
  test.each(['sdf', 'dev/sdf', '/dev/', '/dev/SDF', '/dev/sd f', '/mnt/sdf', '/dev/../sdf'])(
    '%j is refused',
    (device) => expect(deviceProblem(device)).toBe('deviceInvalid'),
  );
  test('empty is required', () => expect(deviceProblem('')).toBe('fieldRequired'));
});

describe('create volume form', () => {
  test('fine as it is', () => expect(validateVolume(form({}))).toEqual({}));
  test('a zone is needed; a volume is at least its snapshot', () => {
    expect(validateVolume(form({ zone: '' }))).toEqual({ zone: 'fieldRequired' });
    expect(validateVolume(form({ size: '5', snapshotId: 'snap-1' }), 8)).toEqual({
      size: 'volumeSmallerThanSnapshot',
    });
    expect(validateVolume(form({ size: '', snapshotId: 'snap-1' }), 8)).toEqual({});
  });
  test('io1 and io2 need IOPS', () => {
    expect(validateVolume(form({ volumeType: 'io1' }))).toEqual({ iops: 'iopsInvalid' });
    expect(validateVolume(form({ volumeType: 'io2', iops: '3000' }))).toEqual({});
    expect(validateVolume(form({ volumeType: 'gp2', iops: 'x' }))).toEqual({});
  });
  test('what is sent', () => {
    expect(volumeInput(form({ name: ' data ', volumeType: 'gp2' }))).toEqual({
      availabilityZone: 'cluster01',
      size: 10,
      volumeType: 'gp2',
      tags: [{ key: 'Name', value: 'data' }],
    });
    expect(volumeInput(form({ size: '', snapshotId: 'snap-1' }))).toEqual({
      availabilityZone: 'cluster01',
      snapshotId: 'snap-1',
    });
  });
});

test('volumes and snapshots that change by themselves', () => {
  const volume = (status: string, attachment?: string): Volume => ({
    volumeId: 'vol-1',
    size: '1',
    snapshotId: '',
    availabilityZone: 'a',
    status,
    createTime: '',
    volumeType: '',
    iops: '',
    encrypted: false,
    attachments: attachment
      ? [
          {
            volumeId: 'vol-1',
            instanceId: 'i-1',
            device: '/dev/sdf',
            status: attachment,
            attachTime: '',
            deleteOnTermination: false,
          },
        ]
      : [],
    tags: [],
  });
  expect(volumeBusy(volume('creating'))).toBe(true);
  expect(volumeBusy(volume('available'))).toBe(false);
  expect(volumeBusy(volume('in-use', 'attaching'))).toBe(true);
  expect(volumeBusy(volume('in-use', 'attached'))).toBe(false);
  expect(volumeBusy(volume('in-use', 'detaching'))).toBe(true);
  expect(snapshotBusy({ status: 'pending' } as never)).toBe(true);
  expect(snapshotBusy({ status: 'completed' } as never)).toBe(false);
});
