// Buckets: list, find the region of, create, delete.

import { CloudError } from '../errors';
import type { Profile } from '../profile';
import { isBrowserControlledHeader } from '../sign/common';
import type { Signer } from '../signer';
import { child, elements, text } from '../xml';
import { s3Endpoint } from './address';
import { buildS3Request, requestIdOf, type S3CallOptions, s3Text } from './call';
import { escapeXmlText } from './keys';
import { expectRoot, readS3Xml } from './s3-xml';
import type { BucketSummary, CannedAcl } from './types';

const S3_NAMESPACE = 'http://s3.amazonaws.com/doc/2006-03-01/';

export async function listBuckets(
  profile: Profile,
  signer: Signer,
  opts: S3CallOptions = {},
): Promise<BucketSummary[]> {
  const response = await s3Text(profile, signer, { method: 'GET' }, 'safe', opts);
  const doc = readS3Xml(response.text, response.status, requestIdOf(response.headers));
  expectRoot(doc, 'ListAllMyBucketsResult');
  return elements(child(child(doc.value, 'Buckets'), 'Bucket')).map((bucket) => {
    const summary: BucketSummary = {
      name: text(child(bucket, 'Name')),
      creationDate: text(child(bucket, 'CreationDate')),
    };
    // AWS has named each bucket's region in this list since 2024; older servers do not.
    const region = text(child(bucket, 'BucketRegion'));
    if (region) summary.region = region;
    return summary;
  });
}

/** GetBucketLocation's answer as a region: empty is us-east-1, the legacy 'EU' is eu-west-1. */
export function regionFromLocation(location: string): string {
  const value = location.trim();
  if (value === '' || value === 'US') return 'us-east-1';
  if (value === 'EU') return 'eu-west-1';
  return value;
}

/**
 * The region a bucket lives in. Only AWS has buckets in other regions than the endpoint's: ask
 * GetBucketLocation, and when that is refused (a bucket policy, the wrong regional endpoint)
 * read the x-amz-bucket-region header S3 puts even on a refused HEAD. Other profiles: their
 * region. Caching per profile is the caller's business.
 */
export async function bucketRegion(
  profile: Profile,
  signer: Signer,
  bucket: string,
  opts: S3CallOptions = {},
): Promise<string> {
  if (profile.kind !== 'aws') return s3Endpoint(profile).scope.region;
  try {
    const response = await s3Text(
      profile,
      signer,
      { method: 'GET', bucket, query: [['location', undefined]] },
      'safe',
      opts,
    );
    const doc = readS3Xml(response.text, response.status, requestIdOf(response.headers));
    expectRoot(doc, 'LocationConstraint');
    return regionFromLocation(text(doc.value));
  } catch (error) {
    const fromHead = await regionFromHead(profile, signer, bucket, opts).catch(() => undefined);
    if (fromHead) return fromHead;
    throw error;
  }
}

// Raw fetch rather than ../http: the header is the answer even when the status is 301 or 403,
// which ../http turns into an error without its headers.
async function regionFromHead(
  profile: Profile,
  signer: Signer,
  bucket: string,
  opts: S3CallOptions,
): Promise<string | undefined> {
  const signed = await signer.sign(buildS3Request(profile, { method: 'HEAD', bucket }), 's3');
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(signed.headers)) {
    if (!isBrowserControlledHeader(name.toLowerCase())) headers[name] = value;
  }
  const init: RequestInit = { method: 'HEAD', headers, cache: 'no-store', credentials: 'omit' };
  if (opts.signal) init.signal = opts.signal;
  const response = await fetch(signed.url, init);
  return response.headers.get('x-amz-bucket-region') ?? undefined;
}

export interface CreateBucketOptions extends S3CallOptions {
  /**
   * Where to create it. AWS: defaults to the profile's region (us-east-1 sends no
   * LocationConstraint). Other profiles send one only when this is given.
   */
  region?: string;
  acl?: CannedAcl;
}

export async function createBucket(
  profile: Profile,
  signer: Signer,
  name: string,
  opts: CreateBucketOptions = {},
): Promise<void> {
  const region = profile.kind === 'aws' ? (opts.region ?? profile.region) : opts.region;
  const headers: Record<string, string> = {};
  if (opts.acl) headers['x-amz-acl'] = opts.acl;
  let body: string | undefined;
  if (region && region !== 'us-east-1') {
    headers['content-type'] = 'application/xml';
    body =
      `<CreateBucketConfiguration xmlns="${S3_NAMESPACE}">` +
      `<LocationConstraint>${escapeXmlText(region)}</LocationConstraint>` +
      '</CreateBucketConfiguration>';
  }
  const req = { method: 'PUT' as const, bucket: name, headers, ...(body ? { body } : {}) };
  await s3Text(profile, signer, req, 'throttled', opts);
}

export async function deleteBucket(
  profile: Profile,
  signer: Signer,
  name: string,
  opts: S3CallOptions = {},
): Promise<void> {
  await s3Text(profile, signer, { method: 'DELETE', bucket: name }, 'throttled', opts);
}

/** Whether a bucket exists and these credentials may use it (HEAD: 200 yes, 404 no). */
export async function bucketExists(
  profile: Profile,
  signer: Signer,
  name: string,
  opts: S3CallOptions = {},
): Promise<boolean> {
  try {
    await s3Text(profile, signer, { method: 'HEAD', bucket: name }, 'safe', opts);
    return true;
  } catch (error) {
    if (error instanceof CloudError && error.status === 404) return false;
    throw error;
  }
}
