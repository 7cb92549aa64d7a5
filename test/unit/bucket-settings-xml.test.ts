import { describe, expect, test } from 'vitest';
import type { AwsProfile, S3CompatibleProfile } from '../../src/cloud/profile';
import { buildEncryptionXml, parseEncryption } from '../../src/cloud/s3/bucket-encryption';
import { buildLoggingXml, parseLogging } from '../../src/cloud/s3/bucket-logging';
import { parsePolicyStatus } from '../../src/cloud/s3/bucket-policy';
import { buildTaggingXml, parseTagging } from '../../src/cloud/s3/bucket-tagging';
import {
  buildWebsiteXml,
  parseRoutingRules,
  parseWebsite,
  websiteEndpoint,
} from '../../src/cloud/s3/bucket-website';
import { buildOwnershipXml, parseOwnership } from '../../src/cloud/s3/ownership-controls';
import {
  buildPublicAccessBlockXml,
  parsePublicAccessBlock,
} from '../../src/cloud/s3/public-access-block';

describe('bucket settings XML', () => {
  test('tags: built escaped, read back exactly', () => {
    const tags = [
      { key: 'team <a&b>', value: 'x "y" \'z\'' },
      { key: 'env', value: '' },
    ];
    const xml = buildTaggingXml(tags);
    expect(xml).toContain('<Key>team &lt;a&amp;b&gt;</Key>');
    expect(xml).toContain('xmlns="http://s3.amazonaws.com/doc/2006-03-01/"');
    expect(parseTagging(xml)).toEqual(tags);
  });

  test('encryption: SSE-S3 and SSE-KMS with a key and the bucket key', () => {
    const s3 = { algorithm: 'AES256', kmsKeyId: '', bucketKey: false } as const;
    expect(buildEncryptionXml(s3)).not.toContain('KMSMasterKeyID');
    expect(parseEncryption(buildEncryptionXml(s3))).toEqual(s3);
    const kms = {
      algorithm: 'aws:kms',
      kmsKeyId: 'arn:aws:kms:us-east-1:123456789012:key/abc',
      bucketKey: true,
    } as const;
    expect(parseEncryption(buildEncryptionXml(kms))).toEqual(kms);
    // A key id is never sent with AES256.
    expect(buildEncryptionXml({ ...kms, algorithm: 'AES256' })).not.toContain('KMSMasterKeyID');
  });

  test('public access block: four switches', () => {
    const block = {
      BlockPublicAcls: true,
      IgnorePublicAcls: false,
      BlockPublicPolicy: true,
      RestrictPublicBuckets: false,
    };
    expect(parsePublicAccessBlock(buildPublicAccessBlockXml(block))).toEqual(block);
  });

  test('object ownership', () => {
    expect(parseOwnership(buildOwnershipXml('BucketOwnerPreferred'))).toBe('BucketOwnerPreferred');
    expect(
      parseOwnership(
        '<OwnershipControls><Rule><ObjectOwnership>Other</ObjectOwnership></Rule></OwnershipControls>',
      ),
    ).toBeNull();
  });

  test('logging: on with a target, off as an empty status', () => {
    const on = { targetBucket: 'logs', targetPrefix: 'b/ &x' };
    expect(parseLogging(buildLoggingXml(on))).toEqual(on);
    expect(buildLoggingXml(null)).toMatch(/<BucketLoggingStatus [^>]*><\/BucketLoggingStatus>$/);
    expect(parseLogging(buildLoggingXml(null))).toBeNull();
  });

  test('policy status', () => {
    expect(parsePolicyStatus('<PolicyStatus><IsPublic>TRUE</IsPublic></PolicyStatus>')).toBe(true);
    expect(parsePolicyStatus('<PolicyStatus><IsPublic>false</IsPublic></PolicyStatus>')).toBe(
      false,
    );
  });

  test('website: documents and redirect rules', () => {
    const rules = parseRoutingRules(
      JSON.stringify([
        {
          Condition: { KeyPrefixEquals: 'docs/' },
          Redirect: { ReplaceKeyPrefixWith: 'documents/' },
        },
        { Redirect: { HostName: 'example.com', Protocol: 'https', HttpRedirectCode: '301' } },
      ]),
    );
    expect(rules.ok).toBe(true);
    if (!rules.ok) return;
    const site = {
      indexDocument: 'index.html',
      errorDocument: 'errors/ 404.html',
      routingRules: rules.rules,
    };
    expect(parseWebsite(buildWebsiteXml(site))).toEqual(site);
    const bare = { indexDocument: 'index.html', errorDocument: '', routingRules: [] };
    expect(buildWebsiteXml(bare)).not.toContain('ErrorDocument');
    expect(parseWebsite(buildWebsiteXml(bare))).toEqual(bare);
  });

  test('redirect rules: each mistake is named', () => {
    expect(parseRoutingRules('')).toEqual({ ok: true, rules: [] });
    expect(parseRoutingRules('[{]')).toMatchObject({
      ok: false,
      problem: { code: 'syntax', syntax: { line: 1, column: 3 } },
    });
    const cases: [unknown, string, string][] = [
      [{}, 'notList', ''],
      [[1], 'ruleNotObject', '[0]'],
      [[{ Condition: {} }], 'redirectMissing', '[0]'],
      [[{ Redirect: { Host: 'x' } }], 'unknownField', '[0].Redirect.Host'],
      [[{ Redirect: { HostName: 1 } }], 'notText', '[0].Redirect.HostName'],
      [[{ Redirect: {}, Other: 1 }], 'unknownField', '[0].Other'],
      [
        [{ Redirect: { ReplaceKeyWith: 'a', ReplaceKeyPrefixWith: 'b' } }],
        'keyBoth',
        '[0].Redirect',
      ],
      [[{ Redirect: { Protocol: 'ftp' } }], 'badProtocol', '[0].Redirect.Protocol'],
      [[{ Redirect: { HttpRedirectCode: '200' } }], 'badCode', '[0].Redirect.HttpRedirectCode'],
      [[{ Redirect: {}, Condition: 'x' }], 'ruleNotObject', '[0].Condition'],
    ];
    for (const [json, code, path] of cases)
      expect(parseRoutingRules(JSON.stringify(json))).toEqual({
        ok: false,
        problem: { code, path },
      });
  });

  test('website endpoint: dash or dot by AWS region; unknown elsewhere', () => {
    const aws: AwsProfile = {
      id: 'a',
      kind: 'aws',
      name: 'a',
      accessKeyId: 'AKID',
      region: 'us-east-1',
    };
    expect(websiteEndpoint(aws, 'b', 'us-east-1')).toBe(
      'http://b.s3-website-us-east-1.amazonaws.com/',
    );
    expect(websiteEndpoint(aws, 'b', 'eu-central-1')).toBe(
      'http://b.s3-website.eu-central-1.amazonaws.com/',
    );
    const other: S3CompatibleProfile = {
      id: 's',
      kind: 's3',
      name: 's',
      accessKeyId: 'AKID',
      endpoint: 'http://127.0.0.1:9000',
      pathStyle: true,
      region: 'us-east-1',
      signatureVersion: 4,
    };
    expect(websiteEndpoint(other, 'b', 'us-east-1')).toBeNull();
  });

  test('a store that lists the bucket instead of answering the setting does not support it', () => {
    const listing =
      '<ListBucketResult><Name>b</Name><Contents><Key>k</Key></Contents></ListBucketResult>';
    expect(() => parseTagging(listing)).toThrow(
      expect.objectContaining({ code: 'NotImplemented', status: 501 }),
    );
    expect(() => parseOwnership(listing)).toThrow(
      expect.objectContaining({ code: 'NotImplemented' }),
    );
    expect(() => parseTagging('<Other/>')).toThrow(
      expect.objectContaining({ code: 'UnexpectedResponse' }),
    );
  });
});
