import { describe, expect, test } from 'vitest';
import type { AwsProfile, EucalyptusProfile } from '../../../src/cloud/profile';
import {
  commandLine,
  emptyLaunchForm,
  type LaunchForm,
  parseTags,
  runInput,
  USER_DATA_LIMIT,
  validateLaunch,
} from '../../../src/panels/launch/launch-form';

const euca: EucalyptusProfile = {
  id: 'e',
  kind: 'eucalyptus',
  name: 'lab',
  accessKeyId: 'AKID',
  host: '10.0.0.5',
  port: 8773,
  https: false,
  ec2Path: '/services/compute',
  s3Path: '/services/objectstorage',
  s3Host: '',
  region: 'eucalyptus',
  signatureVersion: 4,
  apiVersion: '2013-02-01',
};
const aws: AwsProfile = {
  id: 'a',
  kind: 'aws',
  name: 'aws',
  accessKeyId: 'AKID',
  region: 'eu-west-1',
};

const form = (patch: Partial<LaunchForm>): LaunchForm => ({
  ...emptyLaunchForm('emi-0A1B2C3D'),
  ...patch,
});

describe('validateLaunch', () => {
  test('a complete form passes; any image id prefix is accepted', () => {
    expect(validateLaunch(form({}))).toEqual({});
    expect(validateLaunch(form({ imageId: 'EMI-0123456789ABCDEF0' }))).toEqual({});
  });
  test('counts are whole numbers and min <= max', () => {
    expect(validateLaunch(form({ minCount: '0' })).minCount).toEqual({ kind: 'count' });
    expect(validateLaunch(form({ maxCount: '1.5' })).maxCount).toEqual({ kind: 'count' });
    expect(validateLaunch(form({ minCount: '3', maxCount: '2' })).maxCount).toEqual({
      kind: 'min-over-max',
    });
  });
  test('user data over 16 KB (in UTF-8 bytes) is refused with its size', () => {
    const text = 'あ'.repeat(Math.floor(USER_DATA_LIMIT / 3) + 1);
    expect(validateLaunch(form({ userData: text })).userData).toEqual({
      kind: 'user-data-too-large',
      bytes: new TextEncoder().encode(text).length,
    });
    expect(
      validateLaunch(form({ userData: 'x'.repeat(USER_DATA_LIMIT) })).userData,
    ).toBeUndefined();
  });
  test('a bad tag line is reported by its number', () => {
    expect(validateLaunch(form({ tags: 'env=prod\n\naws:x=1' })).tags).toEqual({
      kind: 'bad-tag',
      line: 3,
    });
  });
});

test('parseTags takes the Name field and key=value lines', () => {
  expect(parseTags(form({ name: 'web', tags: 'env=prod\nteam = a=b\nflag' })).tags).toEqual([
    { key: 'Name', value: 'web' },
    { key: 'env', value: 'prod' },
    { key: 'team', value: 'a=b' },
    { key: 'flag', value: '' },
  ]);
});

test('runInput: base64 user data, private addressing only on Eucalyptus', () => {
  const f = form({ userData: '#!/bin/sh\necho こんにちは', privateAddressing: true, keyName: 'k' });
  const input = runInput(f, euca);
  expect(atob(input.userData ?? '')).toBe(
    String.fromCharCode(...new TextEncoder().encode('#!/bin/sh\necho こんにちは')),
  );
  expect(input.addressingType).toBe('private');
  expect(runInput(f, aws).addressingType).toBeUndefined();
  expect(input).toMatchObject({ imageId: 'emi-0A1B2C3D', minCount: 1, maxCount: 1, keyName: 'k' });
});

test('commandLine: euca2ools for Eucalyptus, the AWS CLI otherwise, quoted for a shell', () => {
  const f = form({
    instanceType: 'm1.small',
    maxCount: '3',
    keyName: 'my key',
    securityGroups: ['default', 'web'],
    zone: 'cluster01',
    name: "Bob's box",
  });
  expect(commandLine(f, euca)).toBe(
    "euca-run-instances emi-0A1B2C3D -n 1-3 -t m1.small -k 'my key' -g default -g web -z cluster01 --tag 'Name=Bob'\\''s box'",
  );
  expect(commandLine(f, aws)).toBe(
    "aws ec2 run-instances --region eu-west-1 --image-id emi-0A1B2C3D --count 1:3 --instance-type m1.small --key-name 'my key' --security-groups default web --placement AvailabilityZone=cluster01 --tag-specifications 'ResourceType=instance,Tags=[{Key=Name,Value=Bob'\\''s box}]'",
  );
});
