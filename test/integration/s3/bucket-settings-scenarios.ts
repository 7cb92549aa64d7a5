// Every bucket setting of the Settings view, put, read back and removed on one store. The same
// scenarios run on moto, s3rver (what it has) and the Eucalyptus-shaped front door.

import { expect, test } from 'vitest';
import { CloudError } from '../../../src/cloud/errors';
import { createBucket } from '../../../src/cloud/s3';
import { parseAcl } from '../../../src/cloud/s3/acl';
import { getBucketConfig } from '../../../src/cloud/s3/bucket-config';
import {
  deleteBucketEncryption,
  getBucketEncryption,
  putBucketEncryption,
} from '../../../src/cloud/s3/bucket-encryption';
import { getBucketLogging, putBucketLogging } from '../../../src/cloud/s3/bucket-logging';
import {
  deleteBucketPolicy,
  getBucketPolicy,
  putBucketPolicy,
} from '../../../src/cloud/s3/bucket-policy';
import { getBucketTags, putBucketTags } from '../../../src/cloud/s3/bucket-tagging';
import {
  deleteBucketWebsite,
  getBucketWebsite,
  putBucketWebsite,
} from '../../../src/cloud/s3/bucket-website';
import { s3Text } from '../../../src/cloud/s3/call';
import {
  deleteObjectOwnership,
  getObjectOwnership,
  putObjectOwnership,
} from '../../../src/cloud/s3/ownership-controls';
import {
  deletePublicAccessBlock,
  getPublicAccessBlock,
  putPublicAccessBlock,
} from '../../../src/cloud/s3/public-access-block';
import type { S3Target } from './scenarios';

export type BucketSetting =
  | 'policy'
  | 'website'
  | 'encryption'
  | 'tagging'
  | 'publicAccessBlock'
  | 'ownership'
  | 'logging'
  | 'acl';

/** What a store lacks, with the reason the scenario is skipped. */
export type Missing = Partial<Record<BucketSetting, string>>;

export function bucketSettingScenarios(
  target: () => S3Target,
  name: string,
  missing: Missing = {},
) {
  const bucket = `settings-${name}`;
  const run = (setting: BucketSetting, title: string, body: (t: S3Target) => Promise<void>) => {
    const reason = missing[setting];
    if (reason) test.skip(`${title} (${reason})`, () => {});
    else
      test(title, async () => {
        const t = target();
        await createBucket(t.profile, t.signer, bucket).catch((e: unknown) => {
          if (!(e instanceof CloudError && /BucketAlready/.test(e.code))) throw e;
        });
        await body(t);
      });
  };

  run('policy', 'a bucket policy is put, read back and deleted', async ({ profile, signer }) => {
    const policy = {
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'PublicRead',
          Effect: 'Allow',
          Principal: '*',
          Action: 's3:GetObject',
          Resource: `arn:aws:s3:::${bucket}/public/*`,
        },
      ],
    };
    expect(await getBucketPolicy(profile, signer, bucket)).toBeNull();
    await putBucketPolicy(profile, signer, bucket, JSON.stringify(policy, null, 2));
    const back = await getBucketPolicy(profile, signer, bucket);
    expect(JSON.parse(back ?? 'null')).toEqual(policy);
    await deleteBucketPolicy(profile, signer, bucket);
    expect(await getBucketPolicy(profile, signer, bucket)).toBeNull();
  });

  run('website', 'a website is put, read back and deleted', async ({ profile, signer }) => {
    const site = {
      indexDocument: 'index.html',
      errorDocument: 'error.html',
      routingRules: [
        {
          Condition: { KeyPrefixEquals: 'docs/' },
          Redirect: { ReplaceKeyPrefixWith: 'documents/' },
        },
      ],
    };
    expect(await getBucketWebsite(profile, signer, bucket)).toBeNull();
    await putBucketWebsite(profile, signer, bucket, site);
    expect(await getBucketWebsite(profile, signer, bucket)).toEqual(site);
    await deleteBucketWebsite(profile, signer, bucket);
    expect(await getBucketWebsite(profile, signer, bucket)).toBeNull();
  });

  run(
    'encryption',
    'default encryption is put, read back and deleted',
    async ({ profile, signer }) => {
      const kms = { algorithm: 'aws:kms', kmsKeyId: 'alias/cirrus', bucketKey: true } as const;
      await putBucketEncryption(profile, signer, bucket, kms);
      expect(await getBucketEncryption(profile, signer, bucket)).toEqual(kms);
      const sse = { algorithm: 'AES256', kmsKeyId: '', bucketKey: false } as const;
      await putBucketEncryption(profile, signer, bucket, sse);
      expect(await getBucketEncryption(profile, signer, bucket)).toEqual(sse);
      await deleteBucketEncryption(profile, signer, bucket);
      // Stores that always encrypt (AWS since 2023) answer AES256 rather than "not set".
      const after = await getBucketEncryption(profile, signer, bucket);
      expect(after === null || after.algorithm === 'AES256').toBe(true);
    },
  );

  run('tagging', 'tags are put, read back and removed', async ({ profile, signer }) => {
    const tags = [
      { key: 'team', value: 'storage & <ops>' },
      { key: 'ステージ', value: '本番' },
    ];
    await putBucketTags(profile, signer, bucket, tags);
    const back = await getBucketTags(profile, signer, bucket);
    expect([...back].sort((a, b) => a.key.localeCompare(b.key))).toEqual(
      [...tags].sort((a, b) => a.key.localeCompare(b.key)),
    );
    await putBucketTags(profile, signer, bucket, []);
    expect(await getBucketTags(profile, signer, bucket)).toEqual([]);
  });

  run(
    'publicAccessBlock',
    'the public access block is put, read back and deleted',
    async ({ profile, signer }) => {
      const block = {
        BlockPublicAcls: true,
        IgnorePublicAcls: false,
        BlockPublicPolicy: true,
        RestrictPublicBuckets: false,
      };
      await putPublicAccessBlock(profile, signer, bucket, block);
      expect(await getPublicAccessBlock(profile, signer, bucket)).toEqual(block);
      await deletePublicAccessBlock(profile, signer, bucket);
      expect(await getPublicAccessBlock(profile, signer, bucket)).toBeNull();
    },
  );

  run(
    'ownership',
    'object ownership is put, read back and deleted',
    async ({ profile, signer }) => {
      await putObjectOwnership(profile, signer, bucket, 'ObjectWriter');
      expect(await getObjectOwnership(profile, signer, bucket)).toBe('ObjectWriter');
      await putObjectOwnership(profile, signer, bucket, 'BucketOwnerPreferred');
      expect(await getObjectOwnership(profile, signer, bucket)).toBe('BucketOwnerPreferred');
      await deleteObjectOwnership(profile, signer, bucket);
      expect(await getObjectOwnership(profile, signer, bucket)).toBeNull();
    },
  );

  run('logging', 'logging is turned on, read back and turned off', async ({ profile, signer }) => {
    const logs = `${bucket}-logs`;
    // The log delivery group must be able to write there (moto checks, as S3 did before policies).
    await createBucket(profile, signer, logs).catch((e: unknown) => {
      if (!(e instanceof CloudError && /BucketAlready/.test(e.code))) throw e;
    });
    await s3Text(
      profile,
      signer,
      {
        method: 'PUT',
        bucket: logs,
        query: [['acl', undefined]],
        headers: { 'x-amz-acl': 'log-delivery-write' },
      },
      'safe',
    );
    const target = { targetBucket: logs, targetPrefix: `${bucket}/` };
    await putBucketLogging(profile, signer, bucket, target);
    expect(await getBucketLogging(profile, signer, bucket)).toEqual(target);
    await putBucketLogging(profile, signer, bucket, null);
    expect(await getBucketLogging(profile, signer, bucket)).toBeNull();
  });

  run('acl', "the bucket's ACL reads as private", async ({ profile, signer }) => {
    const got = await getBucketConfig(profile, signer, bucket, 'acl');
    expect(parseAcl(got?.text ?? '').canned).toBe('private');
  });
}
