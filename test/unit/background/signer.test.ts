import { createHmac } from 'node:crypto';
import { beforeEach, describe, expect, test } from 'vitest';
import { keychain } from '../../../src/background/services';
import {
  assertSignable,
  bundleStorageFor,
  presignFor,
  signFor,
} from '../../../src/background/signer';
import { endpointFor, type Service } from '../../../src/cloud/endpoints';
import type {
  AwsProfile,
  EucalyptusProfile,
  Profile,
  S3CompatibleProfile,
} from '../../../src/cloud/profile';
import { profilesState } from '../../../src/storage/items';

const euca: EucalyptusProfile = {
  id: 'euca',
  kind: 'eucalyptus',
  name: 'lab',
  accessKeyId: 'AKIDEUCA',
  host: '10.0.0.5',
  port: 8773,
  https: false,
  ec2Path: '/services/compute',
  s3Path: '/services/objectstorage',
  s3Host: '',
  region: 'eucalyptus',
  signatureVersion: 2,
  apiVersion: '2013-02-01',
};
const aws: AwsProfile = {
  id: 'aws',
  kind: 'aws',
  name: 'aws',
  accessKeyId: 'AKIDAWS',
  region: 'us-east-1',
};
const minio: S3CompatibleProfile = {
  id: 'minio',
  kind: 's3',
  name: 'minio',
  accessKeyId: 'AKIDMINIO',
  endpoint: 'https://minio.example.com:9000',
  pathStyle: true,
  region: 'us-east-1',
  signatureVersion: 2,
};

function gate(profile: Profile, service: Service, url: string): void {
  const endpoint = endpointFor(profile, service);
  if (!endpoint) throw new Error('no endpoint');
  assertSignable(url, endpoint, service);
}

describe('the signing gate', () => {
  test.each([
    [euca, 'ec2', 'http://10.0.0.5:8773/services/compute/'],
    [euca, 'ec2', 'http://10.0.0.5:8773/services/compute?Action=DescribeRegions'],
    [euca, 's3', 'http://10.0.0.5:8773/services/objectstorage/'],
    [euca, 's3', 'http://10.0.0.5:8773/services/objectstorage/bucket/a%20key?uploads'],
    [aws, 'ec2', 'https://ec2.us-east-1.amazonaws.com/'],
    [aws, 's3', 'https://s3.us-east-1.amazonaws.com/bucket/key'],
    [aws, 's3', 'https://bucket.s3.us-east-1.amazonaws.com/key'],
    [minio, 's3', 'https://minio.example.com:9000/bucket/key'],
  ] as const)('signs %# (%s %s)', (profile, service, url) => {
    expect(() => gate(profile, service, url)).not.toThrow();
  });

  test.each([
    // Another service on the same Eucalyptus host and port.
    [euca, 'ec2', 'http://10.0.0.5:8773/services/Euare/'],
    [euca, 'ec2', 'http://10.0.0.5:8773/services/Tokens/'],
    [euca, 'ec2', 'http://10.0.0.5:8773/services/objectstorage/'],
    [euca, 'ec2', 'http://10.0.0.5:8773/services/compute/../Euare/'],
    [euca, 'ec2', 'http://10.0.0.5:8773/services/compute/%2e%2e/Tokens'],
    [euca, 'ec2', 'http://10.0.0.5:8773/services/computer/'],
    [euca, 'ec2', 'http://10.0.0.5:8773/'],
    [euca, 's3', 'http://10.0.0.5:8773/services/Euare/'],
    [euca, 's3', 'http://10.0.0.5:8773/services/objectstoragex/b'],
    [euca, 's3', 'http://10.0.0.5:8773/services/compute/'],
    // Another port, scheme or host.
    [euca, 'ec2', 'http://10.0.0.5:8080/services/compute/'],
    [euca, 'ec2', 'http://10.0.0.5/services/compute/'],
    [euca, 'ec2', 'https://10.0.0.5:8773/services/compute/'],
    [euca, 'ec2', 'http://10.0.0.6:8773/services/compute/'],
    [euca, 'ec2', 'http://me@10.0.0.5:8773/services/compute/'],
    [euca, 's3', 'http://bucket.10.0.0.5:8773/services/objectstorage/k'],
    [aws, 'ec2', 'https://ec2.us-east-1.amazonaws.com/x'],
    [aws, 'ec2', 'https://x.ec2.us-east-1.amazonaws.com/'],
    [aws, 's3', 'https://bucket.s3.us-east-1.amazonaws.com:8443/key'],
    [aws, 's3', 'https://s3.us-east-1.amazonaws.com:444/bucket/key'],
    [aws, 's3', 'https://evil-s3.us-east-1.amazonaws.com/key'],
    [minio, 's3', 'https://minio.example.com/bucket/key'],
    [minio, 's3', 'https://bucket.minio.example.com:9000/key'],
  ] as const)('refuses %# (%s %s)', (profile, service, url) => {
    expect(() => gate(profile, service, url)).toThrow(
      expect.objectContaining({ code: 'ForeignEndpoint' }),
    );
  });
});

describe('signFor and presignFor', () => {
  beforeEach(async () => {
    await profilesState.set({ profiles: [euca, aws, minio], currentId: 'euca' });
    for (const id of ['euca', 'aws', 'minio']) await keychain.set(id, { secretAccessKey: 'sk' });
  });

  test('EC2 SigV2 signs with Timestamp, never a caller-supplied Expires', async () => {
    const signed = await signFor('euca', 'ec2', {
      method: 'GET',
      url: 'http://10.0.0.5:8773/services/compute/?Action=DescribeRegions&Expires=2099-01-01T00%3A00%3A00Z',
      headers: {},
    });
    const params = new URL(signed.url).searchParams;
    expect(params.has('Expires')).toBe(false);
    expect(params.get('Timestamp')).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(params.get('Signature')).toBeTruthy();
  });

  test('an EC2 request for another service path is refused before any secret is read', async () => {
    await expect(
      signFor('euca', 'ec2', {
        method: 'POST',
        url: 'http://10.0.0.5:8773/services/Tokens/',
        headers: {},
        body: 'Action=GetAccessToken',
      }),
    ).rejects.toMatchObject({ code: 'ForeignEndpoint' });
  });

  test('SigV2 presigned URLs are capped at 7 days, as SigV4 ones', async () => {
    const request = { method: 'GET', url: 'https://minio.example.com:9000/b/k', headers: {} };
    const [url] = await presignFor('minio', 's3', [request], 604_800);
    expect(new URL(url ?? '').searchParams.get('Expires')).toBeTruthy();
    for (const seconds of [604_801, 10 * 365 * 86_400, 0, 1.5]) {
      await expect(presignFor('minio', 's3', [request], seconds)).rejects.toMatchObject({
        code: 'InvalidExpiry',
      });
    }
  });

  test('a region that is not a region name never reaches a host name', async () => {
    const request = { method: 'GET', url: 'https://evil.com/', headers: {} };
    for (const region of ['evil.com/x', 'x.evil.com#', 'a@b']) {
      await expect(signFor('aws', 'ec2', request, region)).rejects.toMatchObject({
        code: 'InvalidRegion',
      });
    }
    const ok = { method: 'GET', url: 'https://ec2.eu-west-1.amazonaws.com/', headers: {} };
    await expect(signFor('aws', 'ec2', ok, 'eu-west-1')).resolves.toBeTruthy();
  });

  test('a bundle upload policy is written and signed here, for a bucket and prefix only', async () => {
    const storage = await bundleStorageFor('euca', 'bundles', 'web');
    expect(storage.awsAccessKeyId).toBe('AKIDEUCA');
    const policy = JSON.parse(Buffer.from(storage.uploadPolicy, 'base64').toString('utf8'));
    expect(policy.conditions).toEqual([
      { bucket: 'bundles' },
      { acl: 'ec2-bundle-read' },
      ['starts-with', '$key', 'web'],
    ]);
    const hours = (Date.parse(policy.expiration) - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(23.9);
    expect(hours).toBeLessThanOrEqual(24);
    expect(storage.uploadPolicySignature).toBe(
      createHmac('sha1', 'sk').update(storage.uploadPolicy).digest('base64'),
    );
    await expect(bundleStorageFor('euca', 'bundles', 'a"},{"x')).rejects.toMatchObject({
      code: 'InvalidBundleTarget',
    });
    await expect(bundleStorageFor('minio', 'bundles', 'web')).rejects.toMatchObject({
      code: 'NoSuchService',
    });
  });
});
