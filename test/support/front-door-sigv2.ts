// Signature Version 2, checked with node:crypto only: EC2 Query requests and S3 REST requests.
// https://docs.aws.amazon.com/AmazonS3/latest/userguide/RESTAuthentication.html (S3)
// https://web.archive.org/web/2019/https://docs.aws.amazon.com/general/latest/gr/signature-version-2.html (EC2)

import { createHmac, timingSafeEqual } from 'node:crypto';
import {
  checkSkew,
  FrontDoorError,
  findCredential,
  lastValue,
  malformed,
  parseAnyDate,
  presignedExpired,
  type ReceivedRequest,
  rfc3986,
  signatureMismatch,
  type Verified,
  type VerifyContext,
} from './front-door-request';

const EC2_AUTH_PARAMS = new Set([
  'AWSAccessKeyId',
  'Signature',
  'SignatureMethod',
  'SignatureVersion',
  'Timestamp',
  'Expires',
  'SecurityToken',
]);

const HMAC_ALGORITHMS: Record<string, 'sha256' | 'sha1'> = {
  HmacSHA256: 'sha256',
  HmacSHA1: 'sha1',
};

export function isEc2V2(req: ReceivedRequest): boolean {
  return req.params.some(([key]) => key === 'Signature' || key === 'SignatureVersion');
}

/** EC2 Query SigV2: HMAC over METHOD, host as received, path as received, sorted params. */
export function verifyEc2V2(req: ReceivedRequest, ctx: VerifyContext): Verified {
  const params = new Map(req.params);
  const accessKeyId = params.get('AWSAccessKeyId');
  const signature = params.get('Signature');
  if (!accessKeyId) {
    throw new FrontDoorError(400, 'MissingParameter', 'Missing required parameter: AWSAccessKeyId');
  }
  if (!signature) {
    throw new FrontDoorError(400, 'MissingParameter', 'Missing required parameter: Signature');
  }
  const version = params.get('SignatureVersion');
  if (version !== '2') {
    throw new FrontDoorError(
      400,
      'InvalidParameterValue',
      `Value (${version ?? ''}) for parameter SignatureVersion is invalid. The front door accepts 2 and SigV4.`,
    );
  }
  const method = params.get('SignatureMethod') ?? '';
  const algorithm = HMAC_ALGORITHMS[method];
  if (!algorithm) {
    throw new FrontDoorError(
      400,
      'InvalidParameterValue',
      `Value (${method}) for parameter SignatureMethod is invalid. Use HmacSHA256 or HmacSHA1.`,
    );
  }

  checkEc2V2Time(params, ctx);
  const credential = findCredential(req.service, ctx, accessKeyId);

  const canonicalQuery = [...params]
    .filter(([key]) => key !== 'Signature')
    .map(([key, value]) => [rfc3986(key), rfc3986(value)] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, value]) => `${key}=${value}`)
    .join('&');
  const host = (req.headers.host ?? '').toLowerCase();
  const stringToSign = `${req.method}\n${host}\n${req.rawPath || '/'}\n${canonicalQuery}`;
  const expected = createHmac(algorithm, credential.secretAccessKey)
    .update(stringToSign, 'utf8')
    .digest('base64');
  if (!sameText(expected, signature)) {
    throw signatureMismatch(req.service, accessKeyId, signature, stringToSign);
  }
  return {
    credential,
    sigVersion: 2,
    presigned: false,
    authParams: EC2_AUTH_PARAMS,
  };
}

function checkEc2V2Time(params: ReadonlyMap<string, string>, ctx: VerifyContext): void {
  const timestamp = params.get('Timestamp');
  const expires = params.get('Expires');
  if (timestamp === undefined && expires === undefined) {
    // Eucalyptus' QueryTimestampHandler wording.
    throw new FrontDoorError(
      400,
      'MissingParameter',
      'One of the following parameters must be specified: Timestamp OR Expires OR X-Amz-Date OR Date',
    );
  }
  const raw = timestamp ?? expires ?? '';
  const at = parseAnyDate(raw);
  if (at === undefined) {
    throw new FrontDoorError(
      400,
      'InvalidParameterValue',
      `Failure to parse timestamp: Timestamp=${timestamp ?? null} Expires=${expires ?? null}`,
    );
  }
  if (timestamp !== undefined) checkSkew('ec2', ctx, at, raw);
  else if (ctx.now > at) throw presignedExpired('ec2', ctx, at, raw);
}

const S3_V2_AUTH_PARAMS = new Set(['AWSAccessKeyId', 'Signature', 'Expires']);

// The query parameters that are part of the signed resource; all others are not signed.
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

export function isS3V2Header(req: ReceivedRequest): boolean {
  return /^AWS /.test(req.headers.authorization ?? '');
}

export function isS3V2Query(req: ReceivedRequest): boolean {
  return req.query.some(([key]) => key === 'AWSAccessKeyId' || key === 'Signature');
}

/** S3 SigV2, `Authorization: AWS key:signature` or presigned `AWSAccessKeyId/Expires/Signature`. */
export function verifyS3V2(req: ReceivedRequest, ctx: VerifyContext): Verified {
  const presigned = !isS3V2Header(req);
  let accessKeyId: string;
  let signature: string;
  let dateLine: string;

  if (presigned) {
    accessKeyId = lastValue(req.query, 'AWSAccessKeyId') ?? '';
    signature = lastValue(req.query, 'Signature') ?? '';
    const expires = lastValue(req.query, 'Expires') ?? '';
    if (!accessKeyId || !signature || !/^\d+$/.test(expires)) {
      throw malformed(
        's3',
        'Query-string authentication requires the Signature, Expires and AWSAccessKeyId parameters',
      );
    }
    const expiresAt = Number(expires) * 1000;
    if (ctx.now > expiresAt) throw presignedExpired('s3', ctx, expiresAt, expires);
    dateLine = expires;
  } else {
    const match = /^AWS ([^:\s]+):(\S+)$/.exec((req.headers.authorization ?? '').trim());
    if (!match) {
      throw malformed(
        's3',
        "Authorization header is invalid -- one and only one ' ' (space) required",
        'InvalidArgument',
      );
    }
    accessKeyId = match[1] ?? '';
    signature = match[2] ?? '';
    const amzDate = req.headers['x-amz-date'];
    const raw = amzDate ?? req.headers.date;
    const at = raw === undefined ? undefined : parseAnyDate(raw);
    if (raw === undefined || at === undefined) {
      throw malformed('s3', 'AWS authentication requires a valid Date or x-amz-date header');
    }
    checkSkew('s3', ctx, at, raw);
    // With x-amz-date present the Date line is empty (browsers cannot set Date at all).
    dateLine = amzDate === undefined ? raw : '';
  }

  const credential = findCredential('s3', ctx, accessKeyId);
  const stringToSign = [
    req.method,
    req.headers['content-md5'] ?? '',
    req.headers['content-type'] ?? '',
    dateLine,
    `${canonicalAmzHeaders(req.headers)}${canonicalResource(req)}`,
  ].join('\n');
  const expected = createHmac('sha1', credential.secretAccessKey)
    .update(stringToSign, 'utf8')
    .digest('base64');
  if (!sameText(expected, signature)) {
    throw signatureMismatch('s3', accessKeyId, signature, stringToSign);
  }
  return {
    credential,
    sigVersion: 2,
    presigned,
    authParams: presigned ? S3_V2_AUTH_PARAMS : new Set(),
  };
}

function canonicalAmzHeaders(headers: Readonly<Record<string, string>>): string {
  return Object.keys(headers)
    .filter((name) => name.startsWith('x-amz-'))
    .sort()
    .map((name) => {
      // Repeats arrive already joined with ',' (no spaces); folded lines become one space.
      const value = (headers[name] ?? '').replace(/\s*\n\s*/g, ' ').trim();
      return `${name}:${value}\n`;
    })
    .join('');
}

// The path exactly as sent (service path included) plus the signed sub-resources, sorted, with
// decoded values.
function canonicalResource(req: ReceivedRequest): string {
  const signed = new Map<string, string>();
  for (const [key, value] of req.query) if (S3_SUBRESOURCES.has(key)) signed.set(key, value);
  const parts = [...signed.keys()]
    .sort()
    .map((key) => (signed.get(key) ? `${key}=${signed.get(key)}` : key));
  return `${req.rawPath || '/'}${parts.length > 0 ? `?${parts.join('&')}` : ''}`;
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
