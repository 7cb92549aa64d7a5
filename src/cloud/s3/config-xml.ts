// Building the small XML bodies of bucket settings: elements with escaped text, the S3 namespace
// on the root. Values come from the user; escaping keeps them data.

import { CloudError } from '../errors';
import { escapeXmlText } from './keys';
import { expectRoot, type S3Document } from './s3-xml';

export const S3_NAMESPACE = 'http://s3.amazonaws.com/doc/2006-03-01/';

/** `<name>text</name>`, the text escaped; nothing for an undefined value. */
export function leaf(name: string, value: string | undefined): string {
  return value === undefined ? '' : `<${name}>${escapeXmlText(value)}</${name}>`;
}

/** `<name>…</name>` around already-built children. */
export function node(name: string, ...children: string[]): string {
  return `<${name}>${children.join('')}</${name}>`;
}

/** The root element, with the XML declaration and S3's namespace. */
export function document(name: string, ...children: string[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?><${name} xmlns="${S3_NAMESPACE}">${children.join('')}</${name}>`;
}

/**
 * Checks the root of a setting's answer. A store that does not know the sub-resource may ignore
 * `?name` and list the bucket instead (s3rver, moto for some): that is "not supported", said as
 * S3 says it, not a malformed answer.
 */
export function expectSettingRoot(doc: S3Document, expected: string): void {
  if (doc.name === 'ListBucketResult' && expected !== 'ListBucketResult')
    throw new CloudError({
      code: 'NotImplemented',
      message: `The store answered a bucket listing instead of <${expected}>`,
      status: 501,
    });
  expectRoot(doc, expected);
}
