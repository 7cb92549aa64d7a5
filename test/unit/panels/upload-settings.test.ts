import { describe, expect, test } from 'vitest';
import { metadataLines, parseMetadataLines } from '../../../src/panels/s3/upload-settings';

describe('parseMetadataLines', () => {
  test('name=value per line; blank lines skipped; names lower-cased; the prefix dropped', () => {
    expect(parseMetadataLines('Owner = ops team\n\nx-amz-meta-ref=42\nempty=')).toEqual({
      ok: true,
      metadata: { owner: 'ops team', ref: '42', empty: '' },
    });
    expect(metadataLines({ owner: 'ops team', ref: '42' })).toBe('owner=ops team\nref=42');
  });
  test('the first wrong line is named', () => {
    expect(parseMetadataLines('a=1\nno equals sign')).toEqual({ ok: false, line: 2 });
    expect(parseMetadataLines('bad name=1')).toEqual({ ok: false, line: 1 });
    expect(parseMetadataLines('a=1\nb=2\nnote=日本語')).toEqual({ ok: false, line: 3 });
  });
});
