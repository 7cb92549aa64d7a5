// Sends one signed request: sign, fetch, learn the server clock from every response, and turn
// failures into CloudErrors (server XML errors, HTML pages, network failures, timeouts). A request
// rejected for clock skew is signed again once with the corrected clock.

import type { Service } from './endpoints';
import { CloudError, type CloudErrorData } from './errors';
import type { HttpRequest } from './request';
import { isBrowserControlledHeader } from './sign/common';
import type { Signer } from './signer';
import { child, isElement, parseXml, root, text, type XmlValue } from './xml';

export interface SendOptions {
  /** Deadline for the whole exchange, body included; 0 for none (streamed downloads). */
  timeoutMs?: number;
  /** Sign again once after a clock-skew rejection (default true). */
  retrySkew?: boolean;
  signal?: AbortSignal;
}

export interface TextResponse {
  status: number;
  headers: Headers;
  text: string;
  /** Server minus local clock after this exchange, when the server sent its time. */
  clockOffsetMs?: number;
}

export const DEFAULT_TIMEOUT_MS = 30_000;

// Below this, a re-signed request would carry about the same time and fail the same way.
const SKEW_RETRY_MIN_SHIFT_MS = 5_000;

/** Signs and sends; resolves with the unread response when the server answered 2xx or 304. */
export async function send(
  request: HttpRequest,
  signer: Signer,
  service: Service,
  opts: SendOptions = {},
): Promise<Response> {
  return (await exchange(request, signer, service, opts, false)).response;
}

/** As `send`, and reads the body as text under the same deadline. */
export async function sendForText(
  request: HttpRequest,
  signer: Signer,
  service: Service,
  opts: SendOptions = {},
): Promise<TextResponse> {
  const { response, body, clockOffsetMs } = await exchange(request, signer, service, opts, true);
  const result: TextResponse = {
    status: response.status,
    headers: response.headers,
    text: body ?? '',
  };
  if (clockOffsetMs !== undefined) result.clockOffsetMs = clockOffsetMs;
  return result;
}

async function exchange(
  request: HttpRequest,
  signer: Signer,
  service: Service,
  opts: SendOptions,
  readBody: boolean,
): Promise<{ response: Response; body?: string; clockOffsetMs?: number }> {
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const timeout = timeoutMs > 0 ? AbortSignal.timeout(timeoutMs) : undefined;
  const signal = combineSignals(timeout, opts.signal);
  const fail = (error: unknown): CloudError =>
    transportError(error, request.url, timeoutMs, timeout, opts.signal);
  let retried = false;

  for (;;) {
    const signingLocal = Date.now();
    const signed = await signer.sign(request, service);
    const signedAt = signingTime(signed);
    const offsetWhenSigned = signedAt === undefined ? undefined : signedAt - signingLocal;

    const sentLocal = Date.now();
    let response: Response;
    try {
      response = await fetch(signed.url, requestInit(signed, signal));
    } catch (error) {
      throw fail(error);
    }
    const receivedLocal = Date.now();
    // The server stamped its time somewhere between sending and receiving.
    const localMid = new Date((sentLocal + receivedLocal) / 2);
    let clockOffsetMs = await learnClock(signer, response.headers.get('date'), localMid);

    if (isSuccess(response.status)) {
      if (!readBody) return withOffset({ response }, clockOffsetMs);
      let body: string;
      try {
        body = await response.text();
      } catch (error) {
        throw fail(error);
      }
      return withOffset({ response, body }, clockOffsetMs);
    }

    let body: string;
    try {
      body = await response.text();
    } catch (error) {
      throw fail(error);
    }
    const parsed = parseErrorResponse(
      response.status,
      body,
      response.headers.get('content-type') ?? '',
      requestIdHeader(response.headers),
    );
    if (!retried && opts.retrySkew !== false && isClockSkewError(parsed.error)) {
      // S3 names its time in the error itself, which holds even when a proxy rewrote Date.
      const serverTime = parseServerTime(parsed.serverTime);
      if (serverTime) clockOffsetMs = await signer.observeServerTime(serverTime, localMid);
      const shifted =
        clockOffsetMs !== undefined &&
        (offsetWhenSigned === undefined ||
          Math.abs(clockOffsetMs - offsetWhenSigned) > SKEW_RETRY_MIN_SHIFT_MS);
      if (shifted) {
        retried = true;
        continue;
      }
    }
    throw new CloudError(redact(parsed.error, signed));
  }
}

function withOffset<T extends object>(
  result: T,
  clockOffsetMs: number | undefined,
): T & { clockOffsetMs?: number } {
  return clockOffsetMs === undefined ? result : { ...result, clockOffsetMs };
}

function isSuccess(status: number): boolean {
  return (status >= 200 && status < 300) || status === 304;
}

function requestInit(signed: HttpRequest, signal: AbortSignal | undefined): RequestInit {
  const headers: Record<string, string> = {};
  // The browser owns Host, Date, Content-Length and friends; the signature covers none of them.
  for (const [name, value] of Object.entries(signed.headers)) {
    if (!isBrowserControlledHeader(name.toLowerCase())) headers[name] = value;
  }
  const method = signed.method.toUpperCase();
  const init: RequestInit = {
    method,
    headers,
    // A cached response would teach a stale clock; cookies are not how these services sign.
    cache: 'no-store',
    credentials: 'omit',
  };
  if (signed.body !== undefined && method !== 'GET' && method !== 'HEAD') init.body = signed.body;
  if (signal) init.signal = signal;
  return init;
}

function combineSignals(
  a: AbortSignal | undefined,
  b: AbortSignal | undefined,
): AbortSignal | undefined {
  if (!a) return b;
  if (!b) return a;
  return AbortSignal.any([a, b]);
}

async function learnClock(
  signer: Signer,
  dateHeader: string | null,
  localTime: Date,
): Promise<number | undefined> {
  if (!dateHeader) return undefined;
  const ms = Date.parse(dateHeader);
  if (Number.isNaN(ms)) return undefined;
  // An HTTP date is truncated to the second: the server's time lies in [Date, Date + 1 s).
  return signer.observeServerTime(new Date(ms + 500), localTime);
}

/** The signing time the signer wrote into the request (x-amz-date, or EC2 SigV2's Timestamp). */
function signingTime(signed: HttpRequest): number | undefined {
  const url = new URL(signed.url);
  const header = Object.entries(signed.headers).find(
    ([name]) => name.toLowerCase() === 'x-amz-date',
  )?.[1];
  let raw = header ?? url.searchParams.get('X-Amz-Date') ?? url.searchParams.get('Timestamp');
  if (raw === null && signed.body && /(^|&)Timestamp=/.test(signed.body)) {
    raw = new URLSearchParams(signed.body).get('Timestamp');
  }
  return raw ? parseServerTime(raw)?.getTime() : undefined;
}

/** 20240102T030405Z (SigV4), an ISO 8601 time (UTC when no zone is given), or an HTTP date. */
function parseServerTime(raw: string | undefined): Date | undefined {
  if (!raw) return undefined;
  const value = raw.trim();
  const basic = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (basic) {
    const [, y, mo, d, h, mi, s] = basic.map(Number) as number[];
    return new Date(Date.UTC(y ?? 0, (mo ?? 1) - 1, d, h, mi, s));
  }
  const isoWithoutZone = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?$/.test(value);
  const ms = Date.parse(isoWithoutZone ? `${value}Z` : value);
  return Number.isNaN(ms) ? undefined : new Date(ms);
}

function requestIdHeader(headers: Headers): string | undefined {
  return headers.get('x-amz-request-id') ?? headers.get('x-amzn-requestid') ?? undefined;
}

// --- errors ----------------------------------------------------------------------------------

const SKEW_CODES = new Set(['RequestTimeTooSkewed', 'RequestExpired', 'RequestInTheFuture']);
// Codes that servers also use for clock trouble, told apart by their wording: Eucalyptus EC2
// "Message has expired (times in UTC)", "Message was generated in the future"; Eucalyptus object
// storage AccessDenied "Cannot process request. Expired." (Walrus: "Message expired. Sorry.").
const SKEW_WORDED_CODES = new Set(['AuthFailure', 'SignatureDoesNotMatch', 'AccessDenied']);
// Not "timestamp": "Failure to parse timestamp" and "Timestamp OR Expires" are not about skew.
const SKEW_WORDING = /\b(times?|expired|skew(ed)?|clock|in the future|not yet current)\b/i;

/** A rejection caused by the signing time being too far from the server's clock. */
export function isClockSkewError(error: CloudErrorData): boolean {
  if (SKEW_CODES.has(error.code)) return true;
  return SKEW_WORDED_CODES.has(error.code) && SKEW_WORDING.test(error.message);
}

export interface ParsedError {
  error: CloudErrorData;
  /** S3 RequestTimeTooSkewed's <ServerTime>, as sent. */
  serverTime?: string;
}

const STATUS_CODES: Record<number, string> = {
  400: 'BadRequest',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'NotFound',
  405: 'MethodNotAllowed',
  409: 'Conflict',
  411: 'MissingContentLength',
  412: 'PreconditionFailed',
  416: 'InvalidRange',
  429: 'TooManyRequests',
  500: 'InternalError',
  501: 'NotImplemented',
  502: 'BadGateway',
  503: 'ServiceUnavailable',
  504: 'GatewayTimeout',
};

/**
 * Reads an error response: EC2 `<Response><Errors><Error>`, `<ErrorResponse><Error>`, S3
 * `<Error>`, a SOAP fault; an HTML page or other non-XML body becomes UnexpectedHtml or
 * UnexpectedResponse, broken XML MalformedXml, an empty body a code named after the status.
 */
export function parseErrorResponse(
  status: number,
  body: string,
  contentType = '',
  requestId?: string,
): ParsedError {
  const withStatus = (data: CloudErrorData): ParsedError => {
    const error: CloudErrorData = { ...data, status };
    if (error.requestId === undefined && requestId) error.requestId = requestId;
    return { error };
  };
  const trimmed = body.trim();
  if (trimmed === '') {
    return withStatus({
      code: STATUS_CODES[status] ?? 'UnexpectedResponse',
      message: `HTTP ${status} with an empty body`,
    });
  }
  if (!looksLikeXml(trimmed, contentType))
    return withStatus(unexpectedBody(status, trimmed, contentType));

  let doc: ReturnType<typeof parseXml>;
  try {
    doc = parseXml(trimmed);
  } catch (error) {
    return withStatus({
      code: 'MalformedXml',
      message: `HTTP ${status}: ${error instanceof Error ? error.message : String(error)}`,
    });
  }
  const top = root(doc);
  const found = findError(top.name, top.value);
  if (!found) {
    return withStatus({
      code: 'UnexpectedResponse',
      message: `HTTP ${status}: unexpected XML document <${top.name}>`,
    });
  }
  const error: CloudErrorData = {
    code: found.code || STATUS_CODES[status] || 'UnexpectedResponse',
    message: found.message || `HTTP ${status}`,
  };
  if (found.requestId) error.requestId = found.requestId;
  const parsed = withStatus(error);
  const serverTime = text(child(found.node, 'ServerTime'));
  if (serverTime) parsed.serverTime = serverTime;
  return parsed;
}

interface FoundError {
  node: XmlValue;
  code: string;
  message: string;
  requestId: string;
}

function findError(rootName: string, value: XmlValue): FoundError | undefined {
  const make = (node: XmlValue | undefined, requestId: string): FoundError | undefined =>
    isElement(node) || Array.isArray(node)
      ? {
          node,
          code: text(child(node, 'Code')),
          message: text(child(node, 'Message')),
          requestId: requestId || text(child(node, 'RequestId')),
        }
      : undefined;
  const requestIdOf = (node: XmlValue): string =>
    text(child(node, 'RequestID')) || text(child(node, 'RequestId'));

  switch (rootName) {
    case 'Response': // EC2: <Response><Errors><Error>…</Error></Errors><RequestID>
      return make(child(child(value, 'Errors'), 'Error'), requestIdOf(value));
    case 'ErrorResponse': // Query APIs (IAM, STS, and EC2 behind some gateways)
      return make(child(value, 'Error'), requestIdOf(value));
    case 'Error': // S3
      return make(value, '');
    case 'Envelope': {
      const fault = child(child(value, 'Body'), 'Fault');
      if (!isElement(fault)) return undefined;
      return {
        node: fault,
        code: text(child(fault, 'faultcode')).replace(/^.*:/, ''),
        message: text(child(fault, 'faultstring')),
        requestId: '',
      };
    }
    default:
      return isElement(value) && child(value, 'Code') !== undefined ? make(value, '') : undefined;
  }
}

function looksLikeXml(body: string, contentType: string): boolean {
  if (/^<!doctype\s+html|^<html[\s>]/i.test(body)) return false;
  if (/\bhtml\b/i.test(contentType) && !/xhtml\+xml|xml/i.test(contentType)) return false;
  return body.startsWith('<');
}

/** A body that is not the XML the service speaks: an HTML page (wrong path, proxy) or text. */
export function unexpectedBody(status: number, body: string, contentType = ''): CloudErrorData {
  const trimmed = body.trim();
  if (/html/i.test(contentType) || /^<!doctype\s+html|<html[\s>]/i.test(trimmed)) {
    const title = /<title[^>]*>([^<]*)<\/title>/i.exec(trimmed)?.[1]?.trim();
    return {
      code: 'UnexpectedHtml',
      message: `HTTP ${status}: expected XML, got an HTML page${title ? ` (${clip(title)})` : ''}`,
      status,
    };
  }
  const json = jsonError(trimmed);
  if (json) return { ...json, status };
  return {
    code: 'UnexpectedResponse',
    message: `HTTP ${status}: expected XML, got ${contentType || 'text'}: ${clip(trimmed)}`,
    status,
  };
}

// Some S3-compatible gateways answer errors in JSON.
function jsonError(body: string): CloudErrorData | undefined {
  if (!body.startsWith('{')) return undefined;
  try {
    const value: unknown = JSON.parse(body);
    if (typeof value !== 'object' || value === null) return undefined;
    const record = value as Record<string, unknown>;
    const inner =
      typeof record.error === 'object' && record.error !== null
        ? (record.error as Record<string, unknown>)
        : record;
    const code = inner.Code ?? inner.code ?? inner.__type;
    const message = inner.Message ?? inner.message;
    if (typeof code !== 'string' || code === '') return undefined;
    return { code: code.replace(/^.*#/, ''), message: typeof message === 'string' ? message : '' };
  } catch {
    return undefined;
  }
}

function clip(value: string, max = 160): string {
  const line = value.replace(/\s+/g, ' ');
  return line.length > max ? `${line.slice(0, max)}…` : line;
}

function transportError(
  error: unknown,
  url: string,
  timeoutMs: number,
  timeout: AbortSignal | undefined,
  callerSignal: AbortSignal | undefined,
): CloudError {
  if (error instanceof CloudError) return error;
  const where = originOf(url);
  const name = error instanceof Error ? error.name : '';
  if (timeout?.aborted || name === 'TimeoutError') {
    return new CloudError({
      code: 'Timeout',
      message: `No complete answer from ${where} within ${timeoutMs / 1000} s`,
    });
  }
  if (callerSignal?.aborted || name === 'AbortError') {
    return new CloudError({ code: 'Aborted', message: `Request to ${where} was cancelled` });
  }
  // Node puts the system error code on `cause` (ECONNREFUSED, ENOTFOUND, a certificate error);
  // browsers say only "Failed to fetch", whether the connection was refused or TLS failed.
  const cause =
    error instanceof Error ? (error.cause as { code?: unknown } | undefined) : undefined;
  const detail = typeof cause?.code === 'string' ? ` (${cause.code})` : '';
  return new CloudError({
    code: 'NetworkError',
    message: `Could not connect to ${where}${detail}`,
  });
}

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return 'the endpoint';
  }
}

// Parameters and headers that carry a signature or a token; none may appear in an error.
const SECRET_PARAMS = ['Signature', 'X-Amz-Signature', 'X-Amz-Security-Token', 'SecurityToken'];
const SECRET_HEADERS = ['authorization', 'x-amz-security-token'];

/** Removes any signature or token of this request that a server echoed into its message. */
function redact(error: CloudErrorData, signed: HttpRequest): CloudErrorData {
  const secrets = new Set<string>();
  const add = (value: string | null | undefined): void => {
    if (value && value.length >= 8) secrets.add(value);
  };
  for (const [name, value] of Object.entries(signed.headers)) {
    const lower = name.toLowerCase();
    if (!SECRET_HEADERS.includes(lower)) continue;
    add(value);
    // Only the signature itself: the algorithm name and key id are not secret, and messages
    // such as "Please use AWS4-HMAC-SHA256" must survive.
    if (lower === 'authorization')
      add(/Signature=([^,\s]+)/.exec(value)?.[1] ?? /:([^:\s]+)$/.exec(value)?.[1]);
  }
  const url = new URL(signed.url);
  const body = signed.body && !signed.body.trimStart().startsWith('<') ? signed.body : '';
  const params = new URLSearchParams(body);
  for (const name of SECRET_PARAMS) {
    add(url.searchParams.get(name));
    add(params.get(name));
  }
  let message = error.message;
  for (const secret of [...secrets].sort((a, b) => b.length - a.length)) {
    for (const form of [secret, encodeURIComponent(secret)]) {
      message = message.split(form).join('[redacted]');
    }
  }
  return { ...error, message };
}
