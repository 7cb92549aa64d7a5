// Multipart upload primitives. The page does the part PUTs itself (XMLHttpRequest, for progress)
// with URLs presigned here in one batch; creating, completing, aborting and listing go through
// the signer like every other request.

import { CloudError } from '../errors';
import type { Profile } from '../profile';
import type { Signer } from '../signer';
import { child, elements, text } from '../xml';
import { buildS3Request, requestIdOf, type S3CallOptions, s3Text } from './call';
import { writeHeaders } from './headers';
import { escapeXmlText } from './keys';
import type { PresignedPut } from './presign';
import { expectRoot, keyText, readS3Xml, tokenText, unquoteEtag } from './s3-xml';
import type { WriteOptions } from './types';

export interface CompletedPart {
  partNumber: number;
  /** As the part PUT's ETag header gave it, quoted or not. */
  etag: string;
  /** Base64 CRC-32 the part was sent with, for an upload that names CRC32. */
  checksumCrc32?: string;
}

export interface UploadedPart {
  partNumber: number;
  etag: string;
  size: number;
  lastModified: string;
  checksumCrc32?: string;
}

export interface MultipartUpload {
  key: string;
  uploadId: string;
  initiated: string;
}

/** Starts an upload; the metadata, type and ACL are given here, not with the parts. */
export async function createMultipartUpload(
  profile: Profile,
  signer: Signer,
  bucket: string,
  key: string,
  opts: WriteOptions & S3CallOptions = {},
): Promise<string> {
  const response = await s3Text(
    profile,
    signer,
    { method: 'POST', bucket, key, query: [['uploads', undefined]], headers: writeHeaders(opts) },
    // A repeat would only leave an unused upload behind, but say so only when refused outright.
    'throttled',
    opts,
  );
  const doc = readS3Xml(response.text, response.status, requestIdOf(response.headers));
  expectRoot(doc, 'InitiateMultipartUploadResult');
  const uploadId = tokenText(doc.value, 'UploadId');
  if (!uploadId) {
    throw new CloudError({ code: 'UnexpectedResponse', message: 'The server sent no UploadId' });
  }
  return uploadId;
}

/** The UploadPart request for one part, to presign. */
function partRequest(
  profile: Profile,
  bucket: string,
  key: string,
  uploadId: string,
  partNumber: number,
  headers: Record<string, string>,
) {
  if (!Number.isInteger(partNumber) || partNumber < 1 || partNumber > 10_000) {
    throw new CloudError({ code: 'InvalidArgument', message: `Bad part number ${partNumber}` });
  }
  return buildS3Request(profile, {
    method: 'PUT',
    bucket,
    key,
    query: [
      ['partNumber', String(partNumber)],
      ['uploadId', uploadId],
    ],
    headers,
  });
}

/** One URL per part, in order, from a single presign batch (1,000 parts: one message). */
export async function presignUploadParts(
  profile: Profile,
  signer: Signer,
  bucket: string,
  key: string,
  uploadId: string,
  partNumbers: number[],
  expiresSeconds: number,
): Promise<string[]> {
  const requests = partNumbers.map((partNumber) =>
    partRequest(profile, bucket, key, uploadId, partNumber, {}),
  );
  if (requests.length === 0) return [];
  return signer.presign(requests, 's3', expiresSeconds);
}

/**
 * One part's URL, with the part's CRC-32 signed in when given: the PUT must then send the
 * returned headers, and a server that checks (AWS, MinIO) refuses bytes whose checksum differs.
 */
export async function presignUploadPart(
  profile: Profile,
  signer: Signer,
  bucket: string,
  key: string,
  uploadId: string,
  partNumber: number,
  expiresSeconds: number,
  opts: { checksumCrc32?: string } = {},
): Promise<PresignedPut> {
  const headers: Record<string, string> = {};
  if (opts.checksumCrc32) headers['x-amz-checksum-crc32'] = opts.checksumCrc32;
  const request = partRequest(profile, bucket, key, uploadId, partNumber, headers);
  const [url] = await signer.presign([request], 's3', expiresSeconds);
  if (!url) throw new CloudError({ code: 'InternalError', message: 'The signer returned no URL' });
  return { url, headers };
}

// Server-declared failures inside a 200 (the work was not done): safe to send again.
const RETRY_IN_200 = new Set(['InternalError', 'ServiceUnavailable', 'SlowDown']);

/**
 * Joins the parts. S3 may answer 200 and then an `<Error>` body (it sends the headers early and
 * keeps the connection alive while it works), which is an error here; an InternalError that way
 * is retried, as AWS advises.
 */
export async function completeMultipartUpload(
  profile: Profile,
  signer: Signer,
  bucket: string,
  key: string,
  uploadId: string,
  parts: CompletedPart[],
  opts: S3CallOptions = {},
): Promise<{ etag: string; location: string }> {
  const sorted = [...parts].sort((a, b) => a.partNumber - b.partNumber);
  const body =
    '<CompleteMultipartUpload>' +
    sorted
      .map(
        (part) =>
          `<Part><PartNumber>${part.partNumber}</PartNumber>` +
          `<ETag>${escapeXmlText(quoteEtag(part.etag))}</ETag>` +
          (part.checksumCrc32
            ? `<ChecksumCRC32>${escapeXmlText(part.checksumCrc32)}</ChecksumCRC32>`
            : '') +
          '</Part>',
      )
      .join('') +
    '</CompleteMultipartUpload>';
  return s3Text(
    profile,
    signer,
    {
      method: 'POST',
      bucket,
      key,
      query: [['uploadId', uploadId]],
      headers: { 'content-type': 'application/xml' },
      body,
    },
    (error) =>
      error instanceof CloudError &&
      (error.status === 429 ||
        error.status === 503 ||
        (error.status === 200 && RETRY_IN_200.has(error.code))),
    // Joining thousands of parts can take minutes.
    { ...opts, timeoutMs: opts.timeoutMs ?? 600_000 },
    (response) => {
      const doc = readS3Xml(response.text, response.status, requestIdOf(response.headers));
      expectRoot(doc, 'CompleteMultipartUploadResult');
      return {
        etag: unquoteEtag(text(child(doc.value, 'ETag'))),
        location: text(child(doc.value, 'Location')),
      };
    },
  );
}

function quoteEtag(etag: string): string {
  return etag.startsWith('"') ? etag : `"${etag}"`;
}

export async function abortMultipartUpload(
  profile: Profile,
  signer: Signer,
  bucket: string,
  key: string,
  uploadId: string,
  opts: S3CallOptions = {},
): Promise<void> {
  await s3Text(
    profile,
    signer,
    { method: 'DELETE', bucket, key, query: [['uploadId', uploadId]] },
    'throttled',
    opts,
  );
}

/** The parts uploaded so far (to resume an upload), every page. */
export async function listParts(
  profile: Profile,
  signer: Signer,
  bucket: string,
  key: string,
  uploadId: string,
  opts: S3CallOptions & { maxParts?: number } = {},
): Promise<UploadedPart[]> {
  const parts: UploadedPart[] = [];
  let marker = '';
  for (;;) {
    const query: [string, string][] = [['uploadId', uploadId]];
    if (opts.maxParts) query.push(['max-parts', String(opts.maxParts)]);
    if (marker) query.push(['part-number-marker', marker]);
    const response = await s3Text(
      profile,
      signer,
      { method: 'GET', bucket, key, query },
      'safe',
      opts,
    );
    const doc = readS3Xml(response.text, response.status, requestIdOf(response.headers));
    expectRoot(doc, 'ListPartsResult');
    for (const part of elements(child(doc.value, 'Part'))) {
      const uploaded: UploadedPart = {
        partNumber: Number(text(child(part, 'PartNumber'))),
        etag: unquoteEtag(text(child(part, 'ETag'))),
        size: Number(text(child(part, 'Size')) || '0'),
        lastModified: text(child(part, 'LastModified')),
      };
      const checksum = text(child(part, 'ChecksumCRC32'));
      if (checksum) uploaded.checksumCrc32 = checksum;
      parts.push(uploaded);
    }
    const next = text(child(doc.value, 'NextPartNumberMarker'));
    const truncated = text(child(doc.value, 'IsTruncated')).toLowerCase() === 'true';
    if (!truncated) return parts;
    const last = parts[parts.length - 1];
    const nextMarker = next || (last ? String(last.partNumber) : '');
    if (!nextMarker || nextMarker === marker) return parts;
    marker = nextMarker;
  }
}

/** Uploads started and neither completed nor aborted (they cost storage), every page. */
export async function listMultipartUploads(
  profile: Profile,
  signer: Signer,
  bucket: string,
  opts: S3CallOptions & { prefix?: string; maxUploads?: number } = {},
): Promise<MultipartUpload[]> {
  const uploads: MultipartUpload[] = [];
  let keyMarker = '';
  let uploadIdMarker = '';
  for (;;) {
    const query: [string, string | undefined][] = [['uploads', undefined]];
    if (opts.prefix) query.push(['prefix', opts.prefix]);
    if (opts.maxUploads) query.push(['max-uploads', String(opts.maxUploads)]);
    query.push(['encoding-type', 'url']);
    if (keyMarker) query.push(['key-marker', keyMarker]);
    if (uploadIdMarker) query.push(['upload-id-marker', uploadIdMarker]);
    const response = await s3Text(profile, signer, { method: 'GET', bucket, query }, 'safe', opts);
    const doc = readS3Xml(response.text, response.status, requestIdOf(response.headers));
    expectRoot(doc, 'ListMultipartUploadsResult');
    for (const upload of elements(child(doc.value, 'Upload'))) {
      uploads.push({
        key: keyText(doc, upload, 'Key'),
        uploadId: tokenText(upload, 'UploadId'),
        initiated: text(child(upload, 'Initiated')),
      });
    }
    const truncated = text(child(doc.value, 'IsTruncated')).toLowerCase() === 'true';
    const nextKey = keyText(doc, doc.value, 'NextKeyMarker');
    const nextId = tokenText(doc.value, 'NextUploadIdMarker');
    if (!truncated || (nextKey === keyMarker && nextId === uploadIdMarker) || !nextKey) {
      return uploads;
    }
    keyMarker = nextKey;
    uploadIdMarker = nextId;
  }
}
