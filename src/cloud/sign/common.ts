// Small helpers shared by the SigV2 and SigV4 signers. Only Web Crypto, TextEncoder and URL:
// this runs in Node, in Chrome's service worker and in Firefox's event page.

const encoder = new TextEncoder();

/** Hex SHA-256 of the empty string: the payload hash of a request without a body. */
export const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

/**
 * Headers a page cannot set or the browser writes itself (Fetch "forbidden request headers",
 * plus user-agent, which Chrome still ignores). Signing one would cover a value we do not send.
 * https://fetch.spec.whatwg.org/#forbidden-request-header
 */
const BROWSER_CONTROLLED = new Set([
  'accept-charset',
  'accept-encoding',
  'access-control-request-headers',
  'access-control-request-method',
  'connection',
  'content-length',
  'cookie',
  'cookie2',
  'date',
  'dnt',
  'expect',
  'host',
  'keep-alive',
  'origin',
  'referer',
  'set-cookie',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'user-agent',
  'via',
]);

export function isBrowserControlledHeader(name: string): boolean {
  return BROWSER_CONTROLLED.has(name) || name.startsWith('proxy-') || name.startsWith('sec-');
}

/** A copy with lower-case names, so lookups do not depend on how a caller spelled them. */
export function lowerCaseHeaders(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) out[name.toLowerCase()] = value;
  return out;
}

/** RFC 3986 percent-encoding: A-Z a-z 0-9 - _ . ~ kept, every other UTF-8 byte as %XX. */
export function rfc3986(value: string): string {
  // encodeURIComponent also keeps ! ' ( ) *, which RFC 3986 reserves.
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

export async function sha256Hex(data: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(data)));
  let hex = '';
  for (const byte of digest) hex += byte.toString(16).padStart(2, '0');
  return hex;
}

/** Rejects what no server accepts, before a URL that cannot work is handed out. */
export function checkExpiry(expiresSeconds: number, max = Number.POSITIVE_INFINITY): void {
  if (!Number.isInteger(expiresSeconds) || expiresSeconds < 1) {
    throw new Error(
      `Presigned URL lifetime must be a whole number of seconds >= 1, got ${expiresSeconds}`,
    );
  }
  if (expiresSeconds > max) {
    throw new Error(`Presigned URL lifetime ${expiresSeconds} s exceeds the maximum of ${max} s`);
  }
}
