import { describe, expect, test } from 'vitest';
import { checkProfile } from '../../../../src/cloud/profile-checks';
import {
  durationWithin,
  isExternalId,
  isMfaCode,
  isMfaSerial,
  isRoleArn,
  isSessionName,
  MFA_SECONDS,
  ROLE_SECONDS,
  roleNameOf,
  roleProblems,
} from '../../../../src/cloud/sts/role-checks';

describe('isRoleArn', () => {
  test.each([
    'arn:aws:iam::123456789012:role/Admin',
    'arn:aws:iam::123456789012:role/ops/team/Read-Only',
    'arn:aws-cn:iam::123456789012:role/Name',
    'arn:aws-us-gov:iam::123456789012:role/Name',
    'arn:aws-iso-b:iam::123456789012:role/a+b=c,d.e@f_g-h',
  ])('accepts %s', (arn) => expect(isRoleArn(arn)).toBe(true));

  test.each([
    '',
    'Admin',
    'arn:aws:iam::12345678901:role/Short',
    'arn:aws:iam::123456789012:user/alice',
    'arn:aws:iam::123456789012:role/',
    'arn:aws:sts::123456789012:assumed-role/Admin/s',
    'arn:aws:iam::123456789012:role/has space',
    'arn:aws:iam::123456789012:role/<script>',
    `arn:aws:iam::123456789012:role/${'x'.repeat(65)}`,
    'arn:other:iam::123456789012:role/Name',
  ])('refuses %j', (arn) => expect(isRoleArn(arn)).toBe(false));

  test('the role name is the last segment', () => {
    expect(roleNameOf('arn:aws:iam::123456789012:role/ops/ReadOnly')).toBe('ReadOnly');
  });
});

describe('session names, MFA, external ids', () => {
  test('session names are 2 to 64 of [\\w+=,.@-]', () => {
    expect(isSessionName('ab')).toBe(true);
    expect(isSessionName('alice@example.com')).toBe(true);
    expect(isSessionName('x'.repeat(64))).toBe(true);
    expect(isSessionName('a')).toBe(false);
    expect(isSessionName('x'.repeat(65))).toBe(false);
    expect(isSessionName('with space')).toBe(false);
    expect(isSessionName('a/b')).toBe(false);
  });
  test('MFA serials: a hardware serial or a virtual device ARN', () => {
    expect(isMfaSerial('GAHT12345678')).toBe(true);
    expect(isMfaSerial('arn:aws:iam::123456789012:mfa/alice')).toBe(true);
    expect(isMfaSerial('arn:aws:iam::123456789012:user/alice')).toBe(false);
    expect(isMfaSerial('short')).toBe(false);
    expect(isMfaSerial('has space 12345')).toBe(false);
  });
  test('codes are six digits', () => {
    expect(isMfaCode('012345')).toBe(true);
    expect(isMfaCode('12345')).toBe(false);
    expect(isMfaCode('12345a')).toBe(false);
    expect(isMfaCode(' 123456')).toBe(false);
  });
  test('external ids', () => {
    expect(isExternalId('partner:42/a')).toBe(true);
    expect(isExternalId('x')).toBe(false);
    expect(isExternalId('a b')).toBe(false);
  });
  test('a role entry names its wrong fields', () => {
    expect(roleProblems({ arn: 'arn:aws:iam::123456789012:role/A' })).toEqual({});
    expect(
      roleProblems({
        arn: 'nope',
        sessionName: 'x',
        externalId: 'a b',
        color: 'hotpink' as never,
        label: 'l'.repeat(65),
      }),
    ).toEqual({
      arn: 'invalid-role-arn',
      sessionName: 'invalid-session-name',
      externalId: 'invalid-external-id',
      color: 'invalid-color',
      label: 'too-long',
    });
  });
});

describe('durations', () => {
  test('MFA sessions: 15 minutes to 36 hours, 12 hours by default', () => {
    expect(MFA_SECONDS.default).toBe(12 * 3600);
    expect(durationWithin(900, MFA_SECONDS)).toBe(900);
    expect(durationWithin(129_600, MFA_SECONDS)).toBe(129_600);
    expect(durationWithin(899, MFA_SECONDS)).toBeUndefined();
    expect(durationWithin(129_601, MFA_SECONDS)).toBeUndefined();
    expect(durationWithin(1000.5, MFA_SECONDS)).toBeUndefined();
  });
  test('roles: an hour by default, 12 hours at most', () => {
    expect(ROLE_SECONDS.default).toBe(3600);
    expect(durationWithin(43_201, ROLE_SECONDS)).toBeUndefined();
  });
});

describe('profiles with MFA and roles', () => {
  const aws = (extra: Record<string, unknown>) =>
    ({
      id: '',
      kind: 'aws',
      name: 'a',
      accessKeyId: 'AKIA',
      region: 'us-east-1',
      ...extra,
    }) as never;
  test('a valid device and role list pass', () => {
    expect(
      checkProfile(
        aws({
          mfaSerial: 'arn:aws:iam::123456789012:mfa/a',
          roles: [{ arn: 'arn:aws:iam::123456789012:role/A', color: 'red', label: 'Prod' }],
        }),
        true,
      ),
    ).toEqual({});
  });
  test('a wrong device, a wrong role, or a damaged list (from a backup) are refused', () => {
    expect(checkProfile(aws({ mfaSerial: 'x' }), true)).toEqual({
      mfaSerial: 'invalid-mfa-serial',
    });
    expect(checkProfile(aws({ roles: [{ arn: 'nope' }] }), true)).toEqual({
      roles: 'invalid-role',
    });
    expect(checkProfile(aws({ roles: [null] }), true)).toEqual({ roles: 'invalid-role' });
    expect(checkProfile(aws({ roles: 'arn' }), true)).toEqual({ roles: 'invalid-role' });
    expect(checkProfile(aws({ mfaSerial: 5 }), true)).toEqual({
      mfaSerial: 'invalid-mfa-serial',
    });
  });
});
