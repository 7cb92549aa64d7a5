// Where CloudWatch, IAM / Euare and STS / Tokens live for each kind of profile, and how temporary
// credentials are chosen and refused.

import { describe, expect, test } from 'vitest';
import { endpointFor } from '../../../src/cloud/endpoints';
import type {
  AwsProfile,
  EucalyptusProfile,
  S3CompatibleProfile,
} from '../../../src/cloud/profile';
import {
  activeSession,
  publicSession,
  sessionCredentials,
  type TemporaryCredentials,
} from '../../../src/cloud/temporary-credentials';

const aws: AwsProfile = {
  id: 'a',
  name: 'a',
  kind: 'aws',
  accessKeyId: 'AKIA',
  region: 'eu-west-1',
};
const euca: EucalyptusProfile = {
  id: 'e',
  name: 'e',
  kind: 'eucalyptus',
  accessKeyId: 'AKI',
  host: '10.0.0.5',
  port: 8773,
  https: true,
  ec2Path: '/services/compute',
  s3Path: '/services/objectstorage',
  s3Host: '',
  region: 'eucalyptus',
  signatureVersion: 2,
  apiVersion: '2013-02-01',
};

describe('endpointFor the Query services', () => {
  test('AWS: regional CloudWatch and STS, global IAM signed for us-east-1', () => {
    expect(endpointFor(aws, 'monitoring')).toMatchObject({
      baseUrl: 'https://monitoring.eu-west-1.amazonaws.com',
      scope: { service: 'monitoring', region: 'eu-west-1', signatureVersion: 4 },
    });
    expect(endpointFor(aws, 'sts', 'ap-northeast-1')?.baseUrl).toBe(
      'https://sts.ap-northeast-1.amazonaws.com',
    );
    expect(endpointFor(aws, 'iam', 'ap-northeast-1')).toMatchObject({
      baseUrl: 'https://iam.amazonaws.com',
      scope: { service: 'iam', region: 'us-east-1' },
    });
    expect(endpointFor({ ...aws, region: 'cn-north-1' }, 'iam')).toMatchObject({
      baseUrl: 'https://iam.cn-north-1.amazonaws.com.cn',
      scope: { region: 'cn-north-1' },
    });
  });

  test('Eucalyptus: same host and port, one path per service, defaults for older profiles', () => {
    expect(endpointFor(euca, 'monitoring')?.baseUrl).toBe(
      'https://10.0.0.5:8773/services/CloudWatch',
    );
    expect(endpointFor(euca, 'iam')?.baseUrl).toBe('https://10.0.0.5:8773/services/Euare');
    expect(endpointFor(euca, 'sts')).toMatchObject({
      baseUrl: 'https://10.0.0.5:8773/services/Tokens',
      scope: { service: 'sts', region: 'eucalyptus', signatureVersion: 2 },
    });
    expect(endpointFor({ ...euca, euarePath: 'services/Euare2/' }, 'iam')?.baseUrl).toBe(
      'https://10.0.0.5:8773/services/Euare2',
    );
  });

  test('an S3-compatible store has none of them', () => {
    const store: S3CompatibleProfile = {
      id: 's',
      name: 's',
      kind: 's3',
      accessKeyId: 'k',
      endpoint: 'https://minio.example:9000',
      pathStyle: true,
      region: 'us-east-1',
      signatureVersion: 4,
    };
    for (const service of ['monitoring', 'iam', 'sts'] as const) {
      expect(endpointFor(store, service)).toBeNull();
    }
  });
});

describe('temporary credentials', () => {
  const session = (over: Partial<TemporaryCredentials> = {}): TemporaryCredentials => ({
    accessKeyId: 'ASIA1',
    secretAccessKey: 'secret',
    sessionToken: 'token',
    expiration: '2030-01-01T00:00:00Z',
    label: 'admin@eng',
    source: 'login',
    ...over,
  });

  test('a role signs over the base session; none means the stored keys', () => {
    const base = session();
    const role = session({ accessKeyId: 'ASIA2', source: 'role', label: 'Reader' });
    expect(activeSession({ base, role })).toBe(role);
    expect(activeSession({ base })).toBe(base);
    expect(activeSession(undefined)).toBeNull();
  });

  test('expired or unreadable expiry is refused in plain words; a role says to switch again', () => {
    const now = Date.parse('2030-01-01T00:00:00Z');
    expect(sessionCredentials(session(), now - 1)).toEqual({
      accessKeyId: 'ASIA1',
      secretAccessKey: 'secret',
      sessionToken: 'token',
    });
    expect(() => sessionCredentials(session(), now)).toThrow(
      'Your session expired: sign in again.',
    );
    expect(() => sessionCredentials(session({ expiration: 'soon' }), 0)).toThrow(/expired/);
    expect(() => sessionCredentials(session({ source: 'role', label: 'Reader' }), now)).toThrow(
      'Your session as Reader expired: switch to the role again.',
    );
  });

  test('what a page may see carries no key', () => {
    const shown = publicSession(session({ source: 'role', roleArn: 'arn:aws:iam::1:role/R' }));
    expect(JSON.stringify(shown)).not.toMatch(/secret|token|ASIA/);
    expect(shown).toEqual({
      label: 'admin@eng',
      expiration: '2030-01-01T00:00:00Z',
      source: 'role',
      roleArn: 'arn:aws:iam::1:role/R',
    });
  });
});
