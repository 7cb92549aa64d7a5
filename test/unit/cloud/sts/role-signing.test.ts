import { expect, test } from 'vitest';
import { roleSigning } from '../../../../src/cloud/sts/role-signing';
import type { TemporaryCredentials } from '../../../../src/cloud/temporary-credentials';

const now = Date.parse('2026-12-03T10:00:00Z');
const session = (source: 'mfa' | 'login', expiration: string): TemporaryCredentials => ({
  accessKeyId: 'ASIA',
  secretAccessKey: 's',
  sessionToken: 't',
  expiration,
  label: 'x',
  source,
});
const MFA = 'arn:aws:iam::123456789012:mfa/a';

test('a live MFA or login session signs AssumeRole: no code', () => {
  expect(roleSigning(session('mfa', '2026-12-03T11:00:00Z'), MFA, now)).toEqual({
    withMfaCode: false,
    dropBase: false,
  });
  expect(roleSigning(session('login', '2026-12-03T11:00:00Z'), undefined, now)).toEqual({
    withMfaCode: false,
    dropBase: false,
  });
});

test('without a session, the own keys sign, with the code when the profile has a device', () => {
  expect(roleSigning(undefined, MFA, now)).toEqual({ withMfaCode: true, dropBase: false });
  expect(roleSigning(undefined, undefined, now)).toEqual({ withMfaCode: false, dropBase: false });
});

test('an MFA session that has ended is dropped and the code asked again; a login is kept', () => {
  expect(roleSigning(session('mfa', '2026-12-03T09:59:59Z'), MFA, now)).toEqual({
    withMfaCode: true,
    dropBase: true,
  });
  expect(roleSigning(session('login', '2026-12-03T09:00:00Z'), MFA, now)).toEqual({
    withMfaCode: false,
    dropBase: false,
  });
});
