import { expect, test } from 'vitest';
import { getPasswordData, passwordReady } from '../../../../src/cloud/ec2/operations/password-data';
import { readFixture } from './fixtures';

test('AWS: the base64 arrives wrapped and indented, and is kept as sent', () => {
  const data = readFixture(getPasswordData, 'aws-get-password-data.xml');
  expect(data.instanceId).toBe('i-1234567890abcdef0');
  expect(data.timestamp).toBe('2026-12-03T12:18:38.000Z');
  expect(data.passwordData).toContain('\n');
  expect(data.passwordData.replace(/\s+/g, '')).toMatch(/^Dv\+iKOeg[A-Za-z0-9+/]+==$/);
  expect(passwordReady(data)).toBe(true);
  expect(getPasswordData.params({ instanceId: 'i-1' })).toEqual([['InstanceId', 'i-1']]);
  expect(getPasswordData.readOnly).toBe(true);
});

test('moto: 128 random letters for a Windows instance, an empty element otherwise', () => {
  const windows = readFixture(getPasswordData, 'moto-get-password-data-windows.xml');
  expect(windows.passwordData).toMatch(/^[A-Za-z0-9]{128}$/);
  const linux = readFixture(getPasswordData, 'moto-get-password-data-linux.xml');
  expect(linux).toEqual({
    instanceId: 'i-51d668d97fbd45215',
    timestamp: '2026-12-03T12:17:09.000Z',
    passwordData: '',
  });
  expect(passwordReady(linux)).toBe(false);
  expect(passwordReady({ ...linux, passwordData: ' \n\t ' })).toBe(false);
});
