import { describe, expect, test } from 'vitest';
import { checkPolicy, grantsToEveryone, parseJson } from '../../src/cloud/policy-check';

const ok = {
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'PublicRead',
      Effect: 'Allow',
      Principal: '*',
      Action: 's3:GetObject',
      Resource: 'arn:aws:s3:::b/public/*',
    },
  ],
};

describe('parseJson', () => {
  test('reads what JSON.parse reads', () => {
    const text = '{"a": [1, -2.5e3, true, false, null, "x\\u00e9\\n"], "__proto__": {}}';
    const parsed = parseJson(text);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(JSON.stringify(parsed.value)).toBe(JSON.stringify(JSON.parse(text)));
  });

  test.each([
    ['{\n  "a": 1,\n}', 'unexpectedCharacter', 3, 1, '}'],
    ['{\n  "a": 1\n  "b": 2\n}', 'unexpectedCharacter', 3, 3, '"'],
    ['{"a": tru}', 'unexpectedCharacter', 1, 10, '}'],
    ['{"a": "x', 'unexpectedEnd', 1, 9, ''],
    ['{"a": "\\q"}', 'badEscape', 1, 9, 'q'],
    ['{"a": 01}', 'badNumber', 1, 8, '1'],
    ['{"a": "tab\there"}', 'controlCharacter', 1, 11, '\t'],
    ['{}\r\n x', 'trailingText', 2, 2, 'x'],
    ['', 'unexpectedEnd', 1, 1, ''],
    ["{'a': 1}", 'unexpectedCharacter', 1, 2, "'"],
  ])('%j: %s at line %i column %i', (text, code, line, column, found) => {
    expect(parseJson(text)).toEqual({ ok: false, error: { code, line, column, found } });
  });
});

describe('checkPolicy', () => {
  test('a valid bucket policy passes, with one statement or many', () => {
    expect(checkPolicy(JSON.stringify(ok), 'bucket').ok).toBe(true);
    const single = { ...ok, Statement: ok.Statement[0] };
    expect(checkPolicy(JSON.stringify(single, null, 2), 'bucket').ok).toBe(true);
    const deny = {
      Version: '2008-10-17',
      Statement: {
        Effect: 'Deny',
        NotPrincipal: { AWS: ['arn:aws:iam::123456789012:root'] },
        NotAction: ['s3:GetObject'],
        NotResource: 'arn:aws:s3:::b',
        Condition: { Bool: { 'aws:SecureTransport': 'false' } },
      },
    };
    expect(checkPolicy(JSON.stringify(deny), 'bucket').ok).toBe(true);
  });

  test('a JSON mistake is reported with its line and column, not as shape problems', () => {
    const check = checkPolicy('{\n  "Version": "2012-10-17",\n  "Statement": [}\n', 'bucket');
    expect(check).toMatchObject({ ok: false, syntax: { line: 3, column: 17 }, problems: [] });
  });

  test('each shape problem is named with where it is', () => {
    const bad = {
      Version: '2013-01-01',
      Extra: 1,
      Statement: [
        { Effect: 'allow', Action: [], Resource: 'r', NotResource: 'r', Principal: 'me' },
        { Sid: 3, Effect: 'Deny', NotAction: 'x', Principal: { AWS: '*' }, Condition: 'c' },
        'no',
      ],
    };
    const check = checkPolicy(JSON.stringify(bad), 'bucket');
    expect(check.ok).toBe(false);
    if (!check.ok)
      expect(check.problems).toEqual([
        { code: 'unknownKey', path: 'Extra' },
        { code: 'versionInvalid', path: 'Version' },
        { code: 'effectInvalid', path: 'Statement[0].Effect' },
        { code: 'actionInvalid', path: 'Statement[0].Action' },
        { code: 'resourceBoth', path: 'Statement[0]' },
        { code: 'principalInvalid', path: 'Statement[0].Principal' },
        { code: 'sidInvalid', path: 'Statement[1].Sid' },
        { code: 'resourceMissing', path: 'Statement[1]' },
        { code: 'conditionInvalid', path: 'Statement[1].Condition' },
        { code: 'statementInvalid', path: 'Statement[2]' },
      ]);
  });

  test('missing parts, an empty statement list, a document that is not an object', () => {
    expect(checkPolicy('[]', 'bucket')).toEqual({
      ok: false,
      problems: [{ code: 'notObject', path: '' }],
    });
    expect(checkPolicy('{}', 'bucket')).toMatchObject({
      problems: [
        { code: 'versionMissing', path: 'Version' },
        { code: 'statementMissing', path: 'Statement' },
      ],
    });
    expect(checkPolicy('{"Version":"2012-10-17","Statement":[]}', 'bucket')).toMatchObject({
      problems: [{ code: 'statementEmpty', path: 'Statement' }],
    });
    const noPrincipal = {
      Version: '2012-10-17',
      Statement: { Effect: 'Allow', Action: 'a', Resource: 'r' },
    };
    expect(checkPolicy(JSON.stringify(noPrincipal), 'bucket')).toMatchObject({
      problems: [{ code: 'principalMissing', path: 'Statement' }],
    });
    expect(checkPolicy(JSON.stringify(noPrincipal), 'identity').ok).toBe(true);
  });

  test('an identity policy may not name principals', () => {
    expect(checkPolicy(JSON.stringify(ok), 'identity')).toMatchObject({
      problems: [{ code: 'principalNotAllowed', path: 'Statement[0].Principal' }],
    });
  });
});

describe('grantsToEveryone', () => {
  test('an Allow to "*" or {"AWS": "*"} is public; a Deny or a named principal is not', () => {
    expect(grantsToEveryone(ok)).toBe(true);
    const aws = { Statement: { Effect: 'Allow', Principal: { AWS: ['*'] } } };
    expect(grantsToEveryone(aws)).toBe(true);
    expect(grantsToEveryone({ Statement: { Effect: 'Deny', Principal: '*' } })).toBe(false);
    const named = { Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::1:root' } }] };
    expect(grantsToEveryone(named)).toBe(false);
  });
});
