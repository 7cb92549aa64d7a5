// A whole-bucket search: every key under a prefix (no delimiter), page by page, each page's
// matches handed over as soon as it arrives, so the first ones show while the listing goes on.

import type { Profile } from '../profile';
import type { Signer } from '../signer';
import type { S3CallOptions } from './call';
import { compileKeyPattern } from './key-pattern';
import { listObjects } from './list-objects';
import { matchesFilter, type ObjectFilter } from './object-filter';
import type { ObjectSummary } from './types';

export interface SearchObjectsOptions extends S3CallOptions {
  /** Where to search: '' for the whole bucket, 'a/b/' for that folder and everything under it. */
  prefix?: string;
  /** See key-pattern.ts; '' matches every key. */
  pattern?: string;
  caseInsensitive?: boolean;
  filter?: ObjectFilter;
  /** Keys per page (at most 1,000). */
  maxKeys?: number;
  /** After each page: its matches (maybe none) and the keys scanned so far. */
  onMatches?: (matches: ObjectSummary[], scanned: number) => void;
}

export interface SearchObjectsResult {
  scanned: number;
  matched: number;
}

export async function searchObjects(
  profile: Profile,
  signer: Signer,
  bucket: string,
  opts: SearchObjectsOptions = {},
): Promise<SearchObjectsResult> {
  const prefix = opts.prefix ?? '';
  const match = compileKeyPattern(opts.pattern ?? '', { caseInsensitive: opts.caseInsensitive });
  const filter = opts.filter ?? {};
  let scanned = 0;
  let matched = 0;
  const list: Parameters<typeof listObjects>[3] = {
    prefix,
    delimiter: '',
    // The matches go to onMatches; holding every key of a large bucket would only cost memory.
    collect: false,
    onPage(objects) {
      const found: ObjectSummary[] = [];
      for (const object of objects) {
        // Folder markers ("a/b/") are not objects a user looks for; the folder itself is shown.
        if (object.key.endsWith('/') || !object.key.startsWith(prefix)) continue;
        if (match(object.key.slice(prefix.length)) && matchesFilter(object, filter))
          found.push(object);
      }
      scanned += objects.length;
      matched += found.length;
      opts.onMatches?.(found, scanned);
    },
  };
  if (opts.maxKeys !== undefined) list.maxKeys = opts.maxKeys;
  if (opts.signal) list.signal = opts.signal;
  if (opts.timeoutMs !== undefined) list.timeoutMs = opts.timeoutMs;
  if (opts.retry) list.retry = opts.retry;
  await listObjects(profile, signer, bucket, list);
  return { scanned, matched };
}
