// Lists a bucket (one folder level with a delimiter, or everything under a prefix) page by page:
// ListObjectsV2 with continuation tokens, falling back to v1 markers when the server answers v1.

import { CloudError } from '../errors';
import type { Profile } from '../profile';
import type { Signer } from '../signer';
import type { S3Query } from './address';
import { requestIdOf, type S3CallOptions, s3Text } from './call';
import { type ListPage, parseListPage } from './list-page';
import type { ObjectSummary } from './types';

export interface ListObjectsOptions extends S3CallOptions {
  prefix?: string;
  /** Default '/': one folder level. '' lists every key under the prefix. */
  delimiter?: string;
  /** Keys per page, at most 1,000 (the default). */
  maxKeys?: number;
  /** false: keep nothing (the result's lists stay empty); onPage sees every page. */
  collect?: boolean;
  /** Each page as it arrives; prefixes already reported are not repeated. */
  onPage?: (objects: ObjectSummary[], prefixes: string[]) => void;
}

export interface ListObjectsResult {
  objects: ObjectSummary[];
  prefixes: string[];
  /** Which listing the server spoke: 1 when it ignored list-type=2. */
  version: 1 | 2;
}

// Codes a server may answer a listing parameter it does not know with (list-type, encoding-type).
const REFUSED_PARAMETER = new Set(['InvalidArgument', 'InvalidRequest', 'NotImplemented']);

export async function listObjects(
  profile: Profile,
  signer: Signer,
  bucket: string,
  opts: ListObjectsOptions = {},
): Promise<ListObjectsResult> {
  const prefix = opts.prefix ?? '';
  const delimiter = opts.delimiter ?? '/';
  const maxKeys = Math.min(1000, Math.max(1, opts.maxKeys ?? 1000));
  const objects: ObjectSummary[] = [];
  const prefixes: string[] = [];
  const reported = new Set<string>();
  const tokens = new Set<string>();
  let version: 1 | 2 = 2;
  let v1 = false;
  let urlEncoding = true;
  let token = '';
  let marker = '';
  let first = true;

  for (;;) {
    const query: [string, string | undefined][] = [];
    if (!v1) query.push(['list-type', '2']);
    if (prefix) query.push(['prefix', prefix]);
    if (delimiter) query.push(['delimiter', delimiter]);
    query.push(['max-keys', String(maxKeys)]);
    if (urlEncoding) query.push(['encoding-type', 'url']);
    if (!v1 && token) query.push(['continuation-token', token]);
    if (v1 && marker) query.push(['marker', marker]);

    let page: ListPage;
    try {
      page = await listPage(profile, signer, bucket, query, opts);
    } catch (error) {
      // A server that refuses the v2 parameters outright gets a plain v1 request, once.
      const refused =
        error instanceof CloudError &&
        (error.status === 400 || error.status === 501) &&
        REFUSED_PARAMETER.has(error.code);
      if (!first || !refused || v1) throw error;
      v1 = true;
      urlEncoding = false;
      version = 1;
      continue;
    }
    first = false;
    if (page.version === 1) version = 1;
    const fresh: string[] = [];
    for (const p of page.prefixes) {
      if (reported.has(p)) continue;
      reported.add(p);
      fresh.push(p);
    }
    if (opts.collect !== false) {
      for (const object of page.objects) objects.push(object);
      for (const p of fresh) prefixes.push(p);
    }
    opts.onPage?.(page.objects, fresh);

    if (!page.truncated) return { objects, prefixes, version };
    if (!v1 && page.version === 2 && page.nextContinuationToken) {
      if (tokens.has(page.nextContinuationToken)) throw notAdvancing(bucket);
      tokens.add(page.nextContinuationToken);
      token = page.nextContinuationToken;
      continue;
    }
    // v1 (or a v2 answer without a token): go on after the last key or prefix of this page.
    const next = page.nextMarker || page.lastKey;
    if (!next || next === marker) throw notAdvancing(bucket);
    v1 = true;
    marker = next;
  }
}

async function listPage(
  profile: Profile,
  signer: Signer,
  bucket: string,
  query: S3Query,
  opts: S3CallOptions,
): Promise<ListPage> {
  return s3Text(profile, signer, { method: 'GET', bucket, query }, 'safe', opts, (response) =>
    parseListPage(response.text, response.status, requestIdOf(response.headers)),
  );
}

function notAdvancing(bucket: string): CloudError {
  return new CloudError({
    code: 'ListNotAdvancing',
    message: `The listing of ${bucket} says there is more but gives no way past this page`,
  });
}
