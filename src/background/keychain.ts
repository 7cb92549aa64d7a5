// Secrets: kept in storage.local only, sealed with a passphrase when the user sets one.
// While unlocked, the derived key waits in storage.session (cleared when the browser closes).
import { CloudError } from '../cloud/errors';
import type { Secret } from '../cloud/profile';
import { clearSigningCaches } from '../cloud/sign';
import type { StorageArea } from '../storage/area';
import { defineItem } from '../storage/item';
import {
  deriveKey,
  exportKey,
  importKey,
  newSalt,
  open,
  PBKDF2_ITERATIONS,
  type Sealed,
  seal,
} from './vault';

type SecretMap = Record<string, Secret>;

export type KeychainStore = { kind: 'plain'; secrets: SecretMap } | ({ kind: 'sealed' } & Sealed);

export interface KeychainStatus {
  hasPassphrase: boolean;
  locked: boolean;
}

const isStore = (v: unknown): v is KeychainStore =>
  typeof v === 'object' &&
  v !== null &&
  ((v as KeychainStore).kind === 'plain' || (v as KeychainStore).kind === 'sealed');

const locked = () =>
  new CloudError({
    code: 'KeychainLocked',
    message: 'The keychain is locked. Unlock it with your passphrase.',
  });

export function createKeychain(areas: { local: () => StorageArea; session: () => StorageArea }) {
  const store = defineItem<KeychainStore>(
    {
      key: 'keychain',
      version: 1,
      defaultValue: { kind: 'plain', secrets: {} },
      validate: isStore,
    },
    areas.local,
  );
  const sessionKey = defineItem<string | null>(
    { key: 'keychain.sessionKey', version: 1, defaultValue: null },
    areas.session,
  );

  async function unlockedKey(): Promise<CryptoKey | null> {
    const raw = await sessionKey.get();
    return raw ? importKey(raw) : null;
  }

  async function readAll(): Promise<SecretMap> {
    const current = await store.get();
    if (current.kind === 'plain') return current.secrets;
    const key = await unlockedKey();
    if (!key) throw locked();
    return open<SecretMap>(key, current);
  }

  async function writeAll(secrets: SecretMap): Promise<void> {
    const current = await store.get();
    if (current.kind === 'plain') {
      await store.set({ kind: 'plain', secrets });
      return;
    }
    const key = await unlockedKey();
    if (!key) throw locked();
    await store.set({
      kind: 'sealed',
      ...(await seal(key, current.salt, current.iterations, secrets)),
    });
  }

  return {
    async status(): Promise<KeychainStatus> {
      const current = await store.get();
      const hasPassphrase = current.kind === 'sealed';
      return { hasPassphrase, locked: hasPassphrase && !(await sessionKey.get()) };
    },

    async get(id: string): Promise<Secret> {
      const secret = (await readAll())[id];
      if (!secret) {
        throw new CloudError({
          code: 'MissingSecret',
          message: 'This profile has no secret key. Edit it and enter one.',
        });
      }
      return secret;
    },

    async has(id: string): Promise<boolean> {
      return (await readAll())[id] !== undefined;
    },

    async set(id: string, secret: Secret): Promise<void> {
      const all = await readAll();
      all[id] = {
        secretAccessKey: secret.secretAccessKey,
        ...(secret.sessionToken ? { sessionToken: secret.sessionToken } : {}),
      };
      await writeAll(all);
    },

    async delete(id: string): Promise<void> {
      const all = await readAll();
      delete all[id];
      await writeAll(all);
    },

    all: readAll,

    /** Seals every secret with a new passphrase (the current one is needed to change it). */
    async setPassphrase(passphrase: string, current?: string): Promise<void> {
      if ((await store.get()).kind === 'sealed') await this.unlock(current ?? '');
      const secrets = await readAll();
      const salt = newSalt();
      const key = await deriveKey(passphrase, salt);
      await store.set({ kind: 'sealed', ...(await seal(key, salt, PBKDF2_ITERATIONS, secrets)) });
      await sessionKey.set(await exportKey(key));
    },

    async removePassphrase(current: string): Promise<void> {
      await this.unlock(current);
      const secrets = await readAll();
      await store.set({ kind: 'plain', secrets });
      await sessionKey.remove();
    },

    /**
     * Every secret, opened with the vault passphrase itself rather than the unlocked key: proof
     * that the user, not just an unlocked page, asks (a backup export). Throws WrongPassphrase.
     */
    async allWithPassphrase(passphrase: string): Promise<SecretMap> {
      const current = await store.get();
      if (current.kind === 'plain') return current.secrets;
      const key = await deriveKey(passphrase, current.salt, current.iterations);
      return open<SecretMap>(key, current);
    },

    async unlock(passphrase: string): Promise<void> {
      const current = await store.get();
      if (current.kind === 'plain') return;
      const key = await deriveKey(passphrase, current.salt, current.iterations);
      await open(key, current); // throws WrongPassphrase
      await sessionKey.set(await exportKey(key));
    },

    /**
     * Seals a value (a launch preset's user data) with the vault's key; null when no passphrase
     * is set. Throws KeychainLocked while locked.
     */
    async sealValue(value: unknown): Promise<Sealed | null> {
      const current = await store.get();
      if (current.kind === 'plain') return null;
      const key = await unlockedKey();
      if (!key) throw locked();
      return seal(key, current.salt, current.iterations, value);
    },

    /** Opens what sealValue sealed. Throws KeychainLocked, or WrongPassphrase for another key. */
    async openValue<T>(sealed: Sealed): Promise<T> {
      const key = await unlockedKey();
      if (!key) throw locked();
      return open<T>(key, sealed);
    },

    /** Locks, and forgets the signing keys derived from secrets while it was open. */
    async lock(): Promise<void> {
      await sessionKey.remove();
      clearSigningCaches();
    },
  };
}
