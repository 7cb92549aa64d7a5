// Server-side copies: CopyObject up to 5 GiB, multipart copy (UploadPartCopy with byte ranges)
// above it. Nothing passes through the browser.

import { CloudError } from '../errors';
import { pool } from '../pool';
import type { Profile } from '../profile';
import type { Signer } from '../signer';
import { child, text } from '../xml';
import { requestIdOf, type S3CallOptions, s3Text } from './call';
import { writeHeaders } from './headers';
import { copySource } from './keys';
import {
  abortMultipartUpload,
  type CompletedPart,
  completeMultipartUpload,
  createMultipartUpload,
} from './multipart';
import { headObject } from './objects';
import { copyRange, MAX_SINGLE_PUT, type PartRange, planCopyParts } from './parts';
import { expectRoot, readS3Xml, unquoteEtag } from './s3-xml';
import type { ObjectHead, WriteOptions } from './types';

export interface CopyObjectOptions extends S3CallOptions, WriteOptions {
  /**
   * COPY (default) keeps the source's metadata (an ACL and a storage class given still apply);
   * REPLACE writes the given type and metadata.
   */
  metadataDirective?: 'COPY' | 'REPLACE';
  /** Sources larger than this are copied in parts (default 5 GiB, CopyObject's limit). */
  multipartThreshold?: number;
  /** Part size of a multipart copy (default 512 MiB; see planCopyParts). */
  partSize?: number;
  /** UploadPartCopy requests in flight at once (default 4). */
  concurrency?: number;
  /** Copy this version of the source (restoring an older version copies it over its own key). */
  sourceVersionId?: string;
}

export interface CopyResult {
  etag: string;
  multipart: boolean;
}

export async function copyObject(
  profile: Profile,
  signer: Signer,
  srcBucket: string,
  srcKey: string,
  dstBucket: string,
  dstKey: string,
  opts: CopyObjectOptions = {},
): Promise<CopyResult> {
  const { sourceVersionId, ...callOpts } = opts;
  const source = await headObject(profile, signer, srcBucket, srcKey, {
    ...callOptions(callOpts),
    ...(callOpts.timeoutMs !== undefined ? { timeoutMs: callOpts.timeoutMs } : {}),
    ...(sourceVersionId !== undefined ? { versionId: sourceVersionId } : {}),
  });
  const threshold = Math.min(opts.multipartThreshold ?? MAX_SINGLE_PUT, MAX_SINGLE_PUT);
  if (source.contentLength > threshold) {
    const etag = await multipartCopy(
      profile,
      signer,
      source,
      srcBucket,
      srcKey,
      dstBucket,
      dstKey,
      opts,
    );
    return { etag, multipart: true };
  }
  const directive = opts.metadataDirective ?? 'COPY';
  const headers: Record<string, string> =
    directive === 'REPLACE'
      ? writeHeaders(opts)
      : writeHeaders({
          ...(opts.acl ? { acl: opts.acl } : {}),
          ...(opts.storageClass ? { storageClass: opts.storageClass } : {}),
        });
  headers['x-amz-copy-source'] = copySource(srcBucket, srcKey, sourceVersionId);
  headers['x-amz-metadata-directive'] = directive;
  const etag = await s3Text(
    profile,
    signer,
    { method: 'PUT', bucket: dstBucket, key: dstKey, headers },
    'safe',
    // A copy of gigabytes runs while the connection waits.
    { ...opts, timeoutMs: opts.timeoutMs ?? 600_000 },
    (response) => {
      const doc = readS3Xml(response.text, response.status, requestIdOf(response.headers));
      expectRoot(doc, 'CopyObjectResult');
      return unquoteEtag(text(child(doc.value, 'ETag')));
    },
  );
  return { etag, multipart: false };
}

async function multipartCopy(
  profile: Profile,
  signer: Signer,
  source: ObjectHead,
  srcBucket: string,
  srcKey: string,
  dstBucket: string,
  dstKey: string,
  opts: CopyObjectOptions,
): Promise<string> {
  const write: WriteOptions =
    (opts.metadataDirective ?? 'COPY') === 'REPLACE'
      ? { ...opts }
      : sourceWriteOptions(source, opts);
  const uploadId = await createMultipartUpload(profile, signer, dstBucket, dstKey, {
    ...write,
    ...callOptions(opts),
  });
  try {
    const plan = planCopyParts(source.contentLength, opts.partSize);
    // A failed part stops the others, so the abort below does not race parts still in flight.
    const parts = await pool(plan, opts.concurrency ?? 4, (part, step) =>
      uploadPartCopy(profile, signer, srcBucket, srcKey, dstBucket, dstKey, uploadId, part, {
        ...opts,
        signal: opts.signal ? AbortSignal.any([opts.signal, step.signal]) : step.signal,
      }),
    );
    const done = await completeMultipartUpload(
      profile,
      signer,
      dstBucket,
      dstKey,
      uploadId,
      parts,
      callOptions(opts),
    );
    return done.etag;
  } catch (error) {
    await abortMultipartUpload(profile, signer, dstBucket, dstKey, uploadId).catch(() => undefined);
    throw error;
  }
}

// COPY through a multipart upload: the new upload must be told the source's metadata itself.
function sourceWriteOptions(source: ObjectHead, opts: CopyObjectOptions): WriteOptions {
  const write: WriteOptions = { metadata: source.metadata };
  if (source.contentType) write.contentType = source.contentType;
  if (source.cacheControl) write.cacheControl = source.cacheControl;
  if (source.contentDisposition) write.contentDisposition = source.contentDisposition;
  if (source.contentEncoding) write.contentEncoding = source.contentEncoding;
  if (opts.acl) write.acl = opts.acl;
  if (opts.storageClass) write.storageClass = opts.storageClass;
  return write;
}

function callOptions(opts: S3CallOptions): S3CallOptions {
  const out: S3CallOptions = {};
  if (opts.signal) out.signal = opts.signal;
  if (opts.retry) out.retry = opts.retry;
  return out;
}

async function uploadPartCopy(
  profile: Profile,
  signer: Signer,
  srcBucket: string,
  srcKey: string,
  dstBucket: string,
  dstKey: string,
  uploadId: string,
  part: PartRange,
  opts: S3CallOptions & { sourceVersionId?: string },
): Promise<CompletedPart> {
  const { sourceVersionId } = opts;
  return s3Text(
    profile,
    signer,
    {
      method: 'PUT',
      bucket: dstBucket,
      key: dstKey,
      query: [
        ['partNumber', String(part.partNumber)],
        ['uploadId', uploadId],
      ],
      headers: {
        'x-amz-copy-source': copySource(srcBucket, srcKey, sourceVersionId),
        'x-amz-copy-source-range': copyRange(part),
      },
    },
    'safe',
    { ...callOptions(opts), timeoutMs: opts.timeoutMs ?? 600_000 },
    (response) => {
      const doc = readS3Xml(response.text, response.status, requestIdOf(response.headers));
      expectRoot(doc, 'CopyPartResult');
      const etag = text(child(doc.value, 'ETag'));
      if (!etag)
        throw new CloudError({ code: 'UnexpectedResponse', message: 'No ETag for a part' });
      return { partNumber: part.partNumber, etag };
    },
  );
}
