import { execFileSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';
import type { AwsProfile, EucalyptusProfile } from '../../../src/cloud/profile';
import type { ExtraVolume } from '../../../src/panels/launch/launch-disks';
import {
  commandLine,
  emptyLaunchForm,
  type LaunchForm,
  launchFormFrom,
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
    'aws ec2 run-instances --region eu-west-1 --image-id emi-0A1B2C3D --count 1:3 --instance-type m1.small --key-name \'my key\' --security-groups default web --placement AvailabilityZone=cluster01 --tag-specifications \'[{"ResourceType":"instance","Tags":[{"Key":"Name","Value":"Bob\'\\\'\'s box"}]}]\'',
  );
});

describe('subnets, public addresses and groups by id', () => {
  const context = { imageRootGiB: 8, subnetRequired: false, defaultVpcId: 'vpc-def' };

  test('a subnet is required without a default VPC, or in a VPC that is not the default', () => {
    expect(validateLaunch(form({}), { ...context, subnetRequired: true }).subnetId).toEqual({
      kind: 'subnet-required',
    });
    expect(validateLaunch(form({ vpcId: 'vpc-other' }), context).subnetId).toEqual({
      kind: 'subnet-required',
    });
    expect(validateLaunch(form({ vpcId: 'vpc-def' }), context).subnetId).toBeUndefined();
    expect(validateLaunch(form({ vpcId: 'vpc-other', subnetId: 'subnet-1' }), context)).toEqual({});
  });

  test('without a public address: SubnetId and SecurityGroupId at the top, no zone', () => {
    const input = runInput(
      form({
        vpcId: 'vpc-1',
        subnetId: 'subnet-1',
        zone: 'eu-west-1b',
        securityGroups: ['stale-name'],
        securityGroupIds: ['sg-1'],
      }),
      aws,
    );
    expect(input.subnetId).toBe('subnet-1');
    expect(input.securityGroupIds).toEqual(['sg-1']);
    expect(input.securityGroups).toBeUndefined();
    expect(input.availabilityZone).toBeUndefined();
    expect(input.networkInterface).toBeUndefined();
  });

  test('with a public address: subnet and groups only on interface 0', () => {
    const input = runInput(
      form({ vpcId: 'vpc-1', subnetId: 'subnet-1', publicIp: true, securityGroupIds: ['sg-1'] }),
      aws,
    );
    expect(input.networkInterface).toEqual({
      subnetId: 'subnet-1',
      associatePublicIpAddress: true,
      securityGroupIds: ['sg-1'],
    });
    expect(input.subnetId).toBeUndefined();
    expect(input.securityGroupIds).toBeUndefined();
  });

  test('no VPC: names, the zone, and nothing of a subnet', () => {
    const input = runInput(form({ securityGroups: ['web'], zone: 'cluster01' }), euca);
    expect(input).toMatchObject({ securityGroups: ['web'], availabilityZone: 'cluster01' });
    expect(input.subnetId).toBeUndefined();
    expect(input.securityGroupIds).toBeUndefined();
  });
});

describe('disks', () => {
  const context = { imageRootGiB: 8, subnetRequired: false, defaultVpcId: '' };
  const volume = (patch: Partial<ExtraVolume>): ExtraVolume => ({
    device: '/dev/sdf',
    size: '10',
    type: '',
    iops: '',
    deleteOnTermination: true,
    snapshotId: '',
    ...patch,
  });

  test('the root volume is no smaller than the image and no larger than 16 TiB', () => {
    const root = (rootSize: string) =>
      validateLaunch(form({ rootDevice: '/dev/xvda', rootSize }), context)['root.size'];
    expect(root('7')).toEqual({ kind: 'size', min: 8, max: 16384 });
    expect(root('16385')).toEqual({ kind: 'size', min: 8, max: 16384 });
    expect(root('8.5')).toEqual({ kind: 'size', min: 8, max: 16384 });
    expect(root('8')).toBeUndefined();
    expect(root('16384')).toBeUndefined();
  });

  test('types: IOPS for io1/io2, no st1/sc1 root, standard up to 1 TiB', () => {
    const check = (patch: Partial<LaunchForm>) =>
      validateLaunch(form({ rootDevice: '/dev/sda1', ...patch }), context);
    expect(check({ rootType: 'io2' })['root.iops']).toEqual({
      kind: 'iops',
      min: 100,
      max: 256000,
    });
    expect(check({ rootType: 'io1', rootIops: '64000' })).toEqual({});
    expect(check({ rootType: 'gp3' })).toEqual({});
    expect(check({ rootType: 'gp3', rootIops: '100' })['root.iops']).toEqual({
      kind: 'iops',
      min: 3000,
      max: 16000,
    });
    expect(check({ rootType: 'st1' })['root.type']).toEqual({ kind: 'not-bootable' });
    expect(check({ rootType: 'standard', rootSize: '2048' })['root.size']).toEqual({
      kind: 'size',
      min: 8,
      max: 1024,
    });
  });

  test('a root change needs the image root device', () => {
    expect(validateLaunch(form({ rootSize: '30' }), context)['root.size']).toEqual({
      kind: 'root-unknown',
    });
    expect(validateLaunch(form({}), context)).toEqual({});
  });

  test('extra volumes: device names, no reuse, a size or a snapshot', () => {
    const problems = validateLaunch(
      form({
        rootDevice: '/dev/sda1',
        volumes: [
          volume({ device: '/dev/sda1' }),
          volume({ device: 'sdg' }),
          volume({ device: '/dev/sdh', size: '', snapshotId: '' }),
          volume({ device: '/dev/sdi', size: '', snapshotId: 'snap-1' }),
          volume({ device: '/dev/sdj', type: 'sc1', size: '100' }),
          volume({ device: '/dev/sdj' }),
        ],
      }),
      context,
    );
    expect(problems).toEqual({
      'volumes.0.device': { kind: 'device-taken' },
      'volumes.1.device': { kind: 'device' },
      'volumes.2.size': { kind: 'size-or-snapshot' },
      'volumes.4.size': { kind: 'size', min: 125, max: 16384 },
      'volumes.5.device': { kind: 'device-taken' },
    });
  });

  test('the mappings: root only when changed, then each volume', () => {
    expect(runInput(form({ rootDevice: '/dev/xvda' }), aws).blockDeviceMappings).toBeUndefined();
    const input = runInput(
      form({
        rootDevice: '/dev/xvda',
        rootSize: '30',
        rootType: 'gp3',
        rootDeleteOnTermination: true,
        volumes: [
          volume({ type: 'io1', iops: '500', deleteOnTermination: false }),
          volume({ device: '/dev/sdg', size: '', snapshotId: 'snap-1', iops: '99' }),
        ],
      }),
      aws,
    );
    expect(input.blockDeviceMappings).toEqual([
      {
        deviceName: '/dev/xvda',
        ebs: {
          volumeSize: 30,
          volumeType: 'gp3',
          iops: undefined,
          deleteOnTermination: true,
        },
      },
      {
        deviceName: '/dev/sdf',
        ebs: {
          snapshotId: undefined,
          volumeSize: 10,
          volumeType: 'io1',
          iops: 500,
          deleteOnTermination: false,
        },
      },
      {
        deviceName: '/dev/sdg',
        ebs: {
          snapshotId: 'snap-1',
          volumeSize: undefined,
          volumeType: undefined,
          iops: undefined,
          deleteOnTermination: true,
        },
      },
    ]);
  });
});

describe('the command line with subnets and disks', () => {
  const hostile = "x';$(touch /tmp/pwned)`id`";
  const launch = form({
    imageId: 'ami-1',
    keyName: hostile,
    vpcId: 'vpc-1',
    subnetId: 'subnet-1',
    securityGroupIds: ['sg-1', hostile],
    rootDevice: '/dev/xvda',
    rootSize: '30',
    rootType: 'gp3',
    volumes: [
      {
        device: '/dev/sdf',
        size: '',
        type: '',
        iops: '',
        deleteOnTermination: false,
        snapshotId: hostile,
      },
    ],
  });

  // A POSIX shell's own reading of the line: every word comes back exactly as built.
  function shellWords(line: string): string[] {
    const out = execFileSync(
      'sh',
      ['-c', `for w in ${line.replace(/^\S+/, '')}; do printf '%s\\0' "$w"; done`],
      {
        encoding: 'utf8',
      },
    );
    return out.split('\0').slice(0, -1);
  }

  test('AWS CLI: --subnet-id, --security-group-ids and the disks as JSON, one word each', () => {
    const line = commandLine(launch, aws);
    const words = shellWords(line);
    expect(
      words.slice(words.indexOf('--security-group-ids'), words.indexOf('--subnet-id') + 2),
    ).toEqual(['--security-group-ids', 'sg-1', hostile, '--subnet-id', 'subnet-1']);
    const json = words[words.indexOf('--block-device-mappings') + 1] ?? '';
    expect(JSON.parse(json)).toEqual([
      { DeviceName: '/dev/xvda', Ebs: { VolumeSize: 30, VolumeType: 'gp3' } },
      { DeviceName: '/dev/sdf', Ebs: { SnapshotId: hostile, DeleteOnTermination: false } },
    ]);
    expect(words).toContain(hostile);
    expect(words).not.toContain('--network-interfaces');
  });

  test('AWS CLI: tags as JSON, so `,` `}` `]` and quotes in a value stay in it', () => {
    const words = shellWords(commandLine({ ...launch, name: `a,b}]"${hostile}` }, aws));
    expect(JSON.parse(words[words.indexOf('--tag-specifications') + 1] ?? '')).toEqual([
      { ResourceType: 'instance', Tags: [{ Key: 'Name', Value: `a,b}]"${hostile}` }] },
    ]);
  });

  test('AWS CLI with a public address: --network-interfaces carries subnet and groups', () => {
    const words = shellWords(commandLine({ ...launch, publicIp: true }, aws));
    expect(words).not.toContain('--subnet-id');
    expect(words).not.toContain('--security-group-ids');
    expect(JSON.parse(words[words.indexOf('--network-interfaces') + 1] ?? '')).toEqual([
      {
        DeviceIndex: 0,
        SubnetId: 'subnet-1',
        AssociatePublicIpAddress: true,
        Groups: ['sg-1', hostile],
      },
    ]);
  });

  test('euca2ools: -s, --associate-public-ip-address, -g ids and -b mappings', () => {
    const words = shellWords(commandLine({ ...launch, publicIp: true }, euca));
    expect(words).toEqual([
      'ami-1',
      '-n',
      '1',
      '-k',
      hostile,
      '-g',
      'sg-1',
      '-g',
      hostile,
      '-s',
      'subnet-1',
      '--associate-public-ip-address',
      '-b',
      '/dev/xvda=:30::gp3',
      '-b',
      `/dev/sdf=${hostile}::false`,
    ]);
  });
});

test('a stored preset: volumes are read field by field', () => {
  expect(
    launchFormFrom({ volumes: [null, { size: '5' }, { device: '/dev/sdf', size: 5, iops: '' }] })
      .volumes,
  ).toEqual([
    {
      device: '/dev/sdf',
      size: '',
      type: '',
      iops: '',
      deleteOnTermination: true,
      snapshotId: '',
    },
  ]);
});

test('a stored preset: missing fields take defaults, wrong types are dropped', () => {
  const restored = launchFormFrom({
    imageId: 'ami-1',
    securityGroups: ['web'],
    volumes: 'nope',
    rootDeleteOnTermination: false,
    rootSize: 30,
    unknown: 'x',
    userDataFile: { name: 'boot.sh', base64: 'eA==', bytes: 1 },
  });
  expect(restored).toEqual({
    ...emptyLaunchForm('ami-1'),
    securityGroups: ['web'],
    rootDeleteOnTermination: false,
    userDataFile: { name: 'boot.sh', base64: 'eA==', bytes: 1 },
  });
});
