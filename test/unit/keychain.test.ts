import { describe, expect, test } from 'vitest';
import { createKeychain } from '../../src/background/keychain';
import { openWithPassphrase, sealWithPassphrase } from '../../src/background/vault';
import { memoryArea } from '../../src/storage/area';

const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';

function setup() {
  const local = memoryArea();
  let session = memoryArea();
  const areas = { local: () => local, session: () => session };
  const keychain = createKeychain(areas);
  const dump = () => JSON.stringify({ local: local.dump(), session: session.dump() });
  return {
    keychain,
    local,
    dump,
    /** A keychain as a restarted worker builds it: nothing in memory, the same storage areas. */
    newWorker: () => createKeychain(areas),
    restartBrowser: () => (session = memoryArea()),
  };
}

describe('keychain', () => {
  test('keeps secrets per profile, and says when one is missing', async () => {
    const { keychain } = setup();
    await keychain.set('p1', { secretAccessKey: SECRET, sessionToken: 'tok' });
    expect(await keychain.get('p1')).toEqual({ secretAccessKey: SECRET, sessionToken: 'tok' });
    await keychain.delete('p1');
    await expect(keychain.get('p1')).rejects.toMatchObject({ code: 'MissingSecret' });
  });

  test('with a passphrase, nothing in storage holds the secret while locked', async () => {
    const { keychain, dump } = setup();
    await keychain.set('p1', { secretAccessKey: SECRET });
    await keychain.setPassphrase('correct horse');
    expect(await keychain.status()).toEqual({ hasPassphrase: true, locked: false });
    expect(await keychain.get('p1')).toEqual({ secretAccessKey: SECRET });
    await keychain.lock();
    expect(await keychain.status()).toEqual({ hasPassphrase: true, locked: true });
    expect(dump()).not.toContain(SECRET);
    expect(dump()).not.toContain('correct horse');
    await expect(keychain.get('p1')).rejects.toMatchObject({ code: 'KeychainLocked' });
    await expect(keychain.set('p2', { secretAccessKey: 'x' })).rejects.toMatchObject({
      code: 'KeychainLocked',
    });
  });

  test('a wrong passphrase does not unlock', async () => {
    const { keychain } = setup();
    await keychain.set('p1', { secretAccessKey: SECRET });
    await keychain.setPassphrase('right');
    await keychain.lock();
    await expect(keychain.unlock('wrong')).rejects.toMatchObject({ code: 'WrongPassphrase' });
    expect((await keychain.status()).locked).toBe(true);
    await keychain.unlock('right');
    expect(await keychain.get('p1')).toEqual({ secretAccessKey: SECRET });
  });

  test('stays unlocked across a stopped worker, locks on browser restart', async () => {
    const { keychain, newWorker, restartBrowser } = setup();
    await keychain.set('p1', { secretAccessKey: SECRET });
    await keychain.setPassphrase('pw');
    // A new worker reads the same storage.session: still unlocked, and the secret opens.
    const restarted = newWorker();
    expect((await restarted.status()).locked).toBe(false);
    expect(await restarted.get('p1')).toEqual({ secretAccessKey: SECRET });
    restartBrowser();
    expect((await newWorker().status()).locked).toBe(true);
    await expect(newWorker().get('p1')).rejects.toMatchObject({ code: 'KeychainLocked' });
  });

  test('secrets added while unlocked are sealed too; removing the passphrase opens them', async () => {
    const { keychain, dump } = setup();
    await keychain.setPassphrase('pw');
    await keychain.set('p2', { secretAccessKey: SECRET });
    expect(dump().match(new RegExp(SECRET.replace(/\//g, '\\/'), 'g'))).toBeNull();
    await keychain.removePassphrase('pw');
    expect(await keychain.status()).toEqual({ hasPassphrase: false, locked: false });
    expect(await keychain.get('p2')).toEqual({ secretAccessKey: SECRET });
  });

  test('changing the passphrase needs the current one', async () => {
    const { keychain } = setup();
    await keychain.setPassphrase('one');
    await keychain.lock();
    await expect(keychain.setPassphrase('two', 'nope')).rejects.toMatchObject({
      code: 'WrongPassphrase',
    });
    await keychain.setPassphrase('two', 'one');
    await keychain.lock();
    await keychain.unlock('two');
  });
});

describe('vault', () => {
  test('derives with PBKDF2 at 600,000 iterations and round-trips', async () => {
    const sealed = await sealWithPassphrase('pass', { a: 1 });
    expect(sealed.iterations).toBeGreaterThanOrEqual(600_000);
    expect(await openWithPassphrase('pass', sealed)).toEqual({ a: 1 });
    await expect(openWithPassphrase('Pass', sealed)).rejects.toMatchObject({
      code: 'WrongPassphrase',
    });
  });
});
