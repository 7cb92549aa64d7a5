import { describe, expect, test } from 'vitest';
import { matchUpload } from '../../../src/panels/s3/resume-match';
import type { ResumableUpload } from '../../../src/storage/items';

function kept(uploadId: string, key: string, at: number, size = 50_000_000): ResumableUpload {
  return {
    uploadId,
    profileId: 'p',
    bucket: 'b',
    key,
    file: { name: 'movie.mp4', size, lastModified: 1_700_000_000_000 },
    partSize: 16 * 1024 * 1024,
    partsDone: 1,
    partsTotal: 3,
    at,
  };
}
const file = { name: 'movie.mp4', size: 50_000_000, lastModified: 1_700_000_000_000 };

describe('matchUpload', () => {
  test('the same name, size and date resume, wherever it is dropped', () => {
    const list = [kept('u1', 'videos/movie.mp4', 1)];
    expect(matchUpload(list, file, 'elsewhere/movie.mp4')?.uploadId).toBe('u1');
  });
  test('another size or date is another file', () => {
    const list = [kept('u1', 'movie.mp4', 1)];
    expect(matchUpload(list, { ...file, size: 1 }, 'movie.mp4')).toBeUndefined();
    expect(matchUpload(list, { ...file, lastModified: 2 }, 'movie.mp4')).toBeUndefined();
    expect(matchUpload(list, { ...file, name: 'other.mp4' }, 'movie.mp4')).toBeUndefined();
  });
  test('several matches: the one for this key, else the newest; taken ones are skipped', () => {
    const list = [kept('old', 'a/movie.mp4', 1), kept('new', 'b/movie.mp4', 2)];
    expect(matchUpload(list, file, 'a/movie.mp4')?.uploadId).toBe('old');
    expect(matchUpload(list, file, 'c/movie.mp4')?.uploadId).toBe('new');
    expect(matchUpload(list, file, 'c/movie.mp4', new Set(['new']))?.uploadId).toBe('old');
  });
});
