import { describe, expect, test } from 'vitest';
import {
  hasProblems,
  type MetadataForm,
  metadataForm,
  validateMetadata,
  writeOptions,
} from '../../../src/panels/s3/metadata-ops';

describe('metadata', () => {
  const form = (patch: Partial<MetadataForm>): MetadataForm => ({
    contentType: 'text/plain',
    cacheControl: '',
    contentDisposition: '',
    contentEncoding: '',
    metadata: [],
    ...patch,
  });

  test('the form starts from the object head', () => {
    expect(
      metadataForm({
        contentLength: 5,
        contentType: 'text/plain',
        etag: 'e',
        lastModified: 'x',
        cacheControl: 'max-age=60',
        metadata: { zeta: '1', alpha: '2' },
      }),
    ).toEqual({
      contentType: 'text/plain',
      cacheControl: 'max-age=60',
      contentDisposition: '',
      contentEncoding: '',
      metadata: [
        { name: 'alpha', value: '2' },
        { name: 'zeta', value: '1' },
      ],
    });
  });

  test('ASCII headers and token names pass; blank rows are ignored', () => {
    const ok = validateMetadata(
      form({
        cacheControl: 'public, max-age=3600',
        contentDisposition: 'attachment; filename="a b.txt"',
        metadata: [
          { name: 'owner', value: 'Team A' },
          { name: '', value: '' },
          { name: "x.y_z-1!#$%&'*+^`|~", value: '' },
        ],
      }),
    );
    expect(hasProblems(ok)).toBe(false);
  });

  test('non-ASCII values, bad or repeated names, and too much metadata are refused', () => {
    const problems = validateMetadata(
      form({
        contentType: 'text/plain; 名前',
        metadata: [
          { name: 'owner', value: '山田' },
          { name: 'has space', value: 'x' },
          { name: 'Owner', value: 'y' },
          { name: '', value: 'orphan' },
          { name: 'ünicode', value: 'z' },
        ],
      }),
    );
    expect(problems.fields).toEqual({ contentType: 'objHeaderNotAscii' });
    expect(problems.values).toEqual({ 0: 'objHeaderNotAscii' });
    expect(problems.names).toEqual({
      1: 'objMetaBadName',
      2: 'objMetaDuplicate',
      3: 'fieldRequired',
      4: 'objMetaBadName',
    });
    expect(
      validateMetadata(form({ metadata: [{ name: 'big', value: 'x'.repeat(2100) }] })),
    ).toEqual({ fields: {}, names: {}, values: {}, metadata: 'objMetaTooBig' });
  });

  test('a typed x-amz-meta- prefix counts as the same name', () => {
    const problems = validateMetadata(
      form({
        metadata: [
          { name: 'x-amz-meta-owner', value: 'a' },
          { name: 'owner', value: 'b' },
        ],
      }),
    );
    expect(problems.names).toEqual({ 1: 'objMetaDuplicate' });
  });

  test('what a REPLACE copy writes: trimmed, blanks left out, names lower-case', () => {
    expect(
      writeOptions(
        form({
          contentType: ' text/markdown ',
          cacheControl: 'no-cache',
          metadata: [
            { name: ' X-Amz-Meta-Owner ', value: ' alice ' },
            { name: 'Colour', value: 'blue' },
            { name: ' ', value: ' ' },
          ],
        }),
      ),
    ).toEqual({
      contentType: 'text/markdown',
      cacheControl: 'no-cache',
      metadata: { owner: 'alice', colour: 'blue' },
    });
  });
});
