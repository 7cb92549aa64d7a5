// The one step from a list response's text to its items. Today it parses the whole document; a
// streaming scanner will replace it and must yield, for each item, the same XmlElement parseXml
// gives, plus the rest of the document (nextToken, requestId). Callers must not look for items in
// `rest`: a scanner will have left them out. Empty `<item/>`s are skipped, as `elements` does.
// (With ../xml-scan: scanText(text, ['*', ...op.items.path], onItem) and root(doc).value.)

import { elements, parseXml, path, root, type XmlElement, type XmlValue } from '../xml';
import type { Ec2Items } from './operation';

export interface ItemsPage {
  items: XmlElement[];
  /** The root element's value, for fields outside the list (nextToken, requestId). */
  rest: XmlValue;
}

export function readItems(text: string, op: { items: Pick<Ec2Items<unknown>, 'path'> }): ItemsPage {
  const top = root(parseXml(text));
  return { items: elements(path(top.value, ...op.items.path)), rest: top.value };
}
