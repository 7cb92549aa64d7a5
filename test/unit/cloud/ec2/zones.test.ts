import { describe, expect, test } from 'vitest';
import {
  describeAvailabilityZones,
  parseCapacity,
  type ZoneRow,
} from '../../../../src/cloud/ec2/operations/zones';
import { readFixture } from './fixtures';

describe('DescribeAvailabilityZones', () => {
  test('AWS: states and messages', () => {
    expect(readFixture(describeAvailabilityZones, 'aws-describe-availability-zones.xml')).toEqual([
      { zoneName: 'us-east-1a', zoneState: 'available', regionName: 'us-east-1', messages: [] },
      {
        zoneName: 'us-east-1b',
        zoneState: 'impaired',
        regionName: 'us-east-1',
        messages: ['Elevated API error rates'],
      },
    ]);
  });

  test('verbose comes first, then the named zones', () => {
    expect(describeAvailabilityZones.params({ verbose: true, zoneNames: ['cluster01'] })).toEqual([
      ['ZoneName.1', 'verbose'],
      ['ZoneName.2', 'cluster01'],
    ]);
    expect(describeAvailabilityZones.params({})).toEqual([]);
  });
});

describe('parseCapacity', () => {
  test('Eucalyptus verbose: two clusters, their types, and no fake zones', () => {
    const rows = readFixture(
      describeAvailabilityZones,
      'eucalyptus-describe-availability-zones-verbose.xml',
    );
    expect(rows).toHaveLength(11);
    const { zones, capacity } = parseCapacity(rows);
    expect(zones.map((z) => z.zoneName)).toEqual(['default', 'clearlogy']);
    expect(capacity.map((c) => [c.zone, c.host])).toEqual([
      ['default', '192.168.122.115'],
      ['clearlogy', '192.168.2.21'],
    ]);
    expect(capacity[0]?.state).toBe(
      '192.168.122.115 arn:euca:eucalyptus:default:cluster:default-cc-1/',
    );
    expect(capacity[0]?.types).toEqual([
      { name: 'm1.small', free: 256, max: 256, cpu: 1, ram: 32, disk: 1 },
      { name: 't1.micro', free: 203, max: 203, cpu: 1, ram: 64, disk: 1 },
      { name: 'c1.medium', free: 25, max: 25, cpu: 2, ram: 512, disk: 10 },
      { name: 'm1.xlarge', free: 12, max: 12, cpu: 2, ram: 1024, disk: 10 },
    ]);
    expect(capacity[1]?.types).toEqual([
      { name: 'm1.small', free: 5, max: 6, cpu: 1, ram: 256, disk: 5 },
      { name: 'm1.large', free: 2, max: 3, cpu: 2, ram: 512, disk: 10 },
      { name: 'cc2.8xlarge', free: 0, max: 0, cpu: 16, ram: 6144, disk: 120 },
    ]);
  });

  test('a plain zone list passes through with no capacity', () => {
    const rows = readFixture(
      describeAvailabilityZones,
      'eucalyptus-describe-availability-zones.xml',
    );
    expect(parseCapacity(rows)).toEqual({ zones: rows, capacity: [] });
    expect(rows[0]?.zoneState).toBe('available');
  });

  test('older servers: host only, tabs and odd spacing; OpenStack node rows are dropped', () => {
    const row = (zoneName: string, zoneState: string): ZoneRow => ({
      zoneName,
      zoneState,
      regionName: '',
      messages: [],
    });
    const { zones, capacity } = parseCapacity([
      row('cluster1', '192.168.0.170'),
      row('|- vm types', 'free / max   cpu   ram  disk'),
      row('|- m1.small', '0003 / 0004   1    192     2'),
      row('|- c1.xlarge', '0000/0001 4 2048 20'),
      row('nova', 'available'),
      row('|- node1', ''),
      row('| |- nova-compute', 'enabled :-) 2011-03-14 10:11:12'),
    ]);
    expect(zones.map((z) => z.zoneName)).toEqual(['cluster1', 'nova']);
    expect(capacity).toEqual([
      {
        zone: 'cluster1',
        host: '192.168.0.170',
        state: '192.168.0.170',
        types: [
          { name: 'm1.small', free: 3, max: 4, cpu: 1, ram: 192, disk: 2 },
          { name: 'c1.xlarge', free: 0, max: 1, cpu: 4, ram: 2048, disk: 20 },
        ],
      },
    ]);
  });
});
