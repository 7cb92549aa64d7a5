// Which kept upload (src/panels/s3/resumable.ts) a dropped file continues. Pure, for tests.

import type { ResumableUpload } from '../../storage/items';

/**
 * The kept upload a dropped file continues: same name, size and modification time, for this
 * profile. Where several match (the same file put off twice), the one going to `key` first,
 * then the newest.
 */
export function matchUpload(
  kept: readonly ResumableUpload[],
  file: { name: string; size: number; lastModified: number },
  key: string,
  skip: ReadonlySet<string> = new Set(),
): ResumableUpload | undefined {
  const same = kept.filter(
    (u) =>
      !skip.has(u.uploadId) &&
      u.file.name === file.name &&
      u.file.size === file.size &&
      u.file.lastModified === file.lastModified,
  );
  return same.find((u) => u.key === key) ?? same.sort((a, b) => b.at - a.at)[0];
}
