// The S3 operations over a stubbed fetch: paging and its fallbacks, retries, 200-with-Error,
// batch deletes, bucket regions and creation bodies, ACLs, presign limits, copy headers.

import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { deleteRequestBody, readDeleteResult } from '../../../../src/cloud/s3/delete-objects';
import * as s3 from '../../../../src/cloud/s3/index';
import {
  type Answer,
  aws,
  euca,
  fixture,
  noWait,
  plainSigner,
  type SeenRequest,
  stubFetch,
} from './support';

let seen: SeenRequest[];
let answers: Answer[];

beforeEach(() => {
  ({ seen, answers } = stubFetch());
});
afterEach(() => {
  vi.unstubAllGlobals();
});

const xml = (body: string): Answer => ({ status: 200, body });
const query = (request: SeenRequest | undefined) =>
  new URL(request?.url ?? 'http://x/').searchParams;
const opts = { retry: noWait };

function v2Page(keys: string[], token?: string): Answer {
  return xml(
    `<ListBucketResult><Name>b</Name><KeyCount>${keys.length}</KeyCount>` +
      `<IsTruncated>${token !== undefined}</IsTruncated>` +
      (token ? `<NextContinuationToken>${token}</NextContinuationToken>` : '') +
      keys.map((k) => `<Contents><Key>${k}</Key><Size>1</Size></Contents>`).join('') +
      '</ListBucketResult>',
  );
}

describe('listObjects', () => {
  test('v2: follows continuation tokens; asks for url encoding and 1,000 keys', async () => {
    answers.push(v2Page(['a', 'b'], 'tok+1/='), v2Page(['c']));
    const pages: string[][] = [];
    const result = await s3.listObjects(euca, plainSigner, 'b', {
      prefix: 'p/',
      onPage: (objects) => pages.push(objects.map((o) => o.key)),
      ...opts,
    });
    expect(result.version).toBe(2);
    expect(pages).toEqual([['a', 'b'], ['c']]);
    expect(seen[0]?.url).toBe(
      'http://10.0.0.5:8773/services/objectstorage/b?list-type=2&prefix=p%2F&delimiter=%2F&max-keys=1000&encoding-type=url',
    );
    expect(query(seen[1]).get('continuation-token')).toBe('tok+1/=');
  });

  test('a server that ignores list-type=2 is followed with v1 markers from the last key', async () => {
    answers.push(
      xml(fixture('walrus-list-objects-v1.xml')),
      xml(
        fixture('aws-list-objects-v2-last-page.xml').replace(
          '<ContinuationToken>1ueGcxLPRx1Tr/XYExHnhbYLgveDs2J+wm36Hy4vbOwM=</ContinuationToken><KeyCount>1</KeyCount>',
          '<Marker>photos/</Marker>',
        ),
      ),
    );
    const result = await s3.listObjects(euca, plainSigner, 'legacy', opts);
    expect(result.version).toBe(1);
    expect(result.prefixes).toEqual(['backup/', 'photos/']);
    expect(result.objects).toHaveLength(5);
    const second = query(seen[1]);
    expect(second.get('marker')).toBe('photos/');
    expect(second.has('list-type')).toBe(false);
  });

  test('v1 NextMarker is preferred to the last key', async () => {
    answers.push(xml(fixture('aws-list-objects-v1-next-marker.xml')), v2Page([]));
    await s3.listObjects(euca, plainSigner, 'docs', opts);
    expect(query(seen[1]).get('marker')).toBe('docs/m/');
  });

  test('a v2 page truncated without a token goes on by marker', async () => {
    answers.push(v2Page(['k1', 'k2'], ''), v2Page(['k3']));
    const result = await s3.listObjects(euca, plainSigner, 'b', opts);
    expect(result.objects.map((o) => o.key)).toEqual(['k1', 'k2', 'k3']);
    expect(query(seen[1]).get('marker')).toBe('k2');
  });

  test('a repeated token is ListNotAdvancing', async () => {
    answers.push(v2Page(['a'], 'same'), v2Page(['b'], 'same'));
    await expect(s3.listObjects(euca, plainSigner, 'b', opts)).rejects.toMatchObject({
      code: 'ListNotAdvancing',
    });
  });

  test('a server refusing the v2 parameters gets one plain v1 request', async () => {
    answers.push(
      {
        status: 400,
        body: '<Error><Code>InvalidArgument</Code><Message>Unknown parameter list-type</Message></Error>',
      },
      xml(
        '<ListBucketResult><Marker/><IsTruncated>false</IsTruncated><Contents><Key>k</Key></Contents></ListBucketResult>',
      ),
    );
    const result = await s3.listObjects(euca, plainSigner, 'b', opts);
    expect(result.objects.map((o) => o.key)).toEqual(['k']);
    expect(query(seen[1]).has('list-type')).toBe(false);
    expect(query(seen[1]).has('encoding-type')).toBe(false);
  });

  test('reads are retried on 503 SlowDown and 500; the error keeps code, status and request id', async () => {
    const slow = {
      status: 503,
      body: '<Error><Code>SlowDown</Code><Message>Please reduce your request rate.</Message><RequestId>R1</RequestId></Error>',
    };
    answers.push(slow, { status: 500, body: '' }, v2Page(['a']));
    const result = await s3.listObjects(euca, plainSigner, 'b', opts);
    expect(result.objects).toHaveLength(1);
    expect(seen).toHaveLength(3);
    answers.push(slow, slow, slow, slow);
    await expect(s3.listObjects(euca, plainSigner, 'b', opts)).rejects.toMatchObject({
      code: 'SlowDown',
      status: 503,
      requestId: 'R1',
    });
  });
});

describe('multipart', () => {
  test('complete: parts sorted, ETags quoted, result read', async () => {
    answers.push(xml(fixture('aws-complete-multipart-upload.xml')));
    const done = await s3.completeMultipartUpload(
      euca,
      plainSigner,
      'b',
      'big/file.bin',
      'up+id/1',
      [
        { partNumber: 2, etag: 'bbb' },
        { partNumber: 1, etag: '"aaa"' },
      ],
    );
    expect(done).toEqual({
      etag: '3858f62230ac3c915f300c664312c11f-9',
      location: 'https://cirrus-uploads.s3.eu-west-1.amazonaws.com/big%2Ffile.bin',
    });
    expect(seen[0]?.method).toBe('POST');
    expect(query(seen[0]).get('uploadId')).toBe('up+id/1');
    expect(seen[0]?.body).toBe(
      '<CompleteMultipartUpload><Part><PartNumber>1</PartNumber><ETag>&quot;aaa&quot;</ETag></Part>' +
        '<Part><PartNumber>2</PartNumber><ETag>&quot;bbb&quot;</ETag></Part></CompleteMultipartUpload>',
    );
  });

  test('complete: a 200 with an <Error> body is an error, retried when it is InternalError', async () => {
    answers.push(
      xml(fixture('aws-complete-multipart-upload-200-error.xml')),
      xml(fixture('aws-complete-multipart-upload.xml')),
    );
    const done = await s3.completeMultipartUpload(
      euca,
      plainSigner,
      'b',
      'k',
      'u',
      [{ partNumber: 1, etag: 'a' }],
      opts,
    );
    expect(done.etag).toMatch(/-9$/);
    expect(seen).toHaveLength(2);

    answers.push(
      ...Array.from({ length: 4 }, () =>
        xml(fixture('aws-complete-multipart-upload-200-error.xml')),
      ),
    );
    await expect(
      s3.completeMultipartUpload(
        euca,
        plainSigner,
        'b',
        'k',
        'u',
        [{ partNumber: 1, etag: 'a' }],
        opts,
      ),
    ).rejects.toMatchObject({
      code: 'InternalError',
      status: 200,
      requestId: '656c76696e6727732072657175657374',
    });
  });

  test('complete: other errors, in a 200 or not, are not retried', async () => {
    answers.push(
      xml(
        '<Error><Code>InvalidPart</Code><Message>One or more of the specified parts could not be found.</Message></Error>',
      ),
    );
    await expect(
      s3.completeMultipartUpload(
        euca,
        plainSigner,
        'b',
        'k',
        'u',
        [{ partNumber: 1, etag: 'a' }],
        opts,
      ),
    ).rejects.toMatchObject({ code: 'InvalidPart', status: 200 });
    answers.push({
      status: 500,
      body: '<Error><Code>InternalError</Code><Message>x</Message></Error>',
    });
    await expect(
      s3.completeMultipartUpload(
        euca,
        plainSigner,
        'b',
        'k',
        'u',
        [{ partNumber: 1, etag: 'a' }],
        opts,
      ),
    ).rejects.toMatchObject({ code: 'InternalError', status: 500 });
    expect(seen).toHaveLength(2);
  });

  test('create: metadata and ACL on the POST ?uploads; the UploadId read verbatim', async () => {
    answers.push(
      xml(
        '<InitiateMultipartUploadResult><Bucket>b</Bucket><Key>k</Key><UploadId>VXBsb2FkIElE+Zm9y/ZWxp=</UploadId></InitiateMultipartUploadResult>',
      ),
    );
    const id = await s3.createMultipartUpload(euca, plainSigner, 'b', 'k', {
      contentType: 'video/mp4',
      metadata: { Origin: 'cirrus' },
      acl: 'public-read',
    });
    expect(id).toBe('VXBsb2FkIElE+Zm9y/ZWxp=');
    expect(seen[0]?.url).toBe('http://10.0.0.5:8773/services/objectstorage/b/k?uploads');
    expect(seen[0]?.headers).toMatchObject({
      'content-type': 'video/mp4',
      'x-amz-meta-origin': 'cirrus',
      'x-amz-acl': 'public-read',
    });
  });

  test('create is not retried on a 500 (a repeat could leave a stray upload)', async () => {
    answers.push({ status: 500, body: '' });
    await expect(s3.createMultipartUpload(euca, plainSigner, 'b', 'k', opts)).rejects.toMatchObject(
      { status: 500 },
    );
    expect(seen).toHaveLength(1);
  });

  test('presignUploadParts: one batch, one URL per part, in order', async () => {
    const batches: number[] = [];
    const signer = {
      ...plainSigner,
      presign: async (requests: { url: string }[]) => {
        batches.push(requests.length);
        return requests.map((r) => r.url);
      },
    };
    const urls = await s3.presignUploadParts(euca, signer, 'b', 'a b', 'id+1', [1, 2, 3], 3600);
    expect(batches).toEqual([3]);
    expect(urls).toEqual(
      [1, 2, 3].map(
        (n) =>
          `http://10.0.0.5:8773/services/objectstorage/b/a%20b?partNumber=${n}&uploadId=id%2B1`,
      ),
    );
    await expect(
      s3.presignUploadParts(euca, signer, 'b', 'k', 'id', [0], 60),
    ).rejects.toMatchObject({
      code: 'InvalidArgument',
    });
  });

  test('listParts follows NextPartNumberMarker', async () => {
    const part = (n: number) =>
      `<Part><PartNumber>${n}</PartNumber><ETag>"e${n}"</ETag><Size>5242880</Size><LastModified>2024-01-01T00:00:00.000Z</LastModified></Part>`;
    answers.push(
      xml(
        `<ListPartsResult><IsTruncated>true</IsTruncated><NextPartNumberMarker>2</NextPartNumberMarker>${part(1)}${part(2)}</ListPartsResult>`,
      ),
      xml(`<ListPartsResult><IsTruncated>false</IsTruncated>${part(3)}</ListPartsResult>`),
    );
    const parts = await s3.listParts(euca, plainSigner, 'b', 'k', 'u');
    expect(parts.map((p) => [p.partNumber, p.etag, p.size])).toEqual([
      [1, 'e1', 5242880],
      [2, 'e2', 5242880],
      [3, 'e3', 5242880],
    ]);
    expect(query(seen[1]).get('part-number-marker')).toBe('2');
  });
});

describe('deleteObjects', () => {
  test('batches of 1,000 with Content-MD5; quiet errors reported per key', async () => {
    const keys = Array.from({ length: 1500 }, (_, i) => `k${i}`);
    answers.push(
      xml(
        '<DeleteResult><Error><Key>k7</Key><Code>AccessDenied</Code><Message>Access Denied</Message></Error></DeleteResult>',
      ),
      xml('<DeleteResult/>'),
    );
    const result = await s3.deleteObjects(euca, plainSigner, 'b', keys, opts);
    expect(seen).toHaveLength(2);
    expect(result.errors).toEqual([{ key: 'k7', code: 'AccessDenied', message: 'Access Denied' }]);
    expect(result.deleted).toHaveLength(1499);
    const first = seen[0];
    expect(first?.url).toBe('http://10.0.0.5:8773/services/objectstorage/b?delete');
    expect(first?.headers['content-md5']).toBe(s3.md5Base64(first?.body ?? ''));
    expect(first?.body?.match(/<Object>/g)).toHaveLength(1000);
    expect(seen[1]?.body?.match(/<Object>/g)).toHaveLength(500);
  });

  test.each([
    [501, 'NotImplemented'],
    [405, 'MethodNotAllowed'],
    [400, 'BadRequest'],
  ])(
    'a %i %s for ?delete falls back to one DELETE per key, and stays there',
    async (status, code) => {
      answers.push({ status, body: `<Error><Code>${code}</Code><Message>no</Message></Error>` });
      answers.push(...Array.from({ length: 3 }, () => ({ status: 204 })));
      answers.push({
        status: 404,
        body: '<Error><Code>NoSuchBucket</Code><Message>gone</Message></Error>',
      });
      const result = await s3.deleteObjects(euca, plainSigner, 'b', ['a', 'b c', 'd', 'e'], {
        ...opts,
        batchSize: 3,
        concurrency: 1,
      });
      expect(seen.map((r) => r.method)).toEqual(['POST', 'DELETE', 'DELETE', 'DELETE', 'DELETE']);
      expect(seen[2]?.url).toBe('http://10.0.0.5:8773/services/objectstorage/b/b%20c');
      expect(result.deleted).toEqual(['a', 'b c', 'd']);
      expect(result.errors).toEqual([{ key: 'e', code: 'NoSuchBucket', message: 'gone' }]);
    },
  );

  test('keys XML cannot carry go by DELETE; the rest in the batch', async () => {
    answers.push(xml('<DeleteResult/>'), { status: 204 });
    const result = await s3.deleteObjects(euca, plainSigner, 'b', ['ok', 'bell\u0007'], opts);
    expect(seen.map((r) => r.method)).toEqual(['POST', 'DELETE']);
    expect(seen[1]?.url).toMatch(/\/b\/bell%07$/);
    expect(result.deleted.sort()).toEqual(['bell\u0007', 'ok']);
  });

  test('other failures of the batch are thrown', async () => {
    answers.push({
      status: 403,
      body: '<Error><Code>AccessDenied</Code><Message>no</Message></Error>',
    });
    await expect(s3.deleteObjects(euca, plainSigner, 'b', ['a'], opts)).rejects.toMatchObject({
      code: 'AccessDenied',
    });
  });

  test('request body escapes keys; result fixture with entities and references', () => {
    expect(deleteRequestBody(['a&b\tc', '<x>'])).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><Delete><Quiet>true</Quiet>' +
        '<Object><Key>a&amp;b&#9;c</Key></Object><Object><Key>&lt;x&gt;</Key></Object></Delete>',
    );
    const result = readDeleteResult(fixture('aws-delete-objects-errors.xml'), [
      'ok',
      'locked/report.pdf',
      'a&b\tc',
    ]);
    expect(result.deleted).toEqual(['ok']);
    expect(result.errors.map((e) => [e.key, e.code])).toEqual([
      ['locked/report.pdf', 'AccessDenied'],
      ['a&b\tc', 'InternalError'],
    ]);
  });
});

describe('buckets', () => {
  test('regionFromLocation: empty is us-east-1, EU is eu-west-1', () => {
    expect(s3.regionFromLocation('')).toBe('us-east-1');
    expect(s3.regionFromLocation('EU')).toBe('eu-west-1');
    expect(s3.regionFromLocation('ap-northeast-1')).toBe('ap-northeast-1');
  });

  test('AWS: GetBucketLocation on the virtual host', async () => {
    answers.push(xml(fixture('aws-get-bucket-location-eu.xml')));
    expect(await s3.bucketRegion(aws, plainSigner, 'photos')).toBe('eu-west-1');
    expect(seen[0]?.url).toBe('https://photos.s3.eu-west-1.amazonaws.com/?location');
    answers.push(xml('<LocationConstraint xmlns="http://s3.amazonaws.com/doc/2006-03-01/"/>'));
    expect(await s3.bucketRegion(aws, plainSigner, 'photos')).toBe('us-east-1');
  });

  test('AWS: when GetBucketLocation is refused, the x-amz-bucket-region of a HEAD', async () => {
    answers.push(
      {
        status: 403,
        body: '<Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>',
      },
      { status: 301, headers: { 'x-amz-bucket-region': 'ap-southeast-2' } },
    );
    expect(await s3.bucketRegion(aws, plainSigner, 'far-away', opts)).toBe('ap-southeast-2');
    expect(seen.map((r) => r.method)).toEqual(['GET', 'HEAD']);
    answers.push(
      {
        status: 403,
        body: '<Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>',
      },
      { status: 403 },
    );
    await expect(s3.bucketRegion(aws, plainSigner, 'secret', opts)).rejects.toMatchObject({
      code: 'AccessDenied',
    });
  });

  test('non-AWS: the profile region, no request', async () => {
    expect(await s3.bucketRegion(euca, plainSigner, 'any')).toBe('eucalyptus');
    expect(seen).toEqual([]);
  });

  test('createBucket: LocationConstraint outside us-east-1 on AWS; none for Eucalyptus unless asked', async () => {
    answers.push({ status: 200 }, { status: 200 }, { status: 200 }, { status: 200 });
    await s3.createBucket(aws, plainSigner, 'new-bucket');
    expect(seen[0]?.url).toBe('https://new-bucket.s3.eu-west-1.amazonaws.com/');
    expect(seen[0]?.body).toBe(
      '<CreateBucketConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><LocationConstraint>eu-west-1</LocationConstraint></CreateBucketConfiguration>',
    );
    await s3.createBucket({ ...aws, region: 'us-east-1' }, plainSigner, 'new-bucket');
    expect(seen[1]?.body).toBeUndefined();
    await s3.createBucket(euca, plainSigner, 'new-bucket', { acl: 'private' });
    expect(seen[2]).toMatchObject({
      url: 'http://10.0.0.5:8773/services/objectstorage/new-bucket',
      body: undefined,
      headers: { 'x-amz-acl': 'private' },
    });
    await s3.createBucket(euca, plainSigner, 'new-bucket', { region: 'cluster-2' });
    expect(seen[3]?.body).toContain('<LocationConstraint>cluster-2</LocationConstraint>');
  });

  test('listBuckets reads names and dates', async () => {
    answers.push(
      xml(
        '<ListAllMyBucketsResult><Owner><ID>1</ID></Owner><Buckets><Bucket><Name>a</Name><CreationDate>2024-01-01T00:00:00.000Z</CreationDate></Bucket></Buckets></ListAllMyBucketsResult>',
      ),
    );
    expect(await s3.listBuckets(euca, plainSigner)).toEqual([
      { name: 'a', creationDate: '2024-01-01T00:00:00.000Z' },
    ]);
    answers.push(xml('<ListAllMyBucketsResult><Buckets/></ListAllMyBucketsResult>'));
    expect(await s3.listBuckets(euca, plainSigner)).toEqual([]);
  });

  test('listBuckets keeps the BucketRegion AWS lists', async () => {
    answers.push(
      xml(
        '<ListAllMyBucketsResult><Buckets><Bucket><Name>far</Name><CreationDate>2024-01-01T00:00:00.000Z</CreationDate><BucketRegion>ap-northeast-1</BucketRegion></Bucket></Buckets></ListAllMyBucketsResult>',
      ),
    );
    expect(await s3.listBuckets(aws, plainSigner)).toEqual([
      { name: 'far', creationDate: '2024-01-01T00:00:00.000Z', region: 'ap-northeast-1' },
    ]);
  });
});

describe('objects', () => {
  test('headObject: metadata from x-amz-meta-*, ETag unquoted; a bare 404 is NoSuchKey', async () => {
    answers.push({
      status: 200,
      headers: {
        'content-type': 'image/png',
        'content-length': '1234',
        etag: '"abc"',
        'last-modified': 'Wed, 01 May 2024 00:00:00 GMT',
        'x-amz-meta-colour': 'blue',
        'cache-control': 'no-cache',
      },
    });
    expect(await s3.headObject(euca, plainSigner, 'b', 'k')).toEqual({
      contentLength: 1234,
      contentType: 'image/png',
      etag: 'abc',
      lastModified: 'Wed, 01 May 2024 00:00:00 GMT',
      cacheControl: 'no-cache',
      metadata: { colour: 'blue' },
    });
    answers.push({ status: 404 });
    await expect(s3.headObject(euca, plainSigner, 'b', 'gone', opts)).rejects.toMatchObject({
      code: 'NoSuchKey',
      status: 404,
    });
  });

  test('copyObject: encoded copy source; REPLACE sends the new metadata, COPY only the ACL', async () => {
    const head = { status: 200, headers: { 'content-length': '5', etag: '"e"' } };
    const copied = xml(
      '<CopyObjectResult><ETag>"new"</ETag><LastModified>2024-01-01T00:00:00.000Z</LastModified></CopyObjectResult>',
    );
    answers.push(head, copied, head, copied);
    const result = await s3.copyObject(euca, plainSigner, 'src', 'a b+c#d/日.txt', 'dst', 'x y', {
      metadataDirective: 'REPLACE',
      contentType: 'text/plain',
      cacheControl: 'max-age=60',
      metadata: { k: 'v' },
    });
    expect(result).toEqual({ etag: 'new', multipart: false });
    expect(seen[1]?.url).toBe('http://10.0.0.5:8773/services/objectstorage/dst/x%20y');
    expect(seen[1]?.headers).toMatchObject({
      'x-amz-copy-source': '/src/a%20b%2Bc%23d/%E6%97%A5.txt',
      'x-amz-metadata-directive': 'REPLACE',
      'content-type': 'text/plain',
      'cache-control': 'max-age=60',
      'x-amz-meta-k': 'v',
    });
    await s3.copyObject(euca, plainSigner, 'src', 'k', 'dst', 'k2', {
      contentType: 'ignored/type',
      acl: 'public-read',
    });
    expect(seen[3]?.headers['content-type']).toBeUndefined();
    expect(seen[3]?.headers).toMatchObject({
      'x-amz-metadata-directive': 'COPY',
      'x-amz-acl': 'public-read',
    });
  });

  test('copyObject: a 200 with an <Error> body is an error', async () => {
    answers.push({ status: 200, headers: { 'content-length': '5' } });
    answers.push(
      xml('<Error><Code>SlowDown</Code><Message>Reduce your request rate.</Message></Error>'),
    );
    answers.push(xml('<CopyObjectResult><ETag>"x"</ETag></CopyObjectResult>'));
    expect((await s3.copyObject(euca, plainSigner, 's', 'k', 'd', 'k', opts)).etag).toBe('x');
  });

  test('metadata that HTTP headers cannot carry is refused before sending', async () => {
    await expect(
      s3.putObject(euca, plainSigner, 'b', 'k', 'x', { metadata: { note: '日本語' } }),
    ).rejects.toMatchObject({ code: 'InvalidMetadata' });
    await expect(
      s3.putObject(euca, plainSigner, 'b', 'k', 'x', { metadata: { 'bad name': 'v' } }),
    ).rejects.toMatchObject({ code: 'InvalidMetadata' });
    expect(seen).toEqual([]);
  });
});

describe('ACL and presigning', () => {
  test('getObjectAcl reads grants and recognises public-read', () => {
    const acl = s3.parseAcl(fixture('aws-get-object-acl-public-read.xml'));
    expect(acl.canned).toBe('public-read');
    expect(acl.owner.displayName).toBe('cirrus');
    expect(acl.grants).toEqual([
      {
        grantee: {
          type: 'CanonicalUser',
          id: '75aa57f09aa0c8caeab4f8c24e99d10f8e7faeebf76c078efc7c6caea54ba06a',
          displayName: 'cirrus',
        },
        permission: 'FULL_CONTROL',
      },
      {
        grantee: { type: 'Group', uri: 'http://acs.amazonaws.com/groups/global/AllUsers' },
        permission: 'READ',
      },
    ]);
  });

  test('putObjectAcl: a bucket without ACLs passes AccessControlListNotSupported through, unretried', async () => {
    answers.push({ status: 400, body: fixture('aws-access-control-list-not-supported.xml') });
    await expect(
      s3.putObjectAcl(aws, plainSigner, 'owned', 'k', 'public-read', opts),
    ).rejects.toMatchObject({
      code: 'AccessControlListNotSupported',
      status: 400,
      requestId: 'Q3TZ8V2N0JH7W1QK',
    });
    expect(seen[0]?.url).toBe('https://owned.s3.eu-west-1.amazonaws.com/k?acl');
    expect(seen[0]?.headers['x-amz-acl']).toBe('public-read');
  });

  test('presigned GET/PUT: at most 7 days; disposition and type go in the signed request', async () => {
    const requests: { url: string; headers: Record<string, string> }[] = [];
    const signer = {
      ...plainSigner,
      presign: async (batch: { url: string; headers: Record<string, string> }[]) => {
        requests.push(...batch);
        return batch.map((r) => r.url);
      },
    };
    const get = await s3.presignedGet(euca, signer, 'b', 'a b.txt', 604800, {
      responseContentDisposition: 'attachment; filename="a b.txt"',
    });
    expect(get).toBe(
      'http://10.0.0.5:8773/services/objectstorage/b/a%20b.txt?response-content-disposition=attachment%3B%20filename%3D%22a%20b.txt%22',
    );
    const put = await s3.presignedPut(euca, signer, 'b', 'k', 60, { contentType: 'text/plain' });
    expect(put.headers).toEqual({ 'content-type': 'text/plain' });
    expect(requests[1]?.headers).toEqual({ 'content-type': 'text/plain' });
    await expect(s3.presignedGet(euca, signer, 'b', 'k', 604801)).rejects.toMatchObject({
      code: 'InvalidArgument',
    });
    await expect(s3.presignedPut(euca, signer, 'b', 'k', 0)).rejects.toMatchObject({
      code: 'InvalidArgument',
    });
  });
});
