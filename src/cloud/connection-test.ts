// "Test connection" for a profile: one cheap read per service (DescribeAvailabilityZones,
// ListBuckets), and a hint code saying what to fix when it fails. Hints are codes for the UI to
// translate, not sentences.

import { buildEc2Request, readPage } from './ec2/client';
import { describeAvailabilityZones, parseCapacity } from './ec2/operations/zones';
import { endpointFor, type Service } from './endpoints';
import { CloudError, type CloudErrorData, toErrorData } from './errors';
import { type SendOptions, sendForText } from './http';
import { isClockSkewError, unexpectedBody } from './http-errors';
import type { Profile } from './profile';
import type { HttpRequest } from './request';
import type { Signer } from './signer';
import { child, list, parseXml, root } from './xml';

export type ConnectionHint =
  /** Nothing answered on an http:// endpoint (host, port, firewall). */
  | 'unreachable'
  /** Nothing answered on https://: refused, or a certificate the browser does not trust yet. */
  | 'tls-or-unreachable'
  | 'wrong-access-key'
  | 'wrong-secret'
  /** SigV4 signed for a region the server does not call itself. */
  | 'wrong-region'
  /** Something answered, but not this service at this path (HTML page, 404, unknown action). */
  | 'wrong-path'
  /** The server does not take this signature version (e.g. SigV4 on Eucalyptus before 4.2). */
  | 'signature-version'
  | 'clock-skew'
  /** The credentials are valid but may not make this call. */
  | 'access-denied'
  | 'throttled'
  | 'server-error'
  | 'timeout'
  /** A password profile without a (live) session: sign in first. */
  | 'sign-in'
  | 'unknown';

export type ConnectionResult =
  | {
      ok: true;
      /** e.g. "3 zones", "2 buckets" (UI may build its own text from `count`). */
      detail: string;
      count: number;
      /** Server minus local clock, as learned during the test. */
      clockOffsetMs: number;
    }
  | { ok: false; error: CloudErrorData; hint: ConnectionHint };

export async function testConnection(
  profile: Profile,
  signer: Signer,
  service: Service,
  opts: Pick<SendOptions, 'timeoutMs' | 'signal'> = {},
): Promise<ConnectionResult> {
  const endpoint = endpointFor(profile, service);
  if (!endpoint) {
    const error = { code: 'NoEndpoint', message: `This profile has no ${service} endpoint` };
    return { ok: false, error, hint: 'unknown' };
  }
  const url = `${endpoint.baseUrl}/`;
  try {
    const response = await sendForText(probeRequest(profile, service, url), signer, service, opts);
    const count = countIn(service, response.status, response.text, response.headers);
    return {
      ok: true,
      detail: service === 'ec2' ? plural(count, 'zone') : plural(count, 'bucket'),
      count,
      clockOffsetMs: response.clockOffsetMs ?? 0,
    };
  } catch (thrown) {
    const error = toErrorData(thrown);
    return { ok: false, error, hint: hintFor(error, url) };
  }
}

// The EC2 probe is built and read by the operation table like any call, but sent once through
// sendForText rather than ec2Call: a test reports throttling or a dead host instead of retrying
// it, and needs the body (to tell a 200 page from elsewhere) and the clock offset it learned.
function probeRequest(profile: Profile, service: Service, url: string): HttpRequest {
  if (service === 's3') return { method: 'GET', url, headers: {} };
  const op = describeAvailabilityZones;
  return buildEc2Request(profile, op.action, op.params({}));
}

// A 200 is only a pass when it is the answer this service gives; anything else means the path
// leads somewhere else (a web server's index page, the other service).
function countIn(service: Service, status: number, body: string, headers: Headers): number {
  const expected =
    service === 'ec2' ? 'DescribeAvailabilityZonesResponse' : 'ListAllMyBucketsResult';
  const trimmed = body.trim();
  if (!trimmed.startsWith('<') || /^<!doctype\s+html|^<html[\s>]/i.test(trimmed)) {
    throw new CloudError(unexpectedBody(status, trimmed, headers.get('content-type') ?? ''));
  }
  const top = root(parseXml(trimmed));
  if (top.name !== expected) {
    throw new CloudError({
      code: 'UnexpectedResponse',
      message: `HTTP ${status}: expected <${expected}>, got <${top.name}>`,
      status,
    });
  }
  if (service === 's3') return list(child(child(top.value, 'Buckets'), 'Bucket')).length;
  // Verbose listings add capacity rows named "|- m1.small"; they are not zones.
  return parseCapacity(readPage(describeAvailabilityZones, trimmed).result).zones.length;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

// --- hints -----------------------------------------------------------------------------------

const ACCESS_KEY_CODES = new Set([
  'InvalidAccessKeyId',
  'InvalidClientTokenId',
  'UnrecognizedClientException',
  'AuthFailure',
  'InvalidToken',
  'ExpiredToken',
]);
const REGION_CODES = new Set([
  'SignatureDoesNotMatch',
  'AuthorizationHeaderMalformed',
  'AuthorizationQueryParametersError',
  'InvalidRegion',
]);
// Codes under which servers say "I do not take this kind of signature"; the wording decides.
// AWS S3: InvalidRequest "The authorization mechanism you have provided is not supported. Please
// use AWS4-HMAC-SHA256."; S3 InvalidArgument "Unsupported Authorization Type"; Eucalyptus 4.0
// object storage and Walrus (before SigV4): AccessDenied "Invalid authorization header" or
// MissingSecurityHeader "Malformed or unexpected format for Authentication header"; Eucalyptus EC2
// before SigV4: "Missing required parameter: AWSAccessKeyId" / "One of the following parameters
// must be specified: Timestamp OR Expires".
const SIGNATURE_VERSION_CODES = new Set([
  'InvalidRequest',
  'InvalidArgument',
  'AccessDenied',
  'MissingSecurityHeader',
  'MissingParameter',
  'InvalidParameterValue',
  'IncompleteSignature',
  'InvalidSecurity',
  'AuthFailure',
  'AuthorizationHeaderMalformed',
]);
const SIGNATURE_VERSION_WORDING =
  /AWS4-HMAC-SHA256|authori[sz]ation (mechanism|header|type)|authentication header|signature ?version|signature ?method|AWSAccessKeyId|Timestamp OR Expires|X-Amz-Algorithm|\balgorithm\b/i;
// Always a signature-scheme mismatch for a plain list call: the server saw no signature it knows,
// or a header (x-amz-content-sha256) implying features it lacks.
const SIGNATURE_VERSION_ALWAYS = new Set(['MissingAuthenticationToken', 'NotImplemented']);
const THROTTLE_CODES = new Set([
  'Throttling',
  'ThrottlingException',
  'RequestLimitExceeded',
  'RequestThrottled',
  'SlowDown',
  'TooManyRequests',
  'TooManyRequestsException',
]);
const WRONG_PATH_CODES = new Set([
  'UnexpectedHtml',
  'UnexpectedResponse',
  'InvalidAction',
  'UnknownOperation',
  'UnknownOperationException',
  'InvalidURI',
  'MethodNotAllowed',
  'NoSuchBucket',
  'NotFound',
]);
// A 404 that names a missing object is about the object, not the endpoint.
const MISSING_RESOURCE = /^NoSuch(Key|Upload|Version)$|\.NotFound$/;
const ACCESS_DENIED_CODES = new Set([
  'AccessDenied',
  'UnauthorizedOperation',
  'Forbidden',
  'AllAccessDisabled',
  'AccountProblem',
]);

/**
 * What the user should look at for this error from `url` (connection tests, error toasts). Without
 * a url, the origin a transport error names in its message stands in: whether it was https decides
 * between "unreachable" and "certificate not trusted yet".
 */
export function hintFor(error: CloudErrorData, url?: string): ConnectionHint {
  url ??= /\bhttps?:\/\/\S+/.exec(error.message ?? '')?.[0] ?? '';
  const { code, status } = error;
  const message = error.message ?? '';
  if (code === 'SignInRequired' || code === 'SessionExpired' || code === 'ExpiredToken') {
    return 'sign-in';
  }
  if (code === 'NetworkError')
    return url.startsWith('https:') ? 'tls-or-unreachable' : 'unreachable';
  if (code === 'Timeout') return 'timeout';
  // ClockOutOfRange: Cirrus refused to follow a server hours off; the same advice applies.
  if (code === 'ClockOutOfRange' || isClockSkewError(error)) return 'clock-skew';
  if (REGION_CODES.has(code) && /\bregion\b/i.test(message)) return 'wrong-region';
  // Signed for the other service: EC2 settings pointing at the object store, or the reverse.
  if (REGION_CODES.has(code) && /correct service|incorrect service/i.test(message)) {
    return 'wrong-path';
  }
  if (SIGNATURE_VERSION_ALWAYS.has(code)) return 'signature-version';
  if (SIGNATURE_VERSION_CODES.has(code) && SIGNATURE_VERSION_WORDING.test(message)) {
    return 'signature-version';
  }
  if (ACCESS_KEY_CODES.has(code)) return 'wrong-access-key';
  if (code === 'SignatureDoesNotMatch') return 'wrong-secret';
  if (THROTTLE_CODES.has(code) || status === 429 || status === 503) return 'throttled';
  if (WRONG_PATH_CODES.has(code))
    return status !== undefined && status >= 500 ? 'server-error' : 'wrong-path';
  if (status === 404 && !MISSING_RESOURCE.test(code)) return 'wrong-path';
  if (ACCESS_DENIED_CODES.has(code)) return 'access-denied';
  if (
    (status !== undefined && status >= 500) ||
    code === 'InternalError' ||
    code === 'InternalFailure'
  ) {
    return 'server-error';
  }
  return 'unknown';
}
