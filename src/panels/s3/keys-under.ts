// What a selection in the object list stands for, for delete, download, copy, move and rename.

import { listObjects } from '../../cloud/s3';
import type { CurrentProfile } from '../current-profile';

export interface KeysUnderOptions {
  signal?: AbortSignal;
  /**
   * Counts each selected folder's own key too, whether or not a marker object holds it: a delete
   * then removes the marker that keeps an emptied folder listed.
   */
  folders?: boolean;
}

/** Every key the selection stands for, each once: an object itself, a folder everything under it. */
export async function keysUnder(
  { profile, signer }: CurrentProfile,
  bucket: string,
  selected: readonly string[],
  opts: KeysUnderOptions = {},
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
      ...(opts.signal ? { signal: opts.signal } : {}),
    });
    keys.push(...listed.objects.map((o) => o.key));
    if (opts.folders) keys.push(key);
  }
  return [...new Set(keys)];
}
