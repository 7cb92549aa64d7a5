// The client against a Eucalyptus-shaped cloud controller: EC2 at /services/Eucalyptus, every
// signature checked over the full path by an independent implementation, then sent on to moto.

import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ec2Call, ec2List } from '../../../src/cloud/ec2/client';
import { describeImages } from '../../../src/cloud/ec2/operations/images';
import { describeInstances, runInstances } from '../../../src/cloud/ec2/operations/instances';
import { createLocalSigner } from '../../../src/cloud/local-signer';
import { type FrontDoor, startFrontDoor } from '../../support/front-door';
import { type Moto, startMoto } from '../../support/moto';
import { connect, creds } from './support';

let moto: Moto;
let frontDoor: FrontDoor;

beforeAll(async () => {
  moto = await startMoto();
  frontDoor = await startFrontDoor({ motoUrl: moto.url, credentials: [creds] });
});
afterAll(async () => {
  await frontDoor?.stop();
  await moto?.stop();
});

describe.each([2, 4] as const)('SigV%i', (signatureVersion) => {
  test('DescribeImages and RunInstances', async () => {
    const c = connect(frontDoor.port, '/services/Eucalyptus', signatureVersion, 'eucalyptus');
    const before = frontDoor.requests.length;

    const images = await ec2List(describeImages, c.profile, c.signer, {
      owners: ['amazon'],
      filters: [{ name: 'platform', values: ['windows'] }],
    });
    expect(images.length).toBeGreaterThan(0);
    const imageId = images[0]?.imageId ?? '';

    const reservation = await ec2Call(runInstances, c.profile, c.signer, {
      imageId,
      instanceType: 'm1.small',
      securityGroups: ['default'],
      addressingType: 'private',
      tags: [{ key: 'Name', value: `sigv${signatureVersion} ウェブ` }],
    });
    const instanceId = reservation.instances[0]?.instanceId ?? '';
    expect(instanceId).toMatch(/^i-/);

    const [described] = await ec2Call(describeInstances, c.profile, c.signer, {
      instanceIds: [instanceId],
    });
    expect(described?.tags).toEqual([{ key: 'Name', value: `sigv${signatureVersion} ウェブ` }]);
    expect(described?.clientToken).toMatch(/^[0-9a-f-]{36}$/);

    const seen = frontDoor.requests.slice(before);
    expect(seen.map((r) => [r.action, r.sigVersion, r.path, r.ok])).toEqual([
      ['DescribeImages', signatureVersion, '/services/Eucalyptus/', true],
      ['RunInstances', signatureVersion, '/services/Eucalyptus/', true],
      ['DescribeInstances', signatureVersion, '/services/Eucalyptus/', true],
    ]);
  });
});

test('a wrong secret is SignatureDoesNotMatch and is not retried', async () => {
  const c = connect(frontDoor.port, '/services/Eucalyptus', 4, 'eucalyptus');
  const wrong = createLocalSigner(c.profile, { ...creds, secretAccessKey: 'wrong' });
  const before = frontDoor.requests.length;
  await expect(
    ec2Call(describeImages, c.profile, wrong, { owners: ['self'] }),
  ).rejects.toMatchObject({ code: 'SignatureDoesNotMatch', status: 403 });
  expect(frontDoor.requests.length - before).toBe(1);
});
