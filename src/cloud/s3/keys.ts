// Object keys between the user, the URL and the XML: encoded per path segment for URLs, escaped
// for request bodies, and decoded exactly from responses (entities, numeric character references,
// encoding-type=url).

import { CloudError } from '../errors';
import { rfc3986 } from '../sign/common';

/**
 * A key as a URL path: each '/'-separated segment RFC 3986-encoded, the slashes kept, so space,
 * '+', '%', '#', '?' and any Unicode round-trip exactly and the signature covers the same bytes
 * the browser sends. Throws for keys a URL cannot carry (see unaddressableKeyReason).
 */
export function encodeKey(key: string): string {
  const reason = unaddressableKeyReason(key);
  if (reason) throw new CloudError({ code: 'UnsupportedKey', message: reason });
  return key.split('/').map(rfc3986).join('/');
}

/**
 * URL parsers (WHATWG, every browser) remove `.` and `..` path segments, even percent-encoded, so
 * `a/../b` would address `b`. Such keys exist in some buckets but cannot be fetched by URL.
 */
export function unaddressableKeyReason(key: string): string | undefined {
  if (key === '') return 'An object key cannot be empty';
  const dotSegment = key.split('/').some((segment) => segment === '.' || segment === '..');
  return dotSegment
    ? `The key "${key}" has a "." or ".." segment, which URLs cannot carry`
    : undefined;
}

/**
 * The bucket-level `x-amz-copy-source` value: /bucket/key, the key encoded as in a URL path, and
 * `?versionId=` when one version is copied.
 */
export function copySource(bucket: string, key: string, versionId?: string): string {
  const path = `/${bucket}/${key.split('/').map(rfc3986).join('/')}`;
  return versionId === undefined ? path : `${path}?versionId=${rfc3986(versionId)}`;
}

// --- reading XML text ------------------------------------------------------------------------

const XML_REFERENCE = /&(#[xX][0-9a-fA-F]+|#[0-9]+|lt|gt|amp|quot|apos);/g;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/**
 * Decodes the text of an element as written in the document: the five XML entities and numeric
 * character references (`&#13;`, `&#x1F600;`), in one pass, so `&amp;#13;` stays `&#13;`.
 */
export function decodeXmlText(raw: string): string {
  return raw.replace(XML_REFERENCE, (whole, ref: string) => {
    if (ref.charCodeAt(0) !== 35) return NAMED[ref] ?? whole; // '#'
    const hex = ref[1] === 'x' || ref[1] === 'X';
    const cp = Number.parseInt(ref.slice(hex ? 2 : 1), hex ? 16 : 10);
    // A surrogate is no character on its own; leave it as written rather than make bad UTF-16.
    const valid = Number.isFinite(cp) && cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff);
    return valid ? String.fromCodePoint(cp) : whole;
  });
}

/** Decodes an `encoding-type=url` value (S3 writes a space as '+', a plus as %2B). */
export function decodeUrlValue(value: string): string {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    return value;
  }
}

// --- writing XML text ------------------------------------------------------------------------

/**
 * Characters XML 1.0 can carry at all (as text or references): tab, LF, CR and from U+0020 on,
 * minus surrogates and U+FFFE/U+FFFF. A key with others cannot go into a request body.
 */
export function isXmlSafe(text: string): boolean {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: exactly the characters XML 1.0 forbids
  return !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(
    text,
  );
}

/** Escapes element text; tab, LF and CR as references so no parser normalises them away. */
export function escapeXmlText(text: string): string {
  return text.replace(/[&<>"'\t\n\r]/g, (c) => {
    switch (c) {
      case '&':
        return '&amp;';
      case '<':
        return '&lt;';
      case '>':
        return '&gt;';
      case '"':
        return '&quot;';
      case "'":
        return '&apos;';
      default:
        return `&#${c.charCodeAt(0)};`;
    }
  });
}
