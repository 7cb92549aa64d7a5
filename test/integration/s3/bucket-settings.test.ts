// Bucket settings on moto (all of them), s3rver (what it has) and the front door, which also
// stands in for a Eucalyptus store that refuses them with 501 NotImplemented.

import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CloudError } from '../../../src/cloud/errors';
import { createLocalSigner } from '../../../src/cloud/local-signer';
import type { EucalyptusProfile, S3CompatibleProfile } from '../../../src/cloud/profile';
import { createBucket } from '../../../src/cloud/s3';
import { getBucketConfig } from '../../../src/cloud/s3/bucket-config';
import { getBucketEncryption } from '../../../src/cloud/s3/bucket-encryption';
import { getBucketLogging } from '../../../src/cloud/s3/bucket-logging';
import {
  getBucketPolicy,
  getBucketPolicyStatus,
  putBucketPolicy,
} from '../../../src/cloud/s3/bucket-policy';
import { getBucketTags } from '../../../src/cloud/s3/bucket-tagging';
import { getObjectOwnership } from '../../../src/cloud/s3/ownership-controls';
import { getPublicAccessBlock } from '../../../src/cloud/s3/public-access-block';
import { isUnsupportedByStore } from '../../../src/panels/s3/settings/setting-section';
import { type FrontDoor, startFrontDoor } from '../../support/front-door';
import { type Moto, startMoto } from '../../support/moto';
import { S3RVER_CREDENTIALS, type S3rverHandle, startS3rver } from '../../support/s3rver';
import { bucketSettingScenarios } from './bucket-settings-scenarios';
import type { S3Target } from './scenarios';

const creds = {
  accessKeyId: 'AKIDS3SETTINGS000001',
  secretAccessKey: 's3/settings/secret/00000000000000000001',
};

describe('moto', () => {
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
  bucketSettingScenarios(() => target, 'moto');

  // Only AWS has it: moto takes ?policyStatus for a listing. The panel asks AWS profiles only,
  // and an unreadable answer leaves the "public" mark to the policy's own text.
  test('GetBucketPolicyStatus is not there: its listing reads as "not supported"', async () => {
    const { profile, signer } = target;
    await createBucket(profile, signer, 'settings-status');
    const error = await getBucketPolicyStatus(profile, signer, 'settings-status').then(
      () => null,
      (e: unknown) => e,
    );
    expect((error as CloudError).code).toBe('NotImplemented');
    expect(isUnsupportedByStore(error)).toBe(true);
  });
});

describe('s3rver', () => {
  let server: S3rverHandle;
  let target: S3Target;
  beforeAll(async () => {
    server = await startS3rver();
    const profile: S3CompatibleProfile = {
      id: 's3rver',
      kind: 's3',
      name: 's3rver',
      accessKeyId: S3RVER_CREDENTIALS.accessKeyId,
      endpoint: server.url,
      pathStyle: true,
      region: 'us-east-1',
      signatureVersion: 4,
    };
    target = { profile, signer: createLocalSigner(profile, S3RVER_CREDENTIALS) };
  });
  afterAll(async () => {
    await server?.stop();
  });
  bucketSettingScenarios(() => target, 's3rver', S3RVER_MISSING);

  test('each setting s3rver lacks reads as "not supported", so its section is read-only', async () => {
    const { profile, signer } = target;
    const bucket = 'settings-s3rver';
    const reads = {
      policy: () => getBucketPolicy(profile, signer, bucket),
      encryption: () => getBucketEncryption(profile, signer, bucket),
      tagging: () => getBucketTags(profile, signer, bucket),
      publicAccessBlock: () => getPublicAccessBlock(profile, signer, bucket),
      ownership: () => getObjectOwnership(profile, signer, bucket),
      logging: () => getBucketLogging(profile, signer, bucket),
      acl: () => getBucketConfig(profile, signer, bucket, 'acl'),
    };
    const verdicts: Record<string, string> = {};
    for (const [name, read] of Object.entries(reads)) {
      const error = await read().then(
        () => 'answered',
        (e: unknown) => (isUnsupportedByStore(e) ? 'unsupported' : String(e)),
      );
      verdicts[name] = error;
    }
    expect(verdicts).toEqual(Object.fromEntries(Object.keys(reads).map((k) => [k, 'unsupported'])));
  });
});

describe('front door', () => {
  let moto: Moto;
  let door: FrontDoor;
  let refuse = false;
  const target = (): S3Target => {
    const profile: EucalyptusProfile = {
      id: 'door',
      kind: 'eucalyptus',
      name: 'door',
      accessKeyId: creds.accessKeyId,
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
    return { profile, signer: createLocalSigner(profile, creds) };
  };
  beforeAll(async () => {
    moto = await startMoto();
    door = await startFrontDoor({
      motoUrl: moto.url,
      credentials: [creds],
      s3Answer: (_method, rawQuery) =>
        refuse && /(^|&)(policy|tagging)(=|&|$)/.test(rawQuery)
          ? {
              status: 501,
              body: '<?xml version="1.0" encoding="UTF-8"?><Error><Code>NotImplemented</Code><Message>A header you provided implies functionality that is not implemented</Message></Error>',
            }
          : undefined,
    });
  });
  afterAll(async () => {
    await door?.stop();
    await moto?.stop();
  });
  bucketSettingScenarios(target, 'door');

  test('a store that answers 501 NotImplemented is "not supported", not a failure', async () => {
    refuse = true;
    try {
      const { profile, signer } = target();
      await createBucket(profile, signer, 'settings-refused');
      for (const attempt of [
        () => getBucketPolicy(profile, signer, 'settings-refused'),
        () => putBucketPolicy(profile, signer, 'settings-refused', '{}'),
        () => getBucketTags(profile, signer, 'settings-refused'),
      ]) {
        const error = await attempt().then(
          () => null,
          (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(CloudError);
        expect((error as CloudError).code).toBe('NotImplemented');
        expect(isUnsupportedByStore(error)).toBe(true);
      }
    } finally {
      refuse = false;
    }
  });
});

// What s3rver answered when tried: it has the website and nothing else of these.
const S3RVER_MISSING = {
  policy: 's3rver answers ?policy with 405 MethodNotAllowed',
  encryption: 's3rver answers ?encryption with 501 NotImplemented',
  tagging: 's3rver answers ?tagging with 501 NotImplemented',
  publicAccessBlock: 's3rver answers ?publicAccessBlock with 501 NotImplemented',
  ownership: 's3rver takes PUT ?ownershipControls for CreateBucket (BucketAlreadyExists)',
  logging: 's3rver answers ?logging with 501 NotImplemented',
  acl: 's3rver answers a bucket ?acl with 501 NotImplemented',
};
