// An object's headers and user metadata as the properties dialog edits them: the form, its checks
// (HTTP carries only ASCII; AWS allows 2 KB of metadata) and the save, a copy onto itself.

import { headObject, type ObjectHead, type WriteOptions } from '../../cloud/s3';
import type { CurrentProfile } from '../current-profile';
import type { MessageKey } from '../i18n';
import { copyWithAcl, keptAcl } from './acl-ops';

export interface MetadataRow {
  name: string;
  value: string;
}

export interface MetadataForm {
  contentType: string;
  cacheControl: string;
  contentDisposition: string;
  contentEncoding: string;
  /** x-amz-meta-* without the prefix. */
  metadata: MetadataRow[];
}

export type HeaderField = Exclude<keyof MetadataForm, 'metadata'>;

export interface MetadataProblems {
  fields: Partial<Record<HeaderField, MessageKey>>;
  /** By row index. */
  names: Record<number, MessageKey>;
  values: Record<number, MessageKey>;
  /** About the metadata as a whole (too big). */
  metadata?: MessageKey;
}

// RFC 9110 token characters: what a header name may hold.
const TOKEN = /^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/;
// Printable ASCII and tab: other text cannot travel in an HTTP header value.
const HEADER_VALUE = /^[\u0020-\u007e\t]*$/;
// AWS limits user-defined metadata to 2 KB, names and values counted together.
export const METADATA_LIMIT = 2048;

export function metadataForm(head: ObjectHead): MetadataForm {
  return {
    contentType: head.contentType,
    cacheControl: head.cacheControl ?? '',
    contentDisposition: head.contentDisposition ?? '',
    contentEncoding: head.contentEncoding ?? '',
    metadata: Object.entries(head.metadata)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, value]) => ({ name, value })),
  };
}

/** A metadata name as sent: lower-case, without the x-amz-meta- a user may have typed. */
export function metaName(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/^x-amz-meta-/, '');
}

/** Rows with neither a name nor a value are left out, as if removed. */
function filledRows(form: MetadataForm): Array<[number, MetadataRow]> {
  return [...form.metadata.entries()].filter(([, row]) => row.name.trim() || row.value.trim());
}

export function validateMetadata(form: MetadataForm): MetadataProblems {
  const problems: MetadataProblems = { fields: {}, names: {}, values: {} };
  const fields: HeaderField[] = [
    'contentType',
    'cacheControl',
    'contentDisposition',
    'contentEncoding',
  ];
  for (const field of fields)
    if (!HEADER_VALUE.test(form[field].trim())) problems.fields[field] = 'objHeaderNotAscii';
  const seen = new Set<string>();
  let size = 0;
  for (const [index, row] of filledRows(form)) {
    const name = metaName(row.name);
    const value = row.value.trim();
    if (!name) problems.names[index] = 'fieldRequired';
    else if (!TOKEN.test(name)) problems.names[index] = 'objMetaBadName';
    else if (seen.has(name)) problems.names[index] = 'objMetaDuplicate';
    seen.add(name);
    if (!HEADER_VALUE.test(value)) problems.values[index] = 'objHeaderNotAscii';
    size += name.length + value.length;
  }
  if (size > METADATA_LIMIT) problems.metadata = 'objMetaTooBig';
  return problems;
}

export function hasProblems(problems: MetadataProblems): boolean {
  return (
    Object.keys(problems.fields).length > 0 ||
    Object.keys(problems.names).length > 0 ||
    Object.keys(problems.values).length > 0 ||
    problems.metadata !== undefined
  );
}

/** The headers a REPLACE copy writes: everything in the form, blanks left out, names lower-case. */
export function writeOptions(form: MetadataForm): WriteOptions {
  const out: WriteOptions = {};
  const contentType = form.contentType.trim();
  const cacheControl = form.cacheControl.trim();
  const contentDisposition = form.contentDisposition.trim();
  const contentEncoding = form.contentEncoding.trim();
  if (contentType) out.contentType = contentType;
  if (cacheControl) out.cacheControl = cacheControl;
  if (contentDisposition) out.contentDisposition = contentDisposition;
  if (contentEncoding) out.contentEncoding = contentEncoding;
  const metadata: Record<string, string> = {};
  for (const [, row] of filledRows(form)) metadata[metaName(row.name)] = row.value.trim();
  out.metadata = metadata;
  return out;
}

export function readMetadata(
  { profile, signer }: CurrentProfile,
  bucket: string,
  key: string,
): Promise<ObjectHead> {
  return headObject(profile, signer, bucket, key);
}

/**
 * Writes the form's headers and metadata by copying the object onto itself with REPLACE (S3 has
 * no other way to change them). The bytes stay; a public-read ACL is given again.
 */
export async function saveMetadata(
  current: CurrentProfile,
  bucket: string,
  key: string,
  form: MetadataForm,
): Promise<{ problems: MetadataProblems } | { etag: string }> {
  const problems = validateMetadata(form);
  if (hasProblems(problems)) return { problems };
  const acl = await keptAcl(current, bucket, key);
  // A copy onto itself lands in STANDARD unless told: an object in another class stays there.
  const { storageClass } = await headObject(current.profile, current.signer, bucket, key);
  const result = await copyWithAcl(current, bucket, key, bucket, key, acl, {
    ...writeOptions(form),
    ...(storageClass && storageClass !== 'STANDARD' ? { storageClass } : {}),
    metadataDirective: 'REPLACE',
  });
  return { etag: result.etag };
}
