// One page of ListObjectsV2 or ListObjects (v1), read the same way whichever the server sent:
// old Walrus and Eucalyptus before 4.4 ignore list-type=2 and answer v1 (Marker, maybe NextMarker).

import { CloudError } from '../errors';
import { child, elements, text } from '../xml';
import { has, keyText, readS3Xml, tokenText, unquoteEtag } from './s3-xml';
import type { ObjectSummary } from './types';

/** Older tools (S3Fox, s3n, Hadoop) mark a folder with an empty `name_$folder$` object. */
export const FOLDER_MARKER = '_$folder$';

export interface ListPage {
  /** 2 when the answer has ListObjectsV2's fields, 1 otherwise. */
  version: 1 | 2;
  objects: ObjectSummary[];
  /** CommonPrefixes, and `_$folder$` markers turned into the prefixes they stand for. */
  prefixes: string[];
  truncated: boolean;
  /** v2: the token for the next page ('' when none). */
  nextContinuationToken: string;
  /** v1: NextMarker ('' when the server sent none: Walrus, or v1 without a delimiter). */
  nextMarker: string;
  /** The greatest key or common prefix on the page, as sent: the v1 marker when NextMarker is absent. */
  lastKey: string;
}

export function parseListPage(body: string, status = 200, requestId?: string): ListPage {
  const doc = readS3Xml(body, status, requestId);
  if (doc.name !== 'ListBucketResult') {
    throw new CloudError({
      code: 'UnexpectedResponse',
      message: `Expected <ListBucketResult>, got <${doc.name}>`,
      status,
    });
  }
  const top = doc.value;
  const v2 =
    !has(top, 'Marker') &&
    (has(top, 'KeyCount') ||
      has(top, 'ContinuationToken') ||
      has(top, 'NextContinuationToken') ||
      has(top, 'StartAfter'));
  const objects: ObjectSummary[] = [];
  const prefixes: string[] = [];
  let lastKey = '';
  const seen = (key: string): void => {
    if (compareKeys(key, lastKey) > 0) lastKey = key;
  };
  for (const item of elements(child(top, 'Contents'))) {
    const key = keyText(doc, item, 'Key');
    seen(key);
    const folder = folderOfMarker(key);
    if (folder !== undefined) {
      if (folder !== '') prefixes.push(folder);
      continue;
    }
    objects.push({
      key,
      size: Number(text(child(item, 'Size')) || '0'),
      lastModified: text(child(item, 'LastModified')),
      storageClass: text(child(item, 'StorageClass')) || 'STANDARD',
      etag: unquoteEtag(text(child(item, 'ETag'))),
    });
  }
  for (const item of elements(child(top, 'CommonPrefixes'))) {
    const prefix = keyText(doc, item, 'Prefix');
    seen(prefix);
    prefixes.push(prefix);
  }
  return {
    version: v2 ? 2 : 1,
    objects,
    prefixes,
    truncated: text(child(top, 'IsTruncated')).toLowerCase() === 'true',
    nextContinuationToken: tokenText(top, 'NextContinuationToken'),
    nextMarker: keyText(doc, top, 'NextMarker'),
    lastKey,
  };
}

/** `photos_$folder$` stands for the folder `photos/`; undefined for an ordinary key. */
export function folderOfMarker(key: string): string | undefined {
  if (!key.endsWith(FOLDER_MARKER)) return undefined;
  const name = key.slice(0, -FOLDER_MARKER.length);
  return name === '' || name.endsWith('/') ? name : `${name}/`;
}

/** S3 orders keys by their UTF-8 bytes, which is code point order (not UTF-16 unit order). */
export function compareKeys(a: string, b: string): number {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a.codePointAt(i) ?? 0;
    const y = b.codePointAt(j) ?? 0;
    if (x !== y) return x - y;
    i += x > 0xffff ? 2 : 1;
    j += y > 0xffff ? 2 : 1;
  }
  return a.length - i - (b.length - j);
}
