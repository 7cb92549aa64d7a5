// A bucket's policy (JSON, not XML) and, on AWS, whether S3 itself judges it public.

import type { Profile } from '../profile';
import type { Signer } from '../signer';
import { child, text } from '../xml';
import { deleteBucketConfig, getBucketConfig, isNotSet, putBucketConfig } from './bucket-config';
import type { S3CallOptions } from './call';
import { s3Text } from './call';
import { expectSettingRoot } from './config-xml';
import { readS3Xml } from './s3-xml';

/** The policy's text as the store keeps it; null when the bucket has none. */
export async function getBucketPolicy(
  profile: Profile,
  signer: Signer,
  bucket: string,
  opts: S3CallOptions = {},
): Promise<string | null> {
  return (await getBucketConfig(profile, signer, bucket, 'policy', opts))?.text ?? null;
}

export async function putBucketPolicy(
  profile: Profile,
  signer: Signer,
  bucket: string,
  policy: string,
  opts: S3CallOptions = {},
): Promise<void> {
  await putBucketConfig(profile, signer, bucket, 'policy', policy, {
    ...opts,
    contentType: 'application/json',
  });
}

export async function deleteBucketPolicy(
  profile: Profile,
  signer: Signer,
  bucket: string,
  opts: S3CallOptions = {},
): Promise<void> {
  await deleteBucketConfig(profile, signer, bucket, 'policy', opts);
}

export function parsePolicyStatus(body: string): boolean {
  const doc = readS3Xml(body);
  expectSettingRoot(doc, 'PolicyStatus');
  return text(child(doc.value, 'IsPublic')).toLowerCase() === 'true';
}

/** GetBucketPolicyStatus: S3's own verdict; null when the bucket has no policy. */
export async function getBucketPolicyStatus(
  profile: Profile,
  signer: Signer,
  bucket: string,
  opts: S3CallOptions = {},
): Promise<boolean | null> {
  try {
    const response = await s3Text(
      profile,
      signer,
      { method: 'GET', bucket, query: [['policyStatus', undefined]] },
      'safe',
      opts,
    );
    return parsePolicyStatus(response.text);
  } catch (e) {
    if (isNotSet(e)) return null;
    throw e;
  }
}
