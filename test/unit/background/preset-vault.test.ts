// Launch presets' user data: sealed with the vault while a passphrase is set, plain without one,
// and never lost when the passphrase is set, changed or removed (presets kept before included).
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { handlers } from '../../../src/background/handlers';
import { keychain } from '../../../src/background/services';
import { type LaunchPreset, launchPresets } from '../../../src/storage/items';
import { fakeStorage } from '../../support/fake-browser';

type FakeBrowser = { alarms?: unknown };
const fake = (globalThis as unknown as { browser: FakeBrowser }).browser;
const BOOTSTRAP = '#!/bin/sh\nexport DB_PASSWORD=hunter2-bootstrap-secret\n';
const FILE = { name: 'boot.sh', base64: btoa('TOKEN=file-secret-0001'), bytes: 22 };

const preset = (id: string, form: Record<string, unknown>): LaunchPreset => ({
  id,
  name: `preset ${id}`,
  profileId: 'p1',
  form: { imageId: 'emi-12345678', instanceType: 'm1.small', ...form },
});

/** The presets as storage.local holds them, as text: what a copy of the profile folder would show. */
const stored = async () => JSON.stringify(await fakeStorage.local.get(launchPresets.key));

beforeEach(async () => {
  fake.alarms = { create: vi.fn(async () => undefined), clear: vi.fn(async () => true) };
  await fakeStorage.local.clear();
  await fakeStorage.session.clear();
});
afterEach(() => {
  delete fake.alarms;
});

describe('preset user data and the vault', () => {
  test('without a passphrase it is kept plain and launches as before', async () => {
    expect(await handlers.presetSave({ preset: preset('a', { userData: BOOTSTRAP }) })).toEqual({
      sealed: false,
    });
    const [kept] = await launchPresets.get();
    expect(kept?.form.userData).toBe(BOOTSTRAP);
    expect(kept?.sealedUserData).toBeUndefined();
    expect(await stored()).toContain('hunter2');
    expect(await handlers.presetUserData({ id: 'a' })).toEqual({
      userData: BOOTSTRAP,
      userDataFile: null,
    });
  });

  test('with a passphrase it is sealed, opened only for a launch, and refused while locked', async () => {
    await handlers.keychainSetPassphrase({ passphrase: 'correct horse battery' });
    const saved = await handlers.presetSave({
      preset: preset('a', { userData: BOOTSTRAP, userDataFile: FILE }),
    });
    expect(saved).toEqual({ sealed: true });
    expect(await stored()).not.toContain('hunter2');
    expect(await stored()).not.toContain(FILE.base64);
    const [kept] = await launchPresets.get();
    expect(kept?.form).toMatchObject({ imageId: 'emi-12345678', userData: '', userDataFile: null });
    expect(await handlers.presetUserData({ id: 'a' })).toEqual({
      userData: BOOTSTRAP,
      userDataFile: FILE,
    });
    await keychain.lock();
    await expect(handlers.presetUserData({ id: 'a' })).rejects.toMatchObject({
      code: 'KeychainLocked',
    });
    await expect(
      handlers.presetSave({ preset: preset('b', { userData: BOOTSTRAP }) }),
    ).rejects.toMatchObject({ code: 'KeychainLocked' });
    expect((await launchPresets.get()).map((p) => p.id)).toEqual(['a']);
  });

  test('presets kept before the passphrase are sealed when it is set; one without user data is left as it was', async () => {
    // As today's code and every earlier version stored them: user data in the form.
    const old = [preset('a', { userData: BOOTSTRAP }), preset('b', { userData: '' })];
    await launchPresets.set(old);
    await handlers.keychainSetPassphrase({ passphrase: 'correct horse battery' });
    const [a, b] = await launchPresets.get();
    expect(a?.sealedUserData).toBeDefined();
    expect(b).toEqual(old[1]);
    expect(await stored()).not.toContain('hunter2');
    expect((await handlers.presetUserData({ id: 'a' })).userData).toBe(BOOTSTRAP);
  });

  test('a change of passphrase reseals; removing it gives the user data back plain', async () => {
    await handlers.keychainSetPassphrase({ passphrase: 'first passphrase' });
    await handlers.presetSave({ preset: preset('a', { userData: BOOTSTRAP }) });
    await expect(
      handlers.keychainSetPassphrase({ passphrase: 'second passphrase', current: 'wrong one!' }),
    ).rejects.toMatchObject({ code: 'WrongPassphrase' });
    expect((await handlers.presetUserData({ id: 'a' })).userData).toBe(BOOTSTRAP);

    await handlers.keychainSetPassphrase({
      passphrase: 'second passphrase',
      current: 'first passphrase',
    });
    expect(await stored()).not.toContain('hunter2');
    await keychain.lock();
    await handlers.keychainUnlock({ passphrase: 'second passphrase' });
    expect((await handlers.presetUserData({ id: 'a' })).userData).toBe(BOOTSTRAP);

    await handlers.keychainRemovePassphrase({ current: 'second passphrase' });
    const [kept] = await launchPresets.get();
    expect(kept?.sealedUserData).toBeUndefined();
    expect(kept?.form.userData).toBe(BOOTSTRAP);
  });

  test('a preset left plain by a stopped worker is sealed again at the next unlock', async () => {
    await handlers.keychainSetPassphrase({ passphrase: 'correct horse battery' });
    await keychain.lock();
    // Written while locked, as a change of passphrase cut short would leave it.
    await launchPresets.set([preset('a', { userData: BOOTSTRAP })]);
    await handlers.keychainUnlock({ passphrase: 'correct horse battery' });
    expect(await stored()).not.toContain('hunter2');
    expect((await handlers.presetUserData({ id: 'a' })).userData).toBe(BOOTSTRAP);
  });

  test('a page cannot store a sealed box or a nameless preset', async () => {
    const forged = {
      ...preset('x', {}),
      sealedUserData: { salt: '', iterations: 1, iv: '', ciphertext: '' },
    };
    await expect(handlers.presetSave({ preset: forged })).rejects.toMatchObject({
      code: 'InvalidPreset',
    });
    await expect(
      handlers.presetSave({ preset: { ...preset('y', {}), name: ' ' } }),
    ).rejects.toMatchObject({ code: 'InvalidPreset' });
  });
});
