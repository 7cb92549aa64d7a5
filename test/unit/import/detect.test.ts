import { describe, expect, test } from 'vitest';
import { detectFormat, importFiles, importText } from '../../../src/cloud/import';
import { maskLine } from '../../../src/cloud/import/problems';
import { expectNoSecrets, fixture } from './helpers';

const FIXTURES: Array<[string, string]> = [
  ['eucarc/euca3-admin.eucarc', 'eucarc'],
  ['eucarc/euca4-dns.eucarc', 'eucarc'],
  ['eucarc/euca4-split-osg.eucarc', 'eucarc'],
  ['eucarc/aws-ec2-tools.rc', 'eucarc'],
  ['eucarc/malformed.eucarc', 'eucarc'],
  ['aws/credentials', 'aws-credentials'],
  ['aws/credentials-malformed', 'aws-credentials'],
  ['aws/config', 'aws-config'],
  ['aws/config-malformed', 'aws-config'],
  ['s3cfg/minio.s3cfg', 's3cfg'],
  ['s3cfg/walrus.s3cfg', 's3cfg'],
  ['s3cfg/aws.s3cfg', 's3cfg'],
  ['s3cfg/malformed.s3cfg', 's3cfg'],
  ['boto/euca.boto', 'boto'],
  ['boto/aws.boto', 'boto'],
  ['boto/malformed.boto', 'boto'],
];

describe('detectFormat', () => {
  test.each([
    ['eucarc', 'eucarc'],
    ['/home/me/.euca/eucarc', 'eucarc'],
    ['C:\\Users\\me\\.aws\\credentials', 'aws-credentials'],
    ['/home/me/.aws/config', 'aws-config'],
    ['.s3cfg', 's3cfg'],
    ['minio.s3cfg', 's3cfg'],
    ['.boto', 'boto'],
    ['/etc/boto.cfg', 'boto'],
  ])('by file name: %s', (name, format) => {
    expect(detectFormat('', name)).toBe(format);
  });

  test.each(FIXTURES)('by content: %s', (path, format) => {
    expect(detectFormat(fixture(path))).toBe(format);
  });

  test('an unhelpful file name falls back to the content', () => {
    expect(detectFormat(fixture('boto/euca.boto'), 'Downloads/settings.txt')).toBe('boto');
  });
});

describe('importText', () => {
  test('unknown text: one unknown-format problem at line 1', () => {
    expect(importText('hello world\n')).toEqual({
      format: 'unknown',
      profiles: [],
      problems: [{ line: 1, text: '', code: 'unknown-format' }],
    });
  });

  test('a credentials zip is named as such', () => {
    expect(importText('PK\u0003\u0004\u0014\u0000binary', 'euca2-admin-x509.zip').problems).toEqual(
      [{ line: 1, text: '', code: 'unknown-format', detail: 'zip' }],
    );
  });

  test('dispatches to the right parser', () => {
    expect(importText(fixture('eucarc/euca3-admin.eucarc')).profiles[0]?.draft.kind).toBe(
      'eucalyptus',
    );
    expect(importText(fixture('s3cfg/minio.s3cfg'), '.s3cfg').format).toBe('s3cfg');
    expect(importText(fixture('aws/credentials'), 'credentials').format).toBe('aws-credentials');
  });

  test.each(FIXTURES)('no secret in any problem: %s', (path) => {
    const text = fixture(path);
    const result = importText(text);
    if (result.problems.length > 0) expectNoSecrets(result, text);
    for (const p of result.problems)
      expect(p.text === '' || text.includes(p.text) || p.text.includes('••••')).toBe(true);
  });
});

describe('importFiles', () => {
  test('credentials and config dropped together are read as one', () => {
    const results = importFiles([
      { name: 'config', text: fixture('aws/config') },
      { name: 'eucarc', text: fixture('eucarc/euca4-dns.eucarc') },
      { name: 'credentials', text: fixture('aws/credentials') },
    ]);
    expect(results.map((r) => r.format)).toEqual(['aws-credentials', 'eucarc']);
    expect(results[0]?.profiles.map((p) => p.source)).toEqual([
      'credentials [default] + config [default]',
      'credentials [minio] + config [profile minio]',
      'credentials [euca] + config [profile euca]',
      'credentials [temp] + config [profile temp]',
    ]);
    expect(results[1]?.profiles[0]?.draft.name).toBe('alice@cloud.example.com');
  });
});

describe('maskLine', () => {
  test.each([
    ['export EC2_SECRET_KEY=abc', 'export EC2_SECRET_KEY=••••'],
    ["aws_secret_access_key = 'abc", 'aws_secret_access_key = ••••'],
    ['euca_secret_access_key: abc', 'euca_secret_access_key: ••••'],
    ['gpg_passphrase = hunter22', 'gpg_passphrase = ••••'],
    ['AWS_SESSION_TOKEN abc', 'AWS_SESSION_TOKEN ••••'],
    ['  wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', '  ••••'],
    ['[nosecret]', '[nosecret]'],
    ['export EC2_SECRET_KEY=', 'export EC2_SECRET_KEY='],
    [
      'export EC2_URL=http://10.0.0.5:8773/services/Eucalyptus',
      'export EC2_URL=http://10.0.0.5:8773/services/Eucalyptus',
    ],
    ['/services/objectstorage/a1b2c3', '/services/objectstorage/a1b2c3'],
  ])('%s', (line, masked) => {
    expect(maskLine(line)).toBe(masked);
  });
});

describe('detectFormat on other INI files', () => {
  test('a git config is not an AWS file', () => {
    expect(
      detectFormat('[core]\n\trepositoryformatversion = 0\n[user]\n\tname = me\n'),
    ).toBeUndefined();
  });
});
