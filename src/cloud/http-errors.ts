// Reading a server's error answer into a typed error: EC2 and Query XML, S3 XML, SOAP faults,
// HTML pages from proxies and servlet containers, JSON from some S3 gateways; telling clock-skew
// rejections apart; and removing any secret of the request that a server echoed back.

import type { CloudErrorData } from './errors';
import type { HttpRequest } from './request';
import { child, isElement, parseXml, root, text, type XmlValue } from './xml';

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

// Parameters and headers that carry a signature or a token; none may appear in an error.
const SECRET_PARAMS = ['Signature', 'X-Amz-Signature', 'X-Amz-Security-Token', 'SecurityToken'];
const SECRET_HEADERS = ['authorization', 'x-amz-security-token'];

/** Removes any signature or token of this request that a server echoed into its message. */
export function redact(error: CloudErrorData, signed: HttpRequest): CloudErrorData {
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
