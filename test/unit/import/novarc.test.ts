import { describe, expect, test } from 'vitest';
import { detectFormat, importText, parseEucarc, parseNovarc } from '../../../src/cloud/import';
import { codes, expectNoSecrets, fixture } from './helpers';

describe('parseNovarc', () => {
  test("nova's novarc: EC2 at /services/Cloud with SigV2, S3 said to be separate", () => {
    const text = fixture('novarc/novarc');
    const result = parseNovarc(text, 'novarc');
    expect(result.format).toBe('novarc');
    expect(result.profiles).toEqual([
      {
        draft: {
          kind: 'eucalyptus',
          name: 'demo@172.16.1.10',
          accessKeyId: 'demo:demoproject',
          host: '172.16.1.10',
          port: 8773,
          https: false,
          ec2Path: '/services/Cloud',
          s3Path: '',
          s3Host: '',
          region: 'nova',
          signatureVersion: 2,
          apiVersion: '2013-02-01',
        },
        secret: { secretAccessKey: 'fakeNovaSecretEXAMPLE0123456789abcdef' },
        source: 'novarc',
      },
    ]);
    // $(readlink ...) makes NOVARC unknown, which only the ignored cert paths use.
    expect(codes(result)).toEqual(['6 separate-object-store S3_URL']);
    expectNoSecrets(result, text);
    expect(JSON.stringify(result.problems)).not.toContain('fakeNovaApiKeyEXAMPLE');
  });

  test('detected by file name and by content, told apart from an eucarc', () => {
    const text = fixture('novarc/novarc');
    expect(detectFormat(text)).toBe('novarc');
    expect(detectFormat('export EC2_URL=http://h:8773/services/Cloud\n')).toBe('novarc');
    expect(detectFormat('', 'project/novarc')).toBe('novarc');
    expect(detectFormat(fixture('eucarc/euca3-admin.eucarc'))).toBe('eucarc');
    expect(importText(text).format).toBe('novarc');
  });

  test('a region name, https and no secret', () => {
    const result = parseNovarc(
      [
        'export EC2_URL=https://nova.example.org:8773/services/Cloud',
        'export EC2_ACCESS_KEY=0f1e2d3c4b5a',
        'export OS_REGION_NAME=RegionOne',
        'export OS_PASSWORD=fakeOsPassword',
      ].join('\n'),
    );
    expect(result.profiles[0]?.draft).toMatchObject({
      name: 'nova.example.org',
      https: true,
      region: 'RegionOne',
    });
    expect(result.profiles[0]?.secret).toBeUndefined();
    expect(codes(result)).toEqual(['1 separate-object-store', '2 missing-secret EC2_SECRET_KEY']);
    expect(JSON.stringify(result.problems)).not.toContain('fakeOsPassword');
  });

  test('no EC2_URL: no profile', () => {
    const result = parseNovarc('export NOVA_USERNAME=demo\nexport EC2_ACCESS_KEY=a:b\n');
    expect(result.profiles).toEqual([]);
    expect(codes(result)).toEqual(['0 missing-endpoint EC2_URL']);
  });
});

describe('eucarc service URLs', () => {
  test('a service URL on another host or port is reported and left out', () => {
    const result = parseEucarc(
      [
        'export EC2_URL=http://10.0.0.5:8773/services/compute',
        'export S3_URL=http://10.0.0.5:8773/services/objectstorage',
        'export EC2_ACCESS_KEY=AKIEXAMPLE',
        'export EC2_SECRET_KEY=fakeSecretEXAMPLE',
        'export TOKEN_URL=http://10.0.0.6:8773/services/Tokens',
        'export EUARE_URL=http://10.0.0.5:8443/services/Euare',
        'export AWS_CLOUDWATCH_URL=http://10.0.0.5:8773/services/Watch',
      ].join('\n'),
    );
    expect(codes(result)).toEqual(['5 service-url-mismatch host', '6 service-url-mismatch port']);
    const draft = result.profiles[0]?.draft as Record<string, unknown>;
    expect(draft.cloudwatchPath).toBe('/services/Watch');
    expect(draft.tokensPath).toBeUndefined();
    expect(draft.euarePath).toBeUndefined();
  });
});
