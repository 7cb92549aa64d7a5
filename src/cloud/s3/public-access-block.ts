// A bucket's public access block (?publicAccessBlock, AWS): four switches that override ACLs and
// policies granting public access.

import type { Profile } from '../profile';
import type { Signer } from '../signer';
import { child, text } from '../xml';
import { deleteBucketConfig, getBucketConfig, putBucketConfig } from './bucket-config';
import type { S3CallOptions } from './call';
import { document, expectSettingRoot, leaf } from './config-xml';
import { readS3Xml } from './s3-xml';

export const PUBLIC_ACCESS_SWITCHES = [
  'BlockPublicAcls',
  'IgnorePublicAcls',
  'BlockPublicPolicy',
  'RestrictPublicBuckets',
] as const;

export type PublicAccessSwitch = (typeof PUBLIC_ACCESS_SWITCHES)[number];
export type PublicAccessBlock = Record<PublicAccessSwitch, boolean>;

export const NO_PUBLIC_ACCESS_BLOCK: PublicAccessBlock = {
  BlockPublicAcls: false,
  IgnorePublicAcls: false,
  BlockPublicPolicy: false,
  RestrictPublicBuckets: false,
};

export function buildPublicAccessBlockXml(block: PublicAccessBlock): string {
  return document(
    'PublicAccessBlockConfiguration',
    ...PUBLIC_ACCESS_SWITCHES.map((s) => leaf(s, String(block[s]))),
  );
}

export function parsePublicAccessBlock(body: string): PublicAccessBlock {
  const doc = readS3Xml(body);
  expectSettingRoot(doc, 'PublicAccessBlockConfiguration');
  const out = { ...NO_PUBLIC_ACCESS_BLOCK };
  for (const s of PUBLIC_ACCESS_SWITCHES)
    out[s] = text(child(doc.value, s)).toLowerCase() === 'true';
  return out;
}

/** The four switches; null when the bucket has no block of its own. */
export async function getPublicAccessBlock(
  profile: Profile,
  signer: Signer,
  bucket: string,
  opts: S3CallOptions = {},
): Promise<PublicAccessBlock | null> {
  const got = await getBucketConfig(profile, signer, bucket, 'publicAccessBlock', opts);
  return got ? parsePublicAccessBlock(got.text) : null;
}

export async function putPublicAccessBlock(
  profile: Profile,
  signer: Signer,
  bucket: string,
  block: PublicAccessBlock,
  opts: S3CallOptions = {},
): Promise<void> {
  const body = buildPublicAccessBlockXml(block);
  await putBucketConfig(profile, signer, bucket, 'publicAccessBlock', body, opts);
}

export async function deletePublicAccessBlock(
  profile: Profile,
  signer: Signer,
  bucket: string,
  opts: S3CallOptions = {},
): Promise<void> {
  await deleteBucketConfig(profile, signer, bucket, 'publicAccessBlock', opts);
}
