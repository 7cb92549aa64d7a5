import { expect, test } from 'vitest';
import { stsRefusal } from '../../../../src/cloud/sts/sts-refusal';

const role = 'arn:aws:iam::123456789012:role/Deploy';

test('a wrong MFA code, in either call', () => {
  const error = {
    code: 'AccessDenied',
    message: 'MultiFactorAuthentication failed with invalid MFA one time pass code. ',
    requestId: 'r1',
    status: 403,
  };
  const mfa = stsRefusal(error, { action: 'GetSessionToken' });
  expect(mfa.code).toBe('MfaCodeInvalid');
  expect(mfa.requestId).toBe('r1');
  expect(stsRefusal(error, { action: 'AssumeRole', roleArn: role }).code).toBe('MfaCodeInvalid');
});

test('an expired session token of the profile', () => {
  const e = stsRefusal(
    { code: 'ExpiredToken', message: 'The security token included in the request is expired' },
    { action: 'GetSessionToken' },
  );
  expect(e.code).toBe('MfaTokenExpired');
});

test('AccessDenied on AssumeRole names the role and the trust policy (and the external id)', () => {
  const denied = {
    code: 'AccessDenied',
    message: `User: arn:aws:iam::123456789012:user/a is not authorized to perform: sts:AssumeRole on resource: ${role}`,
  };
  const plain = stsRefusal(denied, { action: 'AssumeRole', roleArn: role });
  expect(plain.code).toBe('RoleNotAllowed');
  expect(plain.message).toBe(
    "You are not allowed to assume Deploy: check the role's trust policy.",
  );
  const withId = stsRefusal(denied, { action: 'AssumeRole', roleArn: role, externalId: 'x1' });
  expect(withId.message).toContain('external id');
});

test("a duration longer than the role's maximum", () => {
  const e = stsRefusal(
    {
      code: 'ValidationError',
      message: 'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.',
    },
    { action: 'AssumeRole', roleArn: role },
  );
  expect(e.code).toBe('RoleDurationTooLong');
  expect(e.message).toContain('Deploy');
});

test('other errors pass unchanged', () => {
  const e = stsRefusal(
    { code: 'NetworkError', message: 'offline' },
    { action: 'AssumeRole', roleArn: role },
  );
  expect(e.toData()).toEqual({ code: 'NetworkError', message: 'offline' });
});
