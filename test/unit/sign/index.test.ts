import { describe, expect, test } from 'vitest';
import type { Credentials } from '../../../src/cloud/profile';
import type { HttpRequest } from '../../../src/cloud/request';
import { presign, signRequest } from '../../../src/cloud/sign';

const creds: Credentials = { accessKeyId: 'AKID', secretAccessKey: 'secret' };
const now = new Date('2024-05-01T12:00:00Z');

const ec2Request: HttpRequest = {
  method: 'POST',
  url: 'http://10.0.0.5:8773/services/compute',
  headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
  body: 'Action=DescribeInstances&Version=2013-02-01',
};
const s3Request: HttpRequest = {
  method: 'GET',
  url: 'http://10.0.0.5:8773/services/objectstorage/bucket/key',
  headers: {},
};

describe('signRequest dispatch', () => {
  test('v4 signs with the scope service and region', async () => {
    const signed = await signRequest(
      ec2Request,
      creds,
      { service: 'ec2', region: 'eucalyptus', signatureVersion: 4 },
      now,
    );
    expect(signed.headers.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKID\/20240501\/eucalyptus\/ec2\/aws4_request, /,
    );
  });

  test('v2 + ec2 signs the Query form', async () => {
    const signed = await signRequest(
      ec2Request,
      creds,
      { service: 'ec2', region: 'eucalyptus', signatureVersion: 2 },
      now,
    );
    const params = new URLSearchParams(signed.body);
    expect(params.get('SignatureVersion')).toBe('2');
    expect(params.get('Signature')).toBeTruthy();
    expect(signed.headers.authorization).toBeUndefined();
  });

  test('v2 + s3 signs the REST header form', async () => {
    const signed = await signRequest(
      s3Request,
      creds,
      { service: 's3', region: 'eucalyptus', signatureVersion: 2 },
      now,
    );
    expect(signed.headers.authorization).toMatch(/^AWS AKID:[A-Za-z0-9+/]{27}=$/);
  });
});

describe('presign dispatch', () => {
  test('v4 gives X-Amz-* query parameters', async () => {
    const url = new URL(
      await presign(
        s3Request,
        creds,
        { service: 's3', region: 'r', signatureVersion: 4 },
        now,
        600,
      ),
    );
    expect(url.searchParams.get('X-Amz-Expires')).toBe('600');
    expect(url.searchParams.get('X-Amz-Credential')).toBe('AKID/20240501/r/s3/aws4_request');
  });

  test('v2 gives AWSAccessKeyId, Expires and Signature', async () => {
    const url = new URL(
      await presign(
        s3Request,
        creds,
        { service: 's3', region: 'r', signatureVersion: 2 },
        now,
        600,
      ),
    );
    expect(url.searchParams.get('Expires')).toBe(String(now.getTime() / 1000 + 600));
    expect(url.searchParams.get('AWSAccessKeyId')).toBe('AKID');
  });

  test('EC2 requests are not presigned', async () => {
    await expect(
      presign(ec2Request, creds, { service: 'ec2', region: 'r', signatureVersion: 4 }, now, 600),
    ).rejects.toThrow(/only made for S3/);
  });
});
