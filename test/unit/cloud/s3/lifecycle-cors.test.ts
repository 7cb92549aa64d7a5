import { describe, expect, test } from 'vitest';
import {
  buildCors,
  buildLifecycle,
  type CorsRule,
  corsProblems,
  isValidOrigin,
  type LifecycleConfiguration,
  type LifecycleRule,
  lifecycleProblems,
  parseCors,
  parseLifecycle,
} from '../../../../src/cloud/s3';

const rule = (patch: Partial<LifecycleRule>): LifecycleRule => ({
  id: '',
  enabled: true,
  prefix: '',
  tags: [],
  transitions: [],
  unsupported: [],
  ...patch,
});

describe('lifecycle XML', () => {
  test('a configuration survives a build and a parse', () => {
    const config: LifecycleConfiguration = {
      legacy: false,
      rules: [
        rule({ id: 'logs', prefix: 'logs/', expirationDays: 30, noncurrentDays: 7, abortDays: 2 }),
        rule({ id: 'tagged', tags: [{ key: 'env', value: 'dev & test' }], expirationDays: 3 }),
        rule({
          id: 'both <x>',
          enabled: false,
          prefix: 'a b/',
          tags: [
            { key: 'k1', value: 'v1' },
            { key: 'k 2%+', value: '' },
          ],
          transitions: [
            { days: 30, storageClass: 'STANDARD_IA' },
            { days: 90, storageClass: 'GLACIER' },
          ],
          expirationDays: 365,
        }),
      ],
    };
    const xml = buildLifecycle(config);
    expect(xml).toContain('<Filter><Prefix>logs/</Prefix></Filter>');
    expect(xml).toContain(
      '<Filter><Tag><Key>env</Key><Value>dev &amp; test</Value></Tag></Filter>',
    );
    expect(xml).toContain('<Filter><And><Prefix>a b/</Prefix><Tag>');
    expect(xml).toContain(
      '<AbortIncompleteMultipartUpload><DaysAfterInitiation>2</DaysAfterInitiation></AbortIncompleteMultipartUpload>',
    );
    expect(parseLifecycle(xml)).toEqual(config);
  });

  test('the legacy form has the prefix on the rule, and is written back that way', () => {
    const body = `<?xml version="1.0"?><LifecycleConfiguration><Rule><ID>old</ID><Prefix>tmp/</Prefix><Status>Enabled</Status><Expiration><Days>1</Days></Expiration></Rule></LifecycleConfiguration>`;
    const config = parseLifecycle(body);
    expect(config).toEqual({
      legacy: true,
      rules: [rule({ id: 'old', prefix: 'tmp/', expirationDays: 1 })],
    });
    const xml = buildLifecycle(config);
    expect(xml).toContain('<Prefix>tmp/</Prefix><Status>Enabled</Status>');
    expect(xml).not.toContain('<Filter>');
  });

  test('an empty filter, a date expiry and other parts it does not edit are said', () => {
    const body = `<LifecycleConfiguration><Rule><ID>d</ID><Filter/><Status>Enabled</Status><Expiration><Date>2030-01-01T00:00:00Z</Date></Expiration><NoncurrentVersionTransition><NoncurrentDays>3</NoncurrentDays><StorageClass>GLACIER</StorageClass></NoncurrentVersionTransition></Rule></LifecycleConfiguration>`;
    const [parsed] = parseLifecycle(body).rules;
    expect(parsed?.prefix).toBe('');
    expect(parsed?.unsupported).toEqual(['Expiration Date', 'NoncurrentVersionTransition']);
  });

  test('a prefix with spaces at its ends is kept exactly', () => {
    const xml = buildLifecycle({
      legacy: false,
      rules: [rule({ prefix: ' x ', expirationDays: 1 })],
    });
    expect(parseLifecycle(xml).rules[0]?.prefix).toBe(' x ');
  });
});

describe('lifecycle checks', () => {
  const codes = (rules: LifecycleRule[], legacy = false) =>
    lifecycleProblems({ rules, legacy }).map((p) => `${p.rule}:${p.code}`);

  test('a good rule passes', () => {
    expect(codes([rule({ id: 'a', expirationDays: 1 })])).toEqual([]);
  });
  test('IDs: at most 255 characters, unique', () => {
    expect(codes([rule({ id: 'x'.repeat(256), expirationDays: 1 })])).toEqual(['0:idTooLong']);
    expect(codes([rule({ id: 'a', expirationDays: 1 }), rule({ id: 'a', abortDays: 1 })])).toEqual([
      '0:idDuplicate',
      '1:idDuplicate',
    ]);
    // Rules without an ID are named by S3, never duplicates.
    expect(codes([rule({ expirationDays: 1 }), rule({ abortDays: 1 })])).toEqual([]);
  });
  test('days are positive whole numbers', () => {
    expect(codes([rule({ expirationDays: 0 })])).toEqual(['0:daysInvalid']);
    expect(codes([rule({ noncurrentDays: 1.5 })])).toEqual(['0:daysInvalid']);
    expect(codes([rule({ abortDays: -2 })])).toEqual(['0:daysInvalid']);
  });
  test('at least one action', () => {
    expect(codes([rule({ prefix: 'x/' })])).toEqual(['0:noAction']);
  });
  test('transitions in increasing days, before the expiry, to valid classes', () => {
    expect(
      codes([
        rule({
          transitions: [
            { days: 90, storageClass: 'GLACIER' },
            { days: 30, storageClass: 'STANDARD_IA' },
          ],
        }),
      ]),
    ).toEqual(['0:transitionsOrder']);
    expect(
      codes([rule({ expirationDays: 10, transitions: [{ days: 30, storageClass: 'GLACIER' }] })]),
    ).toEqual(['0:transitionsOrder']);
    expect(
      codes([
        rule({ transitions: [{ days: 30, storageClass: 'STANDARD' as unknown as 'GLACIER' }] }),
      ]),
    ).toEqual(['0:storageClassInvalid']);
  });
  test('tags need keys, and a legacy store takes none', () => {
    expect(codes([rule({ tags: [{ key: '', value: 'v' }], expirationDays: 1 })])).toEqual([
      '0:tagKeyMissing',
    ]);
    expect(codes([rule({ tags: [{ key: 'k', value: 'v' }], expirationDays: 1 })], true)).toEqual([
      '0:tagsInLegacy',
    ]);
  });
});

describe('CORS XML and checks', () => {
  const cors = (patch: Partial<CorsRule>): CorsRule => ({
    id: '',
    origins: ['https://example.com'],
    methods: ['GET'],
    allowedHeaders: [],
    exposeHeaders: [],
    ...patch,
  });

  test('rules survive a build and a parse', () => {
    const rules = [
      cors({
        id: 'web',
        origins: ['https://example.com', 'http://*.example.org:8080'],
        methods: ['GET', 'PUT', 'HEAD'],
        allowedHeaders: ['*'],
        exposeHeaders: ['ETag', 'x-amz-request-id'],
        maxAgeSeconds: 3000,
      }),
      cors({ origins: ['*'], methods: ['DELETE'] }),
    ];
    const xml = buildCors(rules);
    expect(xml).toContain('<AllowedOrigin>http://*.example.org:8080</AllowedOrigin>');
    expect(parseCors(xml)).toEqual(rules);
  });

  test('origins: * or scheme://host[:port] with at most one *', () => {
    for (const good of ['*', 'https://example.com', 'http://localhost:3000', 'https://*.a.com'])
      expect(isValidOrigin(good), good).toBe(true);
    for (const bad of ['example.com', 'https://a.com/path', 'https://*.*.a.com', '**', 'http://'])
      expect(isValidOrigin(bad), bad).toBe(false);
  });

  test('methods from the list, a non-negative max age, at most 100 rules', () => {
    const codes = (rules: CorsRule[]) => corsProblems(rules).map((p) => `${p.rule}:${p.code}`);
    expect(codes([cors({})])).toEqual([]);
    expect(codes([cors({ methods: [] })])).toEqual(['0:noMethod']);
    expect(codes([cors({ methods: ['PATCH' as 'GET'] })])).toEqual(['0:methodInvalid']);
    expect(codes([cors({ origins: [] })])).toEqual(['0:noOrigin']);
    expect(codes([cors({ maxAgeSeconds: -1 })])).toEqual(['0:maxAgeInvalid']);
    expect(codes([cors({ maxAgeSeconds: 0 })])).toEqual([]);
    expect(codes([cors({ allowedHeaders: ['bad header'] })])).toEqual(['0:headerInvalid']);
    expect(codes(Array.from({ length: 101 }, () => cors({})))).toEqual(['-1:tooManyRules']);
  });
});
