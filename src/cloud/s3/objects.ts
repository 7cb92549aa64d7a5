// Single objects: describe (HEAD), download (GET, streamed), small text writes, delete; reads and
// deletes may name one version of the object (versionId) in a versioned bucket.

import { CloudError } from '../errors';
import type { Profile } from '../profile';
import type { Signer } from '../signer';
import { type S3CallOptions, s3Send, s3Text } from './call';
import { readHead, writeHeaders } from './headers';
import { unquoteEtag } from './s3-xml';
import type { ObjectHead, WriteOptions } from './types';

export interface VersionOption {
  /** One version of the object (ListObjectVersions' VersionId; 'null' is a real id). */
  versionId?: string;
}

function versionQuery(opts: VersionOption): [string, string][] {
  return opts.versionId === undefined ? [] : [['versionId', opts.versionId]];
}

export async function headObject(
  profile: Profile,
  signer: Signer,
  bucket: string,
  key: string,
  opts: S3CallOptions & VersionOption = {},
): Promise<ObjectHead> {
  try {
    const query = versionQuery(opts);
    const response = await s3Send(
      profile,
      signer,
      { method: 'HEAD', bucket, key, query },
      'safe',
      opts,
    );
    return readHead(response.headers);
  } catch (error) {
    throw missingKey(error, key);
  }
}

// A HEAD answer has no body, so a missing object comes back as a bare 404.
function missingKey(error: unknown, key: string): unknown {
  if (error instanceof CloudError && error.status === 404 && error.code === 'NotFound') {
    const data = error.toData();
    return new CloudError({ ...data, code: 'NoSuchKey', message: `No object with key ${key}` });
  }
  return error;
}

export interface GetObjectOptions extends S3CallOptions, VersionOption {
  /** An HTTP Range, e.g. `bytes=0-1023`. */
  range?: string;
}

export interface GetObjectResult {
  head: ObjectHead;
  /** The body as it arrives; the caller reads it (or cancels it). */
  body: ReadableStream<Uint8Array> | null;
  status: number;
}

/** Starts a download. No deadline by default: a big object takes as long as it takes. */
export async function getObject(
  profile: Profile,
  signer: Signer,
  bucket: string,
  key: string,
  opts: GetObjectOptions = {},
): Promise<GetObjectResult> {
  const headers: Record<string, string> = {};
  if (opts.range) headers.range = opts.range;
  try {
    const response = await s3Send(
      profile,
      signer,
      { method: 'GET', bucket, key, headers, query: versionQuery(opts) },
      'safe',
      { ...opts, timeoutMs: opts.timeoutMs ?? 0 },
    );
    return { head: readHead(response.headers), body: response.body, status: response.status };
  } catch (error) {
    throw missingKey(error, key);
  }
}

/**
 * Writes a small text object (a note, an empty `folder/` marker). Files go up through presigned
 * URLs from the page instead (see ./presign and ./multipart).
 */
export async function putObject(
  profile: Profile,
  signer: Signer,
  bucket: string,
  key: string,
  body: string,
  opts: WriteOptions & S3CallOptions = {},
): Promise<{ etag: string }> {
  const headers = writeHeaders(opts);
  headers['content-type'] ??= body === '' ? 'application/x-directory' : 'text/plain; charset=utf-8';
  const response = await s3Text(
    profile,
    signer,
    { method: 'PUT', bucket, key, headers, body },
    'safe',
    opts,
  );
  return { etag: unquoteEtag(response.headers.get('etag') ?? '') };
}

/** Creates the empty `prefix/` object that S3 consoles show as a folder. */
export async function createFolder(
  profile: Profile,
  signer: Signer,
  bucket: string,
  prefix: string,
  opts: S3CallOptions = {},
): Promise<void> {
  const key = prefix.endsWith('/') ? prefix : `${prefix}/`;
  await putObject(profile, signer, bucket, key, '', opts);
}

/**
 * Deletes one object; S3 answers 204 whether or not it existed, so a retry is harmless. In a
 * versioned bucket this adds a delete marker; with a versionId it removes that version (or delete
 * marker) for good.
 */
export async function deleteObject(
  profile: Profile,
  signer: Signer,
  bucket: string,
  key: string,
  opts: S3CallOptions & VersionOption = {},
): Promise<void> {
  await s3Text(
    profile,
    signer,
    { method: 'DELETE', bucket, key, query: versionQuery(opts) },
    'safe',
    opts,
  );
}
