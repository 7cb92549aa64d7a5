// The backup model with a background played by the test: secrets leave only after the dialog
// (the vault passphrase, or a confirmation), a refusal loses nothing typed, and a restore asks
// for its profiles' hosts before its first await (inside the user's click).

import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import type { EucalyptusProfile, Profile } from '../../../src/cloud/profile';
import { createBackupModel, restoreOrigins } from '../../../src/panels/profiles/backup-model';
import browser from '../../../src/shared/browser';
import type { Envelope, ProfilesView, Reply } from '../../../src/shared/messages';

const euca = (id: string, host: string): EucalyptusProfile => ({
  id,
  kind: 'eucalyptus',
  name: `cloud ${id}`,
  accessKeyId: 'AKID',
  host,
  port: 8773,
  https: false,
  ec2Path: '/services/compute',
  s3Path: '/services/objectstorage',
  s3Host: '',
  region: 'eucalyptus',
  signatureVersion: 4,
  apiVersion: '2013-02-01',
});
const aws: Profile = {
  id: 'aws',
  kind: 'aws',
  name: 'aws',
  accessKeyId: 'AKID',
  region: 'us-east-1',
};

let hasVault: boolean;
let sent: Array<{ name: string; args: unknown }>;
let replies: Record<string, Reply>;

const view = (): ProfilesView => ({
  profiles: [euca('a', '10.0.0.5'), aws],
  currentId: 'a',
  clockOffsets: {},
  keychain: { hasPassphrase: hasVault, locked: false, autoLockMinutes: 0 },
});

function model() {
  const saved: string[] = [];
  const asked: string[][] = [];
  const released: string[][] = [];
  let grant = true;
  const backup = createBackupModel({
    view,
    reload: async () => {},
    saveFile: (fileName) => void saved.push(fileName),
    requestOrigins: async (origins) => {
      asked.push(origins);
      return grant;
    },
    releaseOrigins: async (origins) => void released.push(origins),
  });
  const refuse = () => {
    grant = false;
  };
  return { backup, saved, asked, released, refuse };
}

beforeEach(() => {
  hasVault = false;
  sent = [];
  replies = {
    backupExport: { ok: true, value: { fileName: 'cirrus-profiles.json', json: '{}' } },
    backupImport: { ok: true, value: { profiles: [euca('a', '10.0.0.5')] } },
  };
  vi.spyOn(browser.runtime, 'sendMessage').mockImplementation(async (message: unknown) => {
    const { name, args } = message as Envelope;
    sent.push({ name, args });
    return replies[name] ?? { ok: false, error: { code: 'Unexpected', message: name } };
  });
});
afterEach(() => {
  vi.restoreAllMocks();
});

test('without a passphrase the export holds profiles only and asks nothing', async () => {
  const { backup, saved } = model();
  await backup.startExport();
  expect(sent).toEqual([{ name: 'backupExport', args: {} }]);
  expect(saved).toEqual(['cirrus-profiles.json']);
  expect(backup.dialog.value).toBeNull();
  expect(backup.outcome.value).toEqual({ kind: 'exported', withSecrets: false });
});

test('a passphrase under 8 characters is held back by its field', async () => {
  const { backup } = model();
  backup.setPassphrase('short');
  await backup.startExport();
  expect(backup.passphraseError.value).toBe('too-short');
  expect(backup.dialog.value).toBeNull();
  expect(sent).toEqual([]);
  backup.setPassphrase('short but long enough');
  expect(backup.passphraseError.value).toBeNull();
});

test('with a vault, the dialog asks for its passphrase; a wrong one keeps everything typed', async () => {
  hasVault = true;
  const { backup, saved } = model();
  backup.setPassphrase('backup passphrase');
  await backup.startExport();
  expect(backup.dialog.value).toEqual({
    kind: 'vault',
    profiles: [
      { id: 'a', name: 'cloud a' },
      { id: 'aws', name: 'aws' },
    ],
  });
  expect(sent).toEqual([]);

  await backup.confirmExport();
  expect(backup.vaultError.value).toBe('required');
  expect(sent).toEqual([]);

  replies.backupExport = { ok: false, error: { code: 'WrongPassphrase', message: 'wrong' } };
  backup.setVaultPassphrase('not it');
  await backup.confirmExport();
  expect(sent).toEqual([
    {
      name: 'backupExport',
      args: { passphrase: 'backup passphrase', vaultPassphrase: 'not it' },
    },
  ]);
  expect(backup.vaultError.value).toBe('wrong');
  expect(backup.dialog.value?.kind).toBe('vault');
  expect(backup.vaultPassphrase.value).toBe('not it');
  expect(backup.passphrase.value).toBe('backup passphrase');
  expect(saved).toEqual([]);

  replies.backupExport = { ok: true, value: { fileName: 'f.json', json: '{}' } };
  backup.setVaultPassphrase('the vault passphrase');
  expect(backup.vaultError.value).toBeNull();
  await backup.confirmExport();
  expect(sent.at(-1)?.args).toEqual({
    passphrase: 'backup passphrase',
    vaultPassphrase: 'the vault passphrase',
  });
  expect(saved).toEqual(['f.json']);
  expect(backup.dialog.value).toBeNull();
  expect(backup.vaultPassphrase.value).toBe('');
  expect(backup.outcome.value).toEqual({ kind: 'exported', withSecrets: true });
});

test('without a vault, the confirmation names the profiles and then sends confirmed: true', async () => {
  const { backup, saved } = model();
  backup.setPassphrase('backup passphrase');
  await backup.startExport();
  expect(backup.dialog.value?.kind).toBe('confirm');
  expect(backup.dialog.value?.profiles.map((p) => p.name)).toEqual(['cloud a', 'aws']);
  expect(sent).toEqual([]);
  await backup.confirmExport();
  expect(sent).toEqual([
    { name: 'backupExport', args: { passphrase: 'backup passphrase', confirmed: true } },
  ]);
  expect(saved).toEqual(['cirrus-profiles.json']);
});

test("the background's minimum-length refusal lands by the passphrase field", async () => {
  const { backup } = model();
  backup.setPassphrase('12345678');
  await backup.startExport();
  replies.backupExport = { ok: false, error: { code: 'PassphraseTooShort', message: 'short' } };
  await backup.confirmExport();
  expect(backup.dialog.value).toBeNull();
  expect(backup.passphraseError.value).toBe('too-short');
  expect(backup.passphrase.value).toBe('12345678');
});

test('restore asks for the non-AWS hosts before its first await, then imports', async () => {
  const { backup, asked } = model();
  const json = JSON.stringify({ profiles: [euca('a', '10.0.0.5'), aws] });
  await backup.chooseFile(new File([json], 'backup.json'));
  backup.setPassphrase('backup passphrase');
  const done = backup.restore();
  // Synchronously, in the click: Firefox refuses permissions.request after an await.
  expect(asked).toEqual([['http://10.0.0.5/*']]);
  await done;
  expect(sent).toEqual([{ name: 'backupImport', args: { json, passphrase: 'backup passphrase' } }]);
  expect(backup.outcome.value).toEqual({ kind: 'restored', count: 1 });
});

test('a restore that fails gives back the hosts it was granted', async () => {
  const { backup, asked, released } = model();
  replies.backupImport = { ok: false, error: { code: 'WrongPassphrase', message: 'wrong' } };
  const json = JSON.stringify({ profiles: [euca('a', '10.0.0.5'), euca('n', 'new.lan')] });
  await backup.chooseFile(new File([json], 'backup.json'));
  backup.setPassphrase('not the passphrase');
  await backup.restore();
  expect(asked).toEqual([['http://10.0.0.5/*', 'http://new.lan/*']]);
  // 10.0.0.5 is still used by a stored profile; only new.lan goes back.
  expect(released).toEqual([['http://new.lan/*']]);
  expect(backup.outcome.value).toEqual({
    kind: 'error',
    error: { code: 'WrongPassphrase', message: 'wrong' },
  });
  expect(backup.passphrase.value).toBe('not the passphrase');
});

test('a refused host keeps the restored profiles and says which access is missing', async () => {
  const { backup, refuse } = model();
  refuse();
  await backup.chooseFile(new File([JSON.stringify({ profiles: [euca('a', '10.0.0.5')] })], 'b'));
  await backup.restore();
  expect(backup.outcome.value).toEqual({
    kind: 'permission-refused',
    count: 1,
    origins: ['http://10.0.0.5/*'],
  });
});

test('restoreOrigins leaves out profiles the Save rules refuse and files that are not backups', () => {
  const hostile = { ...euca('x', '::1]@evil.com/['), name: 'hostile' };
  expect(restoreOrigins(JSON.stringify({ profiles: [hostile, euca('b', 'cloud.lan')] }))).toEqual([
    'http://cloud.lan/*',
  ]);
  expect(restoreOrigins('not json')).toEqual([]);
  expect(restoreOrigins('{"profiles": 3}')).toEqual([]);
});
