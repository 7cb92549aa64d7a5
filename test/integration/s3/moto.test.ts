// The S3 client against moto directly: an s3-kind profile, path-style, SigV4.

import { afterAll, beforeAll, describe } from 'vitest';
import { createLocalSigner } from '../../../src/cloud/local-signer';
import type { S3CompatibleProfile } from '../../../src/cloud/profile';
import { type Moto, startMoto } from '../../support/moto';
import { type S3Target, s3Scenarios } from './scenarios';

const creds = {
  accessKeyId: 'AKIDS3CLIENTMOTO0001',
  secretAccessKey: 's3/client/moto/secret/0000000000000001',
};
let moto: Moto;
let target: S3Target;

beforeAll(async () => {
  moto = await startMoto();
  const profile: S3CompatibleProfile = {
    id: 'moto',
    kind: 's3',
    name: 'moto',
    accessKeyId: creds.accessKeyId,
    endpoint: moto.url,
    pathStyle: true,
    region: 'us-east-1',
    signatureVersion: 4,
  };
  target = { profile, signer: createLocalSigner(profile, creds) };
});
afterAll(async () => {
  await moto?.stop();
});

describe('moto', () => {
  s3Scenarios(
    () => target,
    {
      uploadBookkeeping: true,
      uploadPartCopy: true,
      putAcl: true,
      copyAwkwardKeys: true,
    },
    { name: 'moto', manyKeys: 2500 },
  );
});
