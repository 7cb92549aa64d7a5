import { afterEach, describe, expect, test, vi } from 'vitest';
import { readAcl } from '../../../src/panels/s3/acl-ops';
import { saveMetadata } from '../../../src/panels/s3/metadata-ops';
import { copyEntries } from '../../../src/panels/s3/transfer-ops';
import { aws, euca, fixture, plainSigner, stubFetch } from '../cloud/s3/support';

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
