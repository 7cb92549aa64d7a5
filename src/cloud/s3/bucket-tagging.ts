// A bucket's tags (?tagging): the whole set is replaced at once; Content-MD5 is required.

import type { Profile } from '../profile';
import type { Signer } from '../signer';
import { child, elements, text } from '../xml';
import { deleteBucketConfig, getBucketConfig, putBucketConfig } from './bucket-config';
import type { S3CallOptions } from './call';
import { document, expectSettingRoot, leaf, node } from './config-xml';
import { readS3Xml, tokenText } from './s3-xml';

export interface BucketTag {
  key: string;
  value: string;
}

export function buildTaggingXml(tags: readonly BucketTag[]): string {
  return document(
    'Tagging',
    node('TagSet', ...tags.map((t) => node('Tag', leaf('Key', t.key), leaf('Value', t.value)))),
  );
}

export function parseTagging(body: string): BucketTag[] {
  const doc = readS3Xml(body);
  expectSettingRoot(doc, 'Tagging');
  return elements(child(child(doc.value, 'TagSet'), 'Tag')).map((tag) => ({
    // Key is protected by readS3Xml (percent-encoded before parsing), so it keeps its spaces.
    key: tokenText(tag, 'Key'),
    value: text(child(tag, 'Value')),
  }));
}

/** The bucket's tags; [] when it has none. */
export async function getBucketTags(
  profile: Profile,
  signer: Signer,
  bucket: string,
  opts: S3CallOptions = {},
): Promise<BucketTag[]> {
  const got = await getBucketConfig(profile, signer, bucket, 'tagging', opts);
  return got ? parseTagging(got.text) : [];
}

/** Replaces the tags; an empty set removes them (S3 refuses an empty TagSet). */
export async function putBucketTags(
  profile: Profile,
  signer: Signer,
  bucket: string,
  tags: readonly BucketTag[],
  opts: S3CallOptions = {},
): Promise<void> {
  if (tags.length === 0) await deleteBucketConfig(profile, signer, bucket, 'tagging', opts);
  else await putBucketConfig(profile, signer, bucket, 'tagging', buildTaggingXml(tags), opts);
}
