import { describe, expect, test } from 'vitest';
import { MASK, parseAwsFiles } from '../../../src/cloud/import';
import { codes, expectNoSecrets, fixture } from './helpers';

describe('parseAwsFiles', () => {
  test('credentials and config merge by profile name', () => {
    const credentials = fixture('aws/credentials');
    const config = fixture('aws/config');
    const result = parseAwsFiles({ credentials, config });
    expect(result.format).toBe('aws-credentials');
    expect(result.profiles).toEqual([
      {
        draft: {
          kind: 'aws',
          name: 'default',
          accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
          region: 'us-west-2',
        },
        secret: { secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' },
        source: 'credentials [default] + config [default]',
      },
      {
        draft: {
          kind: 's3',
          name: 'minio',
          accessKeyId: 'minio-EXAMPLE-user',
          endpoint: 'http://192.168.1.50:9000',
          pathStyle: true,
          region: 'us-east-1',
          signatureVersion: 4,
        },
        secret: { secretAccessKey: 'minioSecretEXAMPLE0123456789' },
        source: 'credentials [minio] + config [profile minio]',
      },
      {
        draft: {
          kind: 'eucalyptus',
          name: 'euca',
          accessKeyId: 'AKIEUCAEXAMPLE000001',
          host: '10.0.0.5',
          port: 8773,
          https: false,
          ec2Path: '/services/compute',
          s3Path: '/services/objectstorage',
          s3Host: '',
          region: 'eucalyptus',
          signatureVersion: 4,
          apiVersion: '2013-02-01',
        },
        secret: { secretAccessKey: 'eucaSecretEXAMPLE0123456789abcdefGHIJKL' },
        source: 'credentials [euca] + config [profile euca]',
      },
      {
        draft: {
          kind: 'aws',
          name: 'temp',
          accessKeyId: 'ASIAEXAMPLETEMP00001',
          region: 'eu-central-1',
        },
        secret: {
          secretAccessKey: 'tempSecretEXAMPLE0123456789abcdefGHIJKL',
          sessionToken: 'FwoGZXIvYXdzEXAMPLEtokenTOKENtoken0123456789',
        },
        source: 'credentials [temp] + config [profile temp]',
      },
    ]);
    expect(codes(result)).toEqual([
      'config:11 ignored-key s3.max_concurrent_requests',
      'config:29 unsupported-credentials sso_session',
    ]);
  });

  test('credentials alone: region is a reported default', () => {
    const result = parseAwsFiles({ credentials: fixture('aws/credentials') });
    expect(result.profiles.map((p) => p.draft.name)).toEqual(['default', 'minio', 'euca', 'temp']);
    expect(result.profiles.every((p) => p.draft.kind === 'aws')).toBe(true);
    expect(codes(result)).toEqual([
      'credentials:1 assumed-default region=us-east-1',
      'credentials:5 assumed-default region=us-east-1',
      'credentials:9 assumed-default region=us-east-1',
      'credentials:14 assumed-default region=us-east-1',
    ]);
  });

  test('config alone: profiles without keys are reported, not imported', () => {
    const result = parseAwsFiles({ config: fixture('aws/config') });
    expect(result.format).toBe('aws-config');
    expect(result.profiles).toEqual([]);
    expect(codes(result)).toEqual([
      'config:1 missing-access-key aws_access_key_id',
      'config:5 missing-access-key aws_access_key_id',
      'config:11 ignored-key s3.max_concurrent_requests',
      'config:14 missing-access-key aws_access_key_id',
      'config:24 missing-access-key aws_access_key_id',
      'config:29 unsupported-credentials sso_session',
    ]);
  });

  test('malformed credentials file', () => {
    const text = fixture('aws/credentials-malformed');
    const result = parseAwsFiles({ credentials: text, config: '[default]\nregion = us-east-1\n' });
    expect(codes(result)).toEqual([
      'credentials:1 key-outside-section aws_access_key_id',
      'credentials:4 quoted-value aws_secret_access_key',
      'credentials:5 ignored-key region',
      'credentials:7 assumed-default region=us-east-1',
      'credentials:8 missing-secret aws_secret_access_key',
      'credentials:9 unterminated-quote aws_secret_access_key',
      'credentials:10 unreadable-line',
      'credentials:12 assumed-default region=us-east-1',
      'credentials:13 missing-secret aws_secret_access_key',
      'credentials:15 extra-profile-prefix profile work',
      'credentials:15 assumed-default region=us-east-1',
      'credentials:18 duplicate-key aws_access_key_id',
    ]);
    const byName = Object.fromEntries(result.profiles.map((p) => [p.draft.name, p]));
    // Quotes the CLI would have kept are removed (and reported above).
    expect(byName.default?.secret).toEqual({
      secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    });
    expect(byName.broken?.secret).toBeUndefined();
    expect(byName.nosecret?.secret).toBeUndefined();
    // The later duplicate wins, as in the tools.
    expect(byName['profile work']?.draft.accessKeyId).toBe('AKIAWORKEXAMPLE00002');
    expect(result.problems.find((p) => p.line === 9)?.text).toBe(`aws_secret_access_key = ${MASK}`);
    expect(result.problems.every((p) => p.file === 'credentials')).toBe(true);
    expectNoSecrets(result, text);
  });

  test('malformed config file', () => {
    const text = fixture('aws/config-malformed');
    const result = parseAwsFiles({ config: text });
    expect(codes(result)).toEqual([
      'config:1 missing-access-key aws_access_key_id',
      'config:4 missing-profile-prefix profile dev',
      'config:10 bad-url endpoint_url',
      'config:13 unsupported-credentials role_arn',
      'config:16 assumed-default region=us-east-1',
      'config:19 bad-value region',
      'config:20 unreadable-line continuation',
    ]);
    expect(result.profiles.map((p) => p.draft)).toEqual([
      {
        kind: 'aws',
        name: 'inline-comment',
        accessKeyId: 'AKIAINLINEEXAMPLE001',
        region: 'us-east-1',
      },
    ]);
    expectNoSecrets(result, text);
  });

  test('nested s3 settings under a profile, legacy token name, virtual hosting, SigV2', () => {
    const config = [
      '[profile ceph]',
      'aws_access_key_id = CEPHEXAMPLEKEY',
      'aws_secret_access_key = cephSECRET1234',
      'aws_security_token = legacyTOKEN5678',
      'region = default',
      's3 =',
      '  endpoint_url = https://rgw.example.com/',
      '',
      '  addressing_style = virtual',
      '  signature_version = s3',
      '  # a comment inside the block',
      'output = text',
    ].join('\n');
    const result = parseAwsFiles({ config });
    expect(result.problems).toEqual([]);
    expect(result.profiles).toEqual([
      {
        draft: {
          kind: 's3',
          name: 'ceph',
          accessKeyId: 'CEPHEXAMPLEKEY',
          endpoint: 'https://rgw.example.com',
          pathStyle: false,
          region: 'default',
          signatureVersion: 2,
        },
        secret: { secretAccessKey: 'cephSECRET1234', sessionToken: 'legacyTOKEN5678' },
        source: 'config [profile ceph]',
      },
    ]);
  });

  test('keys in both files that disagree: the credentials file wins, visibly', () => {
    const result = parseAwsFiles({
      credentials:
        '[dev]\naws_access_key_id = AKIAFROMCREDENTIALS\naws_secret_access_key = credSECRET1234\n',
      config:
        '[profile dev]\nregion = ap-northeast-1\naws_access_key_id = AKIAFROMCONFIG\naws_secret_access_key = confSECRET5678\nservices = nowhere\n',
    });
    expect(result.profiles[0]?.draft).toEqual({
      kind: 'aws',
      name: 'dev',
      accessKeyId: 'AKIAFROMCREDENTIALS',
      region: 'ap-northeast-1',
    });
    expect(result.profiles[0]?.secret).toEqual({ secretAccessKey: 'credSECRET1234' });
    expect(codes(result)).toEqual([
      'config:3 conflicting-value credentials',
      'config:5 bad-value services',
    ]);
  });

  test('an EC2 endpoint without an S3 one: Eucalyptus with the default object store path', () => {
    const result = parseAwsFiles({
      config: [
        '[default]',
        'aws_access_key_id = AKIEXAMPLE',
        'aws_secret_access_key = abcdSECRET1234',
        'ec2 =',
        '  endpoint_url = https://compute.euca.example.com:8773/',
        '  api_version = 2013-02-01',
        'dynamodb =',
        '  endpoint_url = http://localhost:8000',
      ].join('\n'),
    });
    expect(result.profiles[0]?.draft).toEqual({
      kind: 'eucalyptus',
      name: 'default',
      accessKeyId: 'AKIEXAMPLE',
      host: 'compute.euca.example.com',
      port: 8773,
      https: true,
      ec2Path: '/',
      s3Path: '/services/objectstorage',
      s3Host: '',
      region: 'eucalyptus',
      signatureVersion: 4,
      apiVersion: '2013-02-01',
    });
    expect(codes(result)).toEqual([
      'config:1 assumed-default region=eucalyptus',
      'config:5 assumed-default s3Path=/services/objectstorage',
      'config:6 ignored-key ec2.api_version',
      'config:8 ignored-key dynamodb.endpoint_url',
    ]);
  });

  test('duplicate sections merge, later keys win', () => {
    const result = parseAwsFiles({
      credentials:
        '[a]\naws_access_key_id = AKIAONE\naws_secret_access_key = oneSECRET1234\n[a]\naws_access_key_id = AKIATWO\n',
    });
    expect(result.profiles[0]?.draft.accessKeyId).toBe('AKIATWO');
    expect(codes(result)).toEqual([
      'credentials:1 assumed-default region=us-east-1',
      'credentials:4 duplicate-section a',
      'credentials:5 duplicate-key aws_access_key_id',
    ]);
  });
});
