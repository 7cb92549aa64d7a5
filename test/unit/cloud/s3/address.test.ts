import { expect, test } from 'vitest';
import { createLocalSigner } from '../../../../src/cloud/local-signer';
import type { S3CompatibleProfile } from '../../../../src/cloud/profile';
import { isVirtualHosted, s3Url } from '../../../../src/cloud/s3/address';
import { buildS3Request } from '../../../../src/cloud/s3/call';
import { aws, euca, minio } from './support';

const KEY = 'a b+c%d#e?f/日本語 ファイル.txt';
const ENCODED =
  'a%20b%2Bc%25d%23e%3Ff/%E6%97%A5%E6%9C%AC%E8%AA%9E%20%E3%83%95%E3%82%A1%E3%82%A4%E3%83%AB.txt';

test('Eucalyptus: path-style under the service path, port kept', () => {
  expect(s3Url(euca)).toBe('http://10.0.0.5:8773/services/objectstorage/');
  expect(s3Url(euca, { bucket: 'photos' })).toBe(
    'http://10.0.0.5:8773/services/objectstorage/photos',
  );
  expect(s3Url(euca, { bucket: 'photos', key: KEY })).toBe(
    `http://10.0.0.5:8773/services/objectstorage/photos/${ENCODED}`,
  );
  const walrus = { ...euca, s3Path: 'services/Walrus/', s3Host: 'walrus.example' };
  expect(s3Url(walrus, { bucket: 'b', key: 'k' })).toBe(
    'http://walrus.example:8773/services/Walrus/b/k',
  );
});

test('AWS: virtual-hosted for DNS-compatible names, path-style for dotted ones over https', () => {
  expect(s3Url(aws)).toBe('https://s3.eu-west-1.amazonaws.com/');
  expect(s3Url(aws, { bucket: 'photos' })).toBe('https://photos.s3.eu-west-1.amazonaws.com/');
  expect(s3Url(aws, { bucket: 'photos', key: KEY })).toBe(
    `https://photos.s3.eu-west-1.amazonaws.com/${ENCODED}`,
  );
  expect(s3Url(aws, { bucket: 'www.example.com', key: 'index.html' })).toBe(
    'https://s3.eu-west-1.amazonaws.com/www.example.com/index.html',
  );
  // Legacy us-east-1 names with capitals or underscores cannot be host names.
  expect(s3Url({ ...aws, region: 'us-east-1' }, { bucket: 'Old_Bucket', key: 'k' })).toBe(
    'https://s3.us-east-1.amazonaws.com/Old_Bucket/k',
  );
  expect(s3Url({ ...aws, region: 'cn-north-1' }, { bucket: 'b-cn' })).toBe(
    'https://b-cn.s3.cn-north-1.amazonaws.com.cn/',
  );
});

test('S3-compatible: the profile decides; SigV2 and IP hosts stay path-style', () => {
  expect(s3Url(minio, { bucket: 'media', key: 'a b' })).toBe(
    'https://media.minio.example.com:9000/a%20b',
  );
  expect(s3Url({ ...minio, pathStyle: true }, { bucket: 'media', key: 'a b' })).toBe(
    'https://minio.example.com:9000/media/a%20b',
  );
  expect(isVirtualHosted({ ...minio, signatureVersion: 2 }, 'media')).toBe(false);
  const ip: S3CompatibleProfile = { ...minio, endpoint: 'http://192.168.1.20:9000' };
  expect(s3Url(ip, { bucket: 'media' })).toBe('http://192.168.1.20:9000/media');
  const prefixed: S3CompatibleProfile = {
    ...minio,
    endpoint: 'http://127.0.0.1:7480/s3/',
    pathStyle: true,
  };
  expect(s3Url(prefixed, { bucket: 'b', key: 'k' })).toBe('http://127.0.0.1:7480/s3/b/k');
});

test('query: RFC 3986 values, bare sub-resources, order kept', () => {
  expect(
    s3Url(euca, {
      bucket: 'b',
      query: [
        ['list-type', '2'],
        ['prefix', 'a b+c/'],
        ['continuation-token', '1ue/X+Y='],
      ],
    }),
  ).toBe(
    'http://10.0.0.5:8773/services/objectstorage/b?list-type=2&prefix=a%20b%2Bc%2F&continuation-token=1ue%2FX%2BY%3D',
  );
  expect(s3Url(euca, { bucket: 'b', key: 'k', query: [['uploads', undefined]] })).toBe(
    'http://10.0.0.5:8773/services/objectstorage/b/k?uploads',
  );
});

const creds = {
  accessKeyId: 'AKIDEXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
};

test('signing keeps the encoded path: SigV2 resource and SigV4 URL are what goes out', async () => {
  const request = buildS3Request(euca, { method: 'GET', bucket: 'photos', key: KEY });
  const v2 = await createLocalSigner(euca, creds).sign(request, 's3');
  expect(v2.url).toBe(request.url);
  expect(v2.headers.authorization).toMatch(/^AWS AKIDEXAMPLE:/);

  const v4profile = { ...euca, signatureVersion: 4 as const };
  const v4request = buildS3Request(v4profile, { method: 'GET', bucket: 'photos', key: KEY });
  const v4 = await createLocalSigner(v4profile, creds).sign(v4request, 's3');
  expect(new URL(v4.url).pathname).toBe(new URL(v4request.url).pathname);
  expect(v4.headers.authorization).toMatch(
    /Credential=AKIDEXAMPLE\/\d{8}\/eucalyptus\/s3\/aws4_request/,
  );
});

test('presigned AWS URLs sign the virtual host', async () => {
  const request = buildS3Request(aws, { method: 'GET', bucket: 'photos', key: KEY });
  const [url] = await createLocalSigner(aws, creds).presign([request], 's3', 60);
  const parsed = new URL(url ?? '');
  expect(parsed.host).toBe('photos.s3.eu-west-1.amazonaws.com');
  expect(parsed.pathname).toBe(`/${ENCODED}`);
  expect(parsed.searchParams.get('X-Amz-SignedHeaders')).toBe('host');
});
