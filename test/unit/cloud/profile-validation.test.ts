import { describe, expect, test } from 'vitest';
import { endpointFor } from '../../../src/cloud/endpoints';
import type { EucalyptusProfile, S3CompatibleProfile } from '../../../src/cloud/profile';
import { EUCALYPTUS_DEFAULTS } from '../../../src/cloud/profile';
import {
  isEndpointUrl,
  isHost,
  isRegion,
  validateProfile,
} from '../../../src/cloud/profile-validation';

const euca = (host: string): EucalyptusProfile => ({
  id: '',
  kind: 'eucalyptus',
  name: 'lab',
  accessKeyId: 'AKIA',
  host,
  port: 8773,
  https: false,
  ec2Path: EUCALYPTUS_DEFAULTS.ec2Path,
  s3Path: EUCALYPTUS_DEFAULTS.s3Path,
  s3Host: '',
  region: 'eucalyptus',
  signatureVersion: 4,
  apiVersion: '2013-02-01',
});

describe('isHost', () => {
  test.each([
    'cloud.example.com',
    'LOCALHOST',
    '10.0.0.5',
    '::1',
    '[::1]',
    '2001:db8::8:800:200c:417a',
    '::ffff:10.0.0.5',
  ])('accepts %j', (host) => expect(isHost(host)).toBe(true));

  test.each([
    '::1]@evil.com/[',
    '[::1]@evil.com',
    '::1]/x',
    'a@b',
    'evil.com/path',
    'evil.com:80',
    '1.2.3.999',
    '0x7f.1',
    'host name',
    '-dash.example',
    '',
  ])('refuses %j', (host) => expect(isHost(host)).toBe(false));

  test('a profile with the IPv6 trick is refused and never points at evil.com', () => {
    const profile = euca('::1]@evil.com/[');
    expect(validateProfile(profile, true).host).toBe('invalid-host');
    expect(validateProfile({ ...euca('10.0.0.5'), s3Host: '::1]@evil.com/[' }, true).s3Host).toBe(
      'invalid-host',
    );
    // What every accepted host gives: a URL whose host is that host.
    for (const host of ['10.0.0.5', '::1', 'cloud.example.com']) {
      const url = new URL(endpointFor(euca(host), 'ec2')?.baseUrl ?? '');
      expect(url.hostname.replace(/^\[|\]$/g, '')).toBe(host);
    }
  });
});

describe('isRegion', () => {
  test.each(['us-east-1', 'eucalyptus', 'cn-north-1', 'RegionOne'])('accepts %j', (r) =>
    expect(isRegion(r)).toBe(true),
  );
  test.each(['evil.com/x', 'us-east-1.evil.com', 'a@b', '-x', '', 'us east', 'x'.repeat(64)])(
    'refuses %j',
    (r) => expect(isRegion(r)).toBe(false),
  );
});

describe('isEndpointUrl', () => {
  test.each([
    'https://minio.example.com:9000',
    'http://10.0.0.5:8773/services/objectstorage',
    'http://[::1]:9000',
    'https://s3.example.com:443/prefix',
  ])('accepts %j', (u) => expect(isEndpointUrl(u)).toBe(true));
  test.each([
    'https://user@minio.example.com',
    'http://::1]@evil.com/[',
    'https://a.example?x=1',
    'https://a.example/#f',
    'ftp://a.example',
    'http://0x7f.1:9000',
    'not a url',
  ])('refuses %j', (u) => expect(isEndpointUrl(u)).toBe(false));

  test('an S3-compatible profile with such an endpoint is refused on Save', () => {
    const s3: S3CompatibleProfile = {
      id: '',
      kind: 's3',
      name: 'store',
      accessKeyId: 'AK',
      endpoint: 'https://user@evil.com',
      pathStyle: true,
      region: 'us-east-1',
      signatureVersion: 4,
    };
    expect(validateProfile(s3, true).endpoint).toBe('invalid-url');
  });
});

describe('imported files', () => {
  test('an endpoint URL whose host is rewritten or carries user info is not an endpoint', async () => {
    const { parseHttpUrl } = await import('../../../src/cloud/import/endpoints');
    expect(parseHttpUrl('http://0x7f.1:8773/services/compute')).toBeUndefined();
    expect(parseHttpUrl('http://me@evil.com:8773/services/compute')).toBeUndefined();
    expect(parseHttpUrl('http://10.0.0.5:8773/services/compute')?.host).toBe('10.0.0.5');
  });
});
