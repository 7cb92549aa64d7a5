import { afterEach, describe, expect, test, vi } from 'vitest';
import { unusedOrigins } from '../../../src/background/host-permissions';
import { deleteProfile, saveProfile } from '../../../src/background/profile-store';
import type {
  AwsProfile,
  EucalyptusProfile,
  S3CompatibleProfile,
} from '../../../src/cloud/profile';
import { profilesState } from '../../../src/storage/items';

const euca = (id: string, host: string, port = 8773): EucalyptusProfile => ({
  id,
  kind: 'eucalyptus',
  name: id,
  accessKeyId: 'AKID',
  host,
  port,
  https: false,
  ec2Path: '/services/compute',
  s3Path: '/services/objectstorage',
  s3Host: '',
  region: 'eucalyptus',
  signatureVersion: 4,
  apiVersion: '2013-02-01',
});
const minio: S3CompatibleProfile = {
  id: 'minio',
  kind: 's3',
  name: 'minio',
  accessKeyId: 'AKID',
  endpoint: 'https://minio.example.com:9000',
  pathStyle: true,
  region: 'us-east-1',
  signatureVersion: 4,
};
const aws: AwsProfile = {
  id: 'aws',
  kind: 'aws',
  name: 'aws',
  accessKeyId: 'AKID',
  region: 'eu-west-1',
};

describe('unusedOrigins', () => {
  test('an origin no remaining profile uses', () => {
    expect(unusedOrigins([euca('a', '10.0.0.5'), minio], [minio])).toEqual(['http://10.0.0.5/*']);
  });

  test('kept while another profile uses the same host, on any port', () => {
    const before = [euca('a', '10.0.0.5'), euca('b', '10.0.0.5', 8080)];
    expect(unusedOrigins(before, [euca('b', '10.0.0.5', 8080)])).toEqual([]);
  });

  test('an edit that moves a profile to another host or scheme frees the old origin', () => {
    expect(unusedOrigins([euca('a', '10.0.0.5')], [euca('a', '10.0.0.6')])).toEqual([
      'http://10.0.0.5/*',
    ]);
    const https = { ...euca('a', '10.0.0.5'), https: true };
    expect(unusedOrigins([euca('a', '10.0.0.5')], [https])).toEqual(['http://10.0.0.5/*']);
  });

  test('both hosts of a profile with a separate object store', () => {
    const split = { ...euca('a', '10.0.0.5'), s3Host: 'walrus.example.com' };
    expect(unusedOrigins([split], [])).toEqual([
      'http://10.0.0.5/*',
      'http://walrus.example.com/*',
    ]);
  });

  test('never the AWS hosts the manifest grants at install', () => {
    expect(unusedOrigins([aws], [])).toEqual([]);
    expect(unusedOrigins([aws, minio], [])).toEqual(['https://minio.example.com/*']);
  });
});

describe('profile delete and edit give the permission back', () => {
  const fake = (globalThis as unknown as { browser: { permissions?: unknown } }).browser;
  afterEach(() => {
    delete fake.permissions;
  });

  test('deleting the last profile on a host removes its origin', async () => {
    const remove = vi.fn(async () => true);
    fake.permissions = { remove };
    await profilesState.set({ profiles: [euca('a', '10.0.0.5'), minio], currentId: 'a' });
    await deleteProfile('a');
    expect(remove).toHaveBeenCalledWith({ origins: ['http://10.0.0.5/*'] });
    remove.mockClear();
    await saveProfile({
      profile: { ...minio, endpoint: 'https://store.example.net' },
      secret: { secretAccessKey: 'sk' },
    });
    expect(remove).toHaveBeenCalledWith({ origins: ['https://minio.example.com/*'] });
  });

  test('a refused removal does not fail the delete', async () => {
    fake.permissions = { remove: vi.fn(async () => Promise.reject(new Error('required'))) };
    await profilesState.set({ profiles: [euca('a', '127.0.0.1')], currentId: 'a' });
    await expect(deleteProfile('a')).resolves.toBeUndefined();
    expect((await profilesState.get()).profiles).toEqual([]);
  });
});
