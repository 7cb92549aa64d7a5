import { expect, test } from 'vitest';
import {
  sessionCredentials,
  type TemporaryCredentials,
} from '../../../../src/cloud/temporary-credentials';

const ended = (source: TemporaryCredentials['source']): TemporaryCredentials => ({
  accessKeyId: 'ASIA1',
  secretAccessKey: 's',
  sessionToken: 't',
  expiration: '2026-12-03T09:00:00Z',
  label: 'Deployer',
  source,
});
const now = Date.parse('2026-12-03T10:00:00Z');

test('an ended role, MFA session and login each have their own code', () => {
  const code = (source: TemporaryCredentials['source']) => {
    try {
      sessionCredentials(ended(source), now);
    } catch (error) {
      return (error as { code: string }).code;
    }
    return 'none';
  };
  // Only a password login is asked to sign in again; the others are switched or started again.
  expect(code('role')).toBe('RoleSessionExpired');
  expect(code('mfa')).toBe('MfaSessionExpired');
  expect(code('login')).toBe('SessionExpired');
});
