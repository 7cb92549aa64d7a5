// Shared vocabulary of the Eucalyptus-shaped front door: the parsed request, the credential table,
// the clock, and the errors each check throws. Nothing here imports from src/: the front door is
// an independent check of the project's signing code.

/** EC2 and the other Query-protocol services (CloudWatch, Euare, Tokens) share their error shapes. */
export type Service = 'ec2' | 's3' | 'monitoring' | 'iam' | 'sts';

/** Every service but S3 speaks the Query protocol: form parameters, an Action, one path. */
export function isQueryService(service: Service): boolean {
  return service !== 's3';
}

export interface FrontDoorCredential {
  accessKeyId: string;
  secretAccessKey: string;
  /** Sent to moto as `x-moto-account-id`, so two credentials can be two separate accounts. */
  accountId?: string;
  /** Temporary keys (issued by Tokens / STS): accepted only with this token, until expiresAt. */
  sessionToken?: string;
  /** Epoch ms, on the front door's clock. */
  expiresAt?: number;
}

/** A request as the front door received it, before any rewriting. */
export interface ReceivedRequest {
  service: Service;
  method: string;
  /** The path exactly as received, percent-encoding and service path included. */
  rawPath: string;
  /** Decoded query pairs in order ('+' read as a space, as a Java servlet container does). */
  query: Array<[string, string]>;
  /** Lower-case names; repeated headers joined with ',' as the signing specs require. */
  headers: Record<string, string>;
  /** The whole body for the Query services (small forms); undefined for S3, whose bodies stream. */
  body: Buffer | undefined;
  /** Query services: query pairs followed by form-body pairs, as Eucalyptus merges them. */
  params: Array<[string, string]>;
}

export interface VerifyContext {
  credentials: ReadonlyMap<string, FrontDoorCredential>;
  region: string;
  /** The front door's shifted clock, in epoch milliseconds. */
  now: number;
  maxSkewMs: number;
}

export interface Verified {
  credential: FrontDoorCredential;
  sigVersion: 2 | 4;
  presigned: boolean;
  /** Query parameter names that carried the signature and must not reach moto. */
  authParams: ReadonlySet<string>;
  /** S3 SigV4 with a hex x-amz-content-sha256: the body must hash to this. */
  expectedSha256?: string;
}

/** A refusal, rendered by the front door in the service's XML error shape. */
export class FrontDoorError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Extra S3 `<Error>` child elements, in order. */
    readonly extra: ReadonlyArray<readonly [string, string]> = [],
    /** Diagnostics for the request log (canonical request, string to sign); never secrets. */
    readonly detail?: string,
  ) {
    super(message);
  }
}

export function findCredential(
  service: Service,
  ctx: VerifyContext,
  accessKeyId: string,
): FrontDoorCredential {
  const credential = ctx.credentials.get(accessKeyId);
  if (credential) return credential;
  throw isQueryService(service)
    ? new FrontDoorError(
        401,
        'AuthFailure',
        'AWS was not able to validate the provided access credentials',
      )
    : new FrontDoorError(
        403,
        'InvalidAccessKeyId',
        'The AWS Access Key Id you provided does not exist in our records.',
        [['AWSAccessKeyId', accessKeyId]],
      );
}

export function signatureMismatch(
  service: Service,
  accessKeyId: string,
  provided: string,
  stringToSign: string,
  canonicalRequest?: string,
): FrontDoorError {
  const detail = canonicalRequest
    ? `canonical request:\n${canonicalRequest}\n\nstring to sign:\n${stringToSign}`
    : `string to sign:\n${stringToSign}`;
  if (isQueryService(service)) {
    return new FrontDoorError(
      403,
      'SignatureDoesNotMatch',
      'The request signature we calculated does not match the signature you provided. ' +
        'Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
      [],
      detail,
    );
  }
  // S3 echoes what it signed, which is what makes a client's signing bug findable.
  const extra: Array<[string, string]> = [
    ['AWSAccessKeyId', accessKeyId],
    ['StringToSign', stringToSign],
    ['SignatureProvided', provided],
  ];
  if (canonicalRequest) extra.push(['CanonicalRequest', canonicalRequest]);
  return new FrontDoorError(
    403,
    'SignatureDoesNotMatch',
    'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
    extra,
    detail,
  );
}

/**
 * Rejects a signing time more than maxSkew away from the server clock.
 * Wording: Eucalyptus' QueryTimestampHandler (EC2) and RequestTimeTooSkewedException (object
 * storage). Eucalyptus itself lets EC2 timestamps be up to 15 min + 20 s old; the front door is
 * symmetric at 20 s, the stricter reading the extension must survive.
 */
export function checkSkew(service: Service, ctx: VerifyContext, signedAt: number, raw: string) {
  const skew = signedAt - ctx.now;
  if (Math.abs(skew) <= ctx.maxSkewMs) return;
  if (service === 's3') {
    throw new FrontDoorError(
      403,
      'RequestTimeTooSkewed',
      "The difference between the request time and the server's time is too large.",
      [
        ['RequestTime', raw],
        ['ServerTime', isoSeconds(ctx.now)],
        ['MaxAllowedSkewMilliseconds', String(ctx.maxSkewMs)],
      ],
    );
  }
  if (skew > 0) {
    throw new FrontDoorError(
      400,
      'RequestExpired',
      `Message was generated in the future (times in UTC): Timestamp=${raw}`,
    );
  }
  throw new FrontDoorError(
    400,
    'RequestExpired',
    `Message has expired (times in UTC): Timestamp=${raw} Expires=null Deadline=${isoSeconds(signedAt + ctx.maxSkewMs, false)}`,
  );
}

/** A presigned request used after its expiry time, per the shifted clock. */
export function presignedExpired(
  service: Service,
  ctx: VerifyContext,
  expiresAt: number,
  raw: string,
): FrontDoorError {
  if (isQueryService(service)) {
    return new FrontDoorError(
      400,
      'RequestExpired',
      `Message has expired (times in UTC): Timestamp=null Expires=${raw} Deadline=${isoSeconds(expiresAt, false)}`,
    );
  }
  return new FrontDoorError(403, 'AccessDenied', 'Request has expired', [
    ['Expires', isoSeconds(expiresAt)],
    ['ServerTime', isoSeconds(ctx.now)],
  ]);
}

export function malformed(service: Service, message: string, s3Code = 'AccessDenied') {
  return isQueryService(service)
    ? new FrontDoorError(400, 'IncompleteSignature', message)
    : new FrontDoorError(s3Code === 'AccessDenied' ? 403 : 400, s3Code, message);
}

/** Decodes one `application/x-www-form-urlencoded` component; malformed escapes stay as sent. */
export function decodeComponent(text: string): string {
  const spaced = text.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(spaced);
  } catch {
    return spaced;
  }
}

export function parseQuery(raw: string): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  for (const part of raw.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const key = eq < 0 ? part : part.slice(0, eq);
    const value = eq < 0 ? '' : part.slice(eq + 1);
    pairs.push([decodeComponent(key), decodeComponent(value)]);
  }
  return pairs;
}

export function lastValue(pairs: ReadonlyArray<[string, string]>, name: string) {
  let found: string | undefined;
  for (const [key, value] of pairs) if (key === name) found = value;
  return found;
}

/** RFC 3986 percent-encoding: everything but A-Z a-z 0-9 - _ . ~ (what AWS signing specifies). */
export function rfc3986(text: string): string {
  return encodeURIComponent(text).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** `20240102T030405Z`, the SigV4 date format. */
export function parseAmzDate(text: string): number | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(text);
  if (!m) return undefined;
  const n = (i: number): number => Number(m[i]);
  const ms = Date.UTC(n(1), n(2) - 1, n(3), n(4), n(5), n(6));
  return Number.isNaN(ms) ? undefined : ms;
}

/** An HTTP date (RFC 1123), an ISO 8601 timestamp, or a SigV4 basic timestamp. */
export function parseAnyDate(text: string): number | undefined {
  const basic = parseAmzDate(text.trim());
  if (basic !== undefined) return basic;
  // Without a zone, Date.parse would read local time; AWS timestamps are UTC.
  const isoNoZone = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?$/.test(text.trim());
  const ms = Date.parse(isoNoZone ? `${text.trim()}Z` : text);
  return Number.isNaN(ms) ? undefined : ms;
}

export function isoSeconds(ms: number, zone = true): string {
  const text = new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
  return zone ? text : text.slice(0, -1);
}

/**
 * Temporary keys work only with the session token they were issued with, and only until they
 * expire (AWS STS: InvalidClientTokenId, ExpiredToken). `token` is what the request carried:
 * X-Amz-Security-Token (SigV4 header or presigned query), SecurityToken (Query SigV2) or
 * x-amz-security-token (S3 SigV2).
 */
export function checkSessionToken(
  credential: FrontDoorCredential,
  token: string | undefined,
  now: number,
): void {
  if (credential.sessionToken === undefined) return;
  if (token !== credential.sessionToken) {
    throw new FrontDoorError(
      403,
      'InvalidClientTokenId',
      'The security token included in the request is invalid.',
    );
  }
  if (credential.expiresAt !== undefined && now >= credential.expiresAt) {
    throw new FrontDoorError(
      403,
      'ExpiredToken',
      'The security token included in the request is expired',
    );
  }
}
