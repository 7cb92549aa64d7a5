import { afterAll, beforeAll, expect, test } from 'vitest';
import { ec2Call, ec2List } from '../../../src/cloud/ec2/client';
import {
  deregisterImage,
  describeImages,
  describeLaunchPermissions,
  type Image,
  modifyLaunchPermissions,
  registerImage,
} from '../../../src/cloud/ec2/operations/images';
import { describeSnapshots } from '../../../src/cloud/ec2/operations/snapshots';
import { type Moto, startMoto } from '../../support/moto';
import { connect } from './support';

let moto: Moto;
let c: ReturnType<typeof connect>;
// One of moto's preloaded images, found by the first test.
let preloaded: Image | undefined;

beforeAll(async () => {
  moto = await startMoto();
  c = connect(moto.port);
});
afterAll(async () => {
  await moto?.stop();
});

test('DescribeImages lists the AMIs moto has preloaded', async () => {
  let pages = 0;
  const images = await ec2List(
    describeImages,
    c.profile,
    c.signer,
    { owners: ['amazon'] },
    {
      onPage: () => pages++,
    },
  );
  expect(pages).toBe(1);
  expect(images.length).toBeGreaterThan(100);
  expect(images.every((i) => i.imageId.startsWith('ami-'))).toBe(true);
  preloaded = images.find((i) => i.platform === 'windows');
  expect(preloaded?.imageOwnerAlias).toBe('amazon');
  expect(preloaded?.blockDeviceMappings[0]?.ebs?.volumeSize).toMatch(/^\d+$/);
});

test('DescribeImages by id and by filter', async () => {
  const some = preloaded;
  if (!some) throw new Error('no preloaded image');
  const byId = await ec2Call(describeImages, c.profile, c.signer, { imageIds: [some.imageId] });
  expect(byId.map((i) => i.imageId)).toEqual([some.imageId]);
  const byName = await ec2Call(describeImages, c.profile, c.signer, {
    filters: [{ name: 'name', values: [some.name] }],
  });
  expect(byName.map((i) => i.imageId)).toContain(some.imageId);
  await expect(
    ec2Call(describeImages, c.profile, c.signer, { imageIds: ['ami-00000000'] }),
  ).rejects.toMatchObject({ code: 'InvalidAMIID.NotFound', status: 400 });
});

test('register from a manifest, share it, unshare it, deregister', async () => {
  const imageId = await ec2Call(registerImage, c.profile, c.signer, {
    imageLocation: 'cirrus-images/centos.img.manifest.xml',
    name: 'cirrus-manifest',
    description: 'from a manifest',
    architecture: 'x86_64',
  });
  expect(imageId).toMatch(/^ami-/);
  const [mine] = await ec2Call(describeImages, c.profile, c.signer, { imageIds: [imageId] });
  expect(mine).toMatchObject({
    name: 'cirrus-manifest',
    description: 'from a manifest',
    isPublic: false,
  });

  const nobody = await ec2Call(describeLaunchPermissions, c.profile, c.signer, { imageId });
  expect(nobody).toEqual({ public: false, userIds: [] });

  expect(
    await ec2Call(modifyLaunchPermissions, c.profile, c.signer, {
      imageId,
      add: { public: true, userIds: ['111122223333'] },
    }),
  ).toBe(true);
  expect(await ec2Call(describeLaunchPermissions, c.profile, c.signer, { imageId })).toEqual({
    public: true,
    userIds: ['111122223333'],
  });
  const [shared] = await ec2Call(describeImages, c.profile, c.signer, { imageIds: [imageId] });
  expect(shared?.isPublic).toBe(true);

  await ec2Call(modifyLaunchPermissions, c.profile, c.signer, {
    imageId,
    remove: { public: true },
  });
  expect(await ec2Call(describeLaunchPermissions, c.profile, c.signer, { imageId })).toEqual({
    public: false,
    userIds: ['111122223333'],
  });

  expect(await ec2Call(deregisterImage, c.profile, c.signer, { imageId })).toBe(true);
  const left = await ec2Call(describeImages, c.profile, c.signer, { owners: ['self'] });
  expect(left.map((i) => i.imageId)).not.toContain(imageId);
});

test('register an EBS image from a snapshot', async () => {
  const snapshotId = preloaded?.blockDeviceMappings[0]?.ebs?.snapshotId;
  if (!snapshotId) throw new Error('no preloaded snapshot');
  const [snapshot] = await ec2Call(describeSnapshots, c.profile, c.signer, {
    owners: [],
    snapshotIds: [snapshotId],
  });
  if (!snapshot) throw new Error('moto has no such snapshot');
  const imageId = await ec2Call(registerImage, c.profile, c.signer, {
    name: 'cirrus-ebs',
    rootDeviceName: '/dev/sda1',
    blockDeviceMappings: [{ deviceName: '/dev/sda1', ebs: { snapshotId: snapshot.snapshotId } }],
  });
  const [image] = await ec2Call(describeImages, c.profile, c.signer, { owners: ['self'] }).then(
    (all) => all.filter((i) => i.imageId === imageId),
  );
  expect(image).toMatchObject({ name: 'cirrus-ebs', rootDeviceName: '/dev/sda1' });
  expect(image?.blockDeviceMappings[0]?.deviceName).toBe('/dev/sda1');
});
