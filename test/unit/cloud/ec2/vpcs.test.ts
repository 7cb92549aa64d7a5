import { describe, expect, test } from 'vitest';
import { describeSubnets, describeVpcs } from '../../../../src/cloud/ec2/operations/vpcs';
import { readFixture } from './fixtures';

const HOSTILE = 'web <b>&"x\'s;rm -rf ~';

describe('DescribeVpcs', () => {
  test('moto: the default VPC and a tagged one', () => {
    expect(readFixture(describeVpcs, 'moto-describe-vpcs.xml')).toEqual([
      {
        vpcId: 'vpc-a72ee92273e180918',
        cidrBlock: '172.31.0.0/16',
        isDefault: true,
        state: 'available',
        tags: [],
      },
      {
        vpcId: 'vpc-59d1a3c1d66f924df',
        cidrBlock: '10.9.0.0/16',
        isDefault: false,
        state: 'available',
        tags: [
          { key: 'Name', value: HOSTILE },
          { key: 'tier', value: 'front' },
        ],
      },
    ]);
  });

  test('Eucalyptus without VPCs: an empty set is an empty list', () => {
    expect(readFixture(describeVpcs, 'eucalyptus-describe-vpcs-empty.xml')).toEqual([]);
  });

  test('parameters', () => {
    expect(
      describeVpcs.params({
        vpcIds: ['vpc-1'],
        filters: [{ name: 'is-default', values: ['false'] }],
      }),
    ).toEqual([
      ['VpcId.1', 'vpc-1'],
      ['Filter.1.Name', 'is-default'],
      ['Filter.1.Value.1', 'false'],
    ]);
  });
});

describe('DescribeSubnets', () => {
  test('moto: a default subnet and one in a VPC of its own', () => {
    const subnets = readFixture(describeSubnets, 'moto-describe-subnets.xml');
    expect(subnets).toEqual([
      {
        subnetId: 'subnet-94a02f75c847c0b53',
        vpcId: 'vpc-a72ee92273e180918',
        availabilityZone: 'us-east-1a',
        cidrBlock: '172.31.0.0/20',
        availableIpAddressCount: '4091',
        defaultForAz: true,
        mapPublicIpOnLaunch: true,
        state: 'available',
        tags: [],
      },
      {
        subnetId: 'subnet-b48079ad10b0da983',
        vpcId: 'vpc-59d1a3c1d66f924df',
        availabilityZone: 'us-east-1b',
        cidrBlock: '10.9.1.0/24',
        availableIpAddressCount: '249',
        defaultForAz: false,
        mapPublicIpOnLaunch: false,
        state: 'available',
        tags: [
          { key: 'Name', value: HOSTILE },
          { key: 'tier', value: 'front' },
        ],
      },
    ]);
  });

  test('AWS: one subnet, one item (not an array)', () => {
    expect(readFixture(describeSubnets, 'aws-describe-subnets.xml')).toEqual([
      {
        subnetId: 'subnet-9d4a7b6c',
        vpcId: 'vpc-1a2b3c4d',
        availabilityZone: 'us-east-1a',
        cidrBlock: '10.0.1.0/24',
        availableIpAddressCount: '251',
        defaultForAz: false,
        mapPublicIpOnLaunch: false,
        state: 'available',
        tags: [{ key: 'Name', value: 'private-a' }],
      },
    ]);
  });

  test('parameters', () => {
    expect(
      describeSubnets.params({ filters: [{ name: 'vpc-id', values: ['vpc-1', 'vpc-2'] }] }),
    ).toEqual([
      ['Filter.1.Name', 'vpc-id'],
      ['Filter.1.Value.1', 'vpc-1'],
      ['Filter.1.Value.2', 'vpc-2'],
    ]);
  });
});
