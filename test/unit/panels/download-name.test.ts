import { describe, expect, test } from 'vitest';
import { downloadName } from '../../../src/panels/s3/download-name';

describe('downloadName', () => {
  test('the key below the folder being browsed, folders kept', () => {
    expect(downloadName('docs/a.txt', 'docs/')).toBe('a.txt');
    expect(downloadName('docs/sub/b.txt', '')).toBe('docs/sub/b.txt');
    expect(downloadName('日本語 ファイル.txt', '')).toBe('日本語 ファイル.txt');
  });
  test('characters a file system refuses become _', () => {
    expect(downloadName('a b+c%d#e?f.txt', '')).toBe('a b+c_d#e_f.txt');
    expect(downloadName('x:y*z"<>|.bin', '')).toBe('x_y_z____.bin');
    expect(downloadName('tab\there', '')).toBe('tab_here');
  });
  test('no empty, dot or reserved parts, no trailing dots', () => {
    expect(downloadName('a//b', '')).toBe('a/b');
    expect(downloadName('../x', '')).toBe('_/x');
    expect(downloadName('CON.txt', '')).toBe('_CON.txt');
    expect(downloadName('name. ', '')).toBe('name');
    expect(downloadName('docs/', 'docs/')).toBe('download');
  });
});
