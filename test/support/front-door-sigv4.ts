// Signature Version 4, recomputed with @smithy/signature-v4 (the AWS SDK's signer), never with the
// project's own signer: the front door is an independent check.

import { createHash, timingSafeEqual } from 'node:crypto';
import { Sha256 } from '@aws-crypto/sha256-js';
import { ALGORITHM_IDENTIFIER, getCanonicalHeaders, SignatureV4 } from '@smithy/signature-v4';
import {
  checkSkew,
  FrontDoorError,
  findCredential,
  isQueryService,
  lastValue,
  malformed,
  parseAmzDate,
  presignedExpired,
  type ReceivedRequest,
  rfc3986,
  type Service,
  signatureMismatch,
  type Verified,
  type VerifyContext,
} from './front-door-request';

type SmithyRequest = Parameters<SignatureV4['presign']>[0];

const UNSIGNED_PAYLOAD = 'UNSIGNED-PAYLOAD';
const MAX_PRESIGNED_SECONDS = 7 * 24 * 3600;

const V4_QUERY_PARAMS = new Set([
  'X-Amz-Algorithm',
  'X-Amz-Credential',
  'X-Amz-Date',
  'X-Amz-Expires',
  'X-Amz-SignedHeaders',
  'X-Amz-Signature',
  'X-Amz-Security-Token',
]);

export function isV4Header(req: ReceivedRequest): boolean {
  return /^AWS4-HMAC-SHA256\s/.test(req.headers.authorization ?? '');
}

export function isV4Query(req: ReceivedRequest): boolean {
  return req.query.some(([key]) => key === 'X-Amz-Algorithm');
}

/** Exposes smithy's own canonical request and string to sign, only to explain a mismatch. */
class ExplainingSigner extends SignatureV4 {
  async explain(
    request: SmithyRequest,
    unsignable: Set<string>,
    signable: Set<string>,
    payloadHash: string,
    longDate: string,
    scope: string,
  ): Promise<{ canonicalRequest: string; stringToSign: string }> {
    const headers = getCanonicalHeaders(request, unsignable, signable);
    const canonicalRequest = this.createCanonicalRequest(request, headers, payloadHash);
    const stringToSign = await this.createStringToSign(
      longDate,
      scope,
      canonicalRequest,
      ALGORITHM_IDENTIFIER,
    );
    return { canonicalRequest, stringToSign };
  }
}

interface Scope {
  accessKeyId: string;
  date: string;
  region: string;
  service: string;
}

/** SigV4 in the Authorization header or in a presigned query, over the path as received. */
export async function verifySigV4(req: ReceivedRequest, ctx: VerifyContext): Promise<Verified> {
  return isV4Header(req) ? verifyHeader(req, ctx) : verifyQuery(req, ctx);
}

async function verifyHeader(req: ReceivedRequest, ctx: VerifyContext): Promise<Verified> {
  const service = req.service;
  const fields = parseAuthorization(req.headers.authorization ?? '');
  const credentialText = fields.get('Credential');
  const signedHeadersText = fields.get('SignedHeaders');
  const provided = fields.get('Signature');
  if (!credentialText || !signedHeadersText || !provided) {
    throw malformed(
      service,
      'Authorization header requires Credential, SignedHeaders and Signature parameters.',
      'AuthorizationHeaderMalformed',
    );
  }
  const signedHeaders = signedHeadersText.split(';');
  if (signedHeaders.includes('date')) {
    // smithy drops a signed Date header, and browsers cannot send one; x-amz-date is the rule.
    throw new FrontDoorError(
      400,
      'FrontDoorUnsupported',
      'The front door verifies SigV4 only with x-amz-date; sign x-amz-date, not Date.',
    );
  }
  const rawDate = req.headers['x-amz-date'];
  if (rawDate === undefined) {
    throw malformed(service, 'AWS authentication requires a valid Date or x-amz-date header');
  }
  const signingDate = parseAmzDate(rawDate);
  if (signingDate === undefined) {
    throw malformed(
      service,
      `Date must be in ISO-8601 'basic format'. Got '${rawDate}'. See http://en.wikipedia.org/wiki/ISO_8601`,
    );
  }
  checkSkew(service, ctx, signingDate, rawDate);
  const scope = parseScope(service, credentialText, false);
  checkScope(service, ctx, scope, false);
  const credential = findCredential(service, ctx, scope.accessKeyId);

  const payloadHash = payloadHashFor(req);
  const signable = new Set(signedHeaders);
  const headers: Record<string, string> = {};
  for (const name of signedHeaders) {
    const value = req.headers[name];
    if (value !== undefined) headers[name] = value;
  }
  // smithy reads the payload hash from this header when present; unsigned, it stays out of the
  // canonical headers.
  const unsignable = new Set<string>();
  if (payloadHash !== undefined) headers['x-amz-content-sha256'] = payloadHash;
  for (const name of ['x-amz-content-sha256', 'x-amz-date']) {
    if (!signable.has(name)) unsignable.add(name);
  }

  const signer = signerFor(req.service, ctx.region, credential);
  const request = smithyRequest(req, headers, req.query);
  const signed = await signer.sign(request, {
    signingDate: new Date(signingDate),
    signableHeaders: signable,
    unsignableHeaders: unsignable,
  });
  const expected = /Signature=([0-9a-f]+)/.exec(String(signed.headers.authorization ?? ''))?.[1];
  const expectedHeaders = /SignedHeaders=([^,]+)/.exec(
    String(signed.headers.authorization ?? ''),
  )?.[1];
  if (!expected || !sameText(expected, provided) || expectedHeaders !== signedHeadersText) {
    const effectiveHash =
      payloadHash ??
      createHash('sha256')
        .update(req.body ?? Buffer.alloc(0))
        .digest('hex');
    const { canonicalRequest, stringToSign } = await signer.explain(
      signed,
      unsignable,
      signable,
      effectiveHash,
      rawDate,
      scopeString(scope, rawDate),
    );
    throw signatureMismatch(service, scope.accessKeyId, provided, stringToSign, canonicalRequest);
  }
  return {
    credential,
    sigVersion: 4,
    presigned: false,
    authParams: new Set(),
    ...(payloadHash && /^[0-9a-f]{64}$/.test(payloadHash) && req.service === 's3'
      ? { expectedSha256: payloadHash }
      : {}),
  };
}

async function verifyQuery(req: ReceivedRequest, ctx: VerifyContext): Promise<Verified> {
  const service = req.service;
  const param = (name: string): string | undefined => lastValue(req.query, name);
  const algorithm = param('X-Amz-Algorithm');
  const credentialText = param('X-Amz-Credential');
  const rawDate = param('X-Amz-Date');
  const expiresText = param('X-Amz-Expires');
  const signedHeadersText = param('X-Amz-SignedHeaders');
  const provided = param('X-Amz-Signature');
  if (!credentialText || !rawDate || !expiresText || !signedHeadersText || !provided) {
    throw malformed(
      service,
      'Query-string authentication version 4 requires the X-Amz-Algorithm, X-Amz-Credential, ' +
        'X-Amz-Signature, X-Amz-Date, X-Amz-SignedHeaders, and X-Amz-Expires parameters.',
      'AuthorizationQueryParametersError',
    );
  }
  if (algorithm !== ALGORITHM_IDENTIFIER) {
    throw malformed(
      service,
      'X-Amz-Algorithm only supports "AWS4-HMAC-SHA256"',
      'AuthorizationQueryParametersError',
    );
  }
  const signingDate = parseAmzDate(rawDate);
  if (signingDate === undefined) {
    throw malformed(
      service,
      "X-Amz-Date must be in the ISO8601 Long Format \"yyyyMMdd'T'HHmmss'Z'\"",
      'AuthorizationQueryParametersError',
    );
  }
  const expiresIn = Number(expiresText);
  if (!/^\d+$/.test(expiresText) || expiresIn < 1 || expiresIn > MAX_PRESIGNED_SECONDS) {
    throw malformed(
      service,
      'X-Amz-Expires must be less than a week (in seconds) that is 604800',
      'AuthorizationQueryParametersError',
    );
  }
  const expiresAt = signingDate + expiresIn * 1000;
  if (ctx.now > expiresAt) throw presignedExpired(service, ctx, expiresAt, rawDate);
  if (signingDate - ctx.now > ctx.maxSkewMs) {
    throw isQueryService(service)
      ? new FrontDoorError(
          400,
          'RequestExpired',
          `Message was generated in the future (times in UTC): Timestamp=${rawDate}`,
        )
      : new FrontDoorError(403, 'AccessDenied', 'Request is not yet valid');
  }
  const scope = parseScope(service, credentialText, true);
  checkScope(service, ctx, scope, true);
  const credential = findCredential(service, ctx, scope.accessKeyId);

  const signedHeaders = signedHeadersText.split(';');
  const signable = new Set(signedHeaders);
  const headers: Record<string, string> = {};
  for (const name of signedHeaders) {
    const value = req.headers[name];
    if (value !== undefined) headers[name] = value;
  }
  // S3 presigned URLs sign UNSIGNED-PAYLOAD; other services sign the (usually empty) body.
  const unsignable = new Set<string>();
  const payloadHash =
    service === 's3' ? (headers['x-amz-content-sha256'] ?? UNSIGNED_PAYLOAD) : undefined;
  if (payloadHash !== undefined && !signable.has('x-amz-content-sha256')) {
    headers['x-amz-content-sha256'] = payloadHash;
    unsignable.add('x-amz-content-sha256');
  }
  // Signed x-amz-* headers were sent as headers; smithy would otherwise hoist them into the query.
  const unhoistable = new Set(Object.keys(headers).filter((name) => name.startsWith('x-amz-')));

  const query = req.query.filter(([key]) => key !== 'X-Amz-Signature');
  const signer = signerFor(service, ctx.region, credential);
  const request = smithyRequest(req, headers, query);
  const presigned = await signer
    .presign(request, {
      signingDate: new Date(signingDate),
      expiresIn,
      signableHeaders: signable,
      unsignableHeaders: unsignable,
      unhoistableHeaders: unhoistable,
    })
    .catch((error: unknown) => {
      throw malformed(service, String(error), 'AuthorizationQueryParametersError');
    });
  const expected = presigned.query?.['X-Amz-Signature'];
  if (typeof expected !== 'string' || !sameText(expected, provided)) {
    const effectiveHash =
      payloadHash ??
      createHash('sha256')
        .update(req.body ?? Buffer.alloc(0))
        .digest('hex');
    const { canonicalRequest, stringToSign } = await signer.explain(
      presigned,
      unsignable,
      signable,
      effectiveHash,
      rawDate,
      scopeString(scope, rawDate),
    );
    throw signatureMismatch(service, scope.accessKeyId, provided, stringToSign, canonicalRequest);
  }
  return { credential, sigVersion: 4, presigned: true, authParams: V4_QUERY_PARAMS };
}

/**
 * Re-signs a request for moto with SigV4 (moto picks the service and region from the credential
 * scope). `body` is what smithy hashes; S3 callers pass none and an UNSIGNED-PAYLOAD header.
 */
export async function signForMoto(options: {
  service: Service;
  region: string;
  credential: { accessKeyId: string; secretAccessKey: string };
  method: string;
  host: string;
  path: string;
  query: Array<[string, string]>;
  headers: Record<string, string>;
  body?: Buffer;
}): Promise<Record<string, string>> {
  const signer = new SignatureV4({
    service: options.service,
    region: options.region,
    credentials: options.credential,
    sha256: Sha256,
    uriEscapePath: options.service !== 's3',
    applyChecksum: false,
  });
  const [hostname = '', port] = options.host.split(':');
  const signed = await signer.sign({
    method: options.method,
    protocol: 'http:',
    hostname,
    ...(port ? { port: Number(port) } : {}),
    path: options.service === 's3' ? canonicalS3Path(options.path) : options.path,
    query: toQueryBag(options.query),
    headers: { ...options.headers, host: options.host },
    body: options.body,
  });
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(signed.headers)) {
    if (value !== undefined) out[name] = String(value);
  }
  return out;
}

function signerFor(
  service: Service,
  region: string,
  credential: { accessKeyId: string; secretAccessKey: string },
): ExplainingSigner {
  return new ExplainingSigner({
    service,
    region,
    credentials: {
      accessKeyId: credential.accessKeyId,
      secretAccessKey: credential.secretAccessKey,
    },
    sha256: Sha256,
    // EC2 canonical paths are URI-encoded again; S3's are encoded exactly once.
    uriEscapePath: service !== 's3',
    applyChecksum: false,
  });
}

function smithyRequest(
  req: ReceivedRequest,
  headers: Record<string, string>,
  query: Array<[string, string]>,
): SmithyRequest {
  const [hostname = '', port] = (req.headers.host ?? '').split(':');
  return {
    method: req.method,
    protocol: 'http:',
    hostname,
    ...(port ? { port: Number(port) } : {}),
    // EC2: the path as received, which smithy encodes again. S3: AWS's canonical form of it.
    path: req.service === 's3' ? canonicalS3Path(req.rawPath) : req.rawPath || '/',
    query: toQueryBag(query),
    headers,
    body: req.body,
  };
}

/**
 * S3 signs each path segment RFC 3986-encoded once, whatever encoding the client chose to send
 * (a browser leaves `'` or `!` raw in the URL it sends while the signature covers `%27`, `%21`).
 */
export function canonicalS3Path(rawPath: string): string {
  const segments = (rawPath || '/').split('/').map((segment) => {
    try {
      return rfc3986(decodeURIComponent(segment));
    } catch {
      return segment;
    }
  });
  return segments.join('/');
}

function toQueryBag(pairs: Array<[string, string]>): Record<string, string | string[]> {
  const bag: Record<string, string | string[]> = {};
  for (const [key, value] of pairs) {
    const existing = bag[key];
    if (existing === undefined) bag[key] = value;
    else if (Array.isArray(existing)) existing.push(value);
    else bag[key] = [existing, value];
  }
  return bag;
}

function payloadHashFor(req: ReceivedRequest): string | undefined {
  const header = req.headers['x-amz-content-sha256'];
  if (isQueryService(req.service)) {
    if (header !== undefined && req.body !== undefined) {
      const actual = createHash('sha256').update(req.body).digest('hex');
      if (header !== actual) {
        throw new FrontDoorError(
          400,
          'XAmzContentSHA256Mismatch',
          "The provided 'x-amz-content-sha256' header does not match what was computed.",
        );
      }
    }
    return header;
  }
  if (header === undefined) {
    throw new FrontDoorError(
      400,
      'InvalidRequest',
      'Missing required header for this request: x-amz-content-sha256',
    );
  }
  if (header.startsWith('STREAMING-')) {
    throw new FrontDoorError(
      501,
      'NotImplemented',
      'A header you provided implies functionality that is not implemented',
      [['Header', 'x-amz-content-sha256']],
    );
  }
  if (header !== UNSIGNED_PAYLOAD && !/^[0-9a-f]{64}$/.test(header)) {
    throw new FrontDoorError(
      400,
      'InvalidArgument',
      'x-amz-content-sha256 must be UNSIGNED-PAYLOAD, STREAMING-AWS4-HMAC-SHA256-PAYLOAD, or a valid sha256 value.',
      [
        ['ArgumentName', 'x-amz-content-sha256'],
        ['ArgumentValue', header],
      ],
    );
  }
  return header;
}

function parseAuthorization(header: string): Map<string, string> {
  const fields = new Map<string, string>();
  const body = header.replace(/^AWS4-HMAC-SHA256\s+/, '');
  for (const part of body.split(',')) {
    const eq = part.indexOf('=');
    if (eq > 0) fields.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  return fields;
}

function parseScope(service: Service, text: string, presigned: boolean): Scope {
  const parts = text.split('/');
  const [accessKeyId, date, region, scopeService, terminator] = parts;
  if (
    parts.length !== 5 ||
    !accessKeyId ||
    !date ||
    !region ||
    !scopeService ||
    terminator !== 'aws4_request'
  ) {
    throw malformed(
      service,
      `${presigned ? 'Error parsing the X-Amz-Credential parameter' : 'The authorization header is malformed'}; ` +
        `the Credential is mal-formed; expecting "<YOUR-AKID>/YYYYMMDD/REGION/SERVICE/aws4_request".`,
      presigned ? 'AuthorizationQueryParametersError' : 'AuthorizationHeaderMalformed',
    );
  }
  return { accessKeyId, date, region, service: scopeService };
}

// A client that signs for the wrong region or service fails on AWS too; say so plainly.
function checkScope(service: Service, ctx: VerifyContext, scope: Scope, presigned: boolean): void {
  if (scope.region === ctx.region && scope.service === service) return;
  if (isQueryService(service)) {
    throw new FrontDoorError(
      403,
      'SignatureDoesNotMatch',
      scope.service !== service
        ? `Credential should be scoped to correct service: '${service}'. `
        : `Credential should be scoped to a valid region, not '${scope.region}'. `,
    );
  }
  const prefix = presigned
    ? 'Error parsing the X-Amz-Credential parameter'
    : 'The authorization header is malformed';
  throw new FrontDoorError(
    400,
    presigned ? 'AuthorizationQueryParametersError' : 'AuthorizationHeaderMalformed',
    scope.service !== service
      ? `${prefix}; incorrect service '${scope.service}'. This endpoint belongs to '${service}'.`
      : `${prefix}; the region '${scope.region}' is wrong; expecting '${ctx.region}'`,
    presigned ? [] : [['Region', ctx.region]],
  );
}

function scopeString(scope: Scope, longDate: string): string {
  return `${longDate.slice(0, 8)}/${scope.region}/${scope.service}/aws4_request`;
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
