import { describe, expect, test } from 'vitest';
import {
  describeInstances,
  rebootInstances,
  runInstances,
  stopInstances,
  terminateInstances,
} from '../../../../src/cloud/ec2/operations/instances';
import { parseEc2Time } from '../../../../src/cloud/ec2/time';
import { nextTokenOf, readFixture } from './fixtures';

describe('DescribeInstances', () => {
  test('AWS: reservations flattened, instance groups, state reason, nextToken', () => {
    const instances = readFixture(describeInstances, 'aws-describe-instances.xml');
    expect(instances.map((i) => [i.instanceId, i.reservationId, i.state.name])).toEqual([
      ['i-1234567890abcdef0', 'r-1234567890abcdef0', 'running'],
      ['i-0598c7d356eba48d7', 'r-0fedcba9876543210', 'stopped'],
    ]);
    const [running, stopped] = instances;
    expect(running).toMatchObject({
      imageId: 'ami-bff32ccc',
      state: { code: '16', name: 'running' },
      keyName: 'my_keypair',
      instanceType: 't2.micro',
      placement: { availabilityZone: 'eu-west-1c', tenancy: 'default' },
      monitoring: 'disabled',
      vpcId: 'vpc-11112222',
      subnetId: 'subnet-56f5f633',
      ipAddress: '54.194.252.215',
      groups: [{ groupId: 'sg-e4076980', groupName: 'SecurityGroup1' }],
      tags: [{ key: 'Name', value: 'Server_1' }],
      ownerId: '123456789012',
      clientToken: 'xMcwG14507example',
      stateReason: { code: '', message: '' },
    });
    expect(running?.blockDeviceMappings[0]?.ebs).toMatchObject({
      volumeId: 'vol-1234567890abcdef0',
      status: 'attached',
      deleteOnTermination: true,
    });
    expect(stopped).toMatchObject({
      platform: 'windows',
      monitoring: 'enabled',
      requesterId: '226008221399',
      dnsName: '',
      ipAddress: '',
      stateReason: { code: 'Client.UserInitiatedShutdown' },
      launchTime: '2024-01-02T03:04:05.123+0000',
    });
    expect(stopped?.groups.map((g) => g.groupName)).toEqual(['web', 'admin']);
    expect(parseEc2Time(stopped?.launchTime)?.toISOString()).toBe('2024-01-02T03:04:05.123Z');
    expect(nextTokenOf(describeInstances, 'aws-describe-instances.xml')).toBe('AAEAAQAAAAlp/page2');
  });

  test('Eucalyptus: prefixed namespace, groups on the reservation, one and two instances', () => {
    const instances = readFixture(describeInstances, 'eucalyptus-describe-instances.xml');
    expect(instances.map((i) => i.instanceId)).toEqual([
      'i-A7F240F7',
      'i-0123456789abcdef0',
      'i-0123456789abcdef1',
    ]);
    const [first, second, third] = instances;
    expect(first).toMatchObject({
      imageId: 'emi-44E3420F',
      kernelId: 'eki-6E341ABC',
      ramdiskId: 'eri-9F2B1C3D',
      ownerId: '077577678152',
      placement: { availabilityZone: 'clearlogy' },
      rootDeviceType: 'instance-store',
      groups: [{ groupId: 'sg-1F2E3D4C', groupName: 'For_Linux' }],
    });
    // An empty <groupSet/> on the instance falls back to the reservation's groups, too.
    const reservationGroups = [
      { groupId: 'sg-0a1b2c3d4e5f60718', groupName: 'default' },
      { groupId: 'sg-9A8B7C6D', groupName: 'web' },
    ];
    expect(second?.groups).toEqual(reservationGroups);
    expect(third?.groups).toEqual(reservationGroups);
    expect(second?.tags).toEqual([{ key: 'Name', value: 'ウェブ' }]);
    expect(second?.blockDeviceMappings[0]?.ebs?.volumeId).toBe('vol-0A1B2C3D');
    expect(third?.amiLaunchIndex).toBe('1');
    // Times without a zone are UTC; +09:00 is honoured.
    expect(parseEc2Time(second?.launchTime)?.toISOString()).toBe('2014-01-24T11:20:02.000Z');
    expect(parseEc2Time(third?.launchTime)?.toISOString()).toBe('2014-01-24T11:20:02.000Z');
    expect(nextTokenOf(describeInstances, 'eucalyptus-describe-instances.xml')).toBe('');
  });

  test('moto', () => {
    const [instance] = readFixture(describeInstances, 'moto-describe-instances.xml');
    expect(instance).toMatchObject({
      instanceId: 'i-19bce64b956ce0da1',
      imageId: 'ami-03cf127a',
      instanceType: 't2.micro',
      clientToken: 'tok1',
      groups: [{ groupName: 'default' }],
    });
    expect(instance?.tags.map((t) => t.key)).toContain('Name');
  });

  test('parameters', () => {
    expect(
      describeInstances.params({
        instanceIds: ['i-A7F240F7'],
        filters: [{ name: 'instance-state-name', values: ['running'] }],
      }),
    ).toEqual([
      ['InstanceId.1', 'i-A7F240F7'],
      ['Filter.1.Name', 'instance-state-name'],
      ['Filter.1.Value.1', 'running'],
    ]);
    expect(describeInstances.params({ maxResults: 5 })).toEqual([['MaxResults', '5']]);
  });
});

describe('RunInstances', () => {
  test('parameters for a Eucalyptus launch with names, private addressing and tags', () => {
    expect(
      runInstances.params({
        imageId: 'emi-0A1B2C3D',
        maxCount: 2,
        instanceType: 'm1.small',
        keyName: 'mykey',
        securityGroups: ['default', 'web'],
        availabilityZone: 'cluster01',
        kernelId: 'eki-6E341ABC',
        ramdiskId: 'eri-9F2B1C3D',
        userData: 'IyEvYmluL3NoCmVjaG8gaGk=',
        addressingType: 'private',
        tags: [{ key: 'Name', value: 'web' }, { key: 'empty' }],
        clientToken: 'token-1',
      }),
    ).toEqual([
      ['ImageId', 'emi-0A1B2C3D'],
      ['MinCount', '1'],
      ['MaxCount', '2'],
      ['InstanceType', 'm1.small'],
      ['KeyName', 'mykey'],
      ['SecurityGroup.1', 'default'],
      ['SecurityGroup.2', 'web'],
      ['Placement.AvailabilityZone', 'cluster01'],
      ['KernelId', 'eki-6E341ABC'],
      ['RamdiskId', 'eri-9F2B1C3D'],
      ['UserData', 'IyEvYmluL3NoCmVjaG8gaGk='],
      ['AddressingType', 'private'],
      ['TagSpecification.1.ResourceType', 'instance'],
      ['TagSpecification.1.Tag.1.Key', 'Name'],
      ['TagSpecification.1.Tag.1.Value', 'web'],
      ['TagSpecification.1.Tag.2.Key', 'empty'],
      ['TagSpecification.1.Tag.2.Value', ''],
      ['ClientToken', 'token-1'],
    ]);
  });

  test('VPC ids; min and max default to one', () => {
    expect(runInstances.params({ imageId: 'ami-1', securityGroupIds: ['sg-1'] })).toEqual([
      ['ImageId', 'ami-1'],
      ['MinCount', '1'],
      ['MaxCount', '1'],
      ['SecurityGroupId.1', 'sg-1'],
    ]);
    expect(runInstances.readOnly).toBe(false);
    expect(runInstances.clientToken).toBe(true);
  });

  test('a public address: subnet and group ids on interface 0, disks with type and IOPS', () => {
    expect(
      runInstances.params({
        imageId: 'ami-1',
        networkInterface: {
          subnetId: 'subnet-1',
          associatePublicIpAddress: true,
          securityGroupIds: ['sg-1', 'sg-2'],
        },
        blockDeviceMappings: [
          {
            deviceName: '/dev/xvda',
            ebs: { volumeSize: 30, volumeType: 'gp3', deleteOnTermination: true },
          },
          {
            deviceName: '/dev/sdf',
            ebs: { volumeSize: 100, volumeType: 'io2', iops: 3000, snapshotId: 'snap-1' },
          },
        ],
      }),
    ).toEqual([
      ['ImageId', 'ami-1'],
      ['MinCount', '1'],
      ['MaxCount', '1'],
      ['NetworkInterface.1.DeviceIndex', '0'],
      ['NetworkInterface.1.SubnetId', 'subnet-1'],
      ['NetworkInterface.1.AssociatePublicIpAddress', 'true'],
      ['NetworkInterface.1.SecurityGroupId.1', 'sg-1'],
      ['NetworkInterface.1.SecurityGroupId.2', 'sg-2'],
      ['BlockDeviceMapping.1.DeviceName', '/dev/xvda'],
      ['BlockDeviceMapping.1.Ebs.VolumeSize', '30'],
      ['BlockDeviceMapping.1.Ebs.DeleteOnTermination', 'true'],
      ['BlockDeviceMapping.1.Ebs.VolumeType', 'gp3'],
      ['BlockDeviceMapping.2.DeviceName', '/dev/sdf'],
      ['BlockDeviceMapping.2.Ebs.SnapshotId', 'snap-1'],
      ['BlockDeviceMapping.2.Ebs.VolumeSize', '100'],
      ['BlockDeviceMapping.2.Ebs.VolumeType', 'io2'],
      ['BlockDeviceMapping.2.Ebs.Iops', '3000'],
    ]);
  });

  test('reads the reservation the launch made', () => {
    const reservation = readFixture(runInstances, 'eucalyptus-run-instances.xml');
    expect(reservation).toMatchObject({
      reservationId: 'r-5E0B3F21',
      ownerId: '000123456789',
      groups: [{ groupId: 'sg-4A7B1C2D', groupName: 'default' }],
    });
    expect(reservation.instances).toHaveLength(1);
    expect(reservation.instances[0]).toMatchObject({
      instanceId: 'i-3C7A4F12',
      state: { code: '0', name: 'pending' },
      reservationId: 'r-5E0B3F21',
      groups: [{ groupName: 'default' }],
      clientToken: '0f6c2d54-7e0b-4b61-93a7-4c1b2d3e4f50',
    });
  });
});

describe('state changes', () => {
  test('terminate: current and previous state of each', () => {
    expect(readFixture(terminateInstances, 'aws-terminate-instances.xml')).toEqual([
      {
        instanceId: 'i-1234567890abcdef0',
        currentState: { code: '32', name: 'shutting-down' },
        previousState: { code: '16', name: 'running' },
      },
      {
        instanceId: 'i-0598c7d356eba48d7',
        currentState: { code: '48', name: 'terminated' },
        previousState: { code: '80', name: 'stopped' },
      },
    ]);
  });

  test('stop (moto), one instance; force', () => {
    expect(readFixture(stopInstances, 'moto-stop-instances.xml')).toEqual([
      {
        instanceId: 'i-19bce64b956ce0da1',
        currentState: { code: '64', name: 'stopping' },
        previousState: { code: '16', name: 'running' },
      },
    ]);
    expect(stopInstances.params({ instanceIds: ['i-1', 'i-2'], force: true })).toEqual([
      ['InstanceId.1', 'i-1'],
      ['InstanceId.2', 'i-2'],
      ['Force', 'true'],
    ]);
  });

  test('reboot: moto leaves out <return>, which is success; false is not', () => {
    expect(readFixture(rebootInstances, 'moto-reboot-instances.xml')).toBe(true);
    expect(rebootInstances.read({ return: 'false' })).toBe(false);
    expect(rebootInstances.read({ return: 'true' })).toBe(true);
  });
});
