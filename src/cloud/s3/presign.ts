// Links that work without our headers: downloads to share or open, and single-PUT uploads the
// page sends itself. SigV4 links live at most 7 days; SigV2 ones are held to the same limit.

import { CloudError } from '../errors';
import type { Profile } from '../profile';
import { MAX_PRESIGN_SECONDS_V4 } from '../sign/index';
import type { Signer } from '../signer';
import { buildS3Request } from './call';
import { writeHeaders } from './headers';
import type { WriteOptions } from './types';

export interface PresignOptions {
  /** PUT: the Content-Type the upload must then send (it is signed). */
  contentType?: string;
  /** GET: make the browser save the file under this disposition (`attachment; filename="a.txt"`). */
  responseContentDisposition?: string;
  /** GET: serve with this Content-Type instead of the stored one. */
  responseContentType?: string;
  /** GET: this version of the object rather than the latest. */
  versionId?: string;
}

export interface PresignedPut {
  url: string;
  /** Headers the upload must send as they are, because the signature covers them. */
  headers: Record<string, string>;
}

function checkExpiry(expiresSeconds: number): void {
  if (
    !Number.isInteger(expiresSeconds) ||
    expiresSeconds < 1 ||
    expiresSeconds > MAX_PRESIGN_SECONDS_V4
  ) {
    throw new CloudError({
      code: 'InvalidArgument',
      message: `A presigned URL lives from 1 s to 7 days (${MAX_PRESIGN_SECONDS_V4} s), not ${expiresSeconds} s`,
    });
  }
}

export async function presignedGet(
  profile: Profile,
  signer: Signer,
  bucket: string,
  key: string,
  expiresSeconds: number,
  opts: PresignOptions = {},
): Promise<string> {
  checkExpiry(expiresSeconds);
  const query: [string, string][] = [];
  if (opts.responseContentDisposition) {
    query.push(['response-content-disposition', opts.responseContentDisposition]);
  }
  if (opts.responseContentType) query.push(['response-content-type', opts.responseContentType]);
  if (opts.versionId !== undefined) query.push(['versionId', opts.versionId]);
  const request = buildS3Request(profile, { method: 'GET', bucket, key, query });
  const [url] = await signer.presign([request], 's3', expiresSeconds);
  if (!url) throw new CloudError({ code: 'InternalError', message: 'The signer returned no URL' });
  return url;
}

export async function presignedPut(
  profile: Profile,
  signer: Signer,
  bucket: string,
  key: string,
  expiresSeconds: number,
  opts: WriteOptions = {},
): Promise<PresignedPut> {
  checkExpiry(expiresSeconds);
  // Content-Type, a canned ACL and x-amz-meta-* are signed, so the PUT must send them as given.
  const headers = writeHeaders(opts);
  const request = buildS3Request(profile, { method: 'PUT', bucket, key, headers });
  const [url] = await signer.presign([request], 's3', expiresSeconds);
  if (!url) throw new CloudError({ code: 'InternalError', message: 'The signer returned no URL' });
  return { url, headers };
}
