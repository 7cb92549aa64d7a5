// What the object list's dialogs do to objects: copy and move (folders with everything in them),
// rename, metadata edited by copying in place, ACLs read and set. No UI: problems are message keys,
// server failures CloudErrors or per-key CloudErrorData.

import type { CloudErrorData } from '../../cloud/errors';
import { pool } from '../../cloud/pool';
import {
  type CannedAcl,
  type CopyObjectOptions,
  copyObject,
  deleteObjects,
  getObjectAcl,
  headObject,
  listObjects,
  type ObjectAcl,
  type ObjectHead,
  putObjectAcl,
  unaddressableKeyReason,
  type WriteOptions,
} from '../../cloud/s3';
import type { CurrentProfile } from '../current-profile';
import { asError } from '../errors';
import type { MessageKey } from '../i18n';

// --- where keys go -----------------------------------------------------------------------------

/** A folder path as typed ("backup", "/a/b/") as a key prefix: no leading slash, one trailing. */
export function folderPrefix(text: string): string {
  const trimmed = text.trim().replace(/^\/+/, '');
  return trimmed === '' || trimmed.endsWith('/') ? trimmed : `${trimmed}/`;
}

/** The key a source lands on: its path relative to `from`, under `to`. */
export function targetKey(key: string, from: string, to: string): string {
  return `${to}${key.startsWith(from) ? key.slice(from.length) : key}`;
}

export interface Place {
  bucket: string;
  /** A key prefix: '' or ending in '/'. */
  prefix: string;
}

/**
 * Why copying the selected entries (keys at `from.prefix`; folders end in '/') to `to` makes no
 * sense, checked before anything is listed: a folder into itself, or everything onto itself.
 */
export function copyRefusal(from: Place, selected: string[], to: Place): MessageKey | null {
  if (from.bucket !== to.bucket) return null;
  if (selected.some((key) => key.endsWith('/') && to.prefix.startsWith(key)))
    return 'objCopyIntoItself';
  if (to.prefix === from.prefix) return 'objCopySameKey';
  return null;
}

export interface TransferItem {
  source: string;
  target: string;
}

/**
 * One copy per source key. In one bucket no target may be a source too: that copy would overwrite
 * an object still waiting to be copied (or, in a move, deleted afterwards).
 */
export function planTransfer(
  keys: string[],
  from: Place,
  to: Place,
): { items: TransferItem[] } | { problem: MessageKey } {
  const items = [...new Set(keys)].map((source) => ({
    source,
    target: targetKey(source, from.prefix, to.prefix),
  }));
  if (from.bucket === to.bucket) {
    if (items.some((item) => item.source === item.target)) return { problem: 'objCopySameKey' };
    const sources = new Set(keys);
    if (items.some((item) => sources.has(item.target))) return { problem: 'objCopyOverlaps' };
  }
  if (items.some((item) => unaddressableKeyReason(item.target)))
    return { problem: 'objBadDotSegment' };
  return { items };
}

/** What is wrong with a new name for the entry `key` (a folder when it ends in '/'). */
export function renameProblem(key: string, name: string): MessageKey | null {
  const trimmed = name.trim();
  if (trimmed === '' || trimmed === '/') return 'fieldRequired';
  if (trimmed.startsWith('/')) return 'objRenameLeadingSlash';
  if (unaddressableKeyReason(trimmed.replace(/\/+$/, '')) !== undefined) return 'objBadDotSegment';
  const to = renamedKey(key, trimmed);
  if (to === key) return 'objRenameSame';
  if (key.endsWith('/') && to.startsWith(key)) return 'objCopyIntoItself';
  return null;
}

/** The key an entry has after a rename: same folder, new last segment (a folder keeps its '/'). */
export function renamedKey(key: string, name: string): string {
  const folder = key.endsWith('/');
  const parent = parentPrefix(key);
  const clean = name.trim().replace(/\/+$/, '');
  return `${parent}${clean}${folder ? '/' : ''}`;
}

/** The folder an entry sits in: 'a/b/' for 'a/b/c' and for 'a/b/c/'. */
export function parentPrefix(key: string): string {
  const cut = key.endsWith('/') ? key.slice(0, -1) : key;
  const slash = cut.lastIndexOf('/');
  return slash < 0 ? '' : cut.slice(0, slash + 1);
}

/** An entry's own name, as a rename field starts with it. */
export function entryName(key: string): string {
  return key.slice(parentPrefix(key).length).replace(/\/$/, '');
}

// --- copy, move, rename ------------------------------------------------------------------------

export interface TransferFailure {
  key: string;
  error: CloudErrorData;
}

export interface TransferResult {
  /** Sources copied (and, in a move, deleted). */
  done: number;
  total: number;
  failures: TransferFailure[];
}

export interface TransferOptions {
  move?: boolean;
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
  /** Copies in flight at once (default 4). */
  concurrency?: number;
}

/** Every key the selection stands for: an object itself, a folder everything under it. */
export async function expandKeys(
  { profile, signer }: CurrentProfile,
  bucket: string,
  selected: string[],
  signal?: AbortSignal,
): Promise<string[]> {
  const keys: string[] = [];
  for (const key of selected) {
    if (!key.endsWith('/')) {
      keys.push(key);
      continue;
    }
    const listed = await listObjects(profile, signer, bucket, {
      prefix: key,
      delimiter: '',
      ...(signal ? { signal } : {}),
    });
    keys.push(...listed.objects.map((o) => o.key));
  }
  return [...new Set(keys)];
}

/**
 * Copies (or moves) the selected entries at `from` to `to`, keeping paths relative to
 * `from.prefix`. A failed key is reported and the rest go on; a move deletes only the sources
 * that were copied. A problem found before any copy comes back as a message key.
 */
export async function copyEntries(
  at: BucketTarget,
  from: Place,
  selected: string[],
  to: Place,
  opts: TransferOptions = {},
): Promise<TransferResult | { problem: MessageKey }> {
  const refused = copyRefusal(from, selected, to);
  if (refused) return { problem: refused };
  const keys = await expandKeys(await at(from.bucket), from.bucket, selected, opts.signal);
  const plan = planTransfer(keys, from, to);
  if ('problem' in plan) return plan;
  return transfer(at, from.bucket, to.bucket, plan.items, opts);
}

/**
 * The profile and signer for a bucket's requests: on AWS each bucket answers in its own region,
 * so a copy between buckets reads the source in one and writes the copy in the other.
 */
export type BucketTarget = (bucket: string) => Promise<CurrentProfile>;

/** Renames an object, or a folder with everything under it: a move to the new name. */
export async function renameEntry(
  current: CurrentProfile,
  bucket: string,
  key: string,
  name: string,
  opts: Omit<TransferOptions, 'move'> = {},
): Promise<TransferResult | { problem: MessageKey }> {
  const problem = renameProblem(key, name);
  if (problem) return { problem };
  const to = renamedKey(key, name);
  if (await anythingAt(current, bucket, to)) return { problem: 'objRenameExists' };
  const here = async () => current;
  if (!key.endsWith('/')) {
    return transfer(here, bucket, bucket, [{ source: key, target: to }], {
      ...opts,
      move: true,
    });
  }
  const keys = await expandKeys(current, bucket, [key], opts.signal);
  const plan = planTransfer(keys, { bucket, prefix: key }, { bucket, prefix: to });
  if ('problem' in plan) return plan;
  return transfer(here, bucket, bucket, plan.items, { ...opts, move: true });
}

// A rename never overwrites: an object with the new key, or any key under the new folder, stops it.
async function anythingAt(
  { profile, signer }: CurrentProfile,
  bucket: string,
  key: string,
): Promise<boolean> {
  if (key.endsWith('/')) {
    const listed = await listObjects(profile, signer, bucket, {
      prefix: key,
      delimiter: '/',
      maxKeys: 1,
    });
    return listed.objects.length > 0 || listed.prefixes.length > 0;
  }
  try {
    await headObject(profile, signer, bucket, key);
    return true;
  } catch (error) {
    if (asError(error).code === 'NoSuchKey') return false;
    throw error;
  }
}

async function transfer(
  at: BucketTarget,
  fromBucket: string,
  toBucket: string,
  items: TransferItem[],
  opts: TransferOptions,
): Promise<TransferResult> {
  const source = await at(fromBucket);
  // CopyObject goes to the destination bucket, which names the source in x-amz-copy-source.
  const destination = await at(toBucket);
  const failures: TransferFailure[] = [];
  const copied: string[] = [];
  let done = 0;
  opts.onProgress?.(0, items.length);
  const copyOne = async (item: TransferItem) => {
    try {
      // A moved object stays as readable as it was: a public-read ACL goes with it.
      const acl = opts.move ? await keptAcl(source, fromBucket, item.source) : undefined;
      await copyWithAcl(destination, fromBucket, item.source, toBucket, item.target, acl, {
        metadataDirective: 'COPY',
        ...(opts.signal ? { signal: opts.signal } : {}),
      });
      copied.push(item.source);
      opts.onProgress?.(++done, items.length);
    } catch (error) {
      failures.push({ key: item.source, error: asError(error) });
    }
  };
  // Each key's failure is its own business; Stop leaves what was copied copied (and, in a move,
  // deleted below), so the pool's abort is no failure here.
  await pool(
    items,
    opts.concurrency ?? 4,
    copyOne,
    opts.signal ? { signal: opts.signal } : {},
  ).catch((error: unknown) => {
    if (!opts.signal?.aborted) throw error;
  });
  if (opts.move && copied.length) {
    try {
      const result = await deleteObjects(source.profile, source.signer, fromBucket, copied);
      const failed = new Set(result.errors.map((e) => e.key));
      for (const e of result.errors)
        failures.push({ key: e.key, error: { code: e.code, message: e.message } });
      done = copied.filter((key) => !failed.has(key)).length;
    } catch (error) {
      const data = asError(error);
      for (const key of copied) failures.push({ key, error: data });
      done = 0;
    }
    opts.onProgress?.(done, items.length);
  }
  return { done, total: items.length, failures };
}

/**
 * A copy that carries `acl` where the destination takes ACLs; a destination bucket without ACLs
 * refuses any x-amz-acl, so there the copy goes again without it.
 */
async function copyWithAcl(
  { profile, signer }: CurrentProfile,
  fromBucket: string,
  source: string,
  toBucket: string,
  target: string,
  acl: CannedAcl | undefined,
  opts: CopyObjectOptions,
) {
  if (acl) {
    try {
      return await copyObject(profile, signer, fromBucket, source, toBucket, target, {
        ...opts,
        acl,
      });
    } catch (error) {
      if (!aclsOff(asError(error))) throw error;
    }
  }
  return copyObject(profile, signer, fromBucket, source, toBucket, target, opts);
}

/** The canned ACL to give a rewritten copy so it stays public; nothing when ACLs cannot be read. */
async function keptAcl(
  { profile, signer }: CurrentProfile,
  bucket: string,
  key: string,
): Promise<CannedAcl | undefined> {
  try {
    const acl = await getObjectAcl(profile, signer, bucket, key);
    return matchCannedAcl(acl) === 'public-read' ? 'public-read' : undefined;
  } catch {
    return undefined;
  }
}

// --- metadata ----------------------------------------------------------------------------------

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

// --- ACLs --------------------------------------------------------------------------------------

export const ALL_USERS = 'http://acs.amazonaws.com/groups/global/AllUsers';
export const AUTHENTICATED_USERS = 'http://acs.amazonaws.com/groups/global/AuthenticatedUsers';
export const LOG_DELIVERY = 'http://acs.amazonaws.com/groups/s3/LogDelivery';

export type CannedMatch = 'private' | 'public-read' | 'other';

export interface GrantView {
  /** Who, as the server names them: display name, e-mail, group URI or canonical ID. */
  grantee: string;
  kind: 'user' | 'group' | 'email';
  /** Set for groups (AllUsers, AuthenticatedUsers, LogDelivery). */
  uri?: string;
  id?: string;
  permission: string;
}

export interface AclView {
  owner: string;
  ownerId: string;
  grants: GrantView[];
  canned: CannedMatch;
}

/**
 * Which canned ACL the grants are: private is the owner's FULL_CONTROL alone, public-read that
 * plus READ for AllUsers. Anything more or less is "other".
 */
export function matchCannedAcl(acl: Pick<ObjectAcl, 'owner' | 'grants'>): CannedMatch {
  const owner = acl.owner.id;
  const isOwner = (g: ObjectAcl['grants'][number]) => !!owner && g.grantee.id === owner;
  const ownerFull = acl.grants.some((g) => isOwner(g) && g.permission === 'FULL_CONTROL');
  const others = acl.grants.filter((g) => !isOwner(g));
  // No grants at all: only the owner, who always may, has access.
  if (acl.grants.length === 0) return 'private';
  if (!ownerFull || acl.grants.some((g) => isOwner(g) && g.permission !== 'FULL_CONTROL'))
    return 'other';
  if (others.length === 0) return 'private';
  const publicRead =
    others.length === 1 && others[0]?.grantee.uri === ALL_USERS && others[0].permission === 'READ';
  return publicRead ? 'public-read' : 'other';
}

export function aclView(acl: ObjectAcl): AclView {
  return {
    owner: acl.owner.displayName || acl.owner.id,
    ownerId: acl.owner.id,
    grants: acl.grants.map((g) => {
      const view: GrantView = {
        grantee:
          g.grantee.uri ?? g.grantee.displayName ?? g.grantee.emailAddress ?? g.grantee.id ?? '',
        kind: g.grantee.uri ? 'group' : g.grantee.emailAddress ? 'email' : 'user',
        permission: g.permission,
      };
      if (g.grantee.uri) view.uri = g.grantee.uri;
      if (g.grantee.id) view.id = g.grantee.id;
      return view;
    }),
    canned: matchCannedAcl(acl),
  };
}

/**
 * A refusal meaning the bucket or store has no ACLs at all: AWS buckets whose Object Ownership is
 * "bucket owner enforced" (AccessControlListNotSupported), stores without ACLs (NotImplemented).
 */
export function aclsOff(error: CloudErrorData): boolean {
  return (
    error.code === 'AccessControlListNotSupported' ||
    error.code === 'NotImplemented' ||
    error.status === 501
  );
}

export async function readAcl(
  { profile, signer }: CurrentProfile,
  bucket: string,
  key: string,
): Promise<AclView> {
  return aclView(await getObjectAcl(profile, signer, bucket, key));
}

export async function setCannedAcl(
  { profile, signer }: CurrentProfile,
  bucket: string,
  key: string,
  acl: Extract<CannedAcl, 'private' | 'public-read'>,
): Promise<void> {
  await putObjectAcl(profile, signer, bucket, key, acl);
}
