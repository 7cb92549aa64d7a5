// Lists the versions of a bucket's objects (ListObjectVersions) one folder level at a time, page
// by page with key-marker / version-id-marker. Versions and delete markers come back as one list
// in the order the server wrote them (per key, newest first on S3).

import { CloudError } from '../errors';
import type { Profile } from '../profile';
import type { Signer } from '../signer';
import { child, elements, text } from '../xml';
import type { S3Query } from './address';
import { requestIdOf, type S3CallOptions, s3Text } from './call';
import { keyText, readS3Xml, tokenText, unquoteEtag } from './s3-xml';

export interface ObjectVersion {
  key: string;
  /** 'null' for the version written while versioning was off or suspended. */
  versionId: string;
  isLatest: boolean;
  lastModified: string;
  /** A delete marker: no bytes, no ETag, no size. */
  deleteMarker: boolean;
  /** Without quotes; '' for a delete marker. */
  etag: string;
  size: number;
  storageClass: string;
}

export interface VersionsPage {
  versions: ObjectVersion[];
  prefixes: string[];
  truncated: boolean;
  nextKeyMarker: string;
  nextVersionIdMarker: string;
}

// Version and DeleteMarker elements interleave; the parser groups siblings by name, so both are
// renamed to one element (with their kind inside) before parsing to keep the document's order.
const ENTRY_OPEN = /<(Version|DeleteMarker)(\s[^>]*)?>/g;
const ENTRY_CLOSE = /<\/(Version|DeleteMarker)>/g;

export function parseVersionsPage(body: string, status = 200, requestId?: string): VersionsPage {
  const renamed = body
    .replace(ENTRY_OPEN, (_whole, kind: string) => `<VersionEntry><EntryKind>${kind}</EntryKind>`)
    .replace(ENTRY_CLOSE, '</VersionEntry>');
  const doc = readS3Xml(renamed, status, requestId);
  if (doc.name === 'ListBucketResult') {
    // The store ignored ?versions and listed the objects: it does not keep versions.
    throw new CloudError({
      code: 'NotImplemented',
      message:
        'The store answered a versions listing with its object listing: it does not list object versions',
      status: 501,
      ...(requestId ? { requestId } : {}),
    });
  }
  if (doc.name !== 'ListVersionsResult') {
    throw new CloudError({
      code: 'UnexpectedResponse',
      message: `Expected <ListVersionsResult>, got <${doc.name}>`,
      status,
    });
  }
  const top = doc.value;
  const versions = elements(child(top, 'VersionEntry')).map((item): ObjectVersion => {
    const marker = text(child(item, 'EntryKind')) === 'DeleteMarker';
    return {
      key: keyText(doc, item, 'Key'),
      versionId: tokenText(item, 'VersionId'),
      isLatest: text(child(item, 'IsLatest')).toLowerCase() === 'true',
      lastModified: text(child(item, 'LastModified')),
      deleteMarker: marker,
      etag: marker ? '' : unquoteEtag(text(child(item, 'ETag'))),
      size: marker ? 0 : Number(text(child(item, 'Size')) || '0'),
      storageClass: marker ? '' : text(child(item, 'StorageClass')) || 'STANDARD',
    };
  });
  return {
    versions,
    prefixes: elements(child(top, 'CommonPrefixes')).map((p) => keyText(doc, p, 'Prefix')),
    truncated: text(child(top, 'IsTruncated')).toLowerCase() === 'true',
    nextKeyMarker: keyText(doc, top, 'NextKeyMarker'),
    nextVersionIdMarker: tokenText(top, 'NextVersionIdMarker'),
  };
}

export interface ListVersionsOptions extends S3CallOptions {
  prefix?: string;
  /** Default '/': one folder level. '' lists every version under the prefix. */
  delimiter?: string;
  /** Entries per page, at most 1,000 (the default). */
  maxKeys?: number;
  /** Each page as it arrives; prefixes already reported are not repeated. */
  onPage?: (versions: ObjectVersion[], prefixes: string[]) => void;
}

export interface ListVersionsResult {
  versions: ObjectVersion[];
  prefixes: string[];
}

export async function listObjectVersions(
  profile: Profile,
  signer: Signer,
  bucket: string,
  opts: ListVersionsOptions = {},
): Promise<ListVersionsResult> {
  const prefix = opts.prefix ?? '';
  const delimiter = opts.delimiter ?? '/';
  const maxKeys = Math.min(1000, Math.max(1, opts.maxKeys ?? 1000));
  const versions: ObjectVersion[] = [];
  const prefixes: string[] = [];
  const reported = new Set<string>();
  const seen = new Set<string>();
  let urlEncoding = true;
  let keyMarker = '';
  let versionIdMarker = '';
  let first = true;

  for (;;) {
    const query: [string, string | undefined][] = [['versions', undefined]];
    if (prefix) query.push(['prefix', prefix]);
    if (delimiter) query.push(['delimiter', delimiter]);
    query.push(['max-keys', String(maxKeys)]);
    if (urlEncoding) query.push(['encoding-type', 'url']);
    if (keyMarker) query.push(['key-marker', keyMarker]);
    if (versionIdMarker) query.push(['version-id-marker', versionIdMarker]);

    let page: VersionsPage;
    try {
      page = await versionsPage(profile, signer, bucket, query, opts);
    } catch (error) {
      // A store that refuses encoding-type gets the same request without it, once.
      const refused =
        error instanceof CloudError && error.status === 400 && error.code === 'InvalidArgument';
      if (!first || !refused || !urlEncoding) throw error;
      urlEncoding = false;
      continue;
    }
    first = false;
    const fresh = page.prefixes.filter((p) => !reported.has(p));
    for (const p of fresh) reported.add(p);
    for (const v of page.versions) versions.push(v);
    for (const p of fresh) prefixes.push(p);
    opts.onPage?.(page.versions, fresh);

    if (!page.truncated) return { versions, prefixes };
    const next = `${page.nextKeyMarker}\u0000${page.nextVersionIdMarker}`;
    if (!page.nextKeyMarker || seen.has(next)) {
      throw new CloudError({
        code: 'ListNotAdvancing',
        message: `The versions of ${bucket} say there is more but give no way past this page`,
      });
    }
    seen.add(next);
    keyMarker = page.nextKeyMarker;
    versionIdMarker = page.nextVersionIdMarker;
  }
}

async function versionsPage(
  profile: Profile,
  signer: Signer,
  bucket: string,
  query: S3Query,
  opts: S3CallOptions,
): Promise<VersionsPage> {
  return s3Text(profile, signer, { method: 'GET', bucket, query }, 'safe', opts, (response) =>
    parseVersionsPage(response.text, response.status, requestIdOf(response.headers)),
  );
}
