// Request headers for object writes (PutObject, CopyObject REPLACE, CreateMultipartUpload), and
// the object's description read back from response headers.

import { CloudError } from '../errors';
import { unquoteEtag } from './s3-xml';
import type { ObjectHead, WriteOptions } from './types';

const META = 'x-amz-meta-';

/** Headers for an object's metadata; throws for values fetch could not send. */
export function writeHeaders(opts: WriteOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  if (opts.contentType) headers['content-type'] = opts.contentType;
  if (opts.cacheControl) headers['cache-control'] = opts.cacheControl;
  if (opts.contentDisposition) headers['content-disposition'] = opts.contentDisposition;
  if (opts.contentEncoding) headers['content-encoding'] = opts.contentEncoding;
  if (opts.acl) headers['x-amz-acl'] = opts.acl;
  if (opts.storageClass) headers['x-amz-storage-class'] = opts.storageClass;
  if (opts.checksumAlgorithm) headers['x-amz-checksum-algorithm'] = opts.checksumAlgorithm;
  for (const [name, value] of Object.entries(opts.metadata ?? {})) {
    const lower = name.toLowerCase();
    if (!/^[a-z0-9!#$%&'*+.^_`|~-]+$/.test(lower)) {
      throw invalidMetadata(`"${name}" is not a valid metadata name`);
    }
    if (/[^\u0020-\u007e\t]/.test(value)) {
      throw invalidMetadata(`The value of "${name}" must be printable ASCII`);
    }
    headers[`${META}${lower}`] = value;
  }
  for (const [name, value] of Object.entries(headers)) {
    if (/[^\u0020-\u007e\t]/.test(value)) throw invalidMetadata(`${name} must be ASCII`);
  }
  return headers;
}

function invalidMetadata(message: string): CloudError {
  return new CloudError({ code: 'InvalidMetadata', message });
}

export function readHead(headers: Headers): ObjectHead {
  const metadata: Record<string, string> = {};
  headers.forEach((value, name) => {
    if (name.startsWith(META)) metadata[name.slice(META.length)] = value;
  });
  const head: ObjectHead = {
    contentLength: Number(headers.get('content-length') ?? '0'),
    contentType: headers.get('content-type') ?? '',
    etag: unquoteEtag(headers.get('etag') ?? ''),
    lastModified: headers.get('last-modified') ?? '',
    metadata,
  };
  const optional = {
    cacheControl: 'cache-control',
    contentDisposition: 'content-disposition',
    contentEncoding: 'content-encoding',
    storageClass: 'x-amz-storage-class',
    versionId: 'x-amz-version-id',
  } as const;
  for (const [field, header] of Object.entries(optional)) {
    const value = headers.get(header);
    if (value !== null) head[field as keyof typeof optional] = value;
  }
  return head;
}
