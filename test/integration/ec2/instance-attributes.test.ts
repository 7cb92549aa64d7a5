// DescribeInstanceAttribute, ModifyInstanceAttribute and a forced StopInstances against moto, then
// through the Eucalyptus-shaped front door: every attribute changed and read back, termination
// protection refusing TerminateInstances, and an attribute the cloud refuses as not supported.

import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { decodeBase64Utf8, encodeBase64Utf8 } from '../../../src/cloud/ec2/base64';
import { ec2Call } from '../../../src/cloud/ec2/client';
import {
  describeInstanceAttribute,
  type InstanceAttributeName,
  modifyInstanceAttribute,
  refusedAsUnsupported,
} from '../../../src/cloud/ec2/operations/instance-attributes';
import {
  describeInstances,
  runInstances,
  stopInstances,
  terminateInstances,
} from '../../../src/cloud/ec2/operations/instances';
import { CloudError } from '../../../src/cloud/errors';
import { createLocalSigner } from '../../../src/cloud/local-signer';
import { type FrontDoor, startFrontDoor } from '../../support/front-door';
import { type Moto, startMoto } from '../../support/moto';
import { motoAttributesAsAws } from '../../support/moto-attributes';
import { frontDoorProfile } from '../front-door-env';
import { connect, creds } from './support';

const IMAGE = 'ami-12c6146b';

let moto: Moto;
let door: FrontDoor;
beforeAll(async () => {
  moto = await startMoto();
  door = await startFrontDoor({
    motoUrl: moto.url,
    credentials: [creds],
    ec2Forward: motoAttributesAsAws,
    // Eucalyptus 3's ModifyInstanceAttribute has no sourceDestCheck: its query binding refuses
    // the parameter. Eucalyptus 4 takes a shutdown behaviour and ignores it ("not currently
    // supported" in its VmControl), answering success.
    ec2Answer: (action, params) => {
      if (action !== 'ModifyInstanceAttribute') return undefined;
      const has = (name: string) => params.some(([key]) => key === name);
      if (has('SourceDestCheck.Value'))
        return {
          status: 400,
          body: '<?xml version="1.0"?><Response><Errors><Error><Code>InvalidParameterValue</Code><Message>Failed to bind the following fields:\nSourceDestCheck.Value = false\n</Message></Error></Errors><RequestID>a1b2c3d4-0000-4000-8000-000000000001</RequestID></Response>',
        };
      if (has('InstanceInitiatedShutdownBehavior.Value'))
        return {
          status: 200,
          body: '<?xml version="1.0"?><ModifyInstanceAttributeResponse xmlns="http://ec2.amazonaws.com/doc/2013-02-01/"><requestId>a1b2c3d4-0000-4000-8000-000000000002</requestId><return>true</return></ModifyInstanceAttributeResponse>',
        };
      return undefined;
    },
  });
});
afterAll(async () => {
  await door?.stop();
  await moto?.stop();
});

type Connection = ReturnType<typeof connect>;

async function launch(c: Connection, userData?: string): Promise<string> {
  const { instances } = await ec2Call(runInstances, c.profile, c.signer, {
    imageId: IMAGE,
    instanceType: 't2.micro',
    ...(userData === undefined ? {} : { userData: encodeBase64Utf8(userData) }),
  });
  return instances[0]?.instanceId ?? '';
}

async function read(c: Connection, instanceId: string, attribute: InstanceAttributeName) {
  const answer = await ec2Call(describeInstanceAttribute, c.profile, c.signer, {
    instanceId,
    attribute,
  });
  expect(answer.instanceId).toBe(instanceId);
  return answer.attributes[attribute];
}

async function stateOf(c: Connection, instanceId: string): Promise<string> {
  const [found] = await ec2Call(describeInstances, c.profile, c.signer, {
    instanceIds: [instanceId],
  });
  return found?.state.name ?? '';
}

describe('moto', () => {
  test('DescribeInstanceAttribute reads each attribute of a new instance', async () => {
    const c = connect(moto.port);
    const id = await launch(c, '#!/bin/sh\necho ユーザーデータ\n');
    expect(await read(c, id, 'instanceType')).toBe('t2.micro');
    expect(await read(c, id, 'disableApiTermination')).toBe(false);
    expect(await read(c, id, 'instanceInitiatedShutdownBehavior')).toBe('stop');
    expect(await read(c, id, 'sourceDestCheck')).toBe(true);
    expect(decodeBase64Utf8(String((await read(c, id, 'userData')) ?? ''))).toBe(
      '#!/bin/sh\necho ユーザーデータ\n',
    );
    // No user data: <userData/>, read as none.
    expect(await read(c, await launch(c), 'userData')).toBe('');
  });

  test('termination protection refuses TerminateInstances until it is turned off', async () => {
    const c = connect(moto.port);
    const id = await launch(c);
    const protect = (value: boolean) =>
      ec2Call(modifyInstanceAttribute, c.profile, c.signer, {
        instanceId: id,
        change: { attribute: 'disableApiTermination', value },
      });
    expect(await protect(true)).toBe(true);
    expect(await read(c, id, 'disableApiTermination')).toBe(true);
    const refused = await ec2Call(terminateInstances, c.profile, c.signer, {
      instanceIds: [id],
    }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(CloudError);
    expect(refused).toMatchObject({ code: 'OperationNotPermitted' });
    expect((refused as CloudError).message).toContain(id);
    expect(refusedAsUnsupported(refused as CloudError)).toBe(false);
    expect(await stateOf(c, id)).toBe('running');
    await protect(false);
    await ec2Call(terminateInstances, c.profile, c.signer, { instanceIds: [id] });
    expect(await stateOf(c, id)).toMatch(/shutting-down|terminated/);
  });

  test('the type of a stopped instance, and the source/dest check', async () => {
    const c = connect(moto.port);
    const id = await launch(c);
    await ec2Call(stopInstances, c.profile, c.signer, { instanceIds: [id] });
    await ec2Call(modifyInstanceAttribute, c.profile, c.signer, {
      instanceId: id,
      change: { attribute: 'instanceType', value: 't3.small' },
    });
    expect(await read(c, id, 'instanceType')).toBe('t3.small');
    await ec2Call(modifyInstanceAttribute, c.profile, c.signer, {
      instanceId: id,
      change: { attribute: 'sourceDestCheck', value: false },
    });
    expect(await read(c, id, 'sourceDestCheck')).toBe(false);
  });

  test('StopInstances with Force', async () => {
    const c = connect(moto.port);
    const id = await launch(c);
    const [change] = await ec2Call(stopInstances, c.profile, c.signer, {
      instanceIds: [id],
      force: true,
    });
    expect(change).toMatchObject({ instanceId: id, previousState: { name: 'running' } });
    expect(change?.currentState.name).toMatch(/stopping|stopped/);
  });

  test('an unknown attribute is refused as not supported', async () => {
    const c = connect(moto.port);
    const id = await launch(c);
    const refused = await ec2Call(describeInstanceAttribute, c.profile, c.signer, {
      instanceId: id,
      attribute: 'noSuchThing' as InstanceAttributeName,
    }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'InvalidParameterValue' });
    expect(refusedAsUnsupported(refused as CloudError)).toBe(true);
  });
});

describe('front door (Eucalyptus-shaped)', () => {
  const door_ = () => {
    const profile = frontDoorProfile(door, creds.accessKeyId);
    return { profile, signer: createLocalSigner(profile, creds) };
  };

  test('user data of a stopped instance: replaced, then cleared', async () => {
    const c = door_();
    const id = await launch(c, 'old');
    await ec2Call(stopInstances, c.profile, c.signer, { instanceIds: [id] });
    await ec2Call(modifyInstanceAttribute, c.profile, c.signer, {
      instanceId: id,
      change: { attribute: 'userData', value: encodeBase64Utf8('#cloud-config\nhostname: 新\n') },
    });
    expect(decodeBase64Utf8(String((await read(c, id, 'userData')) ?? ''))).toBe(
      '#cloud-config\nhostname: 新\n',
    );
    await ec2Call(modifyInstanceAttribute, c.profile, c.signer, {
      instanceId: id,
      change: { attribute: 'userData', value: '' },
    });
    expect(await read(c, id, 'userData')).toBe('');
    const sent = door.requests.filter((r) => r.action === 'ModifyInstanceAttribute');
    expect(sent.every((r) => r.ok && r.path === '/services/Eucalyptus/')).toBe(true);
  });

  test('termination protection and the type, signed and checked by the front door', async () => {
    const c = door_();
    const id = await launch(c);
    await ec2Call(modifyInstanceAttribute, c.profile, c.signer, {
      instanceId: id,
      change: { attribute: 'disableApiTermination', value: true },
    });
    expect(await read(c, id, 'disableApiTermination')).toBe(true);
    await expect(
      ec2Call(terminateInstances, c.profile, c.signer, { instanceIds: [id] }),
    ).rejects.toMatchObject({ code: 'OperationNotPermitted' });
    await ec2Call(stopInstances, c.profile, c.signer, { instanceIds: [id] });
    await ec2Call(modifyInstanceAttribute, c.profile, c.signer, {
      instanceId: id,
      change: { attribute: 'instanceType', value: 'm1.small' },
    });
    expect(await read(c, id, 'instanceType')).toBe('m1.small');
  });

  test('Eucalyptus refuses sourceDestCheck: refused as not supported, nothing changed', async () => {
    const c = door_();
    const id = await launch(c);
    const refused = await ec2Call(modifyInstanceAttribute, c.profile, c.signer, {
      instanceId: id,
      change: { attribute: 'sourceDestCheck', value: false },
    }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'InvalidParameterValue', status: 400 });
    expect(refusedAsUnsupported(refused as CloudError)).toBe(true);
    expect(await read(c, id, 'sourceDestCheck')).toBe(true);
  });

  test('Eucalyptus 4 answers a shutdown behaviour with success and keeps "stop"', async () => {
    const c = door_();
    const id = await launch(c);
    const answer = await ec2Call(modifyInstanceAttribute, c.profile, c.signer, {
      instanceId: id,
      change: { attribute: 'instanceInitiatedShutdownBehavior', value: 'terminate' },
    });
    expect(answer).toBe(true);
    // Only reading it back tells: the settings dialog does, and says it is not supported.
    expect(await read(c, id, 'instanceInitiatedShutdownBehavior')).toBe('stop');
  });
});
