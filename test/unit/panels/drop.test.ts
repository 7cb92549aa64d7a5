import { describe, expect, test } from 'vitest';
import { droppedFiles } from '../../../src/panels/s3/drop';

// Entries shaped as Chrome and Firefox hand them out: a directory reader gives batches until an
// empty one (Chrome: 100 at a time).
function fileEntry(name: string) {
  return { isFile: true, name, file: (ok: (f: File) => void) => ok(new File([name], name)) };
}
function dirEntry(name: string, children: unknown[], batch = 2) {
  return {
    isFile: false,
    name,
    createReader() {
      const left = [...children];
      return { readEntries: (ok: (e: unknown[]) => void) => ok(left.splice(0, batch)) };
    },
  };
}
function transfer(entries: unknown[], files: File[] = []): DataTransfer {
  return {
    items: entries.map((entry) => ({ kind: 'file', webkitGetAsEntry: () => entry })),
    files,
  } as unknown as DataTransfer;
}

describe('droppedFiles', () => {
  test('a folder is walked to the bottom, every batch read, paths kept under its name', async () => {
    const photos = dirEntry('photos', [
      fileEntry('a.jpg'),
      fileEntry('b.jpg'),
      fileEntry('c.jpg'),
      dirEntry('2024', [fileEntry('d.jpg'), dirEntry('empty', [])]),
    ]);
    const got = await droppedFiles(transfer([photos, fileEntry('loose.txt')]));
    expect(got.map((f) => f.relativePath)).toEqual([
      'photos/a.jpg',
      'photos/b.jpg',
      'photos/c.jpg',
      'photos/2024/d.jpg',
      'loose.txt',
    ]);
    expect(await got[3]?.file.text()).toBe('d.jpg');
  });

  test('without entries (a scripted DataTransfer), the files as they are', async () => {
    const file = new File(['x'], 'x.txt');
    const data = { items: [{ kind: 'file', webkitGetAsEntry: () => null }], files: [file] };
    const got = await droppedFiles(data as unknown as DataTransfer);
    expect(got).toEqual([{ file, relativePath: '' }]);
  });
});
