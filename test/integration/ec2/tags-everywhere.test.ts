// Tags on every EC2 resource type, through the Eucalyptus-shaped front door to moto: the tag
// editor's calls (one CreateTags or DeleteTags for many resources), the panel models that make
// them, and the search that finds the result by tag:KEY=VALUE.

import '../../support/fake-browser';
import { describe, expect, test } from 'vitest';
import {
  allocateAddress,
  createKeyPair,
  createSecurityGroup,
  createSnapshot,
  createVolume,
  describeAddresses,
  describeImages,
  describeInstances,
  describeKeyPairs,
  describeSecurityGroups,
  describeSnapshots,
  describeVolumes,
  ec2Call,
  ec2List,
  runInstances,
  type Tag,
} from '../../../src/cloud/ec2';
import { createLocalSigner } from '../../../src/cloud/local-signer';
import type { Credentials } from '../../../src/cloud/profile';
import { createAddressesModel } from '../../../src/panels/addresses/addresses-model';
import {
  planTagChanges,
  startRows,
  type TaggedResource,
  type TagRow,
} from '../../../src/panels/components/tag-changes';
import { createTagEditor } from '../../../src/panels/components/tag-editor-model';
import { runTagPlan } from '../../../src/panels/components/tagging';
import { createImagesModel } from '../../../src/panels/images/images-model';
import { createInstancesModel } from '../../../src/panels/instances/instances-model';
import { createKeyPairsModel } from '../../../src/panels/keypairs/keypairs-model';
import { createSecurityGroupsModel } from '../../../src/panels/security-groups/security-groups-model';
import { createVolumesModel } from '../../../src/panels/volumes/volumes-model';
import { testDeps } from '../../support/model-deps';
import { frontDoorPerFile, frontDoorProfile } from '../front-door-env';
import { loadedList } from '../panels/support';

const KEY = 'AKIACIRRUSTAGS000001';
const creds: Credentials = {
  accessKeyId: KEY,
  secretAccessKey: 'cirrus/tags/secret/000000000000000001',
};
const MOTO_IMAGE = 'ami-12c6146b';
const ZONE = 'us-east-1a';

/** Flip to make the cloud refuse tags on key pairs, as a cloud without key pair ids would. */
const refuse = { keyPairs: false };

const env = frontDoorPerFile([creds], {
  ec2Answer: (action, params) => {
    if (action !== 'CreateTags' || !refuse.keyPairs) return undefined;
    if (!params.some(([k, v]) => k.startsWith('ResourceId.') && v.startsWith('key-')))
      return undefined;
    return {
      status: 400,
      body: '<?xml version="1.0" encoding="UTF-8"?><Response><Errors><Error><Code>UnsupportedOperation</Code><Message>The resource type key-pair does not support tags.</Message></Error></Errors><RequestID>6e0c2f5a-0000-4000-8000-0000000074a9</RequestID></Response>',
    };
  },
});

function connection() {
  const profile = frontDoorProfile(env.door, KEY);
  return { profile, signer: createLocalSigner(profile, creds) };
}

const calls = (action: string) => env.door.requests.filter((r) => r.action === action);

interface Kind {
  name: string;
  /** Two new resources of the kind; their ids. */
  make(): Promise<string[]>;
  /** Their tags as the describe call reads them. */
  read(ids: string[]): Promise<TaggedResource[]>;
}

const pick = <T>(rows: readonly T[], id: (row: T) => string, ids: string[]) =>
  ids.map((want) => {
    const row = rows.find((r) => id(r) === want);
    if (!row) throw new Error(`${want} not listed`);
    return row;
  });

const kinds: Kind[] = [
  {
    name: 'instances',
    async make() {
      const { profile, signer } = connection();
      const made = await ec2Call(runInstances, profile, signer, {
        imageId: MOTO_IMAGE,
        minCount: 2,
        maxCount: 2,
      });
      return made.instances.map((i) => i.instanceId);
    },
    async read(ids) {
      const { profile, signer } = connection();
      const rows = await ec2List(describeInstances, profile, signer, {});
      return pick(rows, (i) => i.instanceId, ids).map((i) => ({ id: i.instanceId, tags: i.tags }));
    },
  },
  {
    name: 'images',
    async make() {
      const { profile, signer } = connection();
      const rows = await ec2List(describeImages, profile, signer, { owners: ['amazon'] });
      return rows.slice(0, 2).map((i) => i.imageId);
    },
    async read(ids) {
      const { profile, signer } = connection();
      const rows = await ec2List(describeImages, profile, signer, { imageIds: ids });
      return pick(rows, (i) => i.imageId, ids).map((i) => ({ id: i.imageId, tags: i.tags }));
    },
  },
  {
    name: 'volumes',
    async make() {
      const { profile, signer } = connection();
      const made = [];
      for (let i = 0; i < 2; i++)
        made.push(
          await ec2Call(createVolume, profile, signer, { availabilityZone: ZONE, size: 1 }),
        );
      return made.map((v) => v.volumeId);
    },
    async read(ids) {
      const { profile, signer } = connection();
      const rows = await ec2List(describeVolumes, profile, signer, {});
      return pick(rows, (v) => v.volumeId, ids).map((v) => ({ id: v.volumeId, tags: v.tags }));
    },
  },
  {
    name: 'snapshots',
    async make() {
      const { profile, signer } = connection();
      const volume = await ec2Call(createVolume, profile, signer, {
        availabilityZone: ZONE,
        size: 1,
      });
      const made = [];
      for (let i = 0; i < 2; i++)
        made.push(await ec2Call(createSnapshot, profile, signer, { volumeId: volume.volumeId }));
      return made.map((s) => s.snapshotId);
    },
    async read(ids) {
      const { profile, signer } = connection();
      const rows = await ec2List(describeSnapshots, profile, signer, {});
      return pick(rows, (s) => s.snapshotId, ids).map((s) => ({ id: s.snapshotId, tags: s.tags }));
    },
  },
  {
    name: 'security groups',
    async make() {
      const { profile, signer } = connection();
      const made = [];
      for (const name of ['tagged-a', 'tagged-b'])
        made.push(
          await ec2Call(createSecurityGroup, profile, signer, {
            groupName: name,
            description: name,
          }),
        );
      return made;
    },
    async read(ids) {
      const { profile, signer } = connection();
      const rows = await ec2List(describeSecurityGroups, profile, signer, {});
      return pick(rows, (g) => g.groupId, ids).map((g) => ({ id: g.groupId, tags: g.tags }));
    },
  },
  {
    name: 'Elastic IPs (by allocation id)',
    async make() {
      const { profile, signer } = connection();
      const made = [];
      for (let i = 0; i < 2; i++)
        made.push(await ec2Call(allocateAddress, profile, signer, { domain: 'vpc' }));
      return made.map((a) => a.allocationId);
    },
    async read(ids) {
      const { profile, signer } = connection();
      const rows = await ec2List(describeAddresses, profile, signer, {});
      return pick(rows, (a) => a.allocationId, ids).map((a) => ({
        id: a.allocationId,
        tags: a.tags,
      }));
    },
  },
  {
    name: 'key pairs (by key pair id)',
    async make() {
      const { profile, signer } = connection();
      const made = [];
      for (const keyName of ['tagged-key-a', 'tagged-key-b'])
        made.push(await ec2Call(createKeyPair, profile, signer, { keyName }));
      return made.map((k) => k.keyPairId);
    },
    async read(ids) {
      const { profile, signer } = connection();
      const rows = await ec2List(describeKeyPairs, profile, signer, {});
      return pick(rows, (k) => k.keyPairId, ids).map((k) => ({ id: k.keyPairId, tags: k.tags }));
    },
  },
];

const tagMap = (tags: readonly Tag[]) => Object.fromEntries(tags.map((t) => [t.key, t.value]));

const added = (id: number, key: string, value: string): TagRow => ({
  id,
  key,
  value,
  original: null,
  mixed: false,
  reserved: false,
});

describe.each(kinds)('$name', (kind) => {
  test('tagged two at a time with one CreateTags, changed, then untagged with one DeleteTags', async () => {
    const ids = await kind.make();
    expect(ids).toHaveLength(2);
    expect(ids.every(Boolean)).toBe(true);
    const { profile, signer } = connection();
    const markup = '<img src=x onerror=alert(1)>';

    let now = await kind.read(ids);
    const first = planTagChanges(now, [
      ...startRows(now),
      added(100, 'Env', 'prod'),
      added(101, 'Cost Center', markup),
    ]);
    expect(first.problems).toEqual([]);
    env.door.requests.length = 0;
    await runTagPlan(first.plan, profile, signer);
    expect(calls('CreateTags')).toHaveLength(1);
    expect(calls('CreateTags').every((r) => r.ok && r.status === 200)).toBe(true);
    now = await kind.read(ids);
    for (const r of now)
      expect(tagMap(r.tags)).toMatchObject({ Env: 'prod', 'Cost Center': markup });

    // Env changed, Cost Center removed: one DeleteTags then one CreateTags, both for both.
    const second = planTagChanges(
      now,
      startRows(now)
        .filter((r) => r.key !== 'Cost Center')
        .map((r) => (r.key === 'Env' ? { ...r, value: 'dev' } : r)),
    );
    expect(second.plan.remove).toEqual([{ resources: ids, tags: [{ key: 'Cost Center' }] }]);
    expect(second.plan.create).toEqual([{ resources: ids, tags: [{ key: 'Env', value: 'dev' }] }]);
    env.door.requests.length = 0;
    await runTagPlan(second.plan, profile, signer);
    expect(calls('DeleteTags')).toHaveLength(1);
    expect(calls('CreateTags')).toHaveLength(1);
    now = await kind.read(ids);
    for (const r of now) {
      expect(tagMap(r.tags).Env).toBe('dev');
      expect(tagMap(r.tags)).not.toHaveProperty('Cost Center');
    }
  });
});

/** A model made with test deps and the front door profile made current. */
function open<M extends { dispose(): void }>(
  make: (deps: ReturnType<typeof testDeps>['deps']) => M,
) {
  const t = testDeps();
  const model = make(t.deps);
  t.switchTo(connection());
  return model;
}

describe('panel models', () => {
  test('volumes: three chosen, a shared value changed, a differing Name left alone, found by tag:', async () => {
    const { profile, signer } = connection();
    const ids: string[] = [];
    for (const name of ['one', 'two', 'three'])
      ids.push(
        (
          await ec2Call(createVolume, profile, signer, {
            availabilityZone: ZONE,
            size: 1,
            tags: [
              { key: 'Name', value: name },
              { key: 'Team', value: 'blue' },
            ],
          })
        ).volumeId,
      );
    const model = open(createVolumesModel);
    try {
      await loadedList(model.volumes);
      const chosen = model.volumes.rows.value.filter((v) => ids.includes(v.volumeId));
      const editor = createTagEditor(chosen.map((v) => ({ id: v.volumeId, tags: v.tags })));
      const rows = editor.rows.value;
      expect(rows.map((r) => [r.key, r.value, r.mixed])).toEqual([
        ['Name', '', true],
        ['Team', 'blue', false],
      ]);
      editor.setValue(rows[1]?.id ?? -1, 'Green Team');
      editor.add();
      editor.setKey(editor.rows.value[2]?.id ?? -1, 'Cost Center');
      editor.setValue(editor.rows.value[2]?.id ?? -1, 'a b');
      const plan = editor.plan();
      expect(plan).not.toBeNull();
      env.door.requests.length = 0;
      expect(await model.volumeTagging.save(plan as NonNullable<typeof plan>, 'three')).toBe(true);
      expect(calls('CreateTags')).toHaveLength(1);
      expect(calls('DeleteTags')).toHaveLength(0);
      expect(model.notice.value).toEqual({ key: 'taggingSaved', args: ['three'] });

      const after = model.volumes.rows.value.filter((v) => ids.includes(v.volumeId));
      expect(after.map((v) => tagMap(v.tags))).toEqual([
        { Name: 'one', Team: 'Green Team', 'Cost Center': 'a b' },
        { Name: 'two', Team: 'Green Team', 'Cost Center': 'a b' },
        { Name: 'three', Team: 'Green Team', 'Cost Center': 'a b' },
      ]);
      model.volumeSearch.query.value = 'tag:"cost center"="A B" tag:team="green team"';
      expect(model.volumeSearch.filtered.value.map((v) => v.volumeId).sort()).toEqual(
        [...ids].sort(),
      );
      model.volumeSearch.query.value = 'tag:Name=two';
      expect(model.volumeSearch.filtered.value.map((v) => v.volumeId)).toEqual([ids[1]]);
    } finally {
      model.dispose();
    }
  });

  test('instances, images and security groups save through their models', async () => {
    const { profile, signer } = connection();
    const reservation = await ec2Call(runInstances, profile, signer, { imageId: MOTO_IMAGE });
    const instanceId = reservation.instances[0]?.instanceId ?? '';
    const groupId = await ec2Call(createSecurityGroup, profile, signer, {
      groupName: 'model-tagged',
      description: 'model',
    });

    const instances = open(createInstancesModel);
    const images = open(createImagesModel);
    const groups = open(createSecurityGroupsModel);
    try {
      images.setView('amazon');
      await Promise.all([
        loadedList(instances.list),
        loadedList(images.list),
        loadedList(groups.list),
      ]);
      const plan = (id: string) =>
        planTagChanges([{ id, tags: [] }], [added(1, 'Env', 'model')]).plan;
      const imageId = images.list.rows.value[0]?.imageId ?? '';
      expect(await instances.tagging.save(plan(instanceId), instanceId)).toBe(true);
      expect(await images.tagging.save(plan(imageId), imageId)).toBe(true);
      expect(await groups.tagging.save(plan(groupId), 'model-tagged')).toBe(true);
      for (const search of [instances.search, images.search, groups.search])
        search.query.value = 'tag:env=model';
      expect(instances.search.filtered.value.map((i) => i.instanceId)).toEqual([instanceId]);
      expect(images.search.filtered.value.map((i) => i.imageId)).toEqual([imageId]);
      expect(groups.search.filtered.value.map((g) => g.groupId)).toEqual([groupId]);
    } finally {
      instances.dispose();
      images.dispose();
      groups.dispose();
    }
  });

  test('addresses: a standard address has no allocation id to tag; a VPC one is tagged', async () => {
    const { profile, signer } = connection();
    const standard = await ec2Call(allocateAddress, profile, signer, { domain: 'standard' });
    const vpc = await ec2Call(allocateAddress, profile, signer, { domain: 'vpc' });
    const model = open(createAddressesModel);
    try {
      await loadedList(model.list);
      const row = model.list.rows.value.find((a) => a.publicIp === standard.publicIp);
      expect(row?.allocationId).toBe('');
      const plan = planTagChanges(
        [{ id: vpc.allocationId, tags: [] }],
        [added(1, 'Name', 'edge')],
      ).plan;
      expect(await model.tagging.save(plan, vpc.publicIp)).toBe(true);
      model.search.query.value = 'tag:name=edge';
      expect(model.search.filtered.value.map((a) => a.publicIp)).toEqual([vpc.publicIp]);
    } finally {
      model.dispose();
    }
  });

  test('key pairs: a cloud that cannot tag them says so in the dialog, and the button stays off', async () => {
    const current = connection();
    const made = await ec2Call(createKeyPair, current.profile, current.signer, {
      keyName: 'refused-key',
    });
    const t = testDeps();
    const model = createKeyPairsModel(t.deps);
    t.switchTo(current);
    try {
      await loadedList(model.list);
      model.open({ kind: 'tags', names: ['refused-key'] });
      const plan = planTagChanges([{ id: made.keyPairId, tags: [] }], [added(1, 'Env', 'x')]).plan;
      refuse.keyPairs = true;
      expect(await model.tagging.save(plan, 'refused-key')).toBe(false);
      expect(model.dialog.value).toEqual({ kind: 'tags', names: ['refused-key'] });
      expect(model.dialogError.value?.code).toBe('UnsupportedOperation');
      expect(model.tagging.unsupported.value).toBe(true);

      // Another region is another cloud, which may tag key pairs; back here, the refusal holds.
      t.switchTo({ ...current, profile: { ...current.profile, region: 'elsewhere' } });
      expect(model.tagging.unsupported.value).toBe(false);
      t.switchTo(current);
      expect(model.tagging.unsupported.value).toBe(true);
    } finally {
      refuse.keyPairs = false;
      model.dispose();
    }
  });
});
