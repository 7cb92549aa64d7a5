import { describe, expect, test } from 'vitest';
import { MASK, parseS3cfg } from '../../../src/cloud/import';
import { codes, expectNoSecrets, fixture } from './helpers';

describe('parseS3cfg', () => {
  test('MinIO, as written by s3cmd --configure: path style, HTTPS', () => {
    const result = parseS3cfg(fixture('s3cfg/minio.s3cfg'));
    expect(result).toEqual({
      format: 's3cfg',
      profiles: [
        {
          draft: {
            kind: 's3',
            name: 'minio.example.com:9000',
            accessKeyId: 'minio-EXAMPLE-user',
            endpoint: 'https://minio.example.com:9000',
            pathStyle: true,
            region: 'us-east-1',
            signatureVersion: 4,
          },
          secret: { secretAccessKey: 'minioSecretEXAMPLE0123456789' },
          source: '[default]',
        },
      ],
      problems: [],
    });
  });

  test('Eucalyptus object storage: service_path, plain HTTP, SigV2', () => {
    const result = parseS3cfg(fixture('s3cfg/walrus.s3cfg'));
    expect(result.problems).toEqual([]);
    expect(result.profiles[0]?.draft).toEqual({
      kind: 's3',
      name: '10.0.0.5:8773',
      accessKeyId: 'AKIWALRUSEXAMPLE0001',
      endpoint: 'http://10.0.0.5:8773/services/objectstorage',
      pathStyle: true,
      region: 'us-east-1',
      signatureVersion: 2,
    });
  });

  test('Amazon S3: still an S3-compatible draft, virtual-host style, EU location', () => {
    const result = parseS3cfg(fixture('s3cfg/aws.s3cfg'));
    expect(result.problems).toEqual([]);
    expect(result.profiles[0]?.draft).toEqual({
      kind: 's3',
      name: 's3.amazonaws.com',
      accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
      endpoint: 'https://s3.amazonaws.com',
      pathStyle: false,
      region: 'eu-west-1',
      signatureVersion: 4,
    });
  });

  test('malformed .s3cfg', () => {
    const text = fixture('s3cfg/malformed.s3cfg');
    const result = parseS3cfg(text);
    expect(result.profiles).toEqual([]);
    expect(codes(result)).toEqual([
      '1 key-outside-section access_key',
      '2 assumed-default use_https=True',
      '4 unterminated-quote secret_key',
      '5 bad-url host_base',
      '7 bad-value use_https',
      '8 unreadable-line',
      '9 unknown-section other',
    ]);
    expect(result.problems.find((p) => p.line === 4)?.text).toBe(`secret_key = ${MASK}`);
    expectNoSecrets(result, text);
  });

  test('missing secret, unset defaults, environment references and unknown keys', () => {
    const text = [
      '[default]',
      'access_key = AKIAEXAMPLE',
      'secret_key = $S3_SECRET_KEY',
      'host_base = storage.example.net',
      'gpg_passphrase = gpgPASSPHRASE42',
      'acess_key = typo',
    ].join('\n');
    const result = parseS3cfg(text);
    expect(result.profiles).toEqual([
      {
        draft: {
          kind: 's3',
          name: 'storage.example.net',
          accessKeyId: 'AKIAEXAMPLE',
          endpoint: 'https://storage.example.net',
          pathStyle: false,
          region: 'us-east-1',
          signatureVersion: 4,
        },
        source: '[default]',
      },
    ]);
    expect(codes(result)).toEqual([
      '1 assumed-default use_https=True',
      '1 assumed-default host_bucket=%(bucket)s.s3.amazonaws.com',
      '2 missing-secret secret_key',
      '3 unresolved-variable S3_SECRET_KEY',
      '6 unknown-key acess_key',
    ]);
    expectNoSecrets(result, text);
  });

  test('s3cmd strips double quotes itself; single quotes are reported', () => {
    const result = parseS3cfg(
      '[default]\naccess_key = "AKIAQUOTED"\nsecret_key = \'quotedSECRET1234\'\nuse_https = No\nhost_bucket = %(bucket)s.files.example.org\nhost_base = files.example.org\n',
    );
    expect(result.profiles[0]?.draft).toMatchObject({
      accessKeyId: 'AKIAQUOTED',
      endpoint: 'http://files.example.org',
      pathStyle: false,
    });
    expect(result.profiles[0]?.secret).toEqual({ secretAccessKey: 'quotedSECRET1234' });
    expect(codes(result)).toEqual(['3 quoted-value secret_key']);
  });

  test('no [default] section', () => {
    const result = parseS3cfg('[work]\naccess_key = AKIA\n');
    expect(codes(result)).toEqual(['0 missing-section default', '1 unknown-section work']);
  });
});
