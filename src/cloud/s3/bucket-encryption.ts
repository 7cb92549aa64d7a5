// A bucket's default encryption (?encryption): SSE-S3 (AES256) or SSE-KMS with a key, and the
// bucket key that cuts KMS calls.

import type { Profile } from '../profile';
import type { Signer } from '../signer';
import { child, text } from '../xml';
import { deleteBucketConfig, getBucketConfig, putBucketConfig } from './bucket-config';
import type { S3CallOptions } from './call';
import { document, expectSettingRoot, leaf, node } from './config-xml';
import { readS3Xml } from './s3-xml';

export type SseAlgorithm = 'AES256' | 'aws:kms';

export interface BucketEncryption {
  algorithm: SseAlgorithm;
  /** The KMS key id or ARN ('' for the account's default aws/s3 key); only with aws:kms. */
  kmsKeyId: string;
  bucketKey: boolean;
}

export function buildEncryptionXml(e: BucketEncryption): string {
  const kms = e.algorithm === 'aws:kms' && e.kmsKeyId ? e.kmsKeyId : undefined;
  return document(
    'ServerSideEncryptionConfiguration',
    node(
      'Rule',
      node(
        'ApplyServerSideEncryptionByDefault',
        leaf('SSEAlgorithm', e.algorithm),
        leaf('KMSMasterKeyID', kms),
      ),
      leaf('BucketKeyEnabled', e.bucketKey ? 'true' : 'false'),
    ),
  );
}

export function parseEncryption(body: string): BucketEncryption | null {
  const doc = readS3Xml(body);
  expectSettingRoot(doc, 'ServerSideEncryptionConfiguration');
  const rule = child(doc.value, 'Rule');
  const by = child(rule, 'ApplyServerSideEncryptionByDefault');
  const algorithm = text(child(by, 'SSEAlgorithm'));
  if (algorithm !== 'AES256' && algorithm !== 'aws:kms') return null;
  return {
    algorithm,
    kmsKeyId: text(child(by, 'KMSMasterKeyID')),
    bucketKey: text(child(rule, 'BucketKeyEnabled')).toLowerCase() === 'true',
  };
}

/** The default encryption; null when none is set (or it is one Cirrus does not know). */
export async function getBucketEncryption(
  profile: Profile,
  signer: Signer,
  bucket: string,
  opts: S3CallOptions = {},
): Promise<BucketEncryption | null> {
  const got = await getBucketConfig(profile, signer, bucket, 'encryption', opts);
  return got ? parseEncryption(got.text) : null;
}

export async function putBucketEncryption(
  profile: Profile,
  signer: Signer,
  bucket: string,
  e: BucketEncryption,
  opts: S3CallOptions = {},
): Promise<void> {
  await putBucketConfig(profile, signer, bucket, 'encryption', buildEncryptionXml(e), opts);
}

export async function deleteBucketEncryption(
  profile: Profile,
  signer: Signer,
  bucket: string,
  opts: S3CallOptions = {},
): Promise<void> {
  await deleteBucketConfig(profile, signer, bucket, 'encryption', opts);
}
