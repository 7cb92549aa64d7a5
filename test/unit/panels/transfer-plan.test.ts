import { describe, expect, test } from 'vitest';
import { entryName, folderPrefix, renamedKey, targetKey } from '../../../src/panels/s3/key-paths';
import { copyRefusal, planTransfer, renameProblem } from '../../../src/panels/s3/transfer-plan';

describe('where copied keys go', () => {
  test('a typed folder becomes a prefix', () => {
    expect(folderPrefix('')).toBe('');
    expect(folderPrefix('  ')).toBe('');
    expect(folderPrefix('/')).toBe('');
    expect(folderPrefix('backup')).toBe('backup/');
    expect(folderPrefix('/a/b/')).toBe('a/b/');
    expect(folderPrefix(' 日本 語 ')).toBe('日本 語/');
  });

  test('keys keep their path relative to the source folder', () => {
    expect(targetKey('docs/a.txt', 'docs/', 'backup/')).toBe('backup/a.txt');
    expect(targetKey('docs/sub/deep/b.bin', 'docs/', '')).toBe('sub/deep/b.bin');
    expect(targetKey('top.txt', '', 'x/y/')).toBe('x/y/top.txt');
    expect(targetKey('docs/sub/', 'docs/', 'other/')).toBe('other/sub/');
  });

  test('a selection with a folder maps every key under it', () => {
    const plan = planTransfer(
      ['p/a.txt', 'p/dir/', 'p/dir/1.txt', 'p/dir/z/2.txt', 'p/a.txt'],
      { bucket: 'a', prefix: 'p/' },
      { bucket: 'b', prefix: 'q/' },
    );
    expect(plan).toEqual({
      items: [
        { source: 'p/a.txt', target: 'q/a.txt' },
        { source: 'p/dir/', target: 'q/dir/' },
        { source: 'p/dir/1.txt', target: 'q/dir/1.txt' },
        { source: 'p/dir/z/2.txt', target: 'q/dir/z/2.txt' },
      ],
    });
  });

  test('to the same folder of another bucket is fine; of the same bucket is refused', () => {
    expect(
      planTransfer(['p/a'], { bucket: 'a', prefix: 'p/' }, { bucket: 'b', prefix: 'p/' }),
    ).toEqual({ items: [{ source: 'p/a', target: 'p/a' }] });
    expect(
      planTransfer(['p/a'], { bucket: 'a', prefix: 'p/' }, { bucket: 'a', prefix: 'p/' }),
    ).toEqual({ problem: 'objCopySameKey' });
  });

  test('a target that is also a source in the same bucket is refused', () => {
    // Moving x/a and x/x/a up one level: x/x/a would land on x/a before x/a was copied.
    expect(
      planTransfer(['x/a', 'x/x/a'], { bucket: 'b', prefix: 'x/' }, { bucket: 'b', prefix: '' }),
    ).toEqual({ problem: 'objCopyOverlaps' });
  });

  test('targets with . or .. segments are refused', () => {
    expect(
      planTransfer(['a'], { bucket: 'b', prefix: '' }, { bucket: 'c', prefix: '../' }),
    ).toEqual({ problem: 'objBadDotSegment' });
  });
});

describe('refusing a copy before listing', () => {
  const from = { bucket: 'b', prefix: 'p/' };
  test('a folder into itself or below it', () => {
    expect(copyRefusal(from, ['p/docs/'], { bucket: 'b', prefix: 'p/docs/' })).toBe(
      'objCopyIntoItself',
    );
    expect(copyRefusal(from, ['p/x', 'p/docs/'], { bucket: 'b', prefix: 'p/docs/deep/' })).toBe(
      'objCopyIntoItself',
    );
  });
  test('everything onto itself', () => {
    expect(copyRefusal(from, ['p/x'], { bucket: 'b', prefix: 'p/' })).toBe('objCopySameKey');
  });
  test('a sibling folder, a parent, or another bucket are fine', () => {
    expect(copyRefusal(from, ['p/docs/'], { bucket: 'b', prefix: 'p/docs2/' })).toBeNull();
    expect(copyRefusal(from, ['p/docs/'], { bucket: 'b', prefix: '' })).toBeNull();
    expect(copyRefusal(from, ['p/docs/'], { bucket: 'other', prefix: 'p/docs/' })).toBeNull();
  });
});

describe('rename', () => {
  test('the new key stays in the same folder; a folder keeps its slash', () => {
    expect(renamedKey('a/b/file.txt', 'new name.txt')).toBe('a/b/new name.txt');
    expect(renamedKey('file.txt', '日本語.txt')).toBe('日本語.txt');
    expect(renamedKey('a/docs/', 'papers')).toBe('a/papers/');
    expect(renamedKey('a/docs/', 'papers/')).toBe('a/papers/');
    expect(entryName('a/docs/')).toBe('docs');
    expect(entryName('a/b/file.txt')).toBe('file.txt');
  });
  test('names that are empty, start with a slash, are unchanged or go into themselves', () => {
    expect(renameProblem('a/f.txt', '  ')).toBe('fieldRequired');
    expect(renameProblem('a/f.txt', '/g.txt')).toBe('objRenameLeadingSlash');
    expect(renameProblem('a/f.txt', 'f.txt')).toBe('objRenameSame');
    expect(renameProblem('a/docs/', 'docs/')).toBe('objRenameSame');
    expect(renameProblem('a/docs/', 'docs/inner')).toBe('objCopyIntoItself');
    expect(renameProblem('a/f.txt', '..')).toBe('objBadDotSegment');
    expect(renameProblem('a/f.txt', 'g.txt')).toBeNull();
    expect(renameProblem('a/f.txt', 'sub/g.txt')).toBeNull();
  });
});
