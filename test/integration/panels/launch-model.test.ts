// The launch model against moto: a VPC of its own with a subnet and a group, a launch into that
// subnet with a 30 GiB gp3 root volume, seen by the AWS CLI; and in front of the Eucalyptus-shaped
// front door, a cloud without VPCs (empty or refused) launching by group name.

import { execFileSync } from 'node:child_process';
import '../../support/fake-browser';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { ec2Call, runInstances } from '../../../src/cloud/ec2';
import { createLocalSigner } from '../../../src/cloud/local-signer';
import type { Profile } from '../../../src/cloud/profile';
import type { CurrentProfile } from '../../../src/panels/current-profile';
import {
  commandLine,
  emptyLaunchForm,
  launchFormFrom,
  runInput,
} from '../../../src/panels/launch/launch-form';
import { createLaunchModel } from '../../../src/panels/launch/launch-model';
import type { LaunchPreset } from '../../../src/storage/items';
import { awsCli } from '../../e2e/aws-cli';
import { type FrontDoor, startFrontDoor } from '../../support/front-door';
import { connect, creds } from '../ec2/support';
import { frontDoorProfile } from '../front-door-env';
import { motoPerFile } from './support';

const MOTO_IMAGE = 'ami-12c6146b';
const HOSTILE = "web'; $(touch /tmp/x) <b>";

const env = motoPerFile();
const noSave = () => Promise.resolve({ sealed: false });

function openModel(current: CurrentProfile, imageId = MOTO_IMAGE) {
  const model = createLaunchModel(current, emptyLaunchForm(imageId), noSave);
  env.dispose(() => model.dispose());
  return model;
}

async function ready(model: ReturnType<typeof openModel>, image = true) {
  await expect
    .poll(
      () =>
        Boolean(
          (model.choices.value || model.choicesError.value) &&
            model.network.value &&
            (!image || model.imageRoot.value),
        ),
      { timeout: 20_000, interval: 20 },
    )
    .toBe(true);
  expect(model.choicesError.value).toBeNull();
}

interface CliInstance {
  SubnetId: string;
  VpcId: string;
  Placement: { AvailabilityZone: string };
  PublicIpAddress?: string;
  SecurityGroups: Array<{ GroupId: string }>;
  NetworkInterfaces: Array<{ Groups: Array<{ GroupId: string }> }>;
}

function cliInstance(id: string): CliInstance {
  const out = awsCli(env.moto.url, ['ec2', 'describe-instances', '--instance-ids', id]) as {
    Reservations: Array<{ Instances: CliInstance[] }>;
  };
  return out.Reservations[0]?.Instances[0] as CliInstance;
}

function cliVolumes(id: string) {
  const out = awsCli(env.moto.url, [
    'ec2',
    'describe-volumes',
    '--filters',
    `Name=attachment.instance-id,Values=${id}`,
  ]) as {
    Volumes: Array<{ Size: number; VolumeType: string; Attachments: Array<{ Device: string }> }>;
  };
  return out.Volumes.map((v) => ({
    device: v.Attachments[0]?.Device,
    size: v.Size,
    type: v.VolumeType,
  })).sort((a, b) => String(a.device).localeCompare(String(b.device)));
}

// Each test runs the AWS CLI several times (a Python start each): generous under load.
describe('moto: a VPC of its own', { timeout: 150_000 }, () => {
  let vpcId = '';
  let subnetId = '';
  let groupId = '';
  beforeEach(async () => {
    await env.moto.reset();
    const cli = (args: string[]) => awsCli(env.moto.url, ['ec2', ...args]) as never;
    vpcId = (cli(['create-vpc', '--cidr-block', '10.20.0.0/16']) as { Vpc: { VpcId: string } }).Vpc
      .VpcId;
    subnetId = (
      cli([
        'create-subnet',
        '--vpc-id',
        vpcId,
        '--cidr-block',
        '10.20.1.0/24',
        '--availability-zone',
        'us-east-1b',
      ]) as { Subnet: { SubnetId: string } }
    ).Subnet.SubnetId;
    cli([
      'create-tags',
      '--resources',
      subnetId,
      '--cli-input-json',
      JSON.stringify({ Tags: [{ Key: 'Name', Value: HOSTILE }] }),
    ]);
    groupId = (
      cli([
        'create-security-group',
        '--group-name',
        'web',
        '--description',
        'web',
        '--vpc-id',
        vpcId,
      ]) as { GroupId: string }
    ).GroupId;
  });

  test('subnets, groups of the VPC, the image root; a 30 GiB gp3 root in the subnet', async () => {
    const model = openModel(connect(env.port));
    await ready(model);
    const network = model.network.value;
    expect(network?.refused).toBeNull();
    expect(network?.vpcs.map((v) => v.vpcId)).toContain(vpcId);
    const subnet = network?.subnets.find((s) => s.subnetId === subnetId);
    expect(subnet).toMatchObject({
      vpcId,
      availabilityZone: 'us-east-1b',
      cidrBlock: '10.20.1.0/24',
      tags: [{ key: 'Name', value: HOSTILE }],
    });
    expect(Number(subnet?.availableIpAddressCount)).toBeGreaterThan(200);
    expect(model.imageRoot.value).toMatchObject({ rootDeviceName: '/dev/sda1', sizeGiB: 15 });
    expect(model.form.value.rootDevice).toBe('/dev/sda1');

    // A group of the default VPC, then the subnet: the VPC changes and that group goes.
    const defaultGroup = model.groupsFor('').find((g) => g.groupName === 'default');
    model.change({ securityGroupIds: [defaultGroup?.groupId ?? ''] });
    model.chooseSubnet(subnetId);
    expect(model.form.value).toMatchObject({
      vpcId,
      subnetId,
      zone: 'us-east-1b',
      securityGroupIds: [],
    });
    expect(model.groupsFor(vpcId).map((g) => g.groupName)).toContain('web');
    model.change({ securityGroupIds: [groupId] });

    // Smaller than the image's snapshot: refused before anything is sent, input kept.
    model.change({ rootSize: '10', rootType: 'gp3' });
    expect(await model.launch()).toBeNull();
    expect(model.problems.value['root.size']).toEqual({ kind: 'size', min: 15, max: 16384 });
    expect(model.form.value.rootSize).toBe('10');

    model.change({ rootSize: '30' });
    const reservation = await model.launch();
    const id = reservation?.instances[0]?.instanceId ?? '';
    expect(id).not.toBe('');
    const instance = cliInstance(id);
    expect(instance).toMatchObject({
      SubnetId: subnetId,
      VpcId: vpcId,
      Placement: { AvailabilityZone: 'us-east-1b' },
    });
    expect(instance.SecurityGroups.map((g) => g.GroupId)).toEqual([groupId]);
    expect(cliVolumes(id)).toEqual([{ device: '/dev/sda1', size: 30, type: 'gp3' }]);
  });

  test('a public address through interface 0, and an extra volume', async () => {
    const model = openModel(connect(env.port));
    await ready(model);
    model.chooseSubnet(subnetId);
    model.change({ publicIp: true, securityGroupIds: [groupId] });
    model.addVolume();
    model.changeVolume(0, { size: '5', type: 'gp2' });
    expect(model.form.value.volumes[0]?.device).toBe('/dev/sdf');
    const reservation = await model.launch();
    expect(model.error.value).toBeNull();
    const id = reservation?.instances[0]?.instanceId ?? '';
    const instance = cliInstance(id);
    expect(instance.SubnetId).toBe(subnetId);
    expect(instance.PublicIpAddress).toBeTruthy();
    // moto keeps the groups of an interface on the interface only.
    expect(instance.NetworkInterfaces[0]?.Groups.map((g) => g.GroupId)).toEqual([groupId]);
    // moto makes only the volumes a launch maps (AWS would add the image's root as well).
    expect(cliVolumes(id)).toContainEqual({ device: '/dev/sdf', size: 5, type: 'gp2' });
  });

  test('a preset keeps the subnet and disks; its quick launch replays them', async () => {
    const stored: LaunchPreset[] = [];
    const model = createLaunchModel(connect(env.port), emptyLaunchForm(MOTO_IMAGE), (preset) => {
      stored.push(JSON.parse(JSON.stringify(preset)));
      return Promise.resolve({ sealed: false });
    });
    env.dispose(() => model.dispose());
    await ready(model);
    model.chooseSubnet(subnetId);
    model.change({ securityGroupIds: [groupId], rootSize: '30', rootType: 'gp3' });
    model.addVolume();
    model.changeVolume(0, { size: '4', type: 'gp2', deleteOnTermination: false });
    expect(await model.savePreset('web in subnet')).toBe(true);
    expect(stored[0]?.form).toMatchObject({
      subnetId,
      vpcId,
      securityGroupIds: [groupId],
      rootDevice: '/dev/sda1',
      rootSize: '30',
      rootType: 'gp3',
      volumes: [{ device: '/dev/sdf', size: '4', type: 'gp2', deleteOnTermination: false }],
    });

    // What the popup's quick launch does with it: the stored form over today's defaults, sent.
    const c = connect(env.port);
    const form = launchFormFrom(stored[0]?.form ?? {});
    const reservation = await ec2Call(runInstances, c.profile, c.signer, runInput(form, c.profile));
    const id = reservation.instances[0]?.instanceId ?? '';
    expect(cliInstance(id).SubnetId).toBe(subnetId);
    expect(cliVolumes(id)).toEqual([
      { device: '/dev/sda1', size: 30, type: 'gp3' },
      { device: '/dev/sdf', size: 4, type: 'gp2' },
    ]);
  });

  test('the command line the dialog shows launches the same with the real AWS CLI', async () => {
    const form = {
      ...emptyLaunchForm(MOTO_IMAGE),
      name: `a,b}] ${HOSTILE}`,
      vpcId,
      subnetId,
      publicIp: true,
      securityGroupIds: [groupId],
      rootDevice: '/dev/sda1',
      rootSize: '31',
      rootType: 'gp3',
      rootDeleteOnTermination: true,
    };
    const profile = { id: 'a', kind: 'aws', name: 'a', accessKeyId: 'AKID', region: 'us-east-1' };
    const line = commandLine(form, profile as Profile);
    expect(line.startsWith('aws ec2 run-instances ')).toBe(true);
    const out = execFileSync(
      'sh',
      ['-c', `aws --endpoint-url ${env.moto.url} --output json ${line.slice(4)}`],
      {
        encoding: 'utf8',
        env: {
          ...process.env,
          AWS_ACCESS_KEY_ID: 'AKIDCLICHECK00000001',
          AWS_SECRET_ACCESS_KEY: 'cli/check/secret/0000000000000000000001',
          AWS_PAGER: '',
        },
      },
    );
    const id = (JSON.parse(out) as { Instances: Array<{ InstanceId: string }> }).Instances[0]
      ?.InstanceId;
    const instance = cliInstance(id ?? '') as CliInstance & { Tags: unknown[] };
    expect(instance.SubnetId).toBe(subnetId);
    expect(instance.PublicIpAddress).toBeTruthy();
    expect(instance.Tags).toContainEqual({ Key: 'Name', Value: `a,b}] ${HOSTILE}` });
    expect(cliVolumes(id ?? '')).toEqual([{ device: '/dev/sda1', size: 31, type: 'gp3' }]);
  });

  test('a refusal keeps the input and says why', async () => {
    const model = openModel(connect(env.port));
    await ready(model);
    model.chooseSubnet(subnetId);
    model.addVolume();
    // moto refuses an io1 volume at launch (it does not pass the IOPS on).
    model.changeVolume(0, { size: '10', type: 'io1', iops: '500' });
    expect(await model.launch()).toBeNull();
    expect(model.error.value?.code).toBe('InvalidParameterDependency');
    expect(model.form.value.volumes[0]).toMatchObject({ type: 'io1', iops: '500' });
    expect(model.form.value.subnetId).toBe(subnetId);
  });
});

describe('front door: Eucalyptus without VPCs', () => {
  let door: FrontDoor;
  let vpcAnswer: 'empty' | 'refused' = 'empty';
  const sent: Array<Array<[string, string]>> = [];
  beforeAll(async () => {
    door = await startFrontDoor({
      motoUrl: env.moto.url,
      credentials: [creds],
      ec2Answer: (action, params) => {
        if (action === 'RunInstances') sent.push(params);
        if (action !== 'DescribeVpcs' && action !== 'DescribeSubnets') return undefined;
        const set = action === 'DescribeVpcs' ? 'vpcSet' : 'subnetSet';
        return vpcAnswer === 'empty'
          ? {
              status: 200,
              body: `<?xml version="1.0" encoding="UTF-8"?><${action}Response xmlns="http://ec2.amazonaws.com/doc/2013-02-01/"><requestId>1</requestId><${set}/></${action}Response>`,
            }
          : {
              status: 400,
              body: `<?xml version="1.0" encoding="UTF-8"?><Response><Errors><Error><Code>InvalidAction</Code><Message>The action ${action} is not valid for this web service.</Message></Error></Errors><RequestID>2</RequestID></Response>`,
            };
      },
    });
  });
  afterAll(async () => {
    await door?.stop();
  });
  beforeEach(async () => {
    await env.moto.reset();
    sent.length = 0;
  });

  function current(): CurrentProfile {
    const profile = frontDoorProfile(door, creds.accessKeyId);
    return { profile, signer: createLocalSigner(profile, creds) };
  }

  test.each(['empty', 'refused'] as const)(
    'VPCs %s: no picker, and the launch goes by group name',
    async (answer) => {
      vpcAnswer = answer;
      const model = openModel(current());
      await ready(model);
      expect(model.network.value?.vpcs).toEqual([]);
      expect(model.network.value?.refused?.code).toBe(
        answer === 'refused' ? 'InvalidAction' : undefined,
      );
      expect(model.context.value.subnetRequired).toBe(false);
      expect(model.choices.value?.volumeTypes).toContain('standard');
      expect(model.choices.value?.volumeTypes).not.toContain('gp3');
      // Without VPCs the groups are offered by name, whatever VPC moto files them under.
      expect(model.groupsFor('').map((g) => g.groupName)).toContain('default');
      model.change({ securityGroups: ['default'] });
      const reservation = await model.launch();
      expect(model.error.value).toBeNull();
      expect(reservation?.instances).toHaveLength(1);
      const params = sent[0] ?? [];
      expect(params).toContainEqual(['SecurityGroup.1', 'default']);
      expect(params.some(([k]) => /^(SubnetId|SecurityGroupId|NetworkInterface)/.test(k))).toBe(
        false,
      );
    },
  );
});
