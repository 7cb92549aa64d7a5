// Bucket versioning in the S3 client: the versioning state (AWS's and moto's answers), the
// ListObjectVersions pages (AWS's documented example, hostile keys with encoding-type=url, moto's
// real answer), paging by key and version markers, and the versionId on reads, deletes and copies.

import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import * as s3 from '../../../../src/cloud/s3/index';
import {
  type Answer,
  aws,
  euca,
  fixture,
  minio,
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

describe('versioning state', () => {
  test('AWS: Status and MfaDelete', () => {
    expect(s3.parseBucketVersioning(fixture('aws-get-bucket-versioning.xml'))).toEqual({
      status: 'Suspended',
      mfaDelete: 'Disabled',
    });
  });

  test('moto: its own root name, Status only', () => {
    expect(s3.parseBucketVersioning(fixture('moto-get-bucket-versioning.xml'))).toEqual({
      status: 'Enabled',
    });
  });

  test('never enabled: an empty configuration is Unversioned', () => {
    const empty =
      '<?xml version="1.0" encoding="UTF-8"?><VersioningConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/"/>';
    expect(s3.parseBucketVersioning(empty)).toEqual({ status: 'Unversioned' });
  });

  test('a store that ignored ?versioning and sent a bucket listing does not support it', () => {
    const listing =
      '<ListBucketResult><Name>b</Name><IsTruncated>false</IsTruncated></ListBucketResult>';
    expect(() => s3.parseBucketVersioning(listing)).toThrow(
      expect.objectContaining({ code: 'NotImplemented', status: 501 }),
    );
  });

  test('get and put go to ?versioning; the put sends the status with Content-MD5', async () => {
    answers.push(xml(fixture('moto-get-bucket-versioning.xml')), { status: 200 });
    expect(await s3.getBucketVersioning(minio, plainSigner, 'bkt')).toEqual({ status: 'Enabled' });
    expect(seen[0]?.method).toBe('GET');
    expect(seen[0]?.url).toBe('https://bkt.minio.example.com:9000/?versioning');
    await s3.putBucketVersioning(minio, plainSigner, 'bkt', 'Suspended');
    expect(seen[1]?.method).toBe('PUT');
    expect(seen[1]?.body).toContain('<Status>Suspended</Status>');
    expect(seen[1]?.headers['content-md5']).toBe(s3.md5Base64(seen[1]?.body ?? ''));
  });

  test('a store without versioning: the 501 comes through as NotImplemented', async () => {
    answers.push({
      status: 501,
      body: '<Error><Code>NotImplemented</Code><Message>A parameter you provided implies functionality that is not implemented</Message></Error>',
    });
    await expect(s3.getBucketVersioning(euca, plainSigner, 'bkt')).rejects.toMatchObject({
      code: 'NotImplemented',
      status: 501,
    });
  });
});

describe('ListObjectVersions pages', () => {
  test("AWS's example: versions and delete markers in document order", () => {
    const page = s3.parseVersionsPage(fixture('aws-list-object-versions.xml'));
    expect(page.truncated).toBe(false);
    expect(page.versions.map((v) => [v.key, v.deleteMarker, v.isLatest])).toEqual([
      ['my-image.jpg', false, true],
      ['my-second-image.jpg', true, true],
      ['my-second-image.jpg', false, false],
      ['my-third-image.jpg', true, true],
      ['my-third-image.jpg', false, false],
    ]);
    expect(page.versions[0]).toEqual({
      key: 'my-image.jpg',
      versionId: '3/L4kqtJl40Nr8X8gdRQBpUMLUo',
      isLatest: true,
      lastModified: '2009-10-12T17:50:30.000Z',
      deleteMarker: false,
      etag: 'fba9dede5f27731c9771645a39863328',
      size: 434234,
      storageClass: 'STANDARD',
    });
    expect(page.versions[1]).toEqual({
      key: 'my-second-image.jpg',
      versionId: '03jpff543dhffds434rfdsFDN943fdsFkdmqnh892',
      isLatest: true,
      lastModified: '2009-11-12T17:50:30.000Z',
      deleteMarker: true,
      etag: '',
      size: 0,
      storageClass: '',
    });
  });

  test('encoding-type=url: keys, prefixes and markers decoded; version ids left exact', () => {
    const page = s3.parseVersionsPage(fixture('aws-list-object-versions-url.xml'));
    expect(page.truncated).toBe(true);
    expect(page.versions.map((v) => [v.key, v.versionId, v.deleteMarker])).toEqual([
      ['d/a b+c%<x>.txt', 'Xy+z/0.abc_DEF', false],
      ['d/日本\r.txt', 'null', true],
    ]);
    expect(page.versions[0]?.storageClass).toBe('GLACIER');
    expect(page.prefixes).toEqual(['d/sub dir/']);
    expect(page.nextKeyMarker).toBe('d/a b+c%<x>.txt');
    expect(page.nextVersionIdMarker).toBe('Xy+z/0.abc_DEF');
  });

  test("moto's answer (it ignores encoding-type): keys with spaces and pluses as sent", () => {
    const page = s3.parseVersionsPage(fixture('moto-list-object-versions.xml'));
    expect(page.versions.map((v) => [v.key, v.deleteMarker, v.isLatest])).toEqual([
      ['d/a b+c.txt', false, true],
      ['d/a b+c.txt', false, false],
      ['d/x', false, false],
      ['d/x', true, true],
    ]);
    expect(page.prefixes).toEqual(['d/sub/']);
    expect(page.versions.every((v) => v.versionId.length > 0)).toBe(true);
  });

  test('a ListBucketResult (a store that ignored ?versions) means no versions there', () => {
    expect(() =>
      s3.parseVersionsPage('<ListBucketResult><IsTruncated>false</IsTruncated></ListBucketResult>'),
    ).toThrow(expect.objectContaining({ code: 'NotImplemented', status: 501 }));
    expect(() => s3.parseVersionsPage('<Other/>')).toThrow(/ListVersionsResult/);
  });
});

describe('listObjectVersions', () => {
  test('pages with key-marker and version-id-marker; prefixes reported once', async () => {
    answers.push(
      xml(fixture('aws-list-object-versions-url.xml')),
      xml(
        '<ListVersionsResult><EncodingType>url</EncodingType><IsTruncated>false</IsTruncated><Version><Key>d%2Fz</Key><VersionId>v9</VersionId><IsLatest>true</IsLatest><LastModified>2024-05-03T00:00:00.000Z</LastModified><ETag>"e"</ETag><Size>3</Size></Version><CommonPrefixes><Prefix>d%2Fsub+dir%2F</Prefix></CommonPrefixes></ListVersionsResult>',
      ),
    );
    const pages: number[] = [];
    const result = await s3.listObjectVersions(aws, plainSigner, 'bkt', {
      prefix: 'd/',
      maxKeys: 3,
      onPage: (versions) => pages.push(versions.length),
    });
    expect(pages).toEqual([2, 1]);
    expect(result.versions.map((v) => v.key)).toEqual(['d/a b+c%<x>.txt', 'd/日本\r.txt', 'd/z']);
    expect(result.prefixes).toEqual(['d/sub dir/']);
    const first = query(seen[0]);
    expect(first.has('versions')).toBe(true);
    expect(first.get('prefix')).toBe('d/');
    expect(first.get('delimiter')).toBe('/');
    expect(first.get('encoding-type')).toBe('url');
    expect(first.get('max-keys')).toBe('3');
    expect(first.has('key-marker')).toBe(false);
    const second = query(seen[1]);
    expect(second.get('key-marker')).toBe('d/a b+c%<x>.txt');
    expect(second.get('version-id-marker')).toBe('Xy+z/0.abc_DEF');
  });

  test('a truncated page without NextKeyMarker stops with an error instead of looping', async () => {
    answers.push(xml('<ListVersionsResult><IsTruncated>true</IsTruncated></ListVersionsResult>'));
    await expect(s3.listObjectVersions(aws, plainSigner, 'bkt')).rejects.toMatchObject({
      code: 'ListNotAdvancing',
    });
  });

  test("s3rver's 405 for ?versions comes through (the UI says the store lacks it)", async () => {
    answers.push({
      status: 405,
      body: '<Error><Code>MethodNotAllowed</Code><Message>The specified method is not allowed against this resource.</Message></Error>',
    });
    await expect(
      s3.listObjectVersions(aws, plainSigner, 'bkt', { retry: noWait }),
    ).rejects.toMatchObject({ code: 'MethodNotAllowed' });
  });
});

describe('one version of an object', () => {
  test('HEAD, GET and DELETE carry ?versionId=, exactly encoded', async () => {
    answers.push(
      { status: 200, headers: { 'content-length': '1', etag: '"e"', 'x-amz-version-id': 'a+b/c' } },
      { status: 200, body: 'x' },
      { status: 204 },
    );
    const head = await s3.headObject(euca, plainSigner, 'bkt', 'a b', { versionId: 'a+b/c' });
    expect(head.versionId).toBe('a+b/c');
    await s3.getObject(euca, plainSigner, 'bkt', 'a b', { versionId: 'a+b/c' });
    await s3.deleteObject(euca, plainSigner, 'bkt', 'a b', { versionId: 'null' });
    expect(seen.map((r) => r.method)).toEqual(['HEAD', 'GET', 'DELETE']);
    expect(query(seen[0]).get('versionId')).toBe('a+b/c');
    expect(seen[0]?.url).toContain('versionId=a%2Bb%2Fc');
    expect(query(seen[1]).get('versionId')).toBe('a+b/c');
    expect(query(seen[2]).get('versionId')).toBe('null');
  });

  test('without a versionId nothing changes', async () => {
    answers.push({ status: 204 });
    await s3.deleteObject(euca, plainSigner, 'bkt', 'k');
    expect(new URL(seen[0]?.url ?? '').search).toBe('');
  });

  test('a presigned GET of a version', async () => {
    const url = await s3.presignedGet(aws, plainSigner, 'bkt', 'k', 60, { versionId: 'v1+x' });
    expect(new URL(url).searchParams.get('versionId')).toBe('v1+x');
  });

  test('CopyObject of a version over its own key: x-amz-copy-source ends in ?versionId=', async () => {
    answers.push(
      { status: 200, headers: { 'content-length': '5', etag: '"e"' } },
      xml('<CopyObjectResult><ETag>"new"</ETag></CopyObjectResult>'),
    );
    await s3.copyObject(euca, plainSigner, 'bkt', 'a b+c/日.txt', 'bkt', 'a b+c/日.txt', {
      sourceVersionId: 'Xy+z/0',
    });
    expect(query(seen[0]).get('versionId')).toBe('Xy+z/0');
    expect(seen[1]?.headers['x-amz-copy-source']).toBe(
      '/bkt/a%20b%2Bc/%E6%97%A5.txt?versionId=Xy%2Bz%2F0',
    );
  });

  test('a multipart copy of a version names it on every UploadPartCopy', async () => {
    const size = String(12 * 1024 * 1024);
    answers.push(
      { status: 200, headers: { 'content-length': size, etag: '"e"' } },
      xml(
        '<InitiateMultipartUploadResult><UploadId>up1</UploadId></InitiateMultipartUploadResult>',
      ),
      xml('<CopyPartResult><ETag>"p1"</ETag></CopyPartResult>'),
      xml('<CopyPartResult><ETag>"p2"</ETag></CopyPartResult>'),
      xml('<CompleteMultipartUploadResult><ETag>"all-2"</ETag></CompleteMultipartUploadResult>'),
    );
    const result = await s3.copyObject(euca, plainSigner, 'bkt', 'k', 'bkt', 'k', {
      sourceVersionId: 'v/1',
      multipartThreshold: 1,
      partSize: 6 * 1024 * 1024,
      concurrency: 1,
    });
    expect(result.multipart).toBe(true);
    const parts = seen.filter((r) => query(r).has('partNumber'));
    expect(parts).toHaveLength(2);
    for (const part of parts) {
      expect(part.headers['x-amz-copy-source']).toBe('/bkt/k?versionId=v%2F1');
    }
  });
});
