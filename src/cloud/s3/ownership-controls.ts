// A bucket's object ownership (?ownershipControls): who owns uploaded objects, and whether ACLs
// still apply (BucketOwnerEnforced turns them off).

import type { Profile } from '../profile';
import type { Signer } from '../signer';
import { child, text } from '../xml';
import { deleteBucketConfig, getBucketConfig, putBucketConfig } from './bucket-config';
import type { S3CallOptions } from './call';
import { document, expectSettingRoot, leaf, node } from './config-xml';
import { readS3Xml } from './s3-xml';

export const OBJECT_OWNERSHIPS = [
  'BucketOwnerEnforced',
  'BucketOwnerPreferred',
  'ObjectWriter',
] as const;
export type ObjectOwnership = (typeof OBJECT_OWNERSHIPS)[number];

export function buildOwnershipXml(ownership: ObjectOwnership): string {
  return document('OwnershipControls', node('Rule', leaf('ObjectOwnership', ownership)));
}

export function parseOwnership(body: string): ObjectOwnership | null {
  const doc = readS3Xml(body);
  expectSettingRoot(doc, 'OwnershipControls');
  const value = text(child(child(doc.value, 'Rule'), 'ObjectOwnership'));
  return (OBJECT_OWNERSHIPS as readonly string[]).includes(value)
    ? (value as ObjectOwnership)
    : null;
}

/** The bucket's object ownership; null when none is set. */
export async function getObjectOwnership(
  profile: Profile,
  signer: Signer,
  bucket: string,
  opts: S3CallOptions = {},
): Promise<ObjectOwnership | null> {
  const got = await getBucketConfig(profile, signer, bucket, 'ownershipControls', opts);
  return got ? parseOwnership(got.text) : null;
}

export async function putObjectOwnership(
  profile: Profile,
  signer: Signer,
  bucket: string,
  ownership: ObjectOwnership,
  opts: S3CallOptions = {},
): Promise<void> {
  const body = buildOwnershipXml(ownership);
  await putBucketConfig(profile, signer, bucket, 'ownershipControls', body, opts);
}

export async function deleteObjectOwnership(
  profile: Profile,
  signer: Signer,
  bucket: string,
  opts: S3CallOptions = {},
): Promise<void> {
  await deleteBucketConfig(profile, signer, bucket, 'ownershipControls', opts);
}
