// A bucket's server access logging (?logging): where the logs go. Logging is turned off by
// putting an empty status; there is no DELETE.

import type { Profile } from '../profile';
import type { Signer } from '../signer';
import { child, text } from '../xml';
import { getBucketConfig, putBucketConfig } from './bucket-config';
import type { S3CallOptions } from './call';
import { document, expectSettingRoot, leaf, node } from './config-xml';
import { readS3Xml } from './s3-xml';

export interface BucketLogging {
  targetBucket: string;
  targetPrefix: string;
}

/** The body that turns logging on at `target`, or off for null. */
export function buildLoggingXml(target: BucketLogging | null): string {
  return document(
    'BucketLoggingStatus',
    target
      ? node(
          'LoggingEnabled',
          leaf('TargetBucket', target.targetBucket),
          leaf('TargetPrefix', target.targetPrefix),
        )
      : '',
  );
}

export function parseLogging(body: string): BucketLogging | null {
  const doc = readS3Xml(body);
  expectSettingRoot(doc, 'BucketLoggingStatus');
  const on = child(doc.value, 'LoggingEnabled');
  if (on === undefined) return null;
  return {
    targetBucket: text(child(on, 'TargetBucket')),
    targetPrefix: text(child(on, 'TargetPrefix')),
  };
}

/** Where the bucket logs; null when logging is off. */
export async function getBucketLogging(
  profile: Profile,
  signer: Signer,
  bucket: string,
  opts: S3CallOptions = {},
): Promise<BucketLogging | null> {
  const got = await getBucketConfig(profile, signer, bucket, 'logging', opts);
  return got ? parseLogging(got.text) : null;
}

export async function putBucketLogging(
  profile: Profile,
  signer: Signer,
  bucket: string,
  target: BucketLogging | null,
  opts: S3CallOptions = {},
): Promise<void> {
  await putBucketConfig(profile, signer, bucket, 'logging', buildLoggingXml(target), opts);
}
