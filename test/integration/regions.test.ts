import { afterAll, beforeAll, expect, test } from 'vitest';
import { createLocalSigner } from '../../src/cloud/local-signer';
import type { EucalyptusProfile } from '../../src/cloud/profile';
import { describeRegions } from '../../src/cloud/regions';
import { type FrontDoor, startFrontDoor } from '../support/front-door';
import { type Moto, startMoto } from '../support/moto';

const creds = {
  accessKeyId: 'AKIDREGIONS000000001',
  secretAccessKey: 'regions/secret/key/00000000000000000001',
};
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

function profile(port: number, ec2Path: string, signatureVersion: 2 | 4): EucalyptusProfile {
  return {
    id: 'p',
    kind: 'eucalyptus',
    name: 'regions',
    accessKeyId: creds.accessKeyId,
    host: '127.0.0.1',
    port,
    https: false,
    ec2Path,
    s3Path: '',
    s3Host: '',
    region: 'us-east-1',
    signatureVersion,
    apiVersion: '2016-11-15',
  };
}

test('DescribeRegions from moto lists the AWS regions, sorted', async () => {
  const p = profile(Number(new URL(moto.url).port), '', 4);
  const regions = await describeRegions(p, createLocalSigner(p, creds));
  expect(regions).toContain('us-east-1');
  expect(regions).toContain('eu-west-1');
  expect(regions).toEqual([...regions].sort());
});

test('DescribeRegions through the Eucalyptus-shaped front door with SigV2', async () => {
  const p = { ...profile(frontDoor.port, '/services/Eucalyptus', 2), region: 'eucalyptus' };
  const regions = await describeRegions(p, createLocalSigner(p, creds));
  expect(regions.length).toBeGreaterThan(0);
});

test('a wrong secret is an error, not an empty list', async () => {
  const p = { ...profile(frontDoor.port, '/services/Eucalyptus', 4), region: 'eucalyptus' };
  await expect(
    describeRegions(p, createLocalSigner(p, { ...creds, secretAccessKey: 'wrong' })),
  ).rejects.toMatchObject({ code: 'SignatureDoesNotMatch' });
});
