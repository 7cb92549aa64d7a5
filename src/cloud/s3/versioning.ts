// A bucket's versioning state (GetBucketVersioning / PutBucketVersioning) through the bucket's
// ?versioning sub-resource. Once enabled, S3 can only suspend versioning, never turn it off, so
// there is no "Unversioned" to write: only Enabled or Suspended.

import { CloudError } from '../errors';
import type { Profile } from '../profile';
import type { Signer } from '../signer';
import { child, text } from '../xml';
import { getBucketConfig, putBucketConfig } from './bucket-config';
import type { S3CallOptions } from './call';
import { readS3Xml } from './s3-xml';

/** What a bucket says; Unversioned when versioning was never turned on (no Status at all). */
export type VersioningStatus = 'Unversioned' | 'Enabled' | 'Suspended';

export interface BucketVersioning {
  status: VersioningStatus;
  /** MFA Delete as the store reports it ('Enabled'/'Disabled'), absent when it says nothing. */
  mfaDelete?: string;
}

/**
 * Reads a versioning answer. AWS's root is VersioningConfiguration; moto's is
 * GetBucketVersioningResponse; both carry Status and MfaDelete only once they were ever set.
 */
export function parseBucketVersioning(body: string, status = 200, requestId?: string) {
  const doc = readS3Xml(body, status, requestId);
  // A store that does not know the sub-resource may answer the plain bucket request instead
  // (s3rver sends its object listing): that is "not supported", not "never turned on".
  if (!doc.name.includes('Versioning')) {
    throw new CloudError({
      code: 'NotImplemented',
      message: `The store answered a versioning request with <${doc.name}>: it does not support bucket versioning`,
      status: 501,
      ...(requestId ? { requestId } : {}),
    });
  }
  const said = text(child(doc.value, 'Status'));
  const result: BucketVersioning = {
    status: said === 'Enabled' || said === 'Suspended' ? said : 'Unversioned',
  };
  const mfa = text(child(doc.value, 'MfaDelete'));
  if (mfa) result.mfaDelete = mfa;
  return result;
}

export async function getBucketVersioning(
  profile: Profile,
  signer: Signer,
  bucket: string,
  opts: S3CallOptions = {},
): Promise<BucketVersioning> {
  const answer = await getBucketConfig(profile, signer, bucket, 'versioning', opts);
  return answer
    ? parseBucketVersioning(answer.text, 200, answer.requestId)
    : { status: 'Unversioned' };
}

/** The PutBucketVersioning document (MFA Delete is left as it is: changing it needs the root's MFA). */
export function versioningBody(status: 'Enabled' | 'Suspended'): string {
  return (
    '<?xml version="1.0" encoding="UTF-8"?>' +
    `<VersioningConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Status>${status}</Status></VersioningConfiguration>`
  );
}

export async function putBucketVersioning(
  profile: Profile,
  signer: Signer,
  bucket: string,
  status: 'Enabled' | 'Suspended',
  opts: S3CallOptions = {},
): Promise<void> {
  if (status !== 'Enabled' && status !== 'Suspended') {
    throw new CloudError({
      code: 'InvalidArgument',
      message: `Versioning can be Enabled or Suspended, not ${String(status)}`,
    });
  }
  await putBucketConfig(profile, signer, bucket, 'versioning', versioningBody(status), opts);
}
