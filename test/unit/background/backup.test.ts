import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeEach, describe, expect, test } from 'vitest';
import { exportBackup, importBackup } from '../../../src/background/backup';
import { keychain } from '../../../src/background/services';
import type { AwsProfile } from '../../../src/cloud/profile';
import { profilesState } from '../../../src/storage/items';
import { fakeStorage } from '../../support/fake-browser';

const fixture = readFileSync(
  resolve(import.meta.dirname, '../../fixtures/backup/cirrus-profiles-2026-12-03.json'),
  'utf8',
);
const aws: AwsProfile = {
  id: 'a1',
  kind: 'aws',
  name: 'dev',
  accessKeyId: 'AKIDDEV',
  region: 'us-east-1',
};
const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';

beforeEach(async () => {
  await fakeStorage.local.clear();
  await fakeStorage.session.clear();
  await profilesState.set({ profiles: [aws], currentId: 'a1' });
  await keychain.set('a1', { secretAccessKey: SECRET });
});

describe('exporting secrets needs consent', () => {
  test('profiles only: no passphrase, no confirmation, no secret in the file', async () => {
    const { json } = await exportBackup({});
    expect(json).toContain('AKIDDEV');
    expect(json).not.toContain(SECRET);
    expect(JSON.parse(json).secrets).toBeNull();
  });

  test('without a vault: only with confirmed: true', async () => {
    await expect(exportBackup({ passphrase: 'backup passphrase' })).rejects.toMatchObject({
      code: 'ConfirmationRequired',
    });
    const { json } = await exportBackup({ passphrase: 'backup passphrase', confirmed: true });
    expect(json).not.toContain(SECRET);
    expect(JSON.parse(json).secrets.iterations).toBe(600_000);
  });

  test('with a vault: only with the vault passphrase, checked against the vault', async () => {
    await keychain.setPassphrase('vault passphrase');
    const args = { passphrase: 'backup passphrase', confirmed: true };
    await expect(exportBackup(args)).rejects.toMatchObject({ code: 'VaultPassphraseRequired' });
    await expect(exportBackup({ ...args, vaultPassphrase: 'guess' })).rejects.toMatchObject({
      code: 'WrongPassphrase',
    });
    const { json } = await exportBackup({ ...args, vaultPassphrase: 'vault passphrase' });
    await fakeStorage.local.clear();
    const [restored] = await importBackup(json, 'backup passphrase');
    expect(await keychain.get(restored?.id ?? '')).toEqual({ secretAccessKey: SECRET });
  });

  test('a backup passphrase shorter than the page allows is refused here too', async () => {
    await expect(exportBackup({ passphrase: 'short', confirmed: true })).rejects.toMatchObject({
      code: 'PassphraseTooShort',
    });
  });
});

describe('restoring', () => {
  test("a backup made by today's Cirrus restores, secrets included", async () => {
    await fakeStorage.local.clear();
    const profiles = await importBackup(fixture, 'fixture passphrase');
    expect(profiles.map((p) => [p.kind, p.name])).toEqual([
      ['eucalyptus', 'Lab cloud'],
      ['aws', 'AWS dev'],
    ]);
    expect(await keychain.get(profiles[1]?.id ?? '')).toEqual({
      secretAccessKey: SECRET,
      sessionToken: 'session-token-fixture',
    });
  });

  test.each([1, 99_999, 10_000_001, 1e12, 600_000.5, '600000', null])(
    'refuses a file asking for %j PBKDF2 iterations, before deriving anything',
    async (iterations) => {
      const file = JSON.parse(fixture);
      file.secrets.iterations = iterations;
      const started = Date.now();
      await expect(importBackup(JSON.stringify(file), 'fixture passphrase')).rejects.toMatchObject({
        code: 'InvalidBackup',
        message: expect.stringMatching(/100,000 to 10,000,000/),
      });
      expect(Date.now() - started).toBeLessThan(1_000);
    },
  );

  test.each([
    ['host', '::1]@evil.com/['],
    ['s3Host', 'evil.com/x'],
    ['region', 'x.evil.com/'],
  ])('refuses a profile whose %s is %j, and saves none of the file', async (field, value) => {
    await fakeStorage.local.clear();
    const file = JSON.parse(fixture);
    file.profiles[0][field] = value;
    await expect(importBackup(JSON.stringify(file), 'fixture passphrase')).rejects.toMatchObject({
      code: 'InvalidBackup',
    });
    expect((await profilesState.get()).profiles).toEqual([]);
  });

  test('an AWS region that would change the host name is refused', async () => {
    const file = JSON.parse(fixture);
    file.profiles[1].region = 'evil.com#';
    await expect(importBackup(JSON.stringify(file), 'fixture passphrase')).rejects.toMatchObject({
      code: 'InvalidBackup',
    });
  });

  test('a damaged profile is refused with a clear error, not a crash', async () => {
    const file = JSON.parse(fixture);
    delete file.profiles[0].region;
    await expect(importBackup(JSON.stringify(file))).rejects.toMatchObject({
      code: 'InvalidBackup',
      message: 'Profile 1 in this backup is damaged.',
    });
  });
});
