// The Overview model against moto: two profiles over three regions (moto serves any region from
// one port, by the SigV4 scope), resources made with the AWS CLI, and the model's counts, running
// instances and unused items compared with what the CLI then describes.

import '../../support/fake-browser';
import { beforeAll, expect, test } from 'vitest';
import { createLocalSigner } from '../../../src/cloud/local-signer';
import type { Profile } from '../../../src/cloud/profile';
import { createOverviewModel } from '../../../src/panels/overview/overview-model';
import { overviewCache } from '../../../src/storage/items';
import { awsCli } from '../../e2e/aws-cli';
import { creds, profileAt } from '../ec2/support';
import { motoPerFile } from './support';

const IMAGE = 'ami-12c6146b';
const env = motoPerFile();

interface CliInstance {
  InstanceId: string;
  State: { Name: string };
}

const cli = (region: string, args: string[]) =>
  awsCli(env.moto.url, ['--region', region, ...args]) as Record<string, unknown>;

function runInstances(region: string, count: number, name: string): string[] {
  const out = cli(region, [
    'ec2',
    'run-instances',
    '--image-id',
    IMAGE,
    '--count',
    String(count),
    '--instance-type',
    't3.micro',
    '--tag-specifications',
    `ResourceType=instance,Tags=[{Key=Name,Value=${name}}]`,
  ]) as { Instances: CliInstance[] };
  return out.Instances.map((i) => i.InstanceId);
}

/** What the CLI says is in a region, counted as the Overview counts. */
function described(region: string) {
  const instances = (
    cli(region, ['ec2', 'describe-instances']) as {
      Reservations: Array<{ Instances: CliInstance[] }>;
    }
  ).Reservations.flatMap((r) => r.Instances);
  const volumes = (
    cli(region, ['ec2', 'describe-volumes']) as { Volumes: Array<{ State: string }> }
  ).Volumes;
  const addresses = (
    cli(region, ['ec2', 'describe-addresses']) as {
      Addresses: Array<{ AssociationId?: string; InstanceId?: string }>;
    }
  ).Addresses;
  const state = (name: string) => instances.filter((i) => i.State.Name === name).length;
  return {
    instances: {
      running: state('running'),
      stopped: state('stopped'),
      other: instances.length - state('running') - state('stopped') - state('terminated'),
    },
    volumes: {
      attached: volumes.filter((v) => v.State === 'in-use').length,
      available: volumes.filter((v) => v.State === 'available').length,
    },
    addresses: {
      associated: addresses.filter((a) => a.AssociationId || a.InstanceId).length,
      unassociated: addresses.filter((a) => !a.AssociationId && !a.InstanceId).length,
    },
  };
}

// Two profiles of the same moto account, kept apart by their regions.
const REGIONS: Record<string, string[]> = {
  lab: ['eu-west-1', 'us-east-1'],
  tokyo: ['ap-northeast-1'],
};
const made = { running: [] as string[], idleVolume: '', idleAddress: '' };

beforeAll(() => {
  const [keep, stop] = runInstances('us-east-1', 2, 'lab web');
  made.running.push(keep as string);
  cli('us-east-1', ['ec2', 'stop-instances', '--instance-ids', stop as string]);
  const attached = cli('us-east-1', [
    'ec2',
    'create-volume',
    '--size',
    '4',
    '--availability-zone',
    'us-east-1a',
  ]) as { VolumeId: string };
  cli('us-east-1', [
    'ec2',
    'attach-volume',
    '--volume-id',
    attached.VolumeId,
    '--instance-id',
    keep as string,
    '--device',
    '/dev/sdf',
  ]);
  const used = cli('us-east-1', ['ec2', 'allocate-address']) as { AllocationId: string };
  cli('us-east-1', [
    'ec2',
    'associate-address',
    '--allocation-id',
    used.AllocationId,
    '--instance-id',
    keep as string,
  ]);
  made.idleAddress = (
    cli('us-east-1', ['ec2', 'allocate-address']) as { PublicIp: string }
  ).PublicIp;
  made.running.push(...runInstances('eu-west-1', 3, 'lab batch'));
  made.running.push(...runInstances('ap-northeast-1', 1, 'tokyo api'));
  made.idleVolume = (
    cli('ap-northeast-1', [
      'ec2',
      'create-volume',
      '--size',
      '8',
      '--availability-zone',
      'ap-northeast-1a',
    ]) as { VolumeId: string }
  ).VolumeId;
  cli('us-east-1', ['s3api', 'create-bucket', '--bucket', 'overview-one']);
  cli('us-east-1', ['s3api', 'create-bucket', '--bucket', 'overview-two']);
}, 120_000);

function profile(id: string): Profile {
  return { ...profileAt(env.port), id, name: `Profile ${id}`, region: REGIONS[id]?.[0] ?? '' };
}

test('counts, running instances and unused items of every profile and region match the CLI', async () => {
  const profiles = [profile('lab'), profile('tokyo')];
  const model = createOverviewModel({
    source: {
      load: async () => ({ profiles, locked: false }),
      signerFor: (p, region) => createLocalSigner({ ...p, region } as Profile, creds),
    },
    cache: overviewCache,
    tickMs: 0,
    regionsOf: async (p) => REGIONS[p.id] ?? [],
  });
  env.dispose(() => model.dispose());
  await model.init();

  const rows = model.entries.value;
  expect(rows.map((e) => `${e.profileId} ${e.kind} ${e.region}`)).toEqual([
    'lab region eu-west-1',
    'lab region us-east-1',
    'lab buckets ',
    'tokyo region ap-northeast-1',
    'tokyo buckets ',
  ]);
  for (const e of rows) {
    expect(e.error, `${e.profileId} ${e.region}`).toBeUndefined();
    expect(e.at).not.toBeNull();
    if (e.kind === 'buckets') expect(e.buckets).toBe(2);
    else {
      expect({
        instances: e.summary?.instances,
        volumes: e.summary?.volumes,
        addresses: e.summary?.addresses,
      }).toEqual(described(e.region));
    }
  }
  // Not trivially equal: each region has what was made there.
  const us = rows.find((e) => e.region === 'us-east-1')?.summary;
  expect(us?.instances).toEqual({ running: 1, stopped: 1, other: 0 });
  // Each instance's root volume, and the one attached by hand.
  expect(us?.volumes.attached).toBe(3);
  expect(us?.addresses).toEqual({ associated: 1, unassociated: 1 });
  expect(rows.find((e) => e.region === 'eu-west-1')?.summary?.instances.running).toBe(3);

  expect(model.runningRows.value.map((r) => r.instanceId).sort()).toEqual(made.running.sort());
  const tokyo = model.runningRows.value.find((r) => r.region === 'ap-northeast-1');
  expect(tokyo).toMatchObject({ profileId: 'tokyo', name: 'tokyo api', instanceType: 't3.micro' });
  expect(model.idleAddresses.value.map((r) => [r.profileId, r.region, r.item.publicIp])).toEqual([
    ['lab', 'us-east-1', made.idleAddress],
  ]);
  // moto makes a root volume per instance, attached; the one made alone is the unused one.
  expect(model.idleVolumes.value.map((r) => [r.profileId, r.region, r.item.volumeId])).toEqual([
    ['tokyo', 'ap-northeast-1', made.idleVolume],
  ]);

  // The answers are the next first paint's cache.
  const cached = await overviewCache.get();
  expect(cached).toHaveLength(5);
});

test('a profile whose cloud does not answer shows its error in its rows; the others answer', async () => {
  // Port 1 on loopback: nothing listens, the connection is refused at once.
  const down: Profile = { ...profileAt(1), id: 'down', name: 'Down', region: 'us-east-1' };
  const profiles = [down, profile('tokyo')];
  const model = createOverviewModel({
    source: {
      load: async () => ({ profiles, locked: false }),
      signerFor: (p, region) => createLocalSigner({ ...p, region } as Profile, creds),
    },
    cache: overviewCache,
    tickMs: 0,
  });
  env.dispose(() => model.dispose());
  await model.init();
  const rows = model.entries.value;
  expect(rows.filter((e) => e.profileId === 'down').map((e) => [e.kind, e.error?.code])).toEqual([
    ['region', 'NetworkError'],
    ['buckets', 'NetworkError'],
  ]);
  // A Eucalyptus-kind profile has its one region; tokyo's is ap-northeast-1.
  expect(
    rows.find((e) => e.profileId === 'tokyo' && e.kind === 'region')?.summary?.instances,
  ).toEqual({ running: 1, stopped: 0, other: 0 });
});
