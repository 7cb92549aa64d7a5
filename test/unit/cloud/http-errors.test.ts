// Error bodies as EC2, S3, Query APIs, servlet containers and proxies send them, read by
// parseErrorResponse directly and through send() from a real loopback server; plus the hint table.

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { type ConnectionHint, hintFor } from '../../../src/cloud/connection-test';
import { CloudError, type CloudErrorData } from '../../../src/cloud/errors';
import { send, sendForText } from '../../../src/cloud/http';
import { isClockSkewError, parseErrorResponse } from '../../../src/cloud/http-errors';
import { createLocalSigner } from '../../../src/cloud/local-signer';
import type { EucalyptusProfile, S3CompatibleProfile } from '../../../src/cloud/profile';
import type { Signer } from '../../../src/cloud/signer';

const XML_DECL = '<?xml version="1.0" encoding="UTF-8"?>\n';

describe('parseErrorResponse', () => {
  test('EC2 <Response><Errors><Error> with RequestID', () => {
    const body =
      `${XML_DECL}<Response><Errors><Error><Code>AuthFailure</Code>` +
      '<Message>AWS was not able to validate the provided access credentials</Message></Error>' +
      '</Errors><RequestID>0a1b2c3d-4e5f-6789-abcd-ef0123456789</RequestID></Response>';
    expect(parseErrorResponse(401, body, 'text/xml;charset=UTF-8').error).toEqual({
      code: 'AuthFailure',
      message: 'AWS was not able to validate the provided access credentials',
      requestId: '0a1b2c3d-4e5f-6789-abcd-ef0123456789',
      status: 401,
    });
  });

  test('EC2 error in a namespace (Eucalyptus echoes the API version) reads the same', () => {
    const body =
      '<euca:Response xmlns:euca="http://ec2.amazonaws.com/doc/2013-02-01/"><euca:Errors>' +
      '<euca:Error><euca:Code>InvalidParameterValue</euca:Code><euca:Message>Value (x) for ' +
      'parameter Version is invalid</euca:Message></euca:Error></euca:Errors>' +
      '<euca:RequestID>00042</euca:RequestID></euca:Response>';
    const { error } = parseErrorResponse(400, body);
    expect(error.code).toBe('InvalidParameterValue');
    expect(error.message).toBe('Value (x) for parameter Version is invalid');
    // Kept as the string it was, leading zeros included.
    expect(error.requestId).toBe('00042');
  });

  test('several EC2 errors: the first one wins', () => {
    const body =
      '<Response><Errors><Error><Code>First</Code><Message>one</Message></Error>' +
      '<Error><Code>Second</Code><Message>two</Message></Error></Errors><RequestID>r</RequestID></Response>';
    expect(parseErrorResponse(400, body).error.code).toBe('First');
  });

  test('<ErrorResponse><Error> with RequestId (IAM/STS-style Query APIs)', () => {
    const body =
      '<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type>' +
      '<Code>InvalidClientTokenId</Code><Message>The security token included in the request is ' +
      'invalid.</Message></Error><RequestId>f00d</RequestId></ErrorResponse>';
    expect(parseErrorResponse(403, body).error).toEqual({
      code: 'InvalidClientTokenId',
      message: 'The security token included in the request is invalid.',
      requestId: 'f00d',
      status: 403,
    });
  });

  test('S3 <Error> keeps Code, Message, RequestId and drops the echoed signing material', () => {
    const body =
      `${XML_DECL}<Error><Code>SignatureDoesNotMatch</Code><Message>The request signature we ` +
      'calculated does not match the signature you provided. Check your key and signing method.' +
      '</Message><AWSAccessKeyId>AKIDEXAMPLE</AWSAccessKeyId><StringToSign>AWS4-HMAC-SHA256\n' +
      '20240101T000000Z</StringToSign><SignatureProvided>deadbeef</SignatureProvided>' +
      '<RequestId>4442587FB7D0A2F9</RequestId><HostId>abc=</HostId></Error>';
    const { error } = parseErrorResponse(403, body, 'application/xml');
    expect(error.code).toBe('SignatureDoesNotMatch');
    expect(error.requestId).toBe('4442587FB7D0A2F9');
    expect(error.status).toBe(403);
    expect(JSON.stringify(error)).not.toMatch(/deadbeef|StringToSign|20240101T000000Z/);
  });

  test('S3 RequestTimeTooSkewed hands back its ServerTime', () => {
    const body =
      '<Error><Code>RequestTimeTooSkewed</Code><Message>The difference between the request time ' +
      'and the current time is too large.</Message><RequestTime>20240101T000000Z</RequestTime>' +
      '<ServerTime>2024-01-01T00:15:00Z</ServerTime><MaxAllowedSkewMilliseconds>900000' +
      '</MaxAllowedSkewMilliseconds><RequestId>r</RequestId></Error>';
    const parsed = parseErrorResponse(403, body);
    expect(parsed.error.code).toBe('RequestTimeTooSkewed');
    expect(parsed.serverTime).toBe('2024-01-01T00:15:00Z');
  });

  test('request id falls back to the x-amz-request-id header', () => {
    const body =
      '<Error><Code>NoSuchBucket</Code><Message>The specified bucket does not exist</Message></Error>';
    expect(parseErrorResponse(404, body, 'application/xml', 'HDR123').error.requestId).toBe(
      'HDR123',
    );
  });

  test('a SOAP fault reads as code and message', () => {
    const body =
      '<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body>' +
      '<soapenv:Fault><faultcode>soapenv:Server.InternalError</faultcode><faultstring>boom</faultstring>' +
      '</soapenv:Fault></soapenv:Body></soapenv:Envelope>';
    const { error } = parseErrorResponse(500, body);
    expect(error).toMatchObject({ code: 'Server.InternalError', message: 'boom', status: 500 });
  });

  test("a servlet container's HTML 404 page is UnexpectedHtml with its title", () => {
    const body =
      '<html>\n<head>\n<meta http-equiv="Content-Type" content="text/html;charset=ISO-8859-1"/>\n' +
      '<title>Error 404 Not Found</title>\n</head>\n<body><h2>HTTP ERROR 404</h2>\n' +
      '<p>Problem accessing /services/Nope/. Reason:\n<pre>    Not Found</pre></p><hr>' +
      '<i><small>Powered by Jetty://</small></i><hr/>\n</body>\n</html>\n';
    const { error } = parseErrorResponse(404, body, 'text/html;charset=ISO-8859-1');
    expect(error.code).toBe('UnexpectedHtml');
    expect(error.status).toBe(404);
    expect(error.message).toContain('Error 404 Not Found');
  });

  test('HTML is recognised by its doctype even when labelled as XML', () => {
    const body = '<!DOCTYPE html><html><head><title>Sign in</title></head><body></body></html>';
    expect(parseErrorResponse(200, body, 'application/xml').error.code).toBe('UnexpectedHtml');
  });

  test('a proxy error page and a plain-text body', () => {
    const nginx =
      '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad ' +
      'Gateway</h1></center>\r\n<hr><center>nginx/1.24.0</center>\r\n</body>\r\n</html>\r\n';
    expect(parseErrorResponse(502, nginx, 'text/html').error).toMatchObject({
      code: 'UnexpectedHtml',
      status: 502,
    });
    const plain = parseErrorResponse(503, 'Service Unavailable', 'text/plain').error;
    expect(plain).toMatchObject({ code: 'UnexpectedResponse', status: 503 });
    expect(plain.message).toContain('Service Unavailable');
  });

  test('a JSON error body from a gateway', () => {
    const body = '{"Code":"AccessDenied","Message":"Access Denied.","RequestId":"1"}';
    expect(parseErrorResponse(403, body, 'application/json').error).toMatchObject({
      code: 'AccessDenied',
      message: 'Access Denied.',
      status: 403,
    });
  });

  test('truncated or broken XML is MalformedXml', () => {
    const truncated = parseErrorResponse(500, '<Error><Code>InternalError</Code><Mess');
    expect(truncated.error).toMatchObject({ code: 'MalformedXml', status: 500 });
    const mismatched = parseErrorResponse(400, '<Response><Errors></Response>');
    expect(mismatched.error.code).toBe('MalformedXml');
  });

  test('well-formed XML that is not an error document', () => {
    const body = '<ListAllMyBucketsResult><Buckets/></ListAllMyBucketsResult>';
    const { error } = parseErrorResponse(400, body);
    expect(error.code).toBe('UnexpectedResponse');
    expect(error.message).toContain('ListAllMyBucketsResult');
  });

  test('an empty body gets a code named after the status (HEAD requests have no body)', () => {
    expect(parseErrorResponse(404, '').error).toMatchObject({ code: 'NotFound', status: 404 });
    expect(parseErrorResponse(403, '  \n').error).toMatchObject({ code: 'Forbidden', status: 403 });
    expect(parseErrorResponse(500, '').error.code).toBe('InternalError');
    expect(parseErrorResponse(418, '').error.code).toBe('UnexpectedResponse');
  });

  test('an error element without a code falls back to the status', () => {
    const { error } = parseErrorResponse(409, '<Error><Message>busy</Message></Error>');
    expect(error).toMatchObject({ code: 'Conflict', message: 'busy' });
  });
});

describe('isClockSkewError', () => {
  test.each<[string, string, boolean]>([
    [
      'RequestTimeTooSkewed',
      'The difference between the request time and the current time is too large.',
      true,
    ],
    ['RequestExpired', 'Request has expired.', true],
    ['AuthFailure', 'Message has expired (times in UTC): Timestamp=2024-01-01T00:00:00Z', true],
    ['AuthFailure', 'Message was generated in the future (times in UTC): Timestamp=x', true],
    ['AccessDenied', 'Cannot process request. Expired.', true],
    ['AccessDenied', 'Message expired. Sorry.', true],
    [
      'SignatureDoesNotMatch',
      'Signature not yet current: 20240101T000000Z is still later than 20231231T235000Z',
      true,
    ],
    [
      'SignatureDoesNotMatch',
      'Signature expired: 20240101T000000Z is now earlier than 20240101T001500Z',
      true,
    ],
    ['AuthFailure', 'AWS was not able to validate the provided access credentials', false],
    [
      'SignatureDoesNotMatch',
      'The request signature we calculated does not match the signature you provided.',
      false,
    ],
    ['AccessDenied', 'Access Denied', false],
    ['ExpiredToken', 'The security token included in the request is expired', false],
  ])('%s: %s → %s', (code, message, expected) => {
    expect(isClockSkewError({ code, message })).toBe(expected);
  });
});

describe('hintFor', () => {
  test('without a url, the origin a transport error names decides (panels pass none)', () => {
    const error = (origin: string) => ({
      code: 'NetworkError',
      message: `Could not connect to ${origin}`,
    });
    expect(hintFor(error('https://cloud.example:8773'))).toBe('tls-or-unreachable');
    expect(hintFor(error('http://10.0.0.5:8773'))).toBe('unreachable');
  });

  const http = 'http://10.0.0.5:8773/services/compute/';
  const https = 'https://cloud.example:8773/services/compute/';
  const e = (code: string, message: string, status?: number): CloudErrorData =>
    status === undefined ? { code, message } : { code, message, status };

  test.each<[CloudErrorData, string, ConnectionHint]>([
    [e('NetworkError', 'Could not connect to http://10.0.0.5:8773'), http, 'unreachable'],
    [
      e('NetworkError', 'Could not connect to https://cloud.example:8773'),
      https,
      'tls-or-unreachable',
    ],
    [e('Timeout', 'No complete answer'), http, 'timeout'],
    [
      e(
        'InvalidAccessKeyId',
        'The AWS Access Key Id you provided does not exist in our records.',
        403,
      ),
      http,
      'wrong-access-key',
    ],
    [
      e('AuthFailure', 'AWS was not able to validate the provided access credentials', 401),
      http,
      'wrong-access-key',
    ],
    [
      e('InvalidClientTokenId', 'The security token included in the request is invalid.', 403),
      http,
      'wrong-access-key',
    ],
    [
      e(
        'UnrecognizedClientException',
        'The security token included in the request is invalid.',
        400,
      ),
      http,
      'wrong-access-key',
    ],
    [
      e(
        'SignatureDoesNotMatch',
        'The request signature we calculated does not match the signature you provided.',
        403,
      ),
      http,
      'wrong-secret',
    ],
    [
      e(
        'SignatureDoesNotMatch',
        "Credential should be scoped to a valid region, not 'us-east-1'. ",
        403,
      ),
      http,
      'wrong-region',
    ],
    [
      e(
        'AuthorizationHeaderMalformed',
        "The authorization header is malformed; the region 'us-east-1' is wrong; expecting 'eucalyptus'",
        400,
      ),
      http,
      'wrong-region',
    ],
    // Signed for the other service: the EC2 path leads to the object store, or the reverse.
    [
      e('SignatureDoesNotMatch', "Credential should be scoped to correct service: 'ec2'. ", 403),
      http,
      'wrong-path',
    ],
    [
      e(
        'AuthorizationHeaderMalformed',
        "The authorization header is malformed; incorrect service 'ec2'. This endpoint belongs to 's3'.",
        400,
      ),
      http,
      'wrong-path',
    ],
    [
      e(
        'RequestTimeTooSkewed',
        'The difference between the request time and the current time is too large.',
        403,
      ),
      http,
      'clock-skew',
    ],
    [e('RequestExpired', 'Request has expired.', 400), http, 'clock-skew'],
    [
      e('AuthFailure', 'Message has expired (times in UTC): Timestamp=2024-01-01T00:00:00Z', 401),
      http,
      'clock-skew',
    ],
    [e('AccessDenied', 'Cannot process request. Expired.', 403), http, 'clock-skew'],
    // AWS S3 regions that take SigV4 only, to a SigV2 request.
    [
      e(
        'InvalidRequest',
        'The authorization mechanism you have provided is not supported. Please use AWS4-HMAC-SHA256.',
        400,
      ),
      http,
      'signature-version',
    ],
    [e('InvalidArgument', 'Unsupported Authorization Type', 400), http, 'signature-version'],
    // Eucalyptus 4.0 object storage / Walrus, to a SigV4 Authorization header.
    [e('AccessDenied', 'Invalid authorization header', 403), http, 'signature-version'],
    [
      e('MissingSecurityHeader', 'Malformed or unexpected format for Authentication header', 400),
      http,
      'signature-version',
    ],
    // Eucalyptus EC2 before SigV4: the V2 parameters are missing.
    [
      e('MissingParameter', 'Missing required parameter: AWSAccessKeyId', 400),
      http,
      'signature-version',
    ],
    [
      e(
        'AuthFailure',
        'One of the following parameters must be specified: Timestamp OR Expires',
        401,
      ),
      http,
      'signature-version',
    ],
    [
      e('InvalidParameterValue', 'Value (4) for parameter SignatureVersion is invalid.', 400),
      http,
      'signature-version',
    ],
    [
      e('MissingAuthenticationToken', 'Request is missing Authentication Token', 403),
      http,
      'signature-version',
    ],
    [
      e(
        'NotImplemented',
        'A header you provided implies functionality that is not implemented',
        501,
      ),
      http,
      'signature-version',
    ],
    [e('Throttling', 'Rate exceeded', 400), http, 'throttled'],
    [e('RequestLimitExceeded', 'Request limit exceeded.', 503), http, 'throttled'],
    [e('SlowDown', 'Please reduce your request rate.', 503), http, 'throttled'],
    [e('ServiceUnavailable', 'HTTP 503 with an empty body', 503), http, 'throttled'],
    [
      e('UnexpectedHtml', 'HTTP 404: expected XML, got an HTML page (Error 404 Not Found)', 404),
      http,
      'wrong-path',
    ],
    [e('UnexpectedHtml', 'HTTP 200: expected XML, got an HTML page', 200), http, 'wrong-path'],
    [
      e('UnexpectedHtml', 'HTTP 502: expected XML, got an HTML page (502 Bad Gateway)', 502),
      http,
      'server-error',
    ],
    [
      e('UnexpectedResponse', 'HTTP 200: expected <ListAllMyBucketsResult>, got <x>', 200),
      http,
      'wrong-path',
    ],
    [
      e('InvalidAction', 'The action Foo is not valid for this web service.', 400),
      http,
      'wrong-path',
    ],
    [e('NoSuchBucket', 'The specified bucket does not exist', 404), http, 'wrong-path'],
    [e('NotFound', 'HTTP 404 with an empty body', 404), http, 'wrong-path'],
    [
      e('MethodNotAllowed', 'The specified method is not allowed against this resource.', 405),
      http,
      'wrong-path',
    ],
    [e('NoSuchKey', 'The specified key does not exist.', 404), http, 'unknown'],
    [e('AccessDenied', 'Access Denied', 403), http, 'access-denied'],
    [
      e('UnauthorizedOperation', 'You are not authorized to perform this operation.', 403),
      http,
      'access-denied',
    ],
    [
      e('InternalError', 'We encountered an internal error. Please try again.', 500),
      http,
      'server-error',
    ],
    [e('MalformedXml', 'HTTP 500: Unclosed tag', 500), http, 'server-error'],
    [e('MalformedXml', 'HTTP 400: Unclosed tag', 400), http, 'unknown'],
    [
      e('InvalidParameterValue', 'Value (abc) for parameter MaxResults is invalid.', 400),
      http,
      'unknown',
    ],
  ])('%j → %s', (error, url, hint) => {
    expect(hintFor(error, url)).toBe(hint);
  });
});

// --- through send(), against a real loopback server -------------------------------------------

interface Seen {
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}
type Handler = (req: Seen, res: ServerResponse) => void;

let server: Server;
let base: string;
let port: number;
let handler: Handler;
const seen: Seen[] = [];

beforeAll(async () => {
  server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const entry: Seen = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      seen.push(entry);
      handler(entry, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(() => {
  seen.length = 0;
  handler = (_req, res) => reply(res, 200, '<ListAllMyBucketsResult/>');
});

const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const creds = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: SECRET };

function s3Profile(signatureVersion: 2 | 4 = 4): S3CompatibleProfile {
  return {
    id: 'p',
    name: 'p',
    kind: 's3',
    accessKeyId: creds.accessKeyId,
    endpoint: base,
    pathStyle: true,
    region: 'us-east-1',
    signatureVersion,
  };
}

function eucaProfile(signatureVersion: 2 | 4): EucalyptusProfile {
  return {
    id: 'e',
    name: 'e',
    kind: 'eucalyptus',
    accessKeyId: creds.accessKeyId,
    host: '127.0.0.1',
    port,
    https: false,
    ec2Path: '/services/Eucalyptus',
    s3Path: '/services/Walrus',
    s3Host: '',
    region: 'eucalyptus',
    signatureVersion,
    apiVersion: '2013-02-01',
  };
}

function reply(
  res: ServerResponse,
  status: number,
  body: string,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'content-type': 'application/xml', ...headers });
  res.end(body);
}

async function rejection(promise: Promise<unknown>): Promise<CloudError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof CloudError) return error;
    throw error;
  }
  throw new Error('expected a CloudError');
}

const get = (path = '/') => ({ method: 'GET', url: `${base}${path}`, headers: {} });

describe('send', () => {
  test('an S3 error body becomes a CloudError with code, status and request id', async () => {
    handler = (_req, res) =>
      reply(
        res,
        404,
        '<Error><Code>NoSuchBucket</Code><Message>The specified bucket does not exist</Message>' +
          '<BucketName>nope</BucketName><RequestId>REQ1</RequestId></Error>',
      );
    const error = await rejection(send(get('/nope'), createLocalSigner(s3Profile(), creds), 's3'));
    expect(error.toData()).toEqual({
      code: 'NoSuchBucket',
      message: 'The specified bucket does not exist',
      requestId: 'REQ1',
      status: 404,
    });
  });

  test('an HTML page from a wrong path is UnexpectedHtml → wrong-path', async () => {
    handler = (_req, res) => {
      res.writeHead(404, { 'content-type': 'text/html;charset=ISO-8859-1' });
      res.end(
        '<html><head><title>Error 404 Not Found</title></head><body>HTTP ERROR 404</body></html>',
      );
    };
    const error = await rejection(
      send(get('/services/Nope/'), createLocalSigner(s3Profile(), creds), 's3'),
    );
    expect(error.code).toBe('UnexpectedHtml');
    expect(error.status).toBe(404);
    expect(hintFor(error.toData(), base)).toBe('wrong-path');
  });

  test('success resolves with the unread response; sendForText reads it', async () => {
    handler = (_req, res) =>
      reply(res, 200, '<ListAllMyBucketsResult><Buckets/></ListAllMyBucketsResult>');
    const signer = createLocalSigner(s3Profile(), creds);
    const response = await send(get(), signer, 's3');
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('ListAllMyBucketsResult');
    const result = await sendForText(get(), signer, 's3');
    expect(result.text).toContain('<Buckets/>');
  });

  test('learns the server clock from a successful answer, not from an error about something else', async () => {
    const clock = { offsetMs: 0 };
    const signer = createLocalSigner(s3Profile(), creds, clock);
    handler = (_req, res) =>
      reply(res, 200, '<ok/>', { date: new Date(Date.now() + 1_800_000).toUTCString() });
    const result = await sendForText(get(), signer, 's3');
    expect(clock.offsetMs).toBeGreaterThan(1_800_000 - 2_000);
    expect(clock.offsetMs).toBeLessThan(1_800_000 + 2_000);
    expect(result.clockOffsetMs).toBe(clock.offsetMs);

    // Anyone on the path can answer 403 with any Date; only the cloud's skew errors teach time.
    const learned = clock.offsetMs;
    handler = (_req, res) =>
      reply(res, 403, '<Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>', {
        date: new Date(Date.now() - 60_000).toUTCString(),
      });
    await rejection(send(get(), signer, 's3'));
    expect(clock.offsetMs).toBe(learned);
  });

  test('a skewed clock is corrected from the Date header and the request signed again once', async () => {
    const serverAhead = 10 * 60_000;
    handler = (req, res) => {
      const serverNow = Date.now() + serverAhead;
      const signedAt = parseAmzDate(String(req.headers['x-amz-date']));
      const date = new Date(serverNow).toUTCString();
      if (Math.abs(signedAt - serverNow) > 20_000) {
        reply(res, 403, skewedBody(serverNow), { date });
      } else {
        reply(res, 200, '<ListAllMyBucketsResult/>', { date });
      }
    };
    const clock = { offsetMs: 0 };
    const response = await sendForText(get(), createLocalSigner(s3Profile(), creds, clock), 's3');
    expect(response.status).toBe(200);
    expect(seen).toHaveLength(2);
    expect(Math.abs(clock.offsetMs - serverAhead)).toBeLessThan(2_000);
  });

  test("S3's <ServerTime> corrects the clock even without a Date header", async () => {
    const serverAhead = -5 * 60_000;
    handler = (req, res) => {
      const serverNow = Date.now() + serverAhead;
      const signedAt = parseAmzDate(String(req.headers['x-amz-date']));
      res.sendDate = false;
      if (Math.abs(signedAt - serverNow) > 20_000) reply(res, 403, skewedBody(serverNow));
      else reply(res, 200, '<ListAllMyBucketsResult/>');
    };
    const clock = { offsetMs: 0 };
    await sendForText(get(), createLocalSigner(s3Profile(), creds, clock), 's3');
    expect(seen).toHaveLength(2);
    expect(Math.abs(clock.offsetMs - serverAhead)).toBeLessThan(2_000);
  });

  test('no retry when the clock did not move: the skew error is thrown after one request', async () => {
    handler = (_req, res) => reply(res, 403, skewedBody(Date.now()));
    const error = await rejection(send(get(), createLocalSigner(s3Profile(), creds), 's3'));
    expect(error.code).toBe('RequestTimeTooSkewed');
    expect(seen).toHaveLength(1);
    expect(hintFor(error.toData(), base)).toBe('clock-skew');
  });

  test('at most one retry, even when the server clock keeps jumping', async () => {
    let jump = 0;
    handler = (_req, res) => {
      jump += 10 * 60_000;
      const serverNow = Date.now() + jump;
      reply(res, 403, skewedBody(serverNow), { date: new Date(serverNow).toUTCString() });
    };
    const error = await rejection(send(get(), createLocalSigner(s3Profile(), creds), 's3'));
    expect(error.code).toBe('RequestTimeTooSkewed');
    expect(seen).toHaveLength(2);
  });

  test('retrySkew: false sends once', async () => {
    handler = (_req, res) =>
      reply(res, 403, skewedBody(Date.now() + 3_600_000), {
        date: new Date(Date.now() + 3_600_000).toUTCString(),
      });
    await rejection(send(get(), createLocalSigner(s3Profile(), creds), 's3', { retrySkew: false }));
    expect(seen).toHaveLength(1);
  });

  test('EC2 SigV2 skew (Eucalyptus wording) is retried with a new Timestamp', async () => {
    const serverAhead = 2 * 60_000;
    handler = (req, res) => {
      const serverNow = Date.now() + serverAhead;
      const timestamp = new URLSearchParams(req.body).get('Timestamp') ?? '';
      const date = new Date(serverNow).toUTCString();
      if (Math.abs(Date.parse(timestamp) - serverNow) > 20_000) {
        reply(
          res,
          400,
          '<Response><Errors><Error><Code>RequestExpired</Code><Message>Message has expired (times ' +
            `in UTC): Timestamp=${timestamp}</Message></Error></Errors><RequestID>1</RequestID></Response>`,
          { date },
        );
      } else {
        reply(res, 200, '<DescribeAvailabilityZonesResponse/>', { date });
      }
    };
    const request = {
      method: 'POST',
      url: `${base}/services/Eucalyptus/`,
      headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
      body: 'Action=DescribeAvailabilityZones&Version=2013-02-01',
    };
    const response = await sendForText(request, createLocalSigner(eucaProfile(2), creds), 'ec2');
    expect(response.status).toBe(200);
    expect(seen).toHaveLength(2);
    // The retry carries exactly one fresh signature, not the first one's parameters.
    const params = new URLSearchParams(seen[1]?.body);
    expect(params.getAll('Signature')).toHaveLength(1);
    expect(params.getAll('Timestamp')).toHaveLength(1);
  });

  test('no signature, token or secret in error messages, even when the server echoes them', async () => {
    handler = (req, res) => {
      const authorization = String(req.headers.authorization);
      const sent = /Signature=(\w+)/.exec(authorization)?.[1];
      reply(
        res,
        403,
        '<Error><Code>SignatureDoesNotMatch</Code><Message>Please use AWS4-HMAC-SHA256; you sent ' +
          `signature ${sent} in ${escapeXml(authorization)} with token ` +
          `${escapeXml(String(req.headers['x-amz-security-token']))}</Message></Error>`,
      );
    };
    const withToken = { ...creds, sessionToken: 'FQoGZXIvYXdzEXAMPLETOKEN' };
    const error = await rejection(send(get(), createLocalSigner(s3Profile(), withToken), 's3'));
    const signature = /Signature=([0-9a-f]{64})/.exec(String(seen[0]?.headers.authorization))?.[1];
    expect(signature).toBeDefined();
    const text = JSON.stringify(error.toData()) + error.stack;
    expect(text).not.toContain(signature);
    expect(text).not.toContain('FQoGZXIvYXdzEXAMPLETOKEN');
    expect(text).not.toContain(SECRET);
    // The rest of the message stays readable.
    expect(error.message).toContain('AWS4-HMAC-SHA256');

    handler = (req, res) =>
      reply(
        res,
        403,
        `<Response><Errors><Error><Code>AuthFailure</Code><Message>${escapeXml(req.body)}</Message>` +
          '</Error></Errors><RequestID>1</RequestID></Response>',
      );
    seen.length = 0;
    const ec2 = await rejection(
      send(
        {
          method: 'POST',
          url: `${base}/services/Eucalyptus/`,
          headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
          body: 'Action=DescribeRegions&Version=2013-02-01',
        },
        createLocalSigner(eucaProfile(2), creds),
        'ec2',
      ),
    );
    const v2Signature = new URLSearchParams(seen[0]?.body).get('Signature') ?? '';
    expect(v2Signature.length).toBeGreaterThan(20);
    expect(ec2.message).not.toContain(v2Signature);
    expect(ec2.message).not.toContain(encodeURIComponent(v2Signature));
  });

  test('browser-owned headers from a signer are not sent by hand', async () => {
    const inner = createLocalSigner(s3Profile(), creds);
    const signer: Signer = {
      ...inner,
      async sign(request, service) {
        const signed = await inner.sign(request, service);
        return {
          ...signed,
          headers: {
            ...signed.headers,
            host: 'evil.example',
            date: 'Mon, 01 Jan 2001 00:00:00 GMT',
          },
        };
      },
    };
    await send(get(), signer, 's3');
    expect(seen[0]?.headers.host).toBe(`127.0.0.1:${port}`);
    expect(seen[0]?.headers.date).toBeUndefined();
  });

  test('a silent server is a Timeout', async () => {
    handler = () => {};
    const error = await rejection(
      send(get(), createLocalSigner(s3Profile(), creds), 's3', { timeoutMs: 200 }),
    );
    expect(error.code).toBe('Timeout');
    expect(hintFor(error.toData(), base)).toBe('timeout');
  });

  test('a body that stalls half way is a Timeout for sendForText', async () => {
    handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/xml', 'content-length': '1000' });
      res.write('<ListAllMyBucketsResult>');
    };
    const error = await rejection(
      sendForText(get(), createLocalSigner(s3Profile(), creds), 's3', { timeoutMs: 300 }),
    );
    expect(error.code).toBe('Timeout');
  });

  test('a cancelled request is Aborted', async () => {
    handler = () => {};
    const controller = new AbortController();
    const pending = send(get(), createLocalSigner(s3Profile(), creds), 's3', {
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(), 50);
    expect((await rejection(pending)).code).toBe('Aborted');
  });

  test('a refused connection is a NetworkError naming the origin only', async () => {
    const closed = await closedPort();
    const profile = { ...s3Profile(), endpoint: `http://127.0.0.1:${closed}` };
    const error = await rejection(
      send(
        { method: 'GET', url: `http://127.0.0.1:${closed}/bucket?list-type=2`, headers: {} },
        createLocalSigner(profile, creds),
        's3',
      ),
    );
    expect(error.code).toBe('NetworkError');
    expect(error.message).toContain(`http://127.0.0.1:${closed}`);
    expect(error.message).not.toContain('list-type');
    expect(hintFor(error.toData(), profile.endpoint)).toBe('unreachable');
  });

  test('https to a plain-http server (a TLS failure) is a NetworkError with the TLS hint', async () => {
    const profile = { ...s3Profile(), endpoint: `https://127.0.0.1:${port}` };
    const error = await rejection(
      send(
        { method: 'GET', url: `${profile.endpoint}/`, headers: {} },
        createLocalSigner(profile, creds),
        's3',
      ),
    );
    expect(error.code).toBe('NetworkError');
    expect(error.message).toContain(`https://127.0.0.1:${port}`);
    expect(hintFor(error.toData(), profile.endpoint)).toBe('tls-or-unreachable');
  });
});

function skewedBody(serverNow: number): string {
  return (
    '<Error><Code>RequestTimeTooSkewed</Code><Message>The difference between the request time and ' +
    `the server's time is too large.</Message><ServerTime>${new Date(serverNow).toISOString()}` +
    '</ServerTime><RequestId>r</RequestId></Error>'
  );
}

function parseAmzDate(text: string): number {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(text);
  if (!m) return Number.NaN;
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  return Date.UTC(y, mo - 1, d, h, mi, s);
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const free = (probe.address() as AddressInfo).port;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return free;
}
