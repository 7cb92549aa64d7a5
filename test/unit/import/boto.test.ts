import { describe, expect, test } from 'vitest';
import { MASK, parseBoto } from '../../../src/cloud/import';
import { codes, expectNoSecrets, fixture } from './helpers';

describe('parseBoto', () => {
  test('euca_* keys and eucalyptus_host: a Eucalyptus draft with boto 2 defaults', () => {
    const result = parseBoto(fixture('boto/euca.boto'));
    expect(result).toEqual({
      format: 'boto',
      profiles: [
        {
          draft: {
            kind: 'eucalyptus',
            name: '192.168.10.20',
            accessKeyId: 'AKIEUCABOTOEXAMPLE01',
            host: '192.168.10.20',
            port: 8773,
            https: false,
            ec2Path: '/services/Eucalyptus',
            s3Path: '/services/Walrus',
            s3Host: '192.168.10.21',
            region: 'eucalyptus',
            signatureVersion: 4,
            apiVersion: '2013-02-01',
          },
          secret: { secretAccessKey: 'eucaBotoSecretEXAMPLE0123456789abcdefGH' },
          source: '[Credentials] + [Boto]',
        },
      ],
      problems: [],
    });
  });

  test('aws_* keys: AWS drafts, region from [Boto], profile sections too', () => {
    const result = parseBoto(fixture('boto/aws.boto'));
    expect(result.profiles).toEqual([
      {
        draft: {
          kind: 'aws',
          name: 'boto',
          accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
          region: 'ap-northeast-1',
        },
        secret: { secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' },
        source: '[Credentials]',
      },
      {
        draft: {
          kind: 'aws',
          name: 'backup',
          accessKeyId: 'AKIABACKUPEXAMPLE001',
          region: 'ap-northeast-1',
        },
        secret: { secretAccessKey: 'backupSecretEXAMPLE0123456789abcdefGHIJ' },
        source: '[profile backup]',
      },
    ]);
    expect(codes(result)).toEqual(['7 ignored-key ec2_region_endpoint']);
  });

  test('malformed boto config', () => {
    const text = fixture('boto/malformed.boto');
    const result = parseBoto(text);
    expect(result.profiles).toEqual([]);
    expect(codes(result)).toEqual([
      '1 key-outside-section euca_access_key_id',
      '3 missing-secret euca_secret_access_key',
      '4 unterminated-quote euca_secret_access_key',
      '5 unreadable-line',
      '7 bad-value eucalyptus_host',
      '8 bad-value is_secure',
    ]);
    expect(result.problems.find((p) => p.line === 4)?.text).toBe(`euca_secret_access_key: ${MASK}`);
    expectNoSecrets(result, text);
  });

  test('is_secure, no walrus_host, and both key sets at once', () => {
    const text = [
      '[Credentials]',
      'aws_access_key_id = AKIAEXAMPLE',
      'aws_secret_access_key = awsSECRET1234',
      'euca_access_key_id = AKIEXAMPLE',
      'euca_secret_access_key = eucaSECRET5678',
      '[Boto]',
      'eucalyptus_host = clc.example.org',
      'is_secure = True',
    ].join('\n');
    const result = parseBoto(text);
    expect(result.profiles.map((p) => p.draft)).toEqual([
      {
        kind: 'eucalyptus',
        name: 'clc.example.org',
        accessKeyId: 'AKIEXAMPLE',
        host: 'clc.example.org',
        port: 8773,
        https: true,
        ec2Path: '/services/Eucalyptus',
        s3Path: '/services/Walrus',
        s3Host: '',
        region: 'eucalyptus',
        signatureVersion: 4,
        apiVersion: '2013-02-01',
      },
      { kind: 'aws', name: 'boto', accessKeyId: 'AKIAEXAMPLE', region: 'us-east-1' },
    ]);
    expect(codes(result)).toEqual(['7 assumed-default walrus_host=clc.example.org']);
  });

  test('Eucalyptus keys without a host, and a host without keys', () => {
    const keysOnly = parseBoto(
      '[Credentials]\neuca_access_key_id = AKI\neuca_secret_access_key = s3cretVALUE\n',
    );
    expect(keysOnly.profiles).toEqual([]);
    expect(codes(keysOnly)).toEqual(['2 missing-endpoint eucalyptus_host']);

    const hostOnly = parseBoto('[Credentials]\n[Boto]\neucalyptus_host = 10.0.0.5\n');
    expect(hostOnly.profiles).toEqual([]);
    expect(codes(hostOnly)).toEqual(['3 missing-access-key euca_access_key_id']);
  });
});

describe('parseBoto with nothing for Cirrus', () => {
  test('a gsutil-only [Credentials] section is reported', () => {
    const result = parseBoto(
      '[Credentials]\ngs_oauth2_refresh_token = 1/abcdREFRESH1234\n[GSUtil]\nparallel_composite_upload_threshold = 150M\n',
    );
    expect(result.profiles).toEqual([]);
    expect(codes(result)).toEqual(['1 missing-access-key aws_access_key_id']);
    expect(JSON.stringify(result.problems)).not.toContain('abcdREFRESH1234');
  });
});
