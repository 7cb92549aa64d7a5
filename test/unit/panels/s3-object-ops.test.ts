import { afterEach, describe, expect, test, vi } from 'vitest';
import type { ObjectAcl } from '../../../src/cloud/s3';
import {
  ALL_USERS,
  AUTHENTICATED_USERS,
  aclsOff,
  aclView,
  matchCannedAcl,
  readAcl,
} from '../../../src/panels/s3/acl-ops';
import { entryName, folderPrefix, renamedKey, targetKey } from '../../../src/panels/s3/key-paths';
import {
  hasProblems,
  type MetadataForm,
  metadataForm,
  saveMetadata,
  validateMetadata,
  writeOptions,
} from '../../../src/panels/s3/metadata-ops';
import { copyEntries } from '../../../src/panels/s3/transfer-ops';
import { copyRefusal, planTransfer, renameProblem } from '../../../src/panels/s3/transfer-plan';
import { aws, euca, fixture, plainSigner, stubFetch } from '../cloud/s3/support';

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

describe('ACLs', () => {
  const owner = { id: 'abc123', displayName: 'me' };
  const ownerFull = {
    grantee: { type: 'CanonicalUser', id: 'abc123' },
    permission: 'FULL_CONTROL',
  };
  const group = (uri: string, permission: string) => ({
    grantee: { type: 'Group', uri },
    permission,
  });
  const acl = (grants: ObjectAcl['grants']): ObjectAcl => ({ owner, grants, canned: 'custom' });

  test('owner alone is private; plus AllUsers READ is public-read', () => {
    expect(matchCannedAcl(acl([ownerFull]))).toBe('private');
    expect(matchCannedAcl(acl([]))).toBe('private');
    expect(matchCannedAcl(acl([ownerFull, group(ALL_USERS, 'READ')]))).toBe('public-read');
  });

  test('anything else is other', () => {
    expect(matchCannedAcl(acl([ownerFull, group(ALL_USERS, 'WRITE')]))).toBe('other');
    expect(matchCannedAcl(acl([ownerFull, group(AUTHENTICATED_USERS, 'READ')]))).toBe('other');
    expect(
      matchCannedAcl(acl([ownerFull, group(ALL_USERS, 'READ'), group(ALL_USERS, 'WRITE')])),
    ).toBe('other');
    expect(matchCannedAcl(acl([group(ALL_USERS, 'READ')]))).toBe('other');
    expect(
      matchCannedAcl(
        acl([ownerFull, { grantee: { type: 'CanonicalUser', id: 'other' }, permission: 'READ' }]),
      ),
    ).toBe('other');
    expect(
      matchCannedAcl(
        acl([{ grantee: { type: 'CanonicalUser', id: 'abc123' }, permission: 'READ' }]),
      ),
    ).toBe('other');
  });

  test('the view names grantees the way the server does', () => {
    const view = aclView(
      acl([
        {
          grantee: { type: 'CanonicalUser', id: 'abc123', displayName: 'me' },
          permission: 'FULL_CONTROL',
        },
        group(ALL_USERS, 'READ'),
        {
          grantee: { type: 'AmazonCustomerByEmail', emailAddress: 'a@example.com' },
          permission: 'READ',
        },
      ]),
    );
    expect(view).toEqual({
      owner: 'me',
      ownerId: 'abc123',
      canned: 'other',
      grants: [
        { grantee: 'me', kind: 'user', id: 'abc123', permission: 'FULL_CONTROL' },
        { grantee: ALL_USERS, kind: 'group', uri: ALL_USERS, permission: 'READ' },
        { grantee: 'a@example.com', kind: 'email', permission: 'READ' },
      ],
    });
  });

  test('ACLs off: AccessControlListNotSupported, NotImplemented, 501; not AccessDenied', () => {
    expect(aclsOff({ code: 'AccessControlListNotSupported', message: '', status: 400 })).toBe(true);
    expect(aclsOff({ code: 'NotImplemented', message: '', status: 501 })).toBe(true);
    expect(aclsOff({ code: 'HttpError', message: '', status: 501 })).toBe(true);
    expect(aclsOff({ code: 'AccessDenied', message: '', status: 403 })).toBe(false);
  });
});

describe('against a stubbed server', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });
  const current = { profile: euca, signer: plainSigner };
  const base = 'http://10.0.0.5:8773/services/objectstorage';
  const privateAcl = fixture('aws-get-object-acl-public-read.xml').replace(
    /<Grant><Grantee[\s\S]*?Group[\s\S]*?<\/Grant>/,
    '',
  );
  const copied = { status: 200, body: '<CopyObjectResult><ETag>"e1"</ETag></CopyObjectResult>' };

  test('a move deletes only the sources that were copied, and reports the rest', async () => {
    const { seen, answers } = stubFetch();
    answers.push(
      { status: 200, body: privateAcl },
      { status: 200, headers: { 'content-length': '3', etag: '"e0"' } },
      copied,
      { status: 200, body: privateAcl },
      { status: 404 },
      {
        status: 200,
        body: '<DeleteResult><Deleted><Key>p/a b</Key></Deleted></DeleteResult>',
      },
    );
    const progress: string[] = [];
    const result = await copyEntries(
      async () => current,
      { bucket: 'src', prefix: 'p/' },
      ['p/a b', 'p/gone'],
      { bucket: 'dst', prefix: 'q/' },
      {
        move: true,
        concurrency: 1,
        onProgress: (done, total) => progress.push(`${done}/${total}`),
      },
    );
    expect(result).toMatchObject({
      done: 1,
      total: 2,
      failures: [{ key: 'p/gone', error: { code: 'NoSuchKey' } }],
    });
    expect(progress).toEqual(['0/2', '1/2', '1/2']);
    const copy = seen[2];
    expect(copy?.method).toBe('PUT');
    expect(copy?.url).toBe(`${base}/dst/q/a%20b`);
    expect(copy?.headers['x-amz-copy-source']).toBe('/src/p/a%20b');
    expect(copy?.headers['x-amz-metadata-directive']).toBe('COPY');
    const del = seen[5];
    expect(del?.url).toBe(`${base}/src?delete`);
    expect(del?.body).toContain('<Key>p/a b</Key>');
    expect(del?.body).not.toContain('p/gone');
  });

  test('a public-read object moved to a bucket without ACLs is copied again without x-amz-acl', async () => {
    const { seen, answers } = stubFetch();
    const head = { status: 200, headers: { 'content-length': '3', etag: '"e0"' } };
    answers.push(
      { status: 200, body: fixture('aws-get-object-acl-public-read.xml') },
      head,
      { status: 400, body: fixture('aws-access-control-list-not-supported.xml') },
      head,
      copied,
      { status: 200, body: '<DeleteResult><Deleted><Key>k</Key></Deleted></DeleteResult>' },
    );
    const result = await copyEntries(
      async () => current,
      { bucket: 'src', prefix: '' },
      ['k'],
      { bucket: 'owned', prefix: '' },
      { move: true },
    );
    expect(result).toEqual({ done: 1, total: 1, failures: [] });
    expect(seen[2]?.headers['x-amz-acl']).toBe('public-read');
    expect(seen[4]?.headers).not.toHaveProperty('x-amz-acl');
    expect(seen[5]?.url).toBe(`${base}/src?delete`);
  });

  test('between AWS regions: the copy goes to the destination bucket, the delete to the source', async () => {
    const { seen, answers } = stubFetch();
    answers.push(
      { status: 200, body: privateAcl },
      { status: 200, headers: { 'content-length': '3', etag: '"e0"' } },
      copied,
      { status: 200, body: '<DeleteResult><Deleted><Key>k</Key></Deleted></DeleteResult>' },
    );
    const east = { ...aws, region: 'us-east-1' };
    const tokyo = { ...aws, region: 'ap-northeast-1' };
    const at = async (bucket: string) => ({
      profile: bucket === 'src' ? east : tokyo,
      signer: plainSigner,
    });
    const result = await copyEntries(
      at,
      { bucket: 'src', prefix: '' },
      ['k'],
      { bucket: 'far', prefix: '' },
      { move: true },
    );
    expect(result).toEqual({ done: 1, total: 1, failures: [] });
    const urls = seen.map((r) => `${r.method} ${r.url}`);
    expect(urls).toContain('PUT https://far.s3.ap-northeast-1.amazonaws.com/k');
    expect(urls).toContain('POST https://src.s3.us-east-1.amazonaws.com/?delete');
  });

  test('a folder into itself is refused before anything is sent', async () => {
    const { seen } = stubFetch();
    const result = await copyEntries(
      async () => current,
      { bucket: 'b', prefix: '' },
      ['docs/'],
      { bucket: 'b', prefix: 'docs/old/' },
      { move: true },
    );
    expect(result).toEqual({ problem: 'objCopyIntoItself' });
    expect(seen).toEqual([]);
  });

  test('saving metadata copies in place with REPLACE and keeps a public-read ACL and the storage class', async () => {
    const { seen, answers } = stubFetch();
    answers.push(
      { status: 200, body: fixture('aws-get-object-acl-public-read.xml') },
      {
        status: 200,
        headers: { 'content-length': '3', etag: '"e0"', 'x-amz-storage-class': 'STANDARD_IA' },
      },
      { status: 200, headers: { 'content-length': '3', etag: '"e0"' } },
      copied,
    );
    const result = await saveMetadata(current, 'b', 'k 1', {
      contentType: 'text/markdown',
      cacheControl: 'max-age=60',
      contentDisposition: '',
      contentEncoding: '',
      metadata: [{ name: 'Owner', value: 'alice' }],
    });
    expect(result).toEqual({ etag: 'e1' });
    const put = seen[3];
    expect(put?.url).toBe(`${base}/b/k%201`);
    expect(put?.headers).toMatchObject({
      'x-amz-copy-source': '/b/k%201',
      'x-amz-metadata-directive': 'REPLACE',
      'content-type': 'text/markdown',
      'cache-control': 'max-age=60',
      'x-amz-meta-owner': 'alice',
      'x-amz-acl': 'public-read',
      'x-amz-storage-class': 'STANDARD_IA',
    });
    expect(put?.headers).not.toHaveProperty('content-disposition');
  });

  test('metadata problems stop the save before any request', async () => {
    const { seen } = stubFetch();
    const result = await saveMetadata(current, 'b', 'k', {
      contentType: 'text/plain',
      cacheControl: '',
      contentDisposition: '',
      contentEncoding: '',
      metadata: [{ name: 'owner', value: '山田' }],
    });
    expect(result).toEqual({
      problems: { fields: {}, names: {}, values: { 0: 'objHeaderNotAscii' } },
    });
    expect(seen).toEqual([]);
  });

  test('an ACL is read into a view with the canned ACL it matches', async () => {
    const { answers } = stubFetch();
    answers.push({ status: 200, body: fixture('aws-get-object-acl-public-read.xml') });
    const view = await readAcl(current, 'b', 'k');
    expect(view.owner).toBe('cirrus');
    expect(view.canned).toBe('public-read');
    expect(view.grants.map((g) => [g.kind, g.permission])).toEqual([
      ['user', 'FULL_CONTROL'],
      ['group', 'READ'],
    ]);
  });
});
