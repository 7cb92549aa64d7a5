// The key pair, security group, address, volume, zone and launch models against moto: each loads
// through the real EC2 client and runs one of its actions, with the profile source driven here.

import '../../support/fake-browser';
import { describe, expect, test } from 'vitest';
import { createKeychain } from '../../../src/background/keychain';
import { savePreset } from '../../../src/background/preset-vault';
import { createKeyPair, ec2Call, ec2List } from '../../../src/cloud/ec2';
import { describeInstances } from '../../../src/cloud/ec2/operations/instances';
import { createAddressesModel } from '../../../src/panels/addresses/addresses-model';
import { createKeyPairsModel } from '../../../src/panels/keypairs/keypairs-model';
import { emptyLaunchForm } from '../../../src/panels/launch/launch-form';
import { createLaunchModel } from '../../../src/panels/launch/launch-model';
import { createSecurityGroupsModel } from '../../../src/panels/security-groups/security-groups-model';
import { createVolumesModel } from '../../../src/panels/volumes/volumes-model';
import { createZonesModel } from '../../../src/panels/zones/zones-model';
import { memoryArea } from '../../../src/storage/area';
import { launchPresets } from '../../../src/storage/items';
import { testDeps } from '../../support/model-deps';
import { connect } from '../ec2/support';
import { loadedList, motoPerFile, opensshPublicKey } from './support';

const MOTO_IMAGE = 'ami-12c6146b';

const env = motoPerFile();

/** A model made with test deps and the moto profile made current. */
function open<M extends { dispose(): void }>(
  make: (deps: ReturnType<typeof testDeps>['deps']) => M,
) {
  const t = testDeps();
  const model = make(t.deps);
  env.dispose(() => model.dispose());
  t.switchTo(connect(env.port));
  return model;
}

describe('key pairs', () => {
  test('lists the region key pairs and imports a public key', async () => {
    const c = connect(env.port);
    await ec2Call(createKeyPair, c.profile, c.signer, { keyName: 'listed-key' });
    const model = open(createKeyPairsModel);
    await loadedList(model.list);
    expect(model.names()).toContain('listed-key');

    expect(await model.import('imported-key', opensshPublicKey())).toBe(true);
    expect(model.notice.value).toEqual({ key: 'keyPairImported', args: ['imported-key'] });
    expect(model.names()).toContain('imported-key');
  });
});

describe('security groups', () => {
  test('lists the groups and creates one', async () => {
    const model = open(createSecurityGroupsModel);
    await loadedList(model.list);
    expect(model.list.rows.value.map((g) => g.groupName)).toContain('default');

    const ok = await model.createGroup({ name: ' web ', description: 'for the web', vpcId: '' });
    expect(ok).toBe(true);
    expect(model.notice.value).toEqual({ key: 'groupCreated', args: ['web'] });
    const web = model.list.rows.value.find((g) => g.groupName === 'web');
    expect(web?.groupDescription).toBe('for the web');
  });
});

describe('addresses', () => {
  test('a Eucalyptus profile allocates standard addresses; the new one is listed', async () => {
    const model = open(createAddressesModel);
    await loadedList(model.list);
    expect(model.defaultDomain()).toBe('standard');
    const before = model.list.rows.value.length;

    expect(await model.allocate('vpc')).toBe(true);
    expect(model.notice.value?.key).toBe('addressAllocated');
    const ip = model.notice.value?.args[0];
    expect(model.list.rows.value).toHaveLength(before + 1);
    expect(model.list.rows.value.map((a) => a.publicIp)).toContain(ip);
  });
});

describe('volumes', () => {
  test('creates a volume in a zone the model offers; both lists load', async () => {
    const model = open((deps) => createVolumesModel(deps, { pollMs: 50 }));
    await loadedList(model.volumes);
    await loadedList(model.snapshots);
    const zones = await model.zones();
    expect(zones.length).toBeGreaterThan(0);

    const ok = await model.createVolume({
      size: '2',
      zone: zones[0] ?? '',
      snapshotId: '',
      volumeType: '',
      iops: '',
      name: 'data',
    });
    expect(ok).toBe(true);
    const id = model.notice.value?.args[0] ?? '';
    expect(model.notice.value?.key).toBe('volumeCreated');
    const volume = model.findVolume(id);
    expect(volume?.size).toBe('2');
    expect(volume?.availabilityZone).toBe(zones[0]);
    // Polling ends once nothing is creating any more.
    await expect.poll(() => model.volumes.polling.value).toBe(false);
  });
});

describe('zones', () => {
  test('lists the zones; capacity from a cloud that gives none says an administrator is needed', async () => {
    const model = open(createZonesModel);
    await loadedList(model.zones);
    expect(model.zones.rows.value.map((z) => z.zoneName)).toContain('us-east-1a');
    expect(model.isEucalyptus()).toBe(true);

    model.setView('capacity');
    await loadedList(model.capacity);
    expect(model.capacity.rows.value).toEqual([]);
    expect(model.adminNeeded.value).toBe(true);
  });
});

describe('launch', () => {
  test("offers the cloud's choices, launches, and saves the launch as a preset", async () => {
    const c = connect(env.port);
    await ec2Call(createKeyPair, c.profile, c.signer, { keyName: 'launch-key' });
    const [local, session] = [memoryArea(), memoryArea()];
    const vault = createKeychain({ local: () => local, session: () => session });
    const model = createLaunchModel(
      c,
      { ...emptyLaunchForm(MOTO_IMAGE), name: 'launched here' },
      (preset) => savePreset(preset, vault),
    );
    await expect
      .poll(() => model.choices.value ?? model.choicesError.value, { timeout: 20_000 })
      .toBeTruthy();
    const choices = model.choices.value;
    expect(choices?.keyNames).toContain('launch-key');
    expect(choices?.groupNames).toContain('default');
    expect(choices?.zones).toContain('us-east-1a');
    expect(choices?.types.length).toBeGreaterThan(0);

    model.change({ keyName: 'launch-key' });
    const reservation = await model.launch();
    const id = reservation?.instances[0]?.instanceId ?? '';
    expect(id).toMatch(/^i-/);
    const [described] = await ec2Call(describeInstances, c.profile, c.signer, {
      instanceIds: [id],
    });
    expect(described?.keyName).toBe('launch-key');
    expect(described?.tags).toContainEqual({ key: 'Name', value: 'launched here' });

    expect(await model.savePreset(' web ')).toBe(true);
    const presets = await launchPresets.get();
    expect(presets.map((p) => [p.name, p.profileId, p.form.imageId])).toEqual([
      ['web', c.profile.id, MOTO_IMAGE],
    ]);
  });

  test('a form without an image is refused before anything is sent', async () => {
    const c = connect(env.port);
    const model = createLaunchModel(c, emptyLaunchForm(''));
    const before = await ec2List(describeInstances, c.profile, c.signer, {});
    expect(await model.launch()).toBeNull();
    expect(model.problems.value.imageId).toEqual({ kind: 'required' });
    expect(await ec2List(describeInstances, c.profile, c.signer, {})).toHaveLength(before.length);
  });
});
