// The S3 client against s3rver: a second, independent reading of S3 (SigV2 checked, SigV4 taken on
// trust). It lacks abort/ListParts/ListMultipartUploads, UploadPartCopy and PutObjectAcl, ignores
// encoding-type=url, and escapes ' and ` in keys as numeric character references (&#x27;).

import { afterAll, beforeAll, describe } from 'vitest';
import { createLocalSigner } from '../../../src/cloud/local-signer';
import type { S3CompatibleProfile, SignatureVersion } from '../../../src/cloud/profile';
import { S3RVER_CREDENTIALS, type S3rverHandle, startS3rver } from '../../support/s3rver';
import { type Capabilities, type S3Target, s3Scenarios } from './scenarios';

let server: S3rverHandle;

beforeAll(async () => {
  server = await startS3rver();
});
afterAll(async () => {
  await server?.stop();
});

function target(signatureVersion: SignatureVersion): S3Target {
  const profile: S3CompatibleProfile = {
    id: `s3rver-v${signatureVersion}`,
    kind: 's3',
    name: 's3rver',
    accessKeyId: S3RVER_CREDENTIALS.accessKeyId,
    endpoint: server.url,
    pathStyle: true,
    region: 'us-east-1',
    signatureVersion,
  };
  return { profile, signer: createLocalSigner(profile, S3RVER_CREDENTIALS) };
}

const caps: Capabilities = {
  uploadBookkeeping: false,
  uploadPartCopy: false,
  putAcl: false,
  copyAwkwardKeys: false,
};

describe('s3rver, SigV4', () => {
  s3Scenarios(() => target(4), caps, { name: 's3rver-v4', manyKeys: 1500 });
});

describe('s3rver, SigV2 (signatures checked)', () => {
  s3Scenarios(() => target(2), caps, { name: 's3rver-v2', manyKeys: 400, maxKeys: 150 });
});
