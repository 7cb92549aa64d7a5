import { describe, expect, test } from 'vitest';
import { encodeQuery, filterParams, flattenQuery } from '../../../../src/cloud/ec2/query';

describe('flattenQuery', () => {
  test('lists count from 1 and filters nest Name and Value.M', () => {
    expect(
      flattenQuery({
        InstanceId: ['i-1', 'i-2'],
        Filter: filterParams([
          { name: 'instance-state-name', values: ['running', 'stopped'] },
          { name: 'tag:Name', values: ['web'] },
        ]),
      }),
    ).toEqual([
      ['InstanceId.1', 'i-1'],
      ['InstanceId.2', 'i-2'],
      ['Filter.1.Name', 'instance-state-name'],
      ['Filter.1.Value.1', 'running'],
      ['Filter.1.Value.2', 'stopped'],
      ['Filter.2.Name', 'tag:Name'],
      ['Filter.2.Value.1', 'web'],
    ]);
  });

  test('nested structures: block devices, tag specifications, launch permissions', () => {
    expect(
      flattenQuery({
        BlockDeviceMapping: [
          { DeviceName: '/dev/sda1', Ebs: { VolumeSize: 20, SnapshotId: 'snap-1' } },
        ],
        TagSpecification: [{ ResourceType: 'instance', Tag: [{ Key: 'Name', Value: 'web' }] }],
        LaunchPermission: { Add: [{ Group: 'all' }, { UserId: '123' }] },
      }),
    ).toEqual([
      ['BlockDeviceMapping.1.DeviceName', '/dev/sda1'],
      ['BlockDeviceMapping.1.Ebs.VolumeSize', '20'],
      ['BlockDeviceMapping.1.Ebs.SnapshotId', 'snap-1'],
      ['TagSpecification.1.ResourceType', 'instance'],
      ['TagSpecification.1.Tag.1.Key', 'Name'],
      ['TagSpecification.1.Tag.1.Value', 'web'],
      ['LaunchPermission.Add.1.Group', 'all'],
      ['LaunchPermission.Add.2.UserId', '123'],
    ]);
  });

  test('undefined and null are left out and not counted; empty strings and false stay', () => {
    expect(
      flattenQuery({
        A: undefined,
        B: null,
        Id: [undefined, 'x', null, 'y'],
        Empty: [],
        Value: '',
        Force: false,
        Count: 0,
      }),
    ).toEqual([
      ['Id.1', 'x'],
      ['Id.2', 'y'],
      ['Value', ''],
      ['Force', 'false'],
      ['Count', '0'],
    ]);
  });

  test('order follows the input, so the same input gives the same request', () => {
    const a = flattenQuery({ Z: '1', A: '2', M: ['3'] });
    const b = flattenQuery({ Z: '1', A: '2', M: ['3'] });
    expect(a.map(([k]) => k)).toEqual(['Z', 'A', 'M.1']);
    expect(a).toEqual(b);
  });
});

describe('encodeQuery', () => {
  test('RFC 3986: spaces, slashes, reserved marks and UTF-8', () => {
    expect(
      encodeQuery([
        ['GroupDescription', 'web servers (prod)*'],
        ['ImageLocation', 'bucket/image.manifest.xml'],
        ['Tag.1.Value', 'ウェブ+1'],
      ]),
    ).toBe(
      'GroupDescription=web%20servers%20%28prod%29%2A&ImageLocation=bucket%2Fimage.manifest.xml' +
        '&Tag.1.Value=%E3%82%A6%E3%82%A7%E3%83%96%2B1',
    );
  });
});
