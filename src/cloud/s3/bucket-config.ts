// A bucket's settings are sub-resources of the bucket (?versioning, ?lifecycle, ?cors…): each is
// read, written and removed the same way, so one set of calls serves every settings section.

import { CloudError } from '../errors';
import type { Profile } from '../profile';
import type { Signer } from '../signer';
import { requestIdOf, type S3CallOptions, s3Text } from './call';
import { md5Base64 } from './md5';

export type BucketSubresource =
  | 'versioning'
  | 'lifecycle'
  | 'cors'
  | 'policy'
  | 'website'
  | 'encryption'
  | 'tagging'
  | 'publicAccessBlock'
  | 'ownershipControls'
  | 'logging'
  | 'acl';

/** What a store answers when the setting simply has not been made (not an error to show). */
const NOT_SET = new Set([
  'NoSuchLifecycleConfiguration',
  'NoSuchCORSConfiguration',
  'NoSuchBucketPolicy',
  'NoSuchWebsiteConfiguration',
  'ServerSideEncryptionConfigurationNotFoundError',
  'NoSuchTagSet',
  'NoSuchTagSetError',
  'NoSuchPublicAccessBlockConfiguration',
  'OwnershipControlsNotFoundError',
]);

export function isNotSet(error: unknown): boolean {
  return error instanceof CloudError && NOT_SET.has(error.code);
}

export interface BucketConfigText {
  /** The body as sent (XML, or JSON for a policy). */
  text: string;
  requestId?: string;
}

/** Reads a setting; null when the store says it is not set. */
export async function getBucketConfig(
  profile: Profile,
  signer: Signer,
  bucket: string,
  sub: BucketSubresource,
  opts: S3CallOptions = {},
): Promise<BucketConfigText | null> {
  try {
    const response = await s3Text(
      profile,
      signer,
      { method: 'GET', bucket, query: [[sub, undefined]] },
      'safe',
      opts,
    );
    const requestId = requestIdOf(response.headers);
    return requestId ? { text: response.text, requestId } : { text: response.text };
  } catch (e) {
    if (isNotSet(e)) return null;
    throw e;
  }
}

/**
 * Writes a setting. Content-MD5 goes with every body: S3 requires it for lifecycle, CORS and
 * tagging, and it costs nothing on the others.
 */
export async function putBucketConfig(
  profile: Profile,
  signer: Signer,
  bucket: string,
  sub: BucketSubresource,
  body: string,
  opts: S3CallOptions & { contentType?: string } = {},
): Promise<void> {
  const { contentType, ...callOpts } = opts;
  await s3Text(
    profile,
    signer,
    {
      method: 'PUT',
      bucket,
      query: [[sub, undefined]],
      headers: {
        'content-type': contentType ?? 'application/xml',
        'content-md5': md5Base64(body),
      },
      body,
    },
    'safe',
    callOpts,
  );
}

/** Removes a setting (a policy, the CORS rules, the lifecycle, the website…). */
export async function deleteBucketConfig(
  profile: Profile,
  signer: Signer,
  bucket: string,
  sub: BucketSubresource,
  opts: S3CallOptions = {},
): Promise<void> {
  await s3Text(
    profile,
    signer,
    { method: 'DELETE', bucket, query: [[sub, undefined]] },
    'safe',
    opts,
  );
}
