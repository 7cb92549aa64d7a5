import { afterAll, beforeAll, expect, test } from 'vitest';
import { encodeBase64Utf8 } from '../../../src/cloud/ec2/base64';
import { ec2Call, ec2List } from '../../../src/cloud/ec2/client';
import { getConsoleOutput } from '../../../src/cloud/ec2/operations/console';
import {
  describeInstances,
  type Instance,
  rebootInstances,
  runInstances,
  startInstances,
  stopInstances,
  terminateInstances,
} from '../../../src/cloud/ec2/operations/instances';
import { createTags, deleteTags } from '../../../src/cloud/ec2/operations/tags';
import { parseEc2Time } from '../../../src/cloud/ec2/time';
import { type Moto, startMoto } from '../../support/moto';
import { connect } from './support';

// One of the images moto preloads; ids of its built-in AMIs are fixed.
const IMAGE = 'ami-03cf127a';

let moto: Moto;
let c: ReturnType<typeof connect>;
let instance: Instance;

beforeAll(async () => {
  moto = await startMoto();
  c = connect(moto.port);
});
afterAll(async () => {
  await moto?.stop();
});

async function describeOne(instanceId: string): Promise<Instance> {
  const [found] = await ec2Call(describeInstances, c.profile, c.signer, {
    instanceIds: [instanceId],
  });
  if (!found) throw new Error(`${instanceId} not found`);
  return found;
}

test('RunInstances with a ClientToken, a zone, user data and tags', async () => {
  const reservation = await ec2Call(runInstances, c.profile, c.signer, {
    imageId: IMAGE,
    instanceType: 't2.micro',
    availabilityZone: 'us-east-1b',
    securityGroups: ['default'],
    userData: encodeBase64Utf8('#!/bin/sh\necho hi\n'),
    tags: [{ key: 'Name', value: 'cirrus-web' }, { key: 'empty' }],
    clientToken: 'cirrus-launch-1',
  });
  expect(reservation.reservationId).toMatch(/^r-/);
  expect(reservation.instances).toHaveLength(1);
  instance = reservation.instances[0] as Instance;
  expect(instance).toMatchObject({
    imageId: IMAGE,
    instanceType: 't2.micro',
    placement: { availabilityZone: 'us-east-1b' },
    clientToken: 'cirrus-launch-1',
    reservationId: reservation.reservationId,
  });
  expect(instance.state.name).toMatch(/pending|running/);
  expect(instance.groups.map((g) => g.groupName)).toContain('default');
  expect(instance.tags).toEqual([
    { key: 'Name', value: 'cirrus-web' },
    { key: 'empty', value: '' },
  ]);
  expect(parseEc2Time(instance.launchTime)).toBeInstanceOf(Date);
});

test('without a token, ec2Call makes one and the server records it', async () => {
  const { instances } = await ec2Call(runInstances, c.profile, c.signer, { imageId: IMAGE });
  const launched = await describeOne(instances[0]?.instanceId ?? '');
  expect(launched.clientToken).toMatch(/^[0-9a-f-]{36}$/);
  await ec2Call(terminateInstances, c.profile, c.signer, { instanceIds: [launched.instanceId] });
});

test('DescribeInstances pages with MaxResults and NextToken', async () => {
  await ec2Call(runInstances, c.profile, c.signer, { imageId: IMAGE, minCount: 2 });
  const pages: string[][] = [];
  const all = await ec2List(
    describeInstances,
    c.profile,
    c.signer,
    { maxResults: 1 },
    {
      onPage: (items) => pages.push(items.map((i) => i.reservationId)),
    },
  );
  // Three reservations (one of two instances): moto pages by reservation.
  expect(pages.length).toBeGreaterThanOrEqual(3);
  expect(pages.every((p) => new Set(p).size === 1)).toBe(true);
  const unpaged = await ec2List(describeInstances, c.profile, c.signer, {});
  expect(all.map((i) => i.instanceId).sort()).toEqual(unpaged.map((i) => i.instanceId).sort());
  expect(all.map((i) => i.instanceId)).toContain(instance.instanceId);
});

test('filters', async () => {
  const tagged = await ec2List(describeInstances, c.profile, c.signer, {
    filters: [{ name: 'tag:Name', values: ['cirrus-web'] }],
  });
  expect(tagged.map((i) => i.instanceId)).toEqual([instance.instanceId]);
});

test('stop, start, reboot', async () => {
  const stopped = await ec2Call(stopInstances, c.profile, c.signer, {
    instanceIds: [instance.instanceId],
  });
  expect(stopped).toEqual([
    {
      instanceId: instance.instanceId,
      currentState: { code: '64', name: 'stopping' },
      previousState: expect.objectContaining({ name: 'running' }),
    },
  ]);
  expect((await describeOne(instance.instanceId)).state.name).toBe('stopped');

  const started = await ec2Call(startInstances, c.profile, c.signer, {
    instanceIds: [instance.instanceId],
  });
  expect(started[0]).toMatchObject({
    currentState: { name: 'pending' },
    previousState: { name: 'stopped' },
  });
  expect(
    await ec2Call(rebootInstances, c.profile, c.signer, { instanceIds: [instance.instanceId] }),
  ).toBe(true);
});

test('tags: create and delete', async () => {
  await ec2Call(createTags, c.profile, c.signer, {
    resources: [instance.instanceId],
    tags: [
      { key: 'env', value: 'prod' },
      { key: 'owner', value: 'ops' },
    ],
  });
  expect((await describeOne(instance.instanceId)).tags).toEqual(
    expect.arrayContaining([
      { key: 'env', value: 'prod' },
      { key: 'owner', value: 'ops' },
    ]),
  );
  await ec2Call(deleteTags, c.profile, c.signer, {
    resources: [instance.instanceId],
    tags: [{ key: 'env' }, { key: 'owner', value: 'someone-else' }],
  });
  const keys = (await describeOne(instance.instanceId)).tags.map((t) => t.key);
  expect(keys).not.toContain('env');
  // A value that does not match leaves the tag alone.
  expect(keys).toContain('owner');
});

test('console output arrives decoded', async () => {
  const out = await ec2Call(getConsoleOutput, c.profile, c.signer, {
    instanceId: instance.instanceId,
  });
  expect(out.instanceId).toBe(instance.instanceId);
  expect(out.output).toMatch(/^Linux version/);
  expect(out.raw).toMatch(/^[A-Za-z0-9+/=]+$/);
});

test('terminate', async () => {
  const changes = await ec2Call(terminateInstances, c.profile, c.signer, {
    instanceIds: [instance.instanceId],
  });
  expect(changes[0]).toMatchObject({
    instanceId: instance.instanceId,
    currentState: { code: '32', name: 'shutting-down' },
  });
  expect((await describeOne(instance.instanceId)).state.name).toBe('terminated');
  await expect(
    ec2Call(describeInstances, c.profile, c.signer, { instanceIds: ['i-00000000000000000'] }),
  ).rejects.toMatchObject({ code: 'InvalidInstanceID.NotFound' });
});
