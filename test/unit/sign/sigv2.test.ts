import { createHmac } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import type { Credentials } from '../../../src/cloud/profile';
import {
  canonicalResourceS3V2,
  ec2Timestamp,
  presignS3V2,
  rfc1123,
  signEc2QueryV2,
  signS3V2,
  signStringV2,
  stringToSignEc2V2,
  stringToSignS3V2,
} from '../../../src/cloud/sign/sigv2';

const DOC_CREDS: Credentials = {
  accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
};

// An independent HMAC, so signS3V2 / signEc2QueryV2 are checked against node:crypto, not
// against themselves.
function referenceHmac(hash: 'sha1' | 'sha256', secret: string, data: string): string {
  return createHmac(hash, secret).update(data, 'utf8').digest('base64');
}

// An independent RFC 3986 encoder for the reference EC2 canonical query.
function percentEncode(value: string): string {
  return Array.from(new TextEncoder().encode(value), (byte) => {
    const c = String.fromCharCode(byte);
    return /[A-Za-z0-9\-_.~]/.test(c) ? c : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }).join('');
}

// --- S3 REST authentication (SigV2) documentation examples -------------------------------------
// https://docs.aws.amazon.com/AmazonS3/latest/userguide/RESTAuthentication.html
// ("Signing and authenticating REST requests", johnsmith examples)

describe('S3 SigV2 documentation examples: string to sign and signature', () => {
  const examples: {
    name: string;
    method: string;
    url: string;
    bucket?: string;
    headers: Record<string, string>;
    date: string;
    stringToSign: string;
    signature: string;
  }[] = [
    {
      name: 'Object GET',
      method: 'GET',
      url: 'http://johnsmith.s3.amazonaws.com/photos/puppy.jpg',
      bucket: 'johnsmith',
      headers: {},
      date: 'Tue, 27 Mar 2007 19:36:42 +0000',
      stringToSign: 'GET\n\n\nTue, 27 Mar 2007 19:36:42 +0000\n/johnsmith/photos/puppy.jpg',
      signature: 'bWq2s1WEIj+Ydj0vQ697zp+IXMU=',
    },
    {
      name: 'Object PUT',
      method: 'PUT',
      url: 'http://johnsmith.s3.amazonaws.com/photos/puppy.jpg',
      bucket: 'johnsmith',
      headers: { 'Content-Type': 'image/jpeg', 'Content-Length': '94328' },
      date: 'Tue, 27 Mar 2007 21:15:45 +0000',
      stringToSign:
        'PUT\n\nimage/jpeg\nTue, 27 Mar 2007 21:15:45 +0000\n/johnsmith/photos/puppy.jpg',
      signature: 'MyyxeRY7whkBe+bq8fHCL/2kKUg=',
    },
    {
      name: 'List (query parameters that are not sub-resources are not signed)',
      method: 'GET',
      url: 'http://johnsmith.s3.amazonaws.com/?prefix=photos&max-keys=50&marker=puppy',
      bucket: 'johnsmith',
      headers: { 'User-Agent': 'Mozilla/5.0' },
      date: 'Tue, 27 Mar 2007 19:42:41 +0000',
      stringToSign: 'GET\n\n\nTue, 27 Mar 2007 19:42:41 +0000\n/johnsmith/',
      signature: 'htDYFYduRNen8P9ZfE/s9SuKy0U=',
    },
    {
      name: 'Fetch ACL (sub-resource without a value)',
      method: 'GET',
      url: 'http://johnsmith.s3.amazonaws.com/?acl',
      bucket: 'johnsmith',
      headers: {},
      date: 'Tue, 27 Mar 2007 19:44:46 +0000',
      stringToSign: 'GET\n\n\nTue, 27 Mar 2007 19:44:46 +0000\n/johnsmith/?acl',
      signature: 'c2WLPFtWHVgbEmeEG93a4cG37dM=',
    },
    {
      // The page's DELETE example puts the x-amz-date value on the Date line. Its own rule (and
      // what signS3V2 sends) is an empty Date line with x-amz-date among the amz headers; that
      // form is checked below.
      name: 'Delete (path-style)',
      method: 'DELETE',
      url: 'http://s3.amazonaws.com/johnsmith/photos/puppy.jpg',
      headers: { 'User-Agent': 'dotnet' },
      date: 'Tue, 27 Mar 2007 21:20:26 +0000',
      stringToSign: 'DELETE\n\n\nTue, 27 Mar 2007 21:20:26 +0000\n/johnsmith/photos/puppy.jpg',
      signature: 'lx3byBScXR6KzyMaifNkardMwNk=',
    },
    {
      name: 'Upload (CNAME bucket, Content-MD5, x-amz-meta headers, port)',
      method: 'PUT',
      url: 'http://static.johnsmith.net:8080/db-backup.dat.gz',
      bucket: 'static.johnsmith.net',
      headers: {
        'User-Agent': 'curl/7.15.5',
        'x-amz-acl': 'public-read',
        'content-type': 'application/x-download',
        'Content-MD5': '4gJE4saaMU4BqNR0kLY+lw==',
        'X-Amz-Meta-ReviewedBy': 'joe@johnsmith.net,jane@johnsmith.net',
        'X-Amz-Meta-FileChecksum': '0x02661779',
        'X-Amz-Meta-ChecksumAlgorithm': 'crc32',
        'Content-Disposition': 'attachment; filename=database.dat',
        'Content-Encoding': 'gzip',
        'Content-Length': '5913339',
      },
      date: 'Tue, 27 Mar 2007 21:06:08 +0000',
      stringToSign:
        'PUT\n4gJE4saaMU4BqNR0kLY+lw==\napplication/x-download\nTue, 27 Mar 2007 21:06:08 +0000\n' +
        'x-amz-acl:public-read\nx-amz-meta-checksumalgorithm:crc32\nx-amz-meta-filechecksum:0x02661779\n' +
        'x-amz-meta-reviewedby:joe@johnsmith.net,jane@johnsmith.net\n/static.johnsmith.net/db-backup.dat.gz',
      signature: 'ilyl83RwaSoYIEdixDQcA4OnAnc=',
    },
    {
      name: 'List all my buckets',
      method: 'GET',
      url: 'http://s3.amazonaws.com/',
      headers: {},
      date: 'Wed, 28 Mar 2007 01:29:59 +0000',
      stringToSign: 'GET\n\n\nWed, 28 Mar 2007 01:29:59 +0000\n/',
      signature: 'qGdzdERIC03wnaRNKh6OqZehG9s=',
    },
    {
      name: 'Unicode keys (the path is signed as encoded, lower-case escapes included)',
      method: 'GET',
      url: 'http://s3.amazonaws.com/dictionary/fran%C3%A7ais/pr%c3%a9f%c3%a8re',
      headers: {},
      date: 'Wed, 28 Mar 2007 01:49:49 +0000',
      stringToSign:
        'GET\n\n\nWed, 28 Mar 2007 01:49:49 +0000\n/dictionary/fran%C3%A7ais/pr%c3%a9f%c3%a8re',
      signature: 'DNEZGsoieTZ92F3bUfSPQcbGmlM=',
    },
  ];

  for (const example of examples) {
    test(example.name, async () => {
      const resource = canonicalResourceS3V2(
        new URL(example.url),
        example.bucket ? { virtualHostedBucket: example.bucket } : {},
      );
      const stringToSign = stringToSignS3V2(
        example.method,
        example.headers,
        example.date,
        resource,
      );
      expect(stringToSign).toBe(example.stringToSign);
      expect(await signStringV2('SHA-1', DOC_CREDS.secretAccessKey, stringToSign)).toBe(
        example.signature,
      );
    });
  }

  test('query string authentication: Expires=1175139620 gives Signature=NpgCjnDzrM%2BWFzoENXmpNDUsSn8%3D', async () => {
    const expires = 1175139620;
    const url = await presignS3V2(
      { method: 'GET', url: 'http://johnsmith.s3.amazonaws.com/photos/puppy.jpg', headers: {} },
      DOC_CREDS,
      new Date((expires - 3600) * 1000 + 999),
      3600,
      { virtualHostedBucket: 'johnsmith' },
    );
    expect(url).toBe(
      'http://johnsmith.s3.amazonaws.com/photos/puppy.jpg' +
        '?AWSAccessKeyId=AKIAIOSFODNN7EXAMPLE&Expires=1175139620&Signature=NpgCjnDzrM%2BWFzoENXmpNDUsSn8%3D',
    );
  });
});

// --- signS3V2: what a browser can actually send -------------------------------------------------

const WALRUS = 'http://10.0.0.5:8773/services/Walrus';
const EUCA_CREDS: Credentials = { accessKeyId: 'AKIEUCA', secretAccessKey: 'euca/secret+key' };
const NOW = new Date('2007-03-27T19:36:42.500Z');

describe('signS3V2', () => {
  test('x-amz-date instead of Date: empty Date line, x-amz-date among the amz headers', async () => {
    const signed = await signS3V2(
      { method: 'GET', url: `${WALRUS}/bucket/photos/puppy.jpg`, headers: {} },
      EUCA_CREDS,
      NOW,
    );
    expect(signed.headers['x-amz-date']).toBe('Tue, 27 Mar 2007 19:36:42 +0000');
    expect(signed.headers.date).toBeUndefined();
    const stringToSign =
      'GET\n\n\n\nx-amz-date:Tue, 27 Mar 2007 19:36:42 +0000\n/services/Walrus/bucket/photos/puppy.jpg';
    expect(signed.headers.authorization).toBe(
      `AWS AKIEUCA:${referenceHmac('sha1', EUCA_CREDS.secretAccessKey, stringToSign)}`,
    );
  });

  test('sub-resources are signed sorted, with decoded values; other parameters are not', async () => {
    const signed = await signS3V2(
      {
        method: 'PUT',
        url: `${WALRUS}/bucket/big.iso?uploadId=abc%2Fdef&partNumber=2&x-id=UploadPart`,
        headers: { 'Content-MD5': 'q1w2e3==', 'content-type': 'application/octet-stream' },
      },
      { ...EUCA_CREDS, sessionToken: 'tok' },
      NOW,
    );
    const stringToSign =
      'PUT\nq1w2e3==\napplication/octet-stream\n\n' +
      'x-amz-date:Tue, 27 Mar 2007 19:36:42 +0000\nx-amz-security-token:tok\n' +
      '/services/Walrus/bucket/big.iso?partNumber=2&uploadId=abc/def';
    expect(signed.headers['x-amz-security-token']).toBe('tok');
    expect(signed.headers.authorization).toBe(
      `AWS AKIEUCA:${referenceHmac('sha1', EUCA_CREDS.secretAccessKey, stringToSign)}`,
    );
  });

  test('keys with space, +, %, #, ? and Japanese are signed exactly as encoded in the URL', async () => {
    const path =
      '/services/Walrus/bucket/dir/a%20b%2Bc%25d%23e%3Ff%20%E6%97%A5%E6%9C%AC%E8%AA%9E.txt';
    const signed = await signS3V2(
      { method: 'HEAD', url: `http://10.0.0.5:8773${path}`, headers: {} },
      EUCA_CREDS,
      NOW,
    );
    const stringToSign = `HEAD\n\n\n\nx-amz-date:Tue, 27 Mar 2007 19:36:42 +0000\n${path}`;
    expect(signed.headers.authorization).toBe(
      `AWS AKIEUCA:${referenceHmac('sha1', EUCA_CREDS.secretAccessKey, stringToSign)}`,
    );
  });

  test('a string body without Content-Type is signed with the type fetch will add', async () => {
    const signed = await signS3V2(
      { method: 'PUT', url: `${WALRUS}/bucket/note.txt`, headers: {}, body: 'hello' },
      EUCA_CREDS,
      NOW,
    );
    expect(signed.headers['content-type']).toBe('text/plain;charset=UTF-8');
    expect(signed.body).toBe('hello');
  });

  test('presigned URL with a service path, an existing sub-resource and a session token', async () => {
    const now = new Date(1_700_000_000_000);
    const url = await presignS3V2(
      { method: 'PUT', url: `${WALRUS}/bucket/a%20b?partNumber=1&uploadId=u1`, headers: {} },
      { ...EUCA_CREDS, sessionToken: 'tok/+=' },
      now,
      900,
    );
    const stringToSign =
      'PUT\n\n\n1700000900\nx-amz-security-token:tok/+=\n/services/Walrus/bucket/a%20b?partNumber=1&uploadId=u1';
    const signature = encodeURIComponent(
      referenceHmac('sha1', EUCA_CREDS.secretAccessKey, stringToSign),
    );
    expect(url).toBe(
      `${WALRUS}/bucket/a%20b?partNumber=1&uploadId=u1&AWSAccessKeyId=AKIEUCA&Expires=1700000900` +
        `&Signature=${signature}&x-amz-security-token=tok%2F%2B%3D`,
    );
  });

  test('presigning an already presigned URL replaces the old signature', async () => {
    const req = { method: 'GET', url: `${WALRUS}/bucket/k?versionId=3`, headers: {} };
    const first = await presignS3V2(req, EUCA_CREDS, NOW, 60);
    const again = await presignS3V2({ ...req, url: first }, EUCA_CREDS, NOW, 60);
    expect(again).toBe(first);
  });

  test('rfc1123 formats a date as S3 expects', () => {
    expect(rfc1123(new Date('2007-03-05T09:06:08Z'))).toBe('Mon, 05 Mar 2007 09:06:08 +0000');
  });
});

// --- EC2 Query SigV2 ----------------------------------------------------------------------------

describe('EC2 Query SigV2', () => {
  test('AWS documentation example (DescribeJobFlows)', async () => {
    // https://docs.aws.amazon.com/general/latest/gr/signature-version-2.html
    const params: [string, string][] = [
      ['Action', 'DescribeJobFlows'],
      ['Version', '2009-03-31'],
      ['AWSAccessKeyId', 'AKIAIOSFODNN7EXAMPLE'],
      ['SignatureVersion', '2'],
      ['SignatureMethod', 'HmacSHA256'],
      ['Timestamp', '2011-10-03T15:19:30'],
    ];
    const stringToSign = stringToSignEc2V2(
      'GET',
      new URL('https://elasticmapreduce.amazonaws.com/'),
      params,
    );
    expect(stringToSign).toBe(
      'GET\nelasticmapreduce.amazonaws.com\n/\n' +
        'AWSAccessKeyId=AKIAIOSFODNN7EXAMPLE&Action=DescribeJobFlows&SignatureMethod=HmacSHA256' +
        '&SignatureVersion=2&Timestamp=2011-10-03T15%3A19%3A30&Version=2009-03-31',
    );
    expect(await signStringV2('SHA-256', DOC_CREDS.secretAccessKey, stringToSign)).toBe(
      'i91nKc4PWAt0JJIdXwz9HxZCJDdiy6cf/Mj6vPxyYIs=',
    );
  });

  test('goamz vector with a service path and port (http://localhost:4444/services/Cloud)', async () => {
    // goamz aws/sign_test.go TestSignatureWithEndpointPath (https://bugs.launchpad.net/goamz/+bug/1022749)
    const signed = await signEc2QueryV2(
      {
        method: 'GET',
        url: 'http://localhost:4444/services/Cloud?Action=RebootInstances&Version=2011-12-15&InstanceId.1=i-10a64379',
        headers: {},
      },
      { accessKeyId: 'abc', secretAccessKey: '123' },
      new Date('2012-01-01T00:00:00Z'),
    );
    expect(new URL(signed.url).searchParams.get('Signature')).toBe(
      'gdG/vEm+c6ehhhfkrJy3+wuVzw/rzKR42TYelMwti7M=',
    );
  });

  test('POST to http://10.0.0.5:8773/services/Eucalyptus: host:port and full path signed, all params in the body', async () => {
    const signed = await signEc2QueryV2(
      {
        method: 'POST',
        url: 'http://10.0.0.5:8773/services/Eucalyptus',
        headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
        body: 'Action=DescribeImages&Version=2013-02-01&Owner.1=self&Filter.1.Name=name&Filter.1.Value.1=web+server*',
      },
      { ...EUCA_CREDS, sessionToken: 'tok/+=' },
      new Date('2024-02-29T23:59:58.765Z'),
    );
    const expectedParams: [string, string][] = [
      ['AWSAccessKeyId', 'AKIEUCA'],
      ['Action', 'DescribeImages'],
      ['Filter.1.Name', 'name'],
      ['Filter.1.Value.1', 'web server*'],
      ['Owner.1', 'self'],
      ['SecurityToken', 'tok/+='],
      ['SignatureMethod', 'HmacSHA256'],
      ['SignatureVersion', '2'],
      ['Timestamp', '2024-02-29T23:59:58Z'],
      ['Version', '2013-02-01'],
    ];
    const query = expectedParams
      .map(([k, v]) => `${percentEncode(k)}=${percentEncode(v)}`)
      .join('&');
    expect(query).toContain('Filter.1.Value.1=web%20server%2A');
    const stringToSign = `POST\n10.0.0.5:8773\n/services/Eucalyptus\n${query}`;
    const signature = referenceHmac('sha256', EUCA_CREDS.secretAccessKey, stringToSign);

    expect(signed.method).toBe('POST');
    expect(signed.url).toBe('http://10.0.0.5:8773/services/Eucalyptus');
    expect(signed.body).toBe(`${query}&Signature=${percentEncode(signature)}`);
    expect(signed.headers['content-type']).toBe('application/x-www-form-urlencoded; charset=utf-8');
    expect(signed.headers.authorization).toBeUndefined();
  });

  test('re-signing replaces the old auth parameters, and a default port is not signed', async () => {
    const first = await signEc2QueryV2(
      {
        method: 'POST',
        url: 'https://ec2.example.com:443/',
        headers: {},
        body: 'Action=DescribeRegions&Version=2013-02-01',
      },
      EUCA_CREDS,
      new Date('2024-01-01T00:00:00Z'),
    );
    expect(first.headers['content-type']).toBe('application/x-www-form-urlencoded; charset=utf-8');
    const again = await signEc2QueryV2({ ...first }, EUCA_CREDS, new Date('2024-01-01T00:00:10Z'));
    const params = new URLSearchParams(again.body);
    expect(params.getAll('Timestamp')).toEqual(['2024-01-01T00:00:10Z']);
    expect(params.getAll('Signature')).toHaveLength(1);
    const unsigned = [...params].filter(([k]) => k !== 'Signature');
    const stringToSign = `POST\nec2.example.com\n/\n${unsigned
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([k, v]) => `${percentEncode(k)}=${percentEncode(v)}`)
      .join('&')}`;
    expect(params.get('Signature')).toBe(
      referenceHmac('sha256', EUCA_CREDS.secretAccessKey, stringToSign),
    );
  });

  test('timestamp is ISO 8601 UTC without milliseconds', () => {
    expect(ec2Timestamp(new Date('2011-10-03T15:19:30.123Z'))).toBe('2011-10-03T15:19:30Z');
  });
});
