// The S3 upload policy BundleInstance carries: permission, signed with the bucket owner's secret
// key, for the cloud to put the bundle's files into one bucket under one prefix, readable by the
// cloud only (acl ec2-bundle-read), until the policy expires. Signed as S3 POST policies of
// signature version 2: base64 HMAC-SHA1 over the base64 policy.

import { CloudError } from '../errors';
import { validateBucketName } from '../s3/bucket-name';
import { signStringV2 } from '../sign/sigv2';
import { encodeBase64Utf8 } from './base64';
import type { BundleStorage } from './operations/bundle-tasks';

/** How long the cloud may upload the bundle: a day, as the AWS CLI and euca2ools give it. */
export const UPLOAD_POLICY_HOURS = 24;

/** A file name start, not a path trick: letters, digits, . _ - and inner slashes, 1–200 long. */
const PREFIX = /^[A-Za-z0-9._-][A-Za-z0-9._/-]{0,199}$/;

/** Why a bundle can not go to this bucket and prefix, or undefined when it can. */
export function bundleTargetProblem(bucket: string, prefix: string): string | undefined {
  if (validateBucketName(bucket) !== undefined) return `Not a bucket name: ${bucket}`;
  if (!PREFIX.test(prefix) || prefix.includes('..') || prefix.endsWith('/'))
    return `Not a bundle name prefix: ${prefix}`;
  return undefined;
}

/** The policy's JSON; JSON.stringify quotes the names, so none can add a condition. */
export function bundleUploadPolicy(bucket: string, prefix: string, now: Date): string {
  const expiration = new Date(now.getTime() + UPLOAD_POLICY_HOURS * 3_600_000).toISOString();
  return JSON.stringify({
    expiration,
    conditions: [{ bucket }, { acl: 'ec2-bundle-read' }, ['starts-with', '$key', prefix]],
  });
}

/** Storage.S3 for BundleInstance, with the policy signed by `secretAccessKey`. */
export async function signedBundleStorage(
  target: { bucket: string; prefix: string },
  creds: { accessKeyId: string; secretAccessKey: string },
  now: Date,
): Promise<BundleStorage> {
  const problem = bundleTargetProblem(target.bucket, target.prefix);
  if (problem) throw new CloudError({ code: 'InvalidBundleTarget', message: problem });
  const uploadPolicy = encodeBase64Utf8(bundleUploadPolicy(target.bucket, target.prefix, now));
  return {
    bucket: target.bucket,
    prefix: target.prefix,
    awsAccessKeyId: creds.accessKeyId,
    uploadPolicy,
    uploadPolicySignature: await signStringV2('SHA-1', creds.secretAccessKey, uploadPolicy),
  };
}
