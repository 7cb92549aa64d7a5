// Reading S3 XML answers. Keys are protected before parsing: the shared parser trims text (a key
// may end in a space or a tab) and keeps numeric character references as written (S3 escapes
// control characters as `&#13;`), so each key-like element's text is decoded here exactly and
// handed to the parser percent-encoded, which it leaves alone.

import { CloudError } from '../errors';
import { parseErrorResponse } from '../http-errors';
import { child, parseXml, root, text, type XmlValue } from '../xml';
import { decodeUrlValue, decodeXmlText } from './keys';

// Elements whose text is a key, a part of one, or a token that goes back to the server verbatim.
const PROTECTED =
  /<(Key|Prefix|Marker|NextMarker|StartAfter|Delimiter|KeyMarker|NextKeyMarker|UploadIdMarker|NextUploadIdMarker|ContinuationToken|NextContinuationToken|UploadId|VersionId|VersionIdMarker|NextVersionIdMarker)>([^<]*)<\/\1>/g;

export interface S3Document {
  /** Root element name, e.g. ListBucketResult. */
  name: string;
  value: XmlValue;
  /** The server applied encoding-type=url (it says so in EncodingType). */
  urlEncoded: boolean;
}

/**
 * Parses an S3 answer. A 200 whose root is `<Error>` (CompleteMultipartUpload, CopyObject and
 * UploadPartCopy can fail after the headers went out) throws the CloudError it describes.
 */
export function readS3Xml(body: string, status = 200, requestId?: string): S3Document {
  const protectedBody = body.replace(
    PROTECTED,
    (_whole, name: string, raw: string) =>
      `<${name}>${encodeURIComponent(decodeXmlText(raw))}</${name}>`,
  );
  const top = root(parseXml(protectedBody));
  if (top.name === 'Error') {
    throw new CloudError(parseErrorResponse(status, body, 'application/xml', requestId).error);
  }
  return {
    name: top.name,
    value: top.value,
    urlEncoded: text(child(top.value, 'EncodingType')).toLowerCase() === 'url',
  };
}

/** The exact text of a key-like element (Key, Prefix, Marker) under `node`. */
export function keyText(doc: S3Document, node: XmlValue | undefined, name: string): string {
  const value = tokenText(node, name);
  return doc.urlEncoded ? decodeUrlValue(value) : value;
}

/**
 * The exact text of a protected element that encoding-type=url leaves alone (UploadId,
 * continuation tokens: opaque, and may hold a literal '+').
 */
export function tokenText(node: XmlValue | undefined, name: string): string {
  const raw = text(child(node, name));
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/** Whether `node` has a child element `name` at all (even empty). */
export function has(node: XmlValue | undefined, name: string): boolean {
  return child(node, name) !== undefined;
}

/** An ETag without its quotes (S3 sends `"9b2cf535f27731c974343645a3985328"`). */
export function unquoteEtag(etag: string): string {
  return etag.replace(/^"(.*)"$/, '$1');
}

/** Checks the root element; moto names some `XResponse` where S3 says `XResult` (ListParts). */
export function expectRoot(doc: S3Document, expected: string): void {
  if (doc.name !== expected && doc.name !== expected.replace(/Result$/, 'Response')) {
    throw new CloudError({
      code: 'UnexpectedResponse',
      message: `Expected <${expected}>, got <${doc.name}>`,
    });
  }
}
