import { describe, expect, test } from 'vitest';
import {
  accessTokenUrl,
  loginError,
  loginProblem,
  passwordAuthorization,
  readAccessToken,
} from '../../../src/cloud/login/password-login';

// Decodes the header the way Eucalyptus's TokensQueryPipeline does: outer base64, split at the
// first ':', then user and account (each base64) at '@'.
function decode(header: string) {
  const inner = Buffer.from(header.replace(/^Basic /, ''), 'base64').toString('utf8');
  const colon = inner.indexOf(':');
  const [user = '', account = ''] = inner.slice(0, colon).split('@');
  return {
    user: Buffer.from(user, 'base64').toString('utf8'),
    account: Buffer.from(account, 'base64').toString('utf8'),
    password: inner.slice(colon + 1),
  };
}

describe('the GetAccessToken Basic header', () => {
  test('base64(base64(user) "@" base64(account) ":" password), as the console sends it', () => {
    expect(passwordAuthorization({ account: 'eucalyptus', user: 'admin', password: 'pw' })).toBe(
      'Basic WVdSdGFXND1AWlhWallXeDVjSFIxY3c9PTpwdw==',
    );
  });

  test('non-ASCII account, user and password are UTF-8 before base64', () => {
    const login = { account: 'ユーザー会', user: '管理者', password: 'pässwörd:x' };
    const header = passwordAuthorization(login);
    expect(header).toBe('Basic NTY2aDU1Q0c2SUNGQDQ0T200NE84NDRLMjQ0Tzg1THlhOnDDpHNzd8O2cmQ6eA==');
    // A ':' in the password survives: only the first one splits.
    expect(decode(header)).toEqual(login);
  });

  test('a password the server would read as a password change is refused before sending', () => {
    for (const password of ['a;b', 'me@home']) {
      expect(loginProblem({ account: 'a', user: 'u', password })?.code).toBe('PasswordNotSendable');
    }
    expect(loginProblem({ account: 'a', user: 'u', password: '' })?.code).toBe('SignInIncomplete');
    expect(loginProblem({ account: ' ', user: 'u', password: 'x' })?.code).toBe('SignInIncomplete');
    expect(loginProblem({ account: '123456789012', user: 'u', password: 'x' })).toBeUndefined();
  });

  test('the Tokens URL', () => {
    expect(accessTokenUrl('http://10.0.0.5:8773/services/Tokens', 3600)).toBe(
      'http://10.0.0.5:8773/services/Tokens?Action=GetAccessToken&DurationSeconds=3600&Version=2011-06-15',
    );
  });
});

describe('the answer', () => {
  test('temporary credentials are read from GetAccessTokenResult', () => {
    const body = `<?xml version="1.0"?>
<GetAccessTokenResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
  <GetAccessTokenResult><Credentials>
    <AccessKeyId>AKIATEMP</AccessKeyId><SecretAccessKey>secret</SecretAccessKey>
    <SessionToken>token+/=</SessionToken><Expiration>2026-12-03T16:00:00Z</Expiration>
  </Credentials></GetAccessTokenResult>
  <ResponseMetadata><RequestId>r1</RequestId></ResponseMetadata>
</GetAccessTokenResponse>`;
    expect(readAccessToken(body)).toEqual({
      accessKeyId: 'AKIATEMP',
      secretAccessKey: 'secret',
      sessionToken: 'token+/=',
      expiration: '2026-12-03T16:00:00Z',
    });
    expect(() => readAccessToken('<GetSessionTokenResponse/>')).toThrow(/GetAccessTokenResponse/);
  });

  test("refusals: Eucalyptus's 401 challenge, its expired-password 403, a Query error", () => {
    const wrong = loginError(401, 'Unauthorized', 'text/plain; charset=utf8');
    expect(wrong.code).toBe('LoginFailed');
    expect(wrong.message).not.toMatch(/Unauthorized/);
    expect(loginError(403, 'Expired credentials', 'text/plain').code).toBe('PasswordExpired');
    const query = loginError(
      400,
      '<ErrorResponse><Error><Type>Sender</Type><Code>ValidationError</Code><Message>Invalid duration</Message></Error><RequestId>r2</RequestId></ErrorResponse>',
      'text/xml',
    );
    expect(query).toMatchObject({ code: 'ValidationError', message: 'Invalid duration' });
  });
});
