// Signature Version 2, still what older Eucalyptus clouds (and some S3-compatible stores)
// accept: the EC2 Query form (HmacSHA256) and the S3 REST form (HMAC-SHA1).
// EC2: https://docs.aws.amazon.com/general/latest/gr/signature-version-2.html
// S3:  https://docs.aws.amazon.com/AmazonS3/latest/userguide/RESTAuthentication.html

import type { Credentials } from '../profile';
import type { HttpRequest } from '../request';
import { checkExpiry, lowerCaseHeaders, rfc3986 } from './common';

type HmacHash = 'SHA-1' | 'SHA-256';

export interface S3V2Options {
  /**
   * The bucket when it is named by the Host (virtual-hosted style, or a CNAME such as
   * static.example.net); S3 v2 signs it as a leading /bucket. Omit for path-style URLs.
   */
  virtualHostedBucket?: string;
}

const encoder = new TextEncoder();

// Importing an HMAC key costs about as much as using it; keep one per secret and hash so a
// batch of presigned part URLs imports once. Promises, so concurrent signers share an import.
const hmacKeys = new Map<string, Promise<CryptoKey>>();
const MAX_CACHED_HMAC_KEYS = 16;

/** Forgets every imported key (each holds a raw secret); see clearSigningCaches. */
export function clearHmacKeys(): void {
  hmacKeys.clear();
}

export function hmacKeyCount(): number {
  return hmacKeys.size;
}

function hmacKey(hash: HmacHash, secret: string): Promise<CryptoKey> {
  const id = `${hash}\n${secret}`;
  let key = hmacKeys.get(id);
  if (!key) {
    if (hmacKeys.size >= MAX_CACHED_HMAC_KEYS) hmacKeys.clear();
    key = crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash }, false, [
      'sign',
    ]);
    key.catch(() => hmacKeys.delete(id));
    hmacKeys.set(id, key);
  }
  return key;
}

/** base64(HMAC(secret, stringToSign)): the Signature of both SigV2 forms. */
export async function signStringV2(
  hash: HmacHash,
  secret: string,
  stringToSign: string,
): Promise<string> {
  const key = await hmacKey(hash, secret);
  const mac = await crypto.subtle.sign('HMAC', key, encoder.encode(stringToSign));
  return base64(new Uint8Array(mac));
}

// --- EC2 Query -------------------------------------------------------------------------------

// Parameters the signer owns; stale copies from an earlier signing are dropped. Expires too: a
// caller-chosen expiry could make one signature last for years, so the signer always writes
// Timestamp, which the server accepts only within minutes of its clock.
const EC2_AUTH_PARAMS = new Set([
  'AWSAccessKeyId',
  'Expires',
  'Signature',
  'SignatureMethod',
  'SignatureVersion',
  'Timestamp',
  'SecurityToken',
]);

/**
 * METHOD \n host[:port] \n path \n canonical query. The host is URL.host: lower-case, with the
 * port only when it is not the scheme's default, which is the Host header the browser sends.
 */
export function stringToSignEc2V2(
  method: string,
  url: URL,
  params: ReadonlyArray<readonly [string, string]>,
): string {
  return [method.toUpperCase(), url.host, url.pathname || '/', canonicalQueryV2(params)].join('\n');
}

/** Parameters sorted by name in UTF-8 byte order, names and values RFC 3986-encoded. */
export function canonicalQueryV2(params: ReadonlyArray<readonly [string, string]>): string {
  return [...params]
    .sort(([n1, v1], [n2, v2]) => compareCodePoints(n1, n2) || compareCodePoints(v1, v2))
    .map(([name, value]) => `${rfc3986(name)}=${rfc3986(value)}`)
    .join('&');
}

/**
 * Signs an EC2 Query request. A POST gets every parameter (the URL's query moved in too) in
 * its form body; a GET keeps them in the URL.
 */
export async function signEc2QueryV2(
  req: HttpRequest,
  creds: Credentials,
  now: Date,
): Promise<HttpRequest> {
  const method = req.method.toUpperCase();
  const url = new URL(req.url);
  const headers = lowerCaseHeaders(req.headers);
  delete headers.authorization;
  const inBody = method !== 'GET' && method !== 'HEAD';
  const params: [string, string][] = [...url.searchParams];
  if (inBody && req.body) params.push(...new URLSearchParams(req.body));
  const kept = params.filter(([name]) => !EC2_AUTH_PARAMS.has(name));
  kept.push(
    ['AWSAccessKeyId', creds.accessKeyId],
    ['SignatureMethod', 'HmacSHA256'],
    ['SignatureVersion', '2'],
  );
  kept.push(['Timestamp', ec2Timestamp(now)]);
  if (creds.sessionToken) kept.push(['SecurityToken', creds.sessionToken]);

  url.search = '';
  const signature = await signStringV2(
    'SHA-256',
    creds.secretAccessKey,
    stringToSignEc2V2(method, url, kept),
  );
  const encoded = `${canonicalQueryV2(kept)}&Signature=${rfc3986(signature)}`;
  if (!inBody) {
    url.search = encoded;
    return { method, url: url.toString(), headers };
  }
  headers['content-type'] ??= 'application/x-www-form-urlencoded; charset=utf-8';
  return { method, url: url.toString(), headers, body: encoded };
}

/** 2011-10-03T15:19:30Z: ISO 8601 UTC without milliseconds. */
export function ec2Timestamp(now: Date): string {
  return now.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

// --- S3 REST ---------------------------------------------------------------------------------

// Query parameters S3 v2 signs as part of the resource; every other one is left out.
const S3_SUBRESOURCES = new Set([
  'acl',
  'cors',
  'delete',
  'lifecycle',
  'location',
  'logging',
  'notification',
  'partNumber',
  'policy',
  'requestPayment',
  'restore',
  'tagging',
  'torrent',
  'uploadId',
  'uploads',
  'versionId',
  'versioning',
  'versions',
  'website',
  'response-cache-control',
  'response-content-disposition',
  'response-content-encoding',
  'response-content-language',
  'response-content-type',
  'response-expires',
]);

// The query-string authentication parameters; a URL being presigned again loses its old ones.
const S3_QUERY_AUTH = new Set(['AWSAccessKeyId', 'Expires', 'Signature', 'x-amz-security-token']);

/**
 * The path exactly as sent (service path included, percent-encoding untouched), prefixed with
 * /bucket for a virtual-hosted bucket, then the signed sub-resources sorted by name with their
 * decoded values, e.g. /services/Walrus/b/k?partNumber=2&uploadId=x.
 */
export function canonicalResourceS3V2(url: URL, options: S3V2Options = {}): string {
  const bucket = options.virtualHostedBucket ? `/${options.virtualHostedBucket}` : '';
  const subresources = queryPairs(url.search)
    .filter((pair) => S3_SUBRESOURCES.has(pair.name))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((pair) => (pair.value === undefined ? pair.name : `${pair.name}=${pair.value}`));
  const query = subresources.length > 0 ? `?${subresources.join('&')}` : '';
  return `${bucket}${url.pathname || '/'}${query}`;
}

/**
 * VERB \n Content-MD5 \n Content-Type \n Date \n CanonicalizedAmzHeaders CanonicalizedResource.
 * `dateLine` is empty when x-amz-date is sent, or the Expires value for a presigned URL.
 */
export function stringToSignS3V2(
  method: string,
  headers: Record<string, string>,
  dateLine: string,
  resource: string,
): string {
  const h = lowerCaseHeaders(headers);
  const amzHeaders = Object.keys(h)
    .filter((name) => name.startsWith('x-amz-'))
    .sort()
    .map((name) => `${name}:${unfold(h[name] ?? '')}\n`)
    .join('');
  const md5 = (h['content-md5'] ?? '').trim();
  const type = (h['content-type'] ?? '').trim();
  return `${method.toUpperCase()}\n${md5}\n${type}\n${dateLine}\n${amzHeaders}${resource}`;
}

/**
 * Signs with `Authorization: AWS key:signature`. Browsers refuse to let a page set Date, so
 * the time goes in x-amz-date and the Date line stays empty.
 */
export async function signS3V2(
  req: HttpRequest,
  creds: Credentials,
  now: Date,
  options: S3V2Options = {},
): Promise<HttpRequest> {
  const method = req.method.toUpperCase();
  const url = new URL(req.url);
  const headers = lowerCaseHeaders(req.headers);
  delete headers.authorization;
  delete headers.date;
  headers['x-amz-date'] = rfc1123(now);
  if (creds.sessionToken) headers['x-amz-security-token'] = creds.sessionToken;
  else delete headers['x-amz-security-token'];
  // fetch and XHR add this Content-Type to a string body that has none; sign what is sent.
  if (req.body !== undefined) headers['content-type'] ??= 'text/plain;charset=UTF-8';

  const stringToSign = stringToSignS3V2(method, headers, '', canonicalResourceS3V2(url, options));
  const signature = await signStringV2('SHA-1', creds.secretAccessKey, stringToSign);
  headers.authorization = `AWS ${creds.accessKeyId}:${signature}`;
  return { method, url: req.url, headers, body: req.body };
}

/**
 * Query-string authentication: AWSAccessKeyId, Expires (epoch seconds) and Signature appended
 * to the URL; the Expires value takes the Date line's place.
 */
export async function presignS3V2(
  req: HttpRequest,
  creds: Credentials,
  now: Date,
  expiresSeconds: number,
  options: S3V2Options = {},
): Promise<string> {
  checkExpiry(expiresSeconds);
  const method = req.method.toUpperCase();
  const url = new URL(req.url);
  // Rebuilt from the raw pairs so the rest of the query stays byte for byte as given.
  url.search = queryPairs(url.search)
    .filter((pair) => !S3_QUERY_AUTH.has(pair.name))
    .map((pair) => pair.raw)
    .join('&');
  const headers = lowerCaseHeaders(req.headers);
  for (const name of ['authorization', 'date', 'x-amz-date', 'x-amz-security-token']) {
    delete headers[name];
  }
  if (creds.sessionToken) headers['x-amz-security-token'] = creds.sessionToken;
  const expires = String(Math.floor(now.getTime() / 1000) + expiresSeconds);

  const stringToSign = stringToSignS3V2(
    method,
    headers,
    expires,
    canonicalResourceS3V2(url, options),
  );
  const signature = await signStringV2('SHA-1', creds.secretAccessKey, stringToSign);
  let auth = `AWSAccessKeyId=${rfc3986(creds.accessKeyId)}&Expires=${expires}&Signature=${rfc3986(signature)}`;
  if (creds.sessionToken) auth += `&x-amz-security-token=${rfc3986(creds.sessionToken)}`;
  url.search = url.search ? `${url.search.slice(1)}&${auth}` : auth;
  return url.toString();
}

/** Tue, 27 Mar 2007 19:36:42 +0000 */
export function rfc1123(now: Date): string {
  return now.toUTCString().replace(/GMT$/, '+0000');
}

// --- helpers ---------------------------------------------------------------------------------

interface QueryPair {
  /** The pair exactly as it appears in the URL. */
  raw: string;
  name: string;
  /** Undefined for a bare name such as `?uploads`, which S3 v2 signs without '='. */
  value?: string;
}

function queryPairs(search: string): QueryPair[] {
  const query = search.startsWith('?') ? search.slice(1) : search;
  if (!query) return [];
  return query
    .split('&')
    .filter((raw) => raw !== '')
    .map((raw) => {
      const eq = raw.indexOf('=');
      if (eq < 0) return { raw, name: decodeQueryPart(raw) };
      return {
        raw,
        name: decodeQueryPart(raw.slice(0, eq)),
        value: decodeQueryPart(raw.slice(eq + 1)),
      };
    });
}

function decodeQueryPart(part: string): string {
  try {
    return decodeURIComponent(part.replace(/\+/g, ' '));
  } catch {
    return part;
  }
}

/** Folded header lines become one line with single spaces, as S3 v2 canonicalization asks. */
function unfold(value: string): string {
  return value.replace(/\s*\r?\n\s*/g, ' ').trim();
}

/** UTF-8 byte order, which is code point order (plain < compares UTF-16 units). */
function compareCodePoints(a: string, b: string): number {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a.codePointAt(i) ?? 0;
    const y = b.codePointAt(j) ?? 0;
    if (x !== y) return x - y;
    i += x > 0xffff ? 2 : 1;
    j += y > 0xffff ? 2 : 1;
  }
  return a.length - i - (b.length - j);
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function base64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const rest = bytes.length - i;
    const n = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += BASE64[(n >> 18) & 63];
    out += BASE64[(n >> 12) & 63];
    out += rest > 1 ? BASE64[(n >> 6) & 63] : '=';
    out += rest > 2 ? BASE64[n & 63] : '=';
  }
  return out;
}
