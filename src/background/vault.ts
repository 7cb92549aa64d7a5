// Passphrase encryption for secrets at rest: PBKDF2-SHA256 to an AES-GCM-256 key.
import { CloudError } from '../cloud/errors';

/** OWASP's 2023 figure for PBKDF2-HMAC-SHA256. */
export const PBKDF2_ITERATIONS = 600_000;

export interface Sealed {
  salt: string;
  iterations: number;
  iv: string;
  ciphertext: string;
}

const toBase64 = (bytes: Uint8Array): string => btoa(String.fromCharCode(...bytes));
const fromBase64 = (text: string): Uint8Array<ArrayBuffer> =>
  Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

export function newSalt(): string {
  return toBase64(crypto.getRandomValues(new Uint8Array(16)));
}

/** Extractable, so an unlocked key can wait in storage.session across a stopped worker. */
export async function deriveKey(
  passphrase: string,
  salt: string,
  iterations = PBKDF2_ITERATIONS,
): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(passphrase),
    'PBKDF2',
    false,
    ['deriveKey'],
  );
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt: fromBase64(salt), iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    true,
    ['encrypt', 'decrypt'],
  );
}

export async function exportKey(key: CryptoKey): Promise<string> {
  return toBase64(new Uint8Array(await crypto.subtle.exportKey('raw', key)));
}

export function importKey(raw: string): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', fromBase64(raw), 'AES-GCM', true, ['encrypt', 'decrypt']);
}

export async function seal(
  key: CryptoKey,
  salt: string,
  iterations: number,
  value: unknown,
): Promise<Sealed> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const plaintext = new TextEncoder().encode(JSON.stringify(value));
  const ciphertext = new Uint8Array(
    await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, plaintext),
  );
  return { salt, iterations, iv: toBase64(iv), ciphertext: toBase64(ciphertext) };
}

/** Throws WrongPassphrase when the key does not open the box (GCM's tag does not match). */
export async function open<T>(key: CryptoKey, sealed: Sealed): Promise<T> {
  try {
    const plaintext = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: fromBase64(sealed.iv) },
      key,
      fromBase64(sealed.ciphertext),
    );
    return JSON.parse(new TextDecoder().decode(plaintext)) as T;
  } catch {
    throw new CloudError({ code: 'WrongPassphrase', message: 'The passphrase is not correct.' });
  }
}

export async function sealWithPassphrase(passphrase: string, value: unknown): Promise<Sealed> {
  const salt = newSalt();
  return seal(await deriveKey(passphrase, salt), salt, PBKDF2_ITERATIONS, value);
}

export async function openWithPassphrase<T>(passphrase: string, sealed: Sealed): Promise<T> {
  return open<T>(await deriveKey(passphrase, sealed.salt, sealed.iterations), sealed);
}
