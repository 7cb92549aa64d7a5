// Images from instances, image and snapshot copies, and snapshot sharing: the operations and the
// panel models against moto, and, in front of the Eucalyptus-shaped front door, the bundle tasks
// moto lacks (answered as Eucalyptus does) and clouds that refuse an action altogether.

import '../../support/fake-browser';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import {
  type BundleStorage,
  bundleInstance,
  cancelBundleTask,
  copyImage,
  copySnapshot,
  createImage,
  createSnapshot,
  createVolume,
  describeBundleTasks,
  describeImages,
  describeInstances,
  describeSnapshots,
  describeVolumePermissions,
  ec2Call,
  ec2List,
  modifyVolumePermissions,
  runInstances,
} from '../../../src/cloud/ec2';
import { signedBundleStorage } from '../../../src/cloud/ec2/upload-policy';
import { createLocalSigner } from '../../../src/cloud/local-signer';
import type { Profile } from '../../../src/cloud/profile';
import { createImagesModel } from '../../../src/panels/images/images-model';
import { createImageInput, imageDevices } from '../../../src/panels/instances/image-form';
import { createInstancesModel } from '../../../src/panels/instances/instances-model';
import { createVolumesModel } from '../../../src/panels/volumes/volumes-model';
import { type FrontDoor, startFrontDoor } from '../../support/front-door';
import { testDeps } from '../../support/model-deps';
import { type Moto, startMoto } from '../../support/moto';
import { frontDoorProfile } from '../front-door-env';
import { loadedList } from '../panels/support';
import { connect, creds } from './support';

const MOTO_IMAGE = 'ami-12c6146b';

async function launchEbs(c: ReturnType<typeof connect>) {
  const r = await ec2Call(runInstances, c.profile, c.signer, { imageId: MOTO_IMAGE });
  const id = r.instances[0]?.instanceId ?? '';
  const [instance] = await ec2List(describeInstances, c.profile, c.signer, { instanceIds: [id] });
  if (!instance) throw new Error('no instance');
  return instance;
}

/** A local signer for the same profile in another region, as remoteSigner(id, region) is. */
const signerFor = (profile: Profile) => (_id: string, region: string) =>
  createLocalSigner({ ...profile, region }, creds);

describe('against moto', () => {
  let moto: Moto;
  let c: ReturnType<typeof connect>;
  const disposers: Array<() => void> = [];
  beforeAll(async () => {
    moto = await startMoto();
    c = connect(moto.port);
  });
  afterAll(async () => {
    for (const dispose of disposers.splice(0)) dispose();
    await moto?.stop();
  });
  beforeEach(async () => {
    for (const dispose of disposers.splice(0)) dispose();
    await moto.reset();
  });

  test('CreateImage: the new image has the name and description given', async () => {
    const instance = await launchEbs(c);
    expect(instance.rootDeviceType).toBe('ebs');
    const imageId = await ec2Call(createImage, c.profile, c.signer, {
      instanceId: instance.instanceId,
      name: "web (v2) [prod] 1.0/a-b_c@d'e",
      description: 'made by the test',
      noReboot: true,
      blockDeviceMappings: [{ deviceName: '/dev/sda1', ebs: { deleteOnTermination: true } }],
    });
    const [image] = await ec2List(describeImages, c.profile, c.signer, { imageIds: [imageId] });
    expect(image).toMatchObject({
      imageId,
      name: "web (v2) [prod] 1.0/a-b_c@d'e",
      description: 'made by the test',
    });
  });

  test('CopyImage and CopySnapshot go to the destination region and name the source one', async () => {
    const instance = await launchEbs(c);
    const imageId = await ec2Call(createImage, c.profile, c.signer, {
      instanceId: instance.instanceId,
      name: 'source image',
    });
    const west = connect(moto.port, '', 4, 'us-west-2');
    const copyId = await ec2Call(copyImage, west.profile, west.signer, {
      sourceRegion: 'us-east-1',
      sourceImageId: imageId,
      name: 'copy in the west',
      description: 'copied',
    });
    const [copy] = await ec2List(describeImages, west.profile, west.signer, {
      imageIds: [copyId],
    });
    expect(copy).toMatchObject({ name: 'copy in the west', description: 'copied' });
    await expect(
      ec2Call(copyImage, west.profile, west.signer, {
        sourceRegion: 'us-east-1',
        sourceImageId: 'ami-00000000',
        name: 'nothing',
      }),
    ).rejects.toMatchObject({ code: 'InvalidAMIID.NotFound' });

    const volume = await ec2Call(createVolume, c.profile, c.signer, {
      size: 1,
      availabilityZone: 'us-east-1a',
    });
    const snapshot = await ec2Call(createSnapshot, c.profile, c.signer, {
      volumeId: volume.volumeId,
    });
    const snapCopy = await ec2Call(copySnapshot, west.profile, west.signer, {
      sourceRegion: 'us-east-1',
      sourceSnapshotId: snapshot.snapshotId,
      description: 'west copy',
    });
    const [copied] = await ec2List(describeSnapshots, west.profile, west.signer, {
      snapshotIds: [snapCopy],
    });
    expect(copied?.description).toBe('west copy');
  });

  test('createVolumePermission: accounts and public added, read back, removed', async () => {
    const volume = await ec2Call(createVolume, c.profile, c.signer, {
      size: 1,
      availabilityZone: 'us-east-1a',
    });
    const { snapshotId } = await ec2Call(createSnapshot, c.profile, c.signer, {
      volumeId: volume.volumeId,
    });
    const read = () => ec2Call(describeVolumePermissions, c.profile, c.signer, { snapshotId });
    expect(await read()).toEqual({ public: false, userIds: [] });
    await ec2Call(modifyVolumePermissions, c.profile, c.signer, {
      snapshotId,
      operation: 'add',
      userIds: ['111122223333', '444455556666'],
    });
    await ec2Call(modifyVolumePermissions, c.profile, c.signer, {
      snapshotId,
      operation: 'add',
      public: true,
    });
    const both = await read();
    expect(both.public).toBe(true);
    expect([...both.userIds].sort()).toEqual(['111122223333', '444455556666']);
    await ec2Call(modifyVolumePermissions, c.profile, c.signer, {
      snapshotId,
      operation: 'remove',
      public: true,
      userIds: ['111122223333'],
    });
    expect(await read()).toEqual({ public: false, userIds: ['444455556666'] });
  });

  test('Instances model: Create image… reads the volume sizes and creates the image', async () => {
    const instance = await launchEbs(c);
    const t = testDeps();
    const model = createInstancesModel(t.deps, { pollMs: 600_000 });
    disposers.push(() => model.dispose());
    t.switchTo(c);
    await loadedList(model.list);
    const devices = await model.images.devicesOf(instance);
    expect(devices).toHaveLength(imageDevices(instance).length);
    expect(devices[0]?.size).toMatch(/^\d+$/);
    model.open({ kind: 'create-image', instanceId: instance.instanceId });
    const ok = await model.images.createImage(
      createImageInput(instance.instanceId, {
        name: 'from the model',
        description: 'model test',
        noReboot: true,
        devices,
      }),
    );
    expect(ok).toBe(true);
    expect(model.dialog.value).toBeNull();
    expect(model.notice.value?.key).toBe('imgCreateStarted');
    const imageId = model.notice.value?.args[0] ?? '';
    const [image] = await ec2List(describeImages, c.profile, c.signer, { imageIds: [imageId] });
    expect(image).toMatchObject({ name: 'from the model', description: 'model test' });

    // A name AWS would refuse stays in the dialog with the server's answer.
    model.open({ kind: 'create-image', instanceId: instance.instanceId });
    expect(
      await model.images.createImage({ instanceId: 'i-00000000000000000', name: 'nothing here' }),
    ).toBe(false);
    expect(model.dialog.value?.kind).toBe('create-image');
    expect(model.dialogError.value?.code).toMatch(/^InvalidInstanceID/);
  });

  test('Images model: Copy to region signs for and sends to the destination region', async () => {
    const instance = await launchEbs(c);
    const imageId = await ec2Call(createImage, c.profile, c.signer, {
      instanceId: instance.instanceId,
      name: 'to be copied',
    });
    const t = testDeps();
    const model = createImagesModel(t.deps, { signerFor: signerFor(c.profile) });
    disposers.push(() => model.dispose());
    t.switchTo(c);
    await loadedList(model.list);
    // Not an AWS profile: the one region it has.
    expect(await model.copies.regions()).toEqual(['us-east-1']);
    const ok = await model.copies.copy('eu-west-1', {
      sourceImageId: imageId,
      name: 'copied by the model',
    });
    expect(ok).toBe(true);
    expect(model.notice.value?.key).toBe('imgCopyStarted');
    const [, region, copyId] = model.notice.value?.args ?? [];
    expect(region).toBe('eu-west-1');
    const eu = connect(moto.port, '', 4, 'eu-west-1');
    const [copy] = await ec2List(describeImages, eu.profile, eu.signer, {
      imageIds: [copyId ?? ''],
    });
    expect(copy?.name).toBe('copied by the model');
    // Nothing of it in the source region.
    const here = await ec2List(describeImages, c.profile, c.signer, { owners: ['self'] });
    expect(here.map((i) => i.imageId)).not.toContain(copyId);
  });

  test('Volumes model: Copy snapshot, and volume permissions added and removed in the open dialog', async () => {
    const volume = await ec2Call(createVolume, c.profile, c.signer, {
      size: 1,
      availabilityZone: 'us-east-1a',
    });
    const { snapshotId } = await ec2Call(createSnapshot, c.profile, c.signer, {
      volumeId: volume.volumeId,
    });
    const t = testDeps();
    const model = createVolumesModel(t.deps, {
      pollMs: 600_000,
      signerFor: signerFor(c.profile),
    });
    disposers.push(() => model.dispose());
    t.switchTo(c);
    await loadedList(model.snapshots);

    await model.sharing.showPermissions(snapshotId);
    expect(model.dialog.value).toEqual({
      kind: 'volume-permissions',
      snapshotId,
      permissions: { public: false, userIds: [] },
    });
    expect(
      await model.sharing.changePermissions({
        snapshotId,
        operation: 'add',
        userIds: ['111122223333'],
      }),
    ).toBe(true);
    expect(
      await model.sharing.changePermissions({ snapshotId, operation: 'add', public: true }),
    ).toBe(true);
    expect(model.dialog.value).toMatchObject({
      permissions: { public: true, userIds: ['111122223333'] },
    });
    await model.sharing.changePermissions({ snapshotId, operation: 'remove', public: true });
    expect(model.dialog.value).toMatchObject({
      permissions: { public: false, userIds: ['111122223333'] },
    });

    model.open({ kind: 'copy-snapshot', snapshotId });
    expect(await model.sharing.copy(snapshotId, 'us-east-1', 'same region copy')).toBe(true);
    expect(model.notice.value?.key).toBe('imgCopyStarted');
    const copyId = model.notice.value?.args[2] ?? '';
    await expect
      .poll(() => model.snapshots.rows.value.map((s) => s.snapshotId), { timeout: 10_000 })
      .toContain(copyId);
    expect(model.findSnapshot(copyId)?.description).toBe('same region copy');
  });

  test('moto has no BundleInstance: the call fails rather than pretending', async () => {
    const instance = await launchEbs(c);
    const storage = await signedBundleStorage(
      { bucket: 'bundles', prefix: 'web' },
      creds,
      new Date(),
    );
    await expect(
      ec2Call(bundleInstance, c.profile, c.signer, { instanceId: instance.instanceId, storage }),
    ).rejects.toMatchObject({ status: 500 });
  });
});

describe('in front of the front door (Eucalyptus answers)', () => {
  const KEY = 'AKIDBUNDLE0000000001';
  const SECRET = 'bundle/secret/key/000000000000000000001';
  let moto: Moto;
  let door: FrontDoor;
  /** What the emulated cloud does: Eucalyptus' bundle tasks, or refusing every such action. */
  let mode: 'eucalyptus' | 'refuse' = 'eucalyptus';
  const tasks = new Map<
    string,
    { instanceId: string; state: string; progress: string; bucket: string; prefix: string }
  >();
  const seen: Array<Array<[string, string]>> = [];

  const taskXml = (id: string) => {
    const task = tasks.get(id);
    if (!task) return '';
    return `<instanceId>${task.instanceId}</instanceId><bundleId>${id}</bundleId><state>${task.state}</state><startTime>2026-03-04T05:10:11.431Z</startTime><updateTime>2026-03-04T05:11:11.431Z</updateTime><progress>${task.progress}</progress><storage><S3><bucket>${task.bucket}</bucket><prefix>${task.prefix}</prefix></S3></storage>`;
  };
  const NS = 'xmlns="http://ec2.amazonaws.com/doc/2013-02-01/"';
  const refusal = (action: string) => ({
    status: 400,
    body: `<?xml version="1.0"?><Response><Errors><Error><Code>InvalidAction</Code><Message>The action ${action} is not valid for this web service.</Message></Error></Errors><RequestID>r-1</RequestID></Response>`,
  });

  function answer(action: string, params: Array<[string, string]>) {
    const get = (name: string) => params.find(([n]) => n === name)?.[1] ?? '';
    const bundleActions = ['BundleInstance', 'DescribeBundleTasks', 'CancelBundleTask'];
    if (
      mode === 'refuse' &&
      [...bundleActions, 'CreateImage', 'DescribeSnapshotAttribute'].includes(action)
    )
      return refusal(action);
    if (action === 'BundleInstance') {
      seen.push(params);
      const id = `bun-${(tasks.size + 0x5f3a4b21).toString(16).toUpperCase()}`;
      tasks.set(id, {
        instanceId: get('InstanceId'),
        state: 'pending',
        progress: '0%',
        bucket: get('Storage.S3.Bucket'),
        prefix: get('Storage.S3.Prefix'),
      });
      return {
        status: 200,
        body: `<?xml version="1.0"?><BundleInstanceResponse ${NS}><requestId>r</requestId><bundleInstanceTask>${taskXml(id)}</bundleInstanceTask></BundleInstanceResponse>`,
      };
    }
    if (action === 'DescribeBundleTasks') {
      // Every look moves a task on, as a cloud at work does: pending, bundling 50%, complete.
      for (const task of tasks.values()) {
        if (task.state === 'pending') Object.assign(task, { state: 'bundling', progress: '50%' });
        else if (task.state === 'bundling')
          Object.assign(task, { state: 'complete', progress: '100%' });
      }
      const items = [...tasks.keys()].map((id) => `<item>${taskXml(id)}</item>`).join('');
      return {
        status: 200,
        body: `<?xml version="1.0"?><DescribeBundleTasksResponse ${NS}><requestId>r</requestId><bundleInstanceTasksSet>${items}</bundleInstanceTasksSet></DescribeBundleTasksResponse>`,
      };
    }
    if (action === 'CancelBundleTask') {
      const id = get('BundleId');
      const task = tasks.get(id);
      if (!task)
        return {
          status: 400,
          body: '<Response><Errors><Error><Code>InvalidBundleID.NotFound</Code><Message>no such task</Message></Error></Errors></Response>',
        };
      Object.assign(task, { state: 'cancelling' });
      return {
        status: 200,
        body: `<?xml version="1.0"?><CancelBundleTaskResponse ${NS}><requestId>r</requestId><bundleInstanceTask>${taskXml(id)}</bundleInstanceTask></CancelBundleTaskResponse>`,
      };
    }
    return undefined;
  }

  beforeAll(async () => {
    moto = await startMoto();
    door = await startFrontDoor({
      motoUrl: moto.url,
      credentials: [{ accessKeyId: KEY, secretAccessKey: SECRET }],
      ec2Answer: answer,
    });
  });
  afterAll(async () => {
    await door?.stop();
    await moto?.stop();
  });
  beforeEach(() => {
    mode = 'eucalyptus';
    tasks.clear();
    seen.length = 0;
  });

  function current() {
    const profile = frontDoorProfile(door, KEY);
    return {
      profile,
      signer: createLocalSigner(profile, { accessKeyId: KEY, secretAccessKey: SECRET }),
    };
  }
  /** The background's part in Node: the same policy writer and signer, with the profile's secret. */
  const signBundleStorage = (_id: string, bucket: string, prefix: string): Promise<BundleStorage> =>
    signedBundleStorage(
      { bucket, prefix },
      { accessKeyId: KEY, secretAccessKey: SECRET },
      new Date(),
    );

  test('the operations: BundleInstance with a signed policy, DescribeBundleTasks, CancelBundleTask', async () => {
    const { profile, signer } = current();
    const storage = await signBundleStorage('door', 'bundles', 'web-2014');
    const task = await ec2Call(bundleInstance, profile, signer, {
      instanceId: 'i-5F3A4B21',
      storage,
    });
    expect(task).toMatchObject({
      instanceId: 'i-5F3A4B21',
      state: 'pending',
      bucket: 'bundles',
      prefix: 'web-2014',
    });
    const params = new Map(seen[0]);
    expect(params.get('Storage.S3.AWSAccessKeyId')).toBe(KEY);
    expect(params.get('Storage.S3.UploadPolicy')).toBe(storage.uploadPolicy);
    expect(params.get('Storage.S3.UploadPolicySignature')).toBe(storage.uploadPolicySignature);
    const [listed] = await ec2List(describeBundleTasks, profile, signer, {});
    expect(listed).toMatchObject({ bundleId: task.bundleId, state: 'bundling', progress: '50%' });
    const cancelled = await ec2Call(cancelBundleTask, profile, signer, { bundleId: task.bundleId });
    expect(cancelled.state).toBe('cancelling');
  });

  test('the models: bundle from Instances, the task followed in Images (polled) until complete', async () => {
    const t = testDeps();
    const instances = createInstancesModel(t.deps, { pollMs: 600_000, signBundleStorage });
    const images = createImagesModel(t.deps, { pollMs: 50 });
    try {
      t.switchTo(current());
      await loadedList(instances.list);
      instances.open({ kind: 'bundle', instanceId: 'i-5F3A4B21' });
      expect(await instances.images.bundle('i-5F3A4B21', 'bundles', 'web')).toBe(true);
      expect(instances.notice.value).toEqual({
        key: 'imgBundleStarted',
        args: ['bun-5F3A4B21', 'i-5F3A4B21', 'bundles', 'web'],
      });

      // Hidden, the list asks nothing; shown, it polls while the task is under way.
      await loadedList(images.bundles.list);
      expect(images.bundles.list.rows.value).toEqual([]);
      images.bundles.show(true);
      await expect
        .poll(() => images.bundles.list.rows.value[0]?.state, { timeout: 10_000, interval: 20 })
        .toBe('complete');
      await expect.poll(() => images.bundles.list.polling.value).toBe(false);
      images.bundles.list.selected.value = new Set(['bun-5F3A4B21']);
      expect(images.bundles.list.rows.value[0]?.progress).toBe('100%');
    } finally {
      instances.dispose();
      images.dispose();
    }
  });

  test('Cancel from the Bundle tasks list', async () => {
    const { profile, signer } = current();
    const storage = await signBundleStorage('door', 'bundles', 'db');
    const task = await ec2Call(bundleInstance, profile, signer, {
      instanceId: 'i-7C2D9E10',
      storage,
    });
    const t = testDeps();
    const images = createImagesModel(t.deps, { pollMs: 600_000 });
    try {
      t.switchTo(current());
      images.bundles.show(true);
      await loadedList(images.bundles.list);
      expect(images.bundles.list.rows.value[0]?.state).toBe('bundling');
      expect(await images.bundles.cancel(task.bundleId)).toBe(true);
      expect(images.notice.value).toEqual({ key: 'imgBundleCancelling', args: [task.bundleId] });
      expect(images.bundles.list.rows.value[0]?.state).toBe('cancelling');
    } finally {
      images.dispose();
    }
  });

  test('a cloud that lacks the actions: said so, and remembered for the profile', async () => {
    mode = 'refuse';
    const t = testDeps();
    const instances = createInstancesModel(t.deps, { pollMs: 600_000, signBundleStorage });
    const images = createImagesModel(t.deps, { pollMs: 600_000 });
    const volumes = createVolumesModel(t.deps, { pollMs: 600_000 });
    try {
      const here = current();
      t.switchTo(here);
      await loadedList(instances.list);
      instances.open({ kind: 'bundle', instanceId: 'i-5F3A4B21' });
      expect(instances.images.unsupported.has(here.profile, 'bundle')).toBe(false);
      expect(await instances.images.bundle('i-5F3A4B21', 'bundles', 'web')).toBe(false);
      // The dialog keeps what was typed, with the refusal in it.
      expect(instances.dialog.value?.kind).toBe('bundle');
      expect(instances.dialogError.value?.code).toBe('InvalidAction');
      expect(instances.images.unsupported.has(here.profile, 'bundle')).toBe(true);
      expect(instances.images.unsupported.has(here.profile, 'createImage')).toBe(false);

      instances.open({ kind: 'create-image', instanceId: 'i-5F3A4B21' });
      expect(await instances.images.createImage({ instanceId: 'i-5F3A4B21', name: 'abc' })).toBe(
        false,
      );
      expect(instances.images.unsupported.has(here.profile, 'createImage')).toBe(true);
      // Another profile (or region) is asked afresh.
      expect(
        instances.images.unsupported.has({ ...here.profile, region: 'other' }, 'createImage'),
      ).toBe(false);

      images.bundles.show(true);
      await expect.poll(() => images.bundles.list.error.value?.code).toBe('InvalidAction');
      expect(images.bundles.unsupported.has(here.profile, 'bundleTasks')).toBe(true);

      await volumes.sharing.showPermissions('snap-4F2B3C1D');
      expect(volumes.dialogError.value?.code).toBe('InvalidAction');
      expect(volumes.sharing.unsupported.has(here.profile, 'volumePermissions')).toBe(true);
    } finally {
      instances.dispose();
      images.dispose();
      volumes.dispose();
    }
  });
});
