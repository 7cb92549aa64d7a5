// Key pairs, security groups, addresses, volumes, snapshots, zones, instance types and regions
// against one moto.

import { generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { encodeBase64Utf8 } from '../../../src/cloud/ec2/base64';
import { ec2Call, ec2List } from '../../../src/cloud/ec2/client';
import {
  allocateAddress,
  associateAddress,
  describeAddresses,
  disassociateAddress,
  releaseAddress,
} from '../../../src/cloud/ec2/operations/addresses';
import {
  describeEucalyptusInstanceTypes,
  describeInstanceTypes,
} from '../../../src/cloud/ec2/operations/instance-types';
import { describeInstances, runInstances } from '../../../src/cloud/ec2/operations/instances';
import {
  createKeyPair,
  deleteKeyPair,
  describeKeyPairs,
  importKeyPair,
} from '../../../src/cloud/ec2/operations/keypairs';
import { describeRegionsOp } from '../../../src/cloud/ec2/operations/regions';
import {
  authorizeSecurityGroupIngress,
  createSecurityGroup,
  deleteSecurityGroup,
  describeSecurityGroups,
  revokeSecurityGroupIngress,
} from '../../../src/cloud/ec2/operations/security-groups';
import {
  createSnapshot,
  deleteSnapshot,
  describeSnapshots,
} from '../../../src/cloud/ec2/operations/snapshots';
import {
  attachVolume,
  createVolume,
  deleteVolume,
  describeVolumes,
  detachVolume,
} from '../../../src/cloud/ec2/operations/volumes';
import { describeAvailabilityZones, parseCapacity } from '../../../src/cloud/ec2/operations/zones';
import { type Moto, startMoto } from '../../support/moto';
import { connect } from './support';

let moto: Moto;
let c: ReturnType<typeof connect>;

beforeAll(async () => {
  moto = await startMoto();
  c = connect(moto.port);
});
afterAll(async () => {
  await moto?.stop();
});

/** An OpenSSH ed25519 public key line, built from Node's key (no ssh-keygen needed). */
function opensshPublicKey(): string {
  const jwk = generateKeyPairSync('ed25519').publicKey.export({ format: 'jwk' });
  const raw = Buffer.from(jwk.x ?? '', 'base64url');
  const field = (b: Buffer) => Buffer.concat([Buffer.from([0, 0, 0, b.length]), b]);
  const blob = Buffer.concat([field(Buffer.from('ssh-ed25519')), field(raw)]);
  return `ssh-ed25519 ${blob.toString('base64')} cirrus@test`;
}

test('key pairs: create, import, list, delete', async () => {
  const created = await ec2Call(createKeyPair, c.profile, c.signer, { keyName: 'cirrus-created' });
  expect(created.keyName).toBe('cirrus-created');
  expect(created.keyMaterial).toMatch(/^-----BEGIN (RSA )?PRIVATE KEY-----\n/);
  expect(created.keyFingerprint).toMatch(/^[0-9a-f]{2}(:[0-9a-f]{2})+$/);

  const imported = await ec2Call(importKeyPair, c.profile, c.signer, {
    keyName: 'cirrus-imported',
    publicKeyMaterial: encodeBase64Utf8(opensshPublicKey()),
  });
  expect(imported.keyName).toBe('cirrus-imported');
  expect(imported.keyFingerprint).not.toBe('');

  const names = (await ec2Call(describeKeyPairs, c.profile, c.signer, {})).map((k) => k.keyName);
  expect(names).toEqual(expect.arrayContaining(['cirrus-created', 'cirrus-imported']));

  expect(await ec2Call(deleteKeyPair, c.profile, c.signer, { keyName: 'cirrus-created' })).toBe(
    true,
  );
  const left = await ec2Call(describeKeyPairs, c.profile, c.signer, {});
  expect(left.map((k) => k.keyName)).toEqual(['cirrus-imported']);
});

test('security group: create, allow tcp 22 from 10.0.0.0/8 and a group, revoke, delete', async () => {
  const groupId = await ec2Call(createSecurityGroup, c.profile, c.signer, {
    groupName: 'cirrus-web',
    description: 'Web servers (cirrus)',
  });
  expect(groupId).toMatch(/^sg-/);

  expect(
    await ec2Call(authorizeSecurityGroupIngress, c.profile, c.signer, {
      groupName: 'cirrus-web',
      permissions: [
        { ipProtocol: 'tcp', fromPort: 22, toPort: 22, cidrIps: ['10.0.0.0/8'] },
        { ipProtocol: 'tcp', fromPort: 80, toPort: 80, groups: [{ groupName: 'default' }] },
      ],
    }),
  ).toBe(true);

  const [group] = await ec2Call(describeSecurityGroups, c.profile, c.signer, {
    groupNames: ['cirrus-web'],
  });
  expect(group).toMatchObject({
    groupId,
    groupName: 'cirrus-web',
    groupDescription: 'Web servers (cirrus)',
  });
  const ssh = group?.ipPermissions.find((p) => p.fromPort === '22');
  expect(ssh).toMatchObject({
    ipProtocol: 'tcp',
    toPort: '22',
    ipRanges: [{ cidrIp: '10.0.0.0/8' }],
  });
  const web = group?.ipPermissions.find((p) => p.fromPort === '80');
  expect(web?.groups[0]?.groupId).toMatch(/^sg-/);

  await ec2Call(revokeSecurityGroupIngress, c.profile, c.signer, {
    groupId,
    permissions: [{ ipProtocol: 'tcp', fromPort: 22, toPort: 22, cidrIps: ['10.0.0.0/8'] }],
  });
  const [after] = await ec2Call(describeSecurityGroups, c.profile, c.signer, {
    groupIds: [groupId],
  });
  expect(after?.ipPermissions.map((p) => p.fromPort)).toEqual(['80']);

  expect(await ec2Call(deleteSecurityGroup, c.profile, c.signer, { groupName: 'cirrus-web' })).toBe(
    true,
  );
  const all = await ec2List(describeSecurityGroups, c.profile, c.signer, {});
  expect(all.map((g) => g.groupName)).not.toContain('cirrus-web');
  expect(all.map((g) => g.groupName)).toContain('default');
});

test('addresses: allocate, associate, disassociate, release (by IP and by id)', async () => {
  const { instances } = await ec2Call(runInstances, c.profile, c.signer, {
    imageId: 'ami-03cf127a',
  });
  const instanceId = instances[0]?.instanceId ?? '';

  const standard = await ec2Call(allocateAddress, c.profile, c.signer, { domain: 'standard' });
  expect(standard.publicIp).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
  expect(standard.domain).toBe('standard');
  const vpc = await ec2Call(allocateAddress, c.profile, c.signer, { domain: 'vpc' });
  expect(vpc.allocationId).toMatch(/^eipalloc-/);

  await ec2Call(associateAddress, c.profile, c.signer, { publicIp: standard.publicIp, instanceId });
  const [bound] = await ec2Call(describeAddresses, c.profile, c.signer, {
    publicIps: [standard.publicIp],
  });
  expect(bound?.instanceId).toBe(instanceId);
  expect(
    await ec2Call(disassociateAddress, c.profile, c.signer, { publicIp: standard.publicIp }),
  ).toBe(true);
  const [unbound] = await ec2Call(describeAddresses, c.profile, c.signer, {
    publicIps: [standard.publicIp],
  });
  expect(unbound?.instanceId).toBe('');

  const associationId = await ec2Call(associateAddress, c.profile, c.signer, {
    allocationId: vpc.allocationId,
    instanceId,
  });
  expect(associationId).toMatch(/^eipassoc-/);
  const [instance] = await ec2Call(describeInstances, c.profile, c.signer, {
    instanceIds: [instanceId],
  });
  expect(instance?.ipAddress).toBe(vpc.publicIp);
  await ec2Call(disassociateAddress, c.profile, c.signer, { associationId });

  expect(await ec2Call(releaseAddress, c.profile, c.signer, { publicIp: standard.publicIp })).toBe(
    true,
  );
  expect(
    await ec2Call(releaseAddress, c.profile, c.signer, { allocationId: vpc.allocationId }),
  ).toBe(true);
  expect(await ec2Call(describeAddresses, c.profile, c.signer, {})).toEqual([]);
});

test('volumes: create, attach, detach, snapshot, delete', async () => {
  const { instances } = await ec2Call(runInstances, c.profile, c.signer, {
    imageId: 'ami-03cf127a',
    availabilityZone: 'us-east-1a',
  });
  const instanceId = instances[0]?.instanceId ?? '';

  const volume = await ec2Call(createVolume, c.profile, c.signer, {
    availabilityZone: 'us-east-1a',
    size: 2,
    volumeType: 'gp2',
    tags: [{ key: 'Name', value: 'data' }],
  });
  expect(volume).toMatchObject({ size: '2', availabilityZone: 'us-east-1a', volumeType: 'gp2' });
  expect(volume.volumeId).toMatch(/^vol-/);

  const attached = await ec2Call(attachVolume, c.profile, c.signer, {
    volumeId: volume.volumeId,
    instanceId,
    device: '/dev/sdf',
  });
  expect(attached).toMatchObject({ volumeId: volume.volumeId, instanceId, device: '/dev/sdf' });
  const [inUse] = await ec2Call(describeVolumes, c.profile, c.signer, {
    volumeIds: [volume.volumeId],
  });
  expect(inUse).toMatchObject({ status: 'in-use', tags: [{ key: 'Name', value: 'data' }] });
  expect(inUse?.attachments).toEqual([expect.objectContaining({ instanceId, status: 'attached' })]);

  const snapshot = await ec2Call(createSnapshot, c.profile, c.signer, {
    volumeId: volume.volumeId,
    description: 'cirrus snapshot',
  });
  expect(snapshot).toMatchObject({ volumeId: volume.volumeId, description: 'cirrus snapshot' });
  expect(snapshot.snapshotId).toMatch(/^snap-/);
  const mine = await ec2Call(describeSnapshots, c.profile, c.signer, {
    snapshotIds: [snapshot.snapshotId],
  });
  expect(mine.map((s) => [s.snapshotId, s.volumeSize])).toEqual([[snapshot.snapshotId, '2']]);
  expect(
    await ec2Call(deleteSnapshot, c.profile, c.signer, { snapshotId: snapshot.snapshotId }),
  ).toBe(true);

  const detached = await ec2Call(detachVolume, c.profile, c.signer, {
    volumeId: volume.volumeId,
    instanceId,
  });
  expect(detached).toMatchObject({ volumeId: volume.volumeId, status: 'detaching' });
  expect(await ec2Call(deleteVolume, c.profile, c.signer, { volumeId: volume.volumeId })).toBe(
    true,
  );
  const left = await ec2List(describeVolumes, c.profile, c.signer, {});
  expect(left.map((v) => v.volumeId)).not.toContain(volume.volumeId);
});

test('a volume from a snapshot takes the snapshot size', async () => {
  const source = await ec2Call(createVolume, c.profile, c.signer, {
    availabilityZone: 'us-east-1a',
    size: 3,
  });
  const snapshot = await ec2Call(createSnapshot, c.profile, c.signer, {
    volumeId: source.volumeId,
  });
  const copy = await ec2Call(createVolume, c.profile, c.signer, {
    availabilityZone: 'us-east-1b',
    snapshotId: snapshot.snapshotId,
  });
  expect(copy).toMatchObject({ snapshotId: snapshot.snapshotId, size: '3' });
});

test('zones, and verbose rows are never zones', async () => {
  const rows = await ec2Call(describeAvailabilityZones, c.profile, c.signer, {});
  const { zones, capacity } = parseCapacity(rows);
  expect(zones.map((z) => z.zoneName)).toContain('us-east-1a');
  expect(zones.every((z) => z.regionName === 'us-east-1')).toBe(true);
  expect(capacity).toEqual([]);
  // moto, like AWS, knows no zone named "verbose".
  const verbose = await ec2Call(describeAvailabilityZones, c.profile, c.signer, { verbose: true });
  expect(parseCapacity(verbose).capacity).toEqual([]);
});

test('instance types and regions', async () => {
  const some = await ec2Call(describeInstanceTypes, c.profile, c.signer, {
    instanceTypes: ['t2.micro', 'm1.small'],
  });
  expect(some).toEqual(
    expect.arrayContaining([{ name: 't2.micro', cpu: '1', memoryMiB: '1024', diskGiB: '' }]),
  );
  // The Eucalyptus operation on an AWS-shaped server: one request, the AWS shape read.
  const euca = await ec2Call(describeEucalyptusInstanceTypes, c.profile, c.signer, {
    instanceTypes: ['m5.large'],
  });
  expect(euca).toEqual([{ name: 'm5.large', cpu: '2', memoryMiB: '8192', diskGiB: '' }]);

  const regions = await ec2List(describeRegionsOp, c.profile, c.signer, {});
  expect(regions.find((r) => r.regionName === 'us-east-1')?.regionEndpoint).toBe(
    'ec2.us-east-1.amazonaws.com',
  );
});
