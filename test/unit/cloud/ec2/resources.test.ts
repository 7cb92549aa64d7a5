import { describe, expect, test } from 'vitest';
import {
  allocateAddress,
  associateAddress,
  describeAddresses,
  disassociateAddress,
  releaseAddress,
} from '../../../../src/cloud/ec2/operations/addresses';
import {
  createKeyPair,
  deleteKeyPair,
  describeKeyPairs,
  importKeyPair,
} from '../../../../src/cloud/ec2/operations/keypairs';
import {
  authorizeSecurityGroupIngress,
  createSecurityGroup,
  deleteSecurityGroup,
  describeSecurityGroups,
  revokeSecurityGroupIngress,
} from '../../../../src/cloud/ec2/operations/security-groups';
import { describeSnapshots } from '../../../../src/cloud/ec2/operations/snapshots';
import { createTags, deleteTags } from '../../../../src/cloud/ec2/operations/tags';
import {
  createVolume,
  describeVolumes,
  detachVolume,
} from '../../../../src/cloud/ec2/operations/volumes';
import { readFixture } from './fixtures';

describe('key pairs', () => {
  test('Eucalyptus: one key, fingerprint only', () => {
    expect(readFixture(describeKeyPairs, 'eucalyptus-describe-key-pairs.xml')).toEqual([
      {
        keyName: 'admin',
        keyFingerprint: '1f:51:ae:28:bf:89:e9:d8:1f:25:5d:37:2d:7d:b8:ca:9f:f5:f1:6f',
        keyPairId: '',
        keyType: '',
        createTime: '',
        tags: [],
      },
    ]);
  });

  test('create returns the private key with its line breaks', () => {
    const created = readFixture(createKeyPair, 'aws-create-key-pair.xml');
    expect(created.keyName).toBe('my-key-pair');
    expect(created.keyPairId).toBe('key-0123456789abcdef0');
    expect(created.keyMaterial.split('\n')).toHaveLength(4);
    expect(created.keyMaterial.endsWith('-----END RSA PRIVATE KEY-----')).toBe(true);
  });

  test('parameters', () => {
    expect(importKeyPair.params({ keyName: 'k', publicKeyMaterial: 'c3NoLXJzYSBBQUFB' })).toEqual([
      ['KeyName', 'k'],
      ['PublicKeyMaterial', 'c3NoLXJzYSBBQUFB'],
    ]);
    expect(deleteKeyPair.params({ keyName: 'k' })).toEqual([['KeyName', 'k']]);
    expect(deleteKeyPair.params({ keyPairId: 'key-1' })).toEqual([['KeyPairId', 'key-1']]);
  });
});

describe('security groups', () => {
  test('Eucalyptus: one group, rules from cidrs and from another group', () => {
    const [group, ...rest] = readFixture(
      describeSecurityGroups,
      'eucalyptus-describe-security-groups.xml',
    );
    expect(rest).toEqual([]);
    expect(group).toMatchObject({
      ownerId: '000123456789',
      groupId: 'sg-9A8B7C6D',
      groupName: 'web',
      groupDescription: 'Web servers',
      vpcId: '',
      ipPermissionsEgress: [],
    });
    expect(group?.ipPermissions).toEqual([
      {
        ipProtocol: 'tcp',
        fromPort: '22',
        toPort: '22',
        ipRanges: [{ cidrIp: '10.0.0.0/8', description: '' }],
        ipv6Ranges: [],
        groups: [],
      },
      {
        ipProtocol: 'tcp',
        fromPort: '80',
        toPort: '80',
        ipRanges: [
          { cidrIp: '0.0.0.0/0', description: '' },
          { cidrIp: '192.168.0.0/16', description: '' },
        ],
        ipv6Ranges: [],
        groups: [{ userId: '000123456789', groupName: 'default', groupId: 'sg-4A7B1C2D' }],
      },
      {
        ipProtocol: 'icmp',
        fromPort: '-1',
        toPort: '-1',
        ipRanges: [{ cidrIp: '0.0.0.0/0', description: '' }],
        ipv6Ranges: [],
        groups: [],
      },
    ]);
  });

  test('AWS: VPC groups with egress, IPv6 and descriptions', () => {
    const groups = readFixture(describeSecurityGroups, 'aws-describe-security-groups.xml');
    expect(groups.map((g) => g.groupName)).toEqual(['WebServers', 'default']);
    expect(groups[0]?.ipPermissions[0]).toMatchObject({
      ipProtocol: '-1',
      fromPort: '',
      groups: [{ userId: '123456789012', groupId: 'sg-af8661c0', groupName: '' }],
    });
    expect(groups[0]?.ipPermissions[1]?.ipRanges).toEqual([
      { cidrIp: '204.246.162.38/32', description: 'office' },
    ]);
    expect(groups[0]?.ipPermissions[1]?.ipv6Ranges[0]?.cidrIpv6).toBe('2001:db8:1234:1a00::/64');
    expect(groups[0]?.ipPermissionsEgress[0]?.ipRanges[0]?.cidrIp).toBe('0.0.0.0/0');
    expect(groups[0]?.tags).toEqual([{ key: 'Name', value: 'web' }]);
    expect(groups[1]).toMatchObject({ ipPermissions: [], ipPermissionsEgress: [], tags: [] });
  });

  test('rule parameters by name and by id', () => {
    expect(
      authorizeSecurityGroupIngress.params({
        groupName: 'web',
        permissions: [
          {
            ipProtocol: 'tcp',
            fromPort: 22,
            toPort: 22,
            cidrIps: ['10.0.0.0/8', '192.168.0.0/16'],
          },
          {
            ipProtocol: 'tcp',
            fromPort: 80,
            toPort: 80,
            groups: [{ userId: '000123456789', groupName: 'default' }],
          },
        ],
      }),
    ).toEqual([
      ['GroupName', 'web'],
      ['IpPermissions.1.IpProtocol', 'tcp'],
      ['IpPermissions.1.FromPort', '22'],
      ['IpPermissions.1.ToPort', '22'],
      ['IpPermissions.1.IpRanges.1.CidrIp', '10.0.0.0/8'],
      ['IpPermissions.1.IpRanges.2.CidrIp', '192.168.0.0/16'],
      ['IpPermissions.2.IpProtocol', 'tcp'],
      ['IpPermissions.2.FromPort', '80'],
      ['IpPermissions.2.ToPort', '80'],
      ['IpPermissions.2.Groups.1.UserId', '000123456789'],
      ['IpPermissions.2.Groups.1.GroupName', 'default'],
    ]);
    expect(
      revokeSecurityGroupIngress.params({
        groupId: 'sg-1',
        permissions: [{ ipProtocol: '-1', groups: [{ groupId: 'sg-2' }] }],
      }),
    ).toEqual([
      ['GroupId', 'sg-1'],
      ['IpPermissions.1.IpProtocol', '-1'],
      ['IpPermissions.1.Groups.1.GroupId', 'sg-2'],
    ]);
    expect(createSecurityGroup.params({ groupName: 'web', description: 'Web servers' })).toEqual([
      ['GroupName', 'web'],
      ['GroupDescription', 'Web servers'],
    ]);
    // Eucalyptus 3 answers only <return>true</return>.
    expect(createSecurityGroup.read({ return: 'true' })).toBe('');
    expect(deleteSecurityGroup.params({ groupId: 'sg-1' })).toEqual([['GroupId', 'sg-1']]);
    expect(deleteSecurityGroup.params({ groupName: 'web' })).toEqual([['GroupName', 'web']]);
  });
});

describe('addresses', () => {
  test('Eucalyptus: a standard address by IP only', () => {
    expect(readFixture(describeAddresses, 'eucalyptus-describe-addresses.xml')).toEqual([
      {
        publicIp: '192.168.2.101',
        allocationId: '',
        associationId: '',
        domain: 'standard',
        instanceId: 'i-A7F240F7',
        networkInterfaceId: '',
        privateIpAddress: '',
        tags: [],
      },
    ]);
  });

  test('AWS: a VPC address and an unassociated standard one', () => {
    const [vpc, standard] = readFixture(describeAddresses, 'aws-describe-addresses.xml');
    expect(vpc).toMatchObject({
      allocationId: 'eipalloc-08229861',
      associationId: 'eipassoc-f0229899',
      domain: 'vpc',
      privateIpAddress: '10.0.0.228',
    });
    expect(standard).toMatchObject({
      publicIp: '198.51.100.2',
      instanceId: '',
      domain: 'standard',
    });
  });

  test('parameters by IP and by id', () => {
    expect(allocateAddress.params({ domain: 'vpc' })).toEqual([['Domain', 'vpc']]);
    expect(allocateAddress.params({})).toEqual([]);
    expect(associateAddress.params({ publicIp: '192.168.2.101', instanceId: 'i-1' })).toEqual([
      ['PublicIp', '192.168.2.101'],
      ['InstanceId', 'i-1'],
    ]);
    expect(associateAddress.params({ allocationId: 'eipalloc-1', instanceId: 'i-1' })).toEqual([
      ['AllocationId', 'eipalloc-1'],
      ['InstanceId', 'i-1'],
    ]);
    expect(disassociateAddress.params({ associationId: 'eipassoc-1' })).toEqual([
      ['AssociationId', 'eipassoc-1'],
    ]);
    expect(disassociateAddress.params({ publicIp: '1.2.3.4' })).toEqual([['PublicIp', '1.2.3.4']]);
    expect(releaseAddress.params({ allocationId: 'eipalloc-1' })).toEqual([
      ['AllocationId', 'eipalloc-1'],
    ]);
    expect(releaseAddress.params({ publicIp: '1.2.3.4' })).toEqual([['PublicIp', '1.2.3.4']]);
  });
});

describe('volumes and snapshots', () => {
  test('volumes: attached and available, sizes as strings', () => {
    const [attached, available] = readFixture(describeVolumes, 'aws-describe-volumes.xml');
    expect(attached).toMatchObject({
      volumeId: 'vol-1234567890abcdef0',
      size: '80',
      snapshotId: '',
      status: 'in-use',
      volumeType: 'io1',
      iops: '3000',
      encrypted: true,
      tags: [{ key: 'Name', value: 'data' }],
    });
    expect(attached?.attachments).toEqual([
      {
        volumeId: 'vol-1234567890abcdef0',
        instanceId: 'i-1234567890abcdef0',
        device: '/dev/sdh',
        status: 'attached',
        attachTime: '2013-12-18T22:35:00.000Z',
        deleteOnTermination: false,
      },
    ]);
    expect(available).toMatchObject({
      volumeId: 'vol-0A1B2C3D',
      size: '1',
      snapshotId: 'snap-0A1B2C3D',
      attachments: [],
      encrypted: false,
    });
  });

  test('snapshots: own ones by default', () => {
    expect(readFixture(describeSnapshots, 'eucalyptus-describe-snapshots.xml')).toEqual([
      {
        snapshotId: 'snap-0A1B2C3D',
        volumeId: 'vol-0A1B2C3D',
        status: 'completed',
        startTime: '2014-01-24T11:40:00.123Z',
        progress: '100%',
        ownerId: '000123456789',
        ownerAlias: '',
        volumeSize: '1',
        description: 'before upgrade',
        encrypted: false,
        tags: [],
      },
    ]);
    expect(describeSnapshots.params({})).toEqual([['Owner.1', 'self']]);
    expect(describeSnapshots.params({ owners: [], snapshotIds: ['snap-1'] })).toEqual([
      ['SnapshotId.1', 'snap-1'],
    ]);
  });

  test('parameters', () => {
    expect(
      createVolume.params({ availabilityZone: 'cluster01', size: 1, volumeType: 'standard' }),
    ).toEqual([
      ['Size', '1'],
      ['AvailabilityZone', 'cluster01'],
      ['VolumeType', 'standard'],
    ]);
    expect(createVolume.params({ availabilityZone: 'z', snapshotId: 'snap-1' })).toEqual([
      ['SnapshotId', 'snap-1'],
      ['AvailabilityZone', 'z'],
    ]);
    expect(detachVolume.params({ volumeId: 'vol-1', instanceId: 'i-1', force: true })).toEqual([
      ['VolumeId', 'vol-1'],
      ['InstanceId', 'i-1'],
      ['Force', 'true'],
    ]);
  });
});

describe('tags', () => {
  test('create sends an empty value; delete leaves it out unless given', () => {
    const input = {
      resources: ['i-1', 'emi-0A1B2C3D'],
      tags: [{ key: 'env', value: 'prod' }, { key: 'flag' }],
    };
    expect(createTags.params(input)).toEqual([
      ['ResourceId.1', 'i-1'],
      ['ResourceId.2', 'emi-0A1B2C3D'],
      ['Tag.1.Key', 'env'],
      ['Tag.1.Value', 'prod'],
      ['Tag.2.Key', 'flag'],
      ['Tag.2.Value', ''],
    ]);
    expect(deleteTags.params(input)).toEqual([
      ['ResourceId.1', 'i-1'],
      ['ResourceId.2', 'emi-0A1B2C3D'],
      ['Tag.1.Key', 'env'],
      ['Tag.1.Value', 'prod'],
      ['Tag.2.Key', 'flag'],
    ]);
  });
});
