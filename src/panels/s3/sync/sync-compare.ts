// A local folder against a bucket prefix, matched by relative path: what is new, changed, only in
// the bucket, identical (by content) or the same size where content cannot be told (the ETag is
// not an MD5 we can reproduce). Pure, so Node tests run it on real listings.

import {
  type ContentHashes,
  etagMatches,
  FOLDER_MARKER,
  type HashPlan,
  hashPlanFor,
  type ObjectSummary,
} from '../../../cloud/s3';

export type SyncClass = 'new' | 'changed' | 'bucketOnly' | 'identical' | 'sizeOnly';
export const SYNC_CLASSES: readonly SyncClass[] = [
  'new',
  'changed',
  'bucketOnly',
  'identical',
  'sizeOnly',
];

/** A local file with its path under the chosen folder ('a/b.txt', no leading folder name). */
export interface LocalFile<F = unknown> {
  path: string;
  size: number;
  file: F;
}

/** How a verdict was reached. */
export type SyncBasis = 'presence' | 'size' | 'md5' | 'multipart' | 'sizeOnly';

export interface SyncRow<F = unknown> {
  path: string;
  cls: SyncClass;
  basis: SyncBasis;
  local?: LocalFile<F>;
  remote?: ObjectSummary;
}

/** A same-size pair whose content can be checked, and how. */
export interface HashJob<F = unknown> {
  path: string;
  local: LocalFile<F>;
  remote: ObjectSummary;
  plan: HashPlan;
}

export interface Pairing<F = unknown> {
  /** Settled without hashing: new, bucket-only, a different size, or same size with no usable ETag. */
  settled: SyncRow<F>[];
  /** To hash before a verdict. */
  jobs: HashJob<F>[];
}

/** Drops the chosen folder's own name from a webkitRelativePath or a dropped folder's path. */
export function withoutTopFolder(relativePath: string): string {
  const slash = relativePath.indexOf('/');
  return slash < 0 ? relativePath : relativePath.slice(slash + 1);
}

/** Pairs files with the objects under `prefix` (listed without a delimiter: every depth). */
export function pairUp<F>(
  local: readonly LocalFile<F>[],
  objects: readonly ObjectSummary[],
  prefix: string,
): Pairing<F> {
  const remote = new Map<string, ObjectSummary>();
  for (const o of objects) {
    if (!o.key.startsWith(prefix)) continue;
    const path = o.key.slice(prefix.length);
    // Folder markers: "dir/" (the console's) and "dir_$folder$" (old S3 tools').
    if (path === '' || path.endsWith('/') || path.endsWith(FOLDER_MARKER)) continue;
    remote.set(path, o);
  }
  const settled: SyncRow<F>[] = [];
  const jobs: HashJob<F>[] = [];
  const seen = new Set<string>();
  for (const file of local) {
    if (seen.has(file.path)) continue;
    seen.add(file.path);
    const o = remote.get(file.path);
    if (!o) {
      settled.push({ path: file.path, cls: 'new', basis: 'presence', local: file });
      continue;
    }
    if (o.size !== file.size) {
      settled.push({ path: file.path, cls: 'changed', basis: 'size', local: file, remote: o });
      continue;
    }
    const plan = hashPlanFor(o.etag, o.size);
    if (plan) jobs.push({ path: file.path, local: file, remote: o, plan });
    else
      settled.push({ path: file.path, cls: 'sizeOnly', basis: 'sizeOnly', local: file, remote: o });
  }
  for (const [path, o] of remote)
    if (!seen.has(path)) settled.push({ path, cls: 'bucketOnly', basis: 'presence', remote: o });
  return { settled, jobs };
}

/** The verdict on a hashed pair. */
export function judge<F>(job: HashJob<F>, hashes: ContentHashes): SyncRow<F> {
  return {
    path: job.path,
    cls: etagMatches(job.remote.etag, hashes) ? 'identical' : 'changed',
    basis: job.plan.whole ? 'md5' : 'multipart',
    local: job.local,
    remote: job.remote,
  };
}

export type SyncTotals = Record<SyncClass, { count: number; bytes: number }>;

/** Count and bytes per class: the local size where there is a file, else the object's. */
export function syncTotals(rows: readonly SyncRow[]): SyncTotals {
  const totals = Object.fromEntries(
    SYNC_CLASSES.map((c) => [c, { count: 0, bytes: 0 }]),
  ) as SyncTotals;
  for (const row of rows) {
    const t = totals[row.cls];
    t.count++;
    t.bytes += row.local?.size ?? row.remote?.size ?? 0;
  }
  return totals;
}

/** What "Upload new and changed" sends: identical and same-size files are not sent again. */
export function toUpload<F>(rows: readonly SyncRow<F>[]): LocalFile<F>[] {
  return rows.flatMap((r) =>
    (r.cls === 'new' || r.cls === 'changed') && r.local ? [r.local] : [],
  );
}

/** The keys "Delete what is only in the bucket" removes. */
export function toDelete(rows: readonly SyncRow[]): string[] {
  return rows.flatMap((r) => (r.cls === 'bucketOnly' && r.remote ? [r.remote.key] : []));
}
