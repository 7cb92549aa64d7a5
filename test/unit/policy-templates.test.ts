import { describe, expect, test } from 'vitest';
import { checkPolicy } from '../../src/cloud/policy-check';
import {
  denyWithoutTlsStatement,
  publicReadStatement,
  withStatement,
} from '../../src/panels/s3/settings/policy-templates';

describe('policy templates', () => {
  test('an empty editor gets a whole valid policy', () => {
    const text = withStatement('', publicReadStatement('b', 'public/'));
    expect(checkPolicy(text, 'bucket').ok).toBe(true);
    expect(JSON.parse(text).Statement[0]).toMatchObject({
      Effect: 'Allow',
      Principal: '*',
      Action: 's3:GetObject',
      Resource: 'arn:aws:s3:::b/public/*',
    });
  });

  test('a policy being typed keeps its statements and gets one more', () => {
    const first = withStatement('', publicReadStatement('b', 'a/'));
    const both = JSON.parse(withStatement(first, denyWithoutTlsStatement('b')));
    expect(both.Statement).toHaveLength(2);
    expect(both.Statement[1]).toEqual({
      Sid: 'DenyRequestsWithoutTls',
      Effect: 'Deny',
      Principal: '*',
      Action: 's3:*',
      Resource: ['arn:aws:s3:::b', 'arn:aws:s3:::b/*'],
      Condition: { Bool: { 'aws:SecureTransport': 'false' } },
    });
    expect(checkPolicy(JSON.stringify(both), 'bucket').ok).toBe(true);
    // A single statement object becomes a list of two.
    const single = JSON.stringify({ Version: '2012-10-17', Statement: both.Statement[0] });
    expect(JSON.parse(withStatement(single, denyWithoutTlsStatement('b'))).Statement).toHaveLength(
      2,
    );
  });

  test('text that is not a policy yet is replaced by one', () => {
    const text = withStatement('{ oops', denyWithoutTlsStatement('b'));
    expect(JSON.parse(text).Version).toBe('2012-10-17');
  });
});
