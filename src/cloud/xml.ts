// One XML parser for every EC2 and S3 response, configured for what these services send:
// values stay strings (IDs, owner numbers, sizes), attributes and namespaces are ignored (the
// namespace echoes the requested API version), and one-vs-many is normalised by `list`.

import { XMLParser } from 'fast-xml-parser';
import { CloudError } from './errors';

/** A parsed element: child elements by name; repeated children become arrays. */
export interface XmlElement {
  [name: string]: XmlValue | undefined;
}
/** Text-only elements are strings ('' when empty); the rest are elements. */
export type XmlValue = string | XmlElement | XmlValue[];

const parser = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  removeNSPrefix: true,
  trimValues: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
});

/**
 * Parses a whole document; throws CloudError MalformedXml when it is not well-formed XML
 * (a truncated body, an HTML page that is not XHTML, plain text).
 */
export function parseXml(body: string): XmlElement {
  let parsed: unknown;
  try {
    parsed = parser.parse(body, true);
  } catch (error) {
    throw new CloudError({
      code: 'MalformedXml',
      message: `Response is not well-formed XML: ${error instanceof Error ? error.message : String(error)}`,
    });
  }
  if (!isElement(parsed) || Object.keys(parsed).length === 0) {
    throw new CloudError({ code: 'MalformedXml', message: 'Response has no XML root element' });
  }
  return parsed;
}

export function isElement(value: unknown): value is XmlElement {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** One-vs-many: a single child parses as a value, several as an array, none as undefined or ''. */
export function list(value: XmlValue | undefined): XmlValue[] {
  if (value === undefined || value === '') return [];
  return Array.isArray(value) ? value : [value];
}

/** The elements of a list, skipping empty entries (`<item/>`). */
export function elements(value: XmlValue | undefined): XmlElement[] {
  return list(value).filter(isElement);
}

/** A child element by name; the first one when the name repeats. */
export function child(value: XmlValue | undefined, name: string): XmlValue | undefined {
  const node = Array.isArray(value) ? value[0] : value;
  return isElement(node) ? node[name] : undefined;
}

/** Follows a path of child names: path(doc, 'Response', 'Errors', 'Error'). */
export function path(value: XmlValue | undefined, ...names: string[]): XmlValue | undefined {
  let node = value;
  for (const name of names) node = child(node, name);
  return node;
}

/** The text of an element ('' when absent or empty); mixed content yields its text parts. */
export function text(value: XmlValue | undefined): string {
  const node = Array.isArray(value) ? value[0] : value;
  if (typeof node === 'string') return node;
  if (isElement(node) && typeof node['#text'] === 'string') return node['#text'];
  return '';
}

/** The root element's name and content, whatever the namespace prefix was. */
export function root(doc: XmlElement): { name: string; value: XmlValue } {
  const [name, value] = Object.entries(doc).find(([, v]) => v !== undefined) ?? ['', ''];
  return { name, value: value ?? '' };
}
