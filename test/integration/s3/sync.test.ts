// Folder compare and sync against moto, s3rver and the Eucalyptus-shaped front door.

import { afterAll, beforeAll, describe } from 'vitest';
import { createLocalSigner } from '../../../src/cloud/local-signer';
import type { EucalyptusProfile, S3CompatibleProfile } from '../../../src/cloud/profile';
import { type FrontDoor, startFrontDoor } from '../../support/front-door';
import { type Moto, startMoto } from '../../support/moto';
import { S3RVER_CREDENTIALS, type S3rverHandle, startS3rver } from '../../support/s3rver';
import type { S3Target } from './scenarios';
import { syncScenarios } from './sync-scenarios';

const motoCreds = {
  accessKeyId: 'AKIDS3SYNCMOTO000001',
  secretAccessKey: 's3/sync/moto/secret/00000000000000001',
};
const doorCreds = {
  accessKeyId: 'AKIDS3SYNCDOOR000001',
  secretAccessKey: 's3/sync+door=secret/0000000000000001',
};
let moto: Moto;
let door: FrontDoor;
let s3rver: S3rverHandle;

beforeAll(async () => {
  moto = await startMoto();
  door = await startFrontDoor({ motoUrl: moto.url, credentials: [doorCreds] });
  s3rver = await startS3rver();
});
afterAll(async () => {
  await door?.stop();
  await moto?.stop();
  await s3rver?.stop();
});

function motoTarget(): S3Target {
  const profile: S3CompatibleProfile = {
    id: 'sync-moto',
    kind: 's3',
    name: 'moto',
    accessKeyId: motoCreds.accessKeyId,
    endpoint: moto.url,
    pathStyle: true,
    region: 'us-east-1',
    signatureVersion: 4,
  };
  return { profile, signer: createLocalSigner(profile, motoCreds) };
}

function s3rverTarget(): S3Target {
  const profile: S3CompatibleProfile = {
    id: 'sync-s3rver',
    kind: 's3',
    name: 's3rver',
    accessKeyId: S3RVER_CREDENTIALS.accessKeyId,
    endpoint: s3rver.url,
    pathStyle: true,
    region: 'us-east-1',
    signatureVersion: 4,
  };
  return { profile, signer: createLocalSigner(profile, S3RVER_CREDENTIALS) };
}

function doorTarget(): S3Target {
  const profile: EucalyptusProfile = {
    id: 'sync-door',
    kind: 'eucalyptus',
    name: 'door',
    accessKeyId: doorCreds.accessKeyId,
    host: '127.0.0.1',
    port: door.port,
    https: false,
    ec2Path: '/services/compute',
    s3Path: '/services/Walrus',
    s3Host: '',
    region: 'eucalyptus',
    signatureVersion: 2,
    apiVersion: '2013-02-01',
  };
  return { profile, signer: createLocalSigner(profile, doorCreds) };
}

describe('moto', () => syncScenarios(motoTarget, { name: 'moto', multipartBasis: 'multipart' }));
describe('s3rver', () => syncScenarios(s3rverTarget, { name: 's3rver', multipartBasis: 'md5' }));
describe('front door (Walrus path, SigV2)', () =>
  syncScenarios(doorTarget, { name: 'door', multipartBasis: 'multipart' }));
