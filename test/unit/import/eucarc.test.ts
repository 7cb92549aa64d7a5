import { describe, expect, test } from 'vitest';
import { MASK, parseEucarc } from '../../../src/cloud/import';
import { codes, expectNoSecrets, fixture } from './helpers';

describe('parseEucarc', () => {
  test('Eucalyptus 3.x admin eucarc: legacy service paths, one host', () => {
    const result = parseEucarc(fixture('eucarc/euca3-admin.eucarc'), 'eucarc');
    expect(result).toEqual({
      format: 'eucarc',
      profiles: [
        {
          draft: {
            kind: 'eucalyptus',
            name: 'admin@192.168.10.20',
            accessKeyId: 'AKIEXAMPLE3X0000AAAA',
            host: '192.168.10.20',
            port: 8773,
            https: false,
            ec2Path: '/services/Eucalyptus',
            s3Path: '/services/Walrus',
            s3Host: '',
            cloudwatchPath: '/services/CloudWatch',
            euarePath: '/services/Euare',
            tokensPath: '/services/Tokens',
            region: 'eucalyptus',
            signatureVersion: 4,
            apiVersion: '2013-02-01',
          },
          secret: { secretAccessKey: 'fakeSecret3xEXAMPLEkey0123456789abcdEFGH' },
          source: 'eucarc',
        },
      ],
      problems: [],
    });
  });

  test('Eucalyptus 4.x DNS-style eucarc: path "/" kept, object store on its own host', () => {
    const result = parseEucarc(fixture('eucarc/euca4-dns.eucarc'));
    expect(result.problems).toEqual([]);
    expect(result.profiles).toEqual([
      {
        draft: {
          kind: 'eucalyptus',
          name: 'alice@cloud.example.com',
          accessKeyId: 'AKIEXAMPLE4DNS00BBBB',
          host: 'compute.cloud.example.com',
          port: 8773,
          https: false,
          ec2Path: '/',
          s3Path: '/',
          s3Host: 'objectstorage.cloud.example.com',
          region: 'eucalyptus',
          signatureVersion: 4,
          apiVersion: '2013-02-01',
        },
        secret: { secretAccessKey: 'fakeSecret4dnsEXAMPLEkey0123456789abcdEF' },
        source: 'eucarc',
      },
    ]);
  });

  test('Eucalyptus 4.x eucarc with a separate object storage gateway and a region', () => {
    const result = parseEucarc(fixture('eucarc/euca4-split-osg.eucarc'), 'admin/eucarc');
    expect(result.problems).toEqual([]);
    expect(result.profiles[0]?.draft).toEqual({
      kind: 'eucalyptus',
      name: 'ops-team@10.0.0.5',
      accessKeyId: 'AKIEXAMPLE4OSG00CCCC',
      host: '10.0.0.5',
      port: 8773,
      https: false,
      ec2Path: '/services/compute',
      s3Path: '/services/objectstorage',
      s3Host: '10.0.0.7',
      // AWS_IAM_URL stands in for EUARE_URL.
      cloudwatchPath: '/services/CloudWatch',
      euarePath: '/services/Euare',
      tokensPath: '/services/Tokens',
      region: 'tokyo-1',
      signatureVersion: 4,
      apiVersion: '2013-02-01',
    });
    expect(result.profiles[0]?.source).toBe('admin/eucarc');
  });

  test('an rc file for the Amazon EC2 tools becomes an AWS draft, $REGION expanded', () => {
    const result = parseEucarc(fixture('eucarc/aws-ec2-tools.rc'));
    expect(result.problems).toEqual([]);
    expect(result.profiles).toEqual([
      {
        draft: {
          kind: 'aws',
          name: 'ec2.us-west-2.amazonaws.com',
          accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
          region: 'us-west-2',
        },
        secret: { secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' },
        source: 'eucarc',
      },
    ]);
  });

  test('malformed eucarc: every unreadable line is reported with its number', () => {
    const text = fixture('eucarc/malformed.eucarc');
    const result = parseEucarc(text);
    expect(codes(result)).toEqual([
      '2 assumed-default s3Path=/services/Walrus',
      '3 unreadable-line', // export S3_URL http://... (no '=')
      '4 missing-secret EC2_SECRET_KEY',
      '5 unterminated-quote',
      '7 unterminated-quote', // an alias wrapped onto two lines
      '8 unterminated-quote',
      '9 unreadable-line', // a command
      '10 unknown-key MY_NOTE',
    ]);
    expect(result.problems.find((p) => p.line === 5)?.text).toBe(`export EC2_SECRET_KEY=${MASK}`);
    // The draft survives without its secret: the user types it in.
    expect(result.profiles).toHaveLength(1);
    expect(result.profiles[0]?.secret).toBeUndefined();
    expect(result.profiles[0]?.draft).toMatchObject({
      host: '10.1.2.3',
      accessKeyId: 'AKIEXAMPLEBROKEN0001',
    });
    expectNoSecrets(result, text);
  });

  test('a template with placeholders gives a bad URL and no profile', () => {
    const result = parseEucarc(fixture('eucarc/template.eucarc'));
    expect(result.profiles).toEqual([]);
    expect(codes(result)).toEqual(['2 unknown-key WALRUS_IP', '3 bad-url EC2_URL']);
  });

  test('no EC2_URL: nothing to build a profile from', () => {
    const result = parseEucarc(
      "export EC2_ACCESS_KEY='AKIEXAMPLE'\nexport EC2_SECRET_KEY='s3cr3tVALUE'\n",
    );
    expect(result.profiles).toEqual([]);
    expect(codes(result)).toEqual(['0 missing-endpoint EC2_URL']);
    expect(result.problems[0]?.text).toBe('');
  });

  test('no access key: reported on the secret line, no profile', () => {
    const result = parseEucarc(
      'export EC2_URL=http://10.0.0.5:8773/services/compute\nexport EC2_SECRET_KEY=abcdSECRET1234\n',
    );
    expect(result.profiles).toEqual([]);
    expect(codes(result)).toContain('2 missing-access-key EC2_ACCESS_KEY');
    expectNoSecrets(result, 'EC2_SECRET_KEY=abcdSECRET1234');
  });

  test('quoting, escapes, several assignments on a line, CRLF line ends', () => {
    const text = [
      'export EC2_URL="https://cloud.example.com/services/compute" S3_URL=https://cloud.example.com/services/objectstorage',
      'EC2_ACCESS_KEY=AKI\\EXAMPLE; export EC2_ACCESS_KEY',
      'EC2_SECRET_KEY="abc\\$def\'ghi" # trailing comment',
      '',
    ].join('\r\n');
    const result = parseEucarc(text);
    expect(result.problems).toEqual([]);
    expect(result.profiles[0]?.draft).toMatchObject({
      host: 'cloud.example.com',
      port: 443,
      https: true,
      ec2Path: '/services/compute',
      s3Path: '/services/objectstorage',
      accessKeyId: 'AKIEXAMPLE',
    });
    expect(result.profiles[0]?.secret).toEqual({ secretAccessKey: "abc$def'ghi" });
  });

  test('values the shell would compute are reported, not guessed', () => {
    const text = [
      'export EC2_URL=http://$(hostname -f):8773/services/Eucalyptus',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: shell syntax under test
      'export EC2_ACCESS_KEY=${MY_KEY}',
      'export EC2_SECRET_KEY=abcdSECRET1234',
    ].join('\n');
    const result = parseEucarc(text);
    expect(result.profiles).toEqual([]);
    expect(codes(result)).toEqual([
      '0 missing-endpoint EC2_URL',
      '1 unresolved-variable $(hostname -f)',
      '2 unresolved-variable MY_KEY',
    ]);
  });

  test('disagreeing duplicates, conditionals, sourced files and an S3 port mismatch', () => {
    const text = [
      '#!/bin/sh',
      'export EC2_URL=http://10.0.0.5:8773/services/compute',
      'export EC2_URL=http://10.0.0.6:8773/services/compute',
      'export S3_URL=http://10.0.0.6:80/services/objectstorage',
      "export EC2_ACCESS_KEY='AKIFIRST'",
      "export AWS_ACCESS_KEY='AKISECOND'",
      'if [ -z "$EC2_SECRET_KEY" ]; then',
      "  export EC2_SECRET_KEY='abcdSECRET1234'",
      'fi',
      'source ~/.euca/extra.rc',
      'export AWS_SECRET_ACCESS_KEY=otherSECRET5678',
    ].join('\n');
    const result = parseEucarc(text);
    expect(codes(result)).toEqual([
      '3 duplicate-key EC2_URL',
      '4 endpoint-mismatch port',
      '6 conflicting-value EC2_ACCESS_KEY',
      '8 conditional-assignment EC2_SECRET_KEY',
      '10 ignored-command source',
      '11 conflicting-value EC2_SECRET_KEY',
    ]);
    expect(result.profiles[0]?.draft).toMatchObject({ host: '10.0.0.6', accessKeyId: 'AKIFIRST' });
    expect(result.profiles[0]?.secret).toEqual({ secretAccessKey: 'abcdSECRET1234' });
    expectNoSecrets(result, text);
    expect(result.problems.find((p) => p.line === 11)?.text).toBe(
      `export AWS_SECRET_ACCESS_KEY=${MASK}`,
    );
  });

  test('a secret wrapped onto a line of its own is masked', () => {
    const text = [
      'export EC2_URL=http://10.0.0.5:8773/services/compute',
      "export EC2_ACCESS_KEY='AKIEXAMPLE'",
      'export EC2_SECRET_KEY=',
      'wJalrXUtnFEMI0123456789ABCDEFabcdef',
    ].join('\n');
    const result = parseEucarc(text);
    const wrapped = result.problems.find((p) => p.line === 4);
    expect(wrapped).toMatchObject({ code: 'unreadable-line', text: MASK });
    expect(JSON.stringify(result.problems)).not.toContain('wJalrXUtnFEMI');
  });

  test('session tokens are part of the secret', () => {
    const result = parseEucarc(
      [
        'EC2_URL=http://10.0.0.5:8773/services/compute',
        'AWS_ACCESS_KEY_ID=ASIAEXAMPLE',
        'AWS_SECRET_ACCESS_KEY=abcdSECRET1234',
        'AWS_SESSION_TOKEN=tokenVALUE5678',
      ].join('\n'),
    );
    expect(result.profiles[0]?.secret).toEqual({
      secretAccessKey: 'abcdSECRET1234',
      sessionToken: 'tokenVALUE5678',
    });
  });
});
