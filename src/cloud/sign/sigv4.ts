// Signature Version 4 through aws4fetch's AwsV4Signer, with the choices that matter for
// non-AWS endpoints made explicit here rather than guessed by the library.

import { AwsV4Signer } from 'aws4fetch';
import type { Credentials } from '../profile';
import type { HttpRequest } from '../request';
import {
  checkExpiry,
  EMPTY_SHA256,
  isBrowserControlledHeader,
  lowerCaseHeaders,
  sha256Hex,
} from './common';

export interface V4Scope {
  service: string;
  region: string;
}

/** SigV4 presigned URLs are valid for at most 7 days. */
export const MAX_PRESIGN_SECONDS_V4 = 604_800;

// Headers a caller may carry over from an earlier signing (a retry after a clock correction);
// the signer writes them afresh.
const SIGNER_OWNED = ['authorization', 'x-amz-date', 'x-amz-security-token'];

// aws4fetch caches derived signing keys (secret, day, region, service) here; one key per day
// saves four HMACs per request, which is what makes 1,000 part URLs cheap.
const signingKeyCache = new Map<string, ArrayBuffer>();
// The first signing per key, so a batch started all at once (Promise.all over 1,000 parts)
// waits for one derivation instead of running 1,000 of them before the cache fills.
const firstSignings = new Map<string, Promise<unknown>>();
const MAX_CACHED_SIGNING_KEYS = 32;

/** Forgets every derived key and pending first signing (their ids hold raw secrets). */
export function clearSigningKeys(): void {
  signingKeyCache.clear();
  firstSignings.clear();
}

export function signingKeyCount(): number {
  return signingKeyCache.size + firstSignings.size;
}

/** 20150830T123600Z */
export function amzDate(now: Date): string {
  return now.toISOString().replace(/[-:]|\.\d{3}/g, '');
}

/**
 * Signs with an Authorization header. The returned headers are lower-case and never include
 * Host: the browser sends it, and the signature covers exactly what it sends (URL.host, which
 * keeps a non-default port such as 10.0.0.5:8773 and drops :80/:443).
 */
export async function signV4(
  req: HttpRequest,
  creds: Credentials,
  scope: V4Scope,
  now: Date,
): Promise<HttpRequest> {
  const url = requestUrl(req.url, scope.service);
  const headers = lowerCaseHeaders(req.headers);
  for (const name of SIGNER_OWNED) delete headers[name];
  delete headers.host;
  if (scope.service === 's3') {
    // S3 requires the payload hash header. A string body is hashed; without one the caller may
    // have chosen UNSIGNED-PAYLOAD (a File sent in parts), else the body is empty.
    if (req.body !== undefined) headers['x-amz-content-sha256'] = await sha256Hex(req.body);
    else headers['x-amz-content-sha256'] ??= EMPTY_SHA256;
  }
  const signer = newSigner(req.method, url, headers, req.body, creds, scope, now, false);
  const signed = await signOnceKeyIsCached(signer, creds, scope, now);
  const out = { ...headers };
  signed.headers.forEach((value, name) => {
    out[name] = value;
  });
  return { method: req.method, url: url.toString(), headers: out, body: req.body };
}

/**
 * A URL that carries its own signature (X-Amz-* query parameters), for links and for part
 * uploads sent without our headers. The payload is UNSIGNED-PAYLOAD: it is not known here.
 */
export async function presignV4(
  req: HttpRequest,
  creds: Credentials,
  scope: V4Scope,
  now: Date,
  expiresSeconds: number,
): Promise<string> {
  checkExpiry(expiresSeconds, MAX_PRESIGN_SECONDS_V4);
  const url = requestUrl(req.url, scope.service);
  for (const name of ['X-Amz-Signature', 'X-Amz-Security-Token']) {
    if (url.searchParams.has(name)) url.searchParams.delete(name);
  }
  url.searchParams.set('X-Amz-Expires', String(expiresSeconds));
  const headers = lowerCaseHeaders(req.headers);
  // Without an x-amz-content-sha256 header aws4fetch signs an s3 query as UNSIGNED-PAYLOAD, and
  // the header is left out so whoever uses the URL need not send it.
  for (const name of [...SIGNER_OWNED, 'x-amz-content-sha256']) delete headers[name];
  const signer = newSigner(req.method, url, headers, undefined, creds, scope, now, true);
  const signed = await signOnceKeyIsCached(signer, creds, scope, now);
  return signed.url.toString();
}

function newSigner(
  method: string,
  url: URL,
  headers: Record<string, string>,
  body: string | undefined,
  creds: Credentials,
  scope: V4Scope,
  now: Date,
  signQuery: boolean,
): AwsV4Signer {
  const signable: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (!isBrowserControlledHeader(name)) signable[name] = value;
  }
  return new AwsV4Signer({
    method,
    url: url.toString(),
    headers: signable,
    body: body ?? null,
    accessKeyId: creds.accessKeyId,
    secretAccessKey: creds.secretAccessKey,
    sessionToken: creds.sessionToken,
    // Always explicit: aws4fetch guesses from AWS host names and gets 10.0.0.5:8773 wrong.
    service: scope.service,
    region: scope.region,
    datetime: amzDate(now),
    signQuery,
    // Sign every header we send (content-type included, as the AWS test suite expects);
    // browser-controlled ones were filtered out above.
    allHeaders: true,
    // No singleEncode: for s3 aws4fetch decodes the path and encodes it once (RFC 3986), which
    // equals the URL's own path when the key was RFC 3986-encoded; singleEncode would sign the
    // decoded path instead. Other services get the double encoding SigV4 prescribes.
    cache: signingKeyCache,
  });
}

function signOnceKeyIsCached(
  signer: AwsV4Signer,
  creds: Credentials,
  scope: V4Scope,
  now: Date,
): ReturnType<AwsV4Signer['sign']> {
  const id = [creds.secretAccessKey, amzDate(now).slice(0, 8), scope.region, scope.service].join(
    '\n',
  );
  const first = firstSignings.get(id);
  if (first) return first.then(() => signer.sign());
  if (firstSignings.size >= MAX_CACHED_SIGNING_KEYS) {
    firstSignings.clear();
    signingKeyCache.clear();
  }
  const signed = signer.sign();
  // A failed first signing must not hold the others back (nor fail them).
  firstSignings.set(
    id,
    signed.catch(() => undefined),
  );
  return signed;
}

function requestUrl(raw: string, service: string): URL {
  const url = new URL(raw);
  // aws4fetch reads a raw '+' in an S3 path as a space (AWS's legacy reading; MinIO reads a
  // plus). Send and sign it as %2B so every server sees the same literal '+'.
  if (service === 's3' && url.pathname.includes('+')) {
    url.pathname = url.pathname.replaceAll('+', '%2B');
  }
  return url;
}
