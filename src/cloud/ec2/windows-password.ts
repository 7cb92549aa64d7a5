// Decrypts a Windows instance's password (GetPasswordData) with the private key of its key pair.
// Pure and synchronous: the key text comes in, the password or a reason comes out, and nothing
// of either is kept, logged or put into an error.

import { rsaDecryptPkcs1v15 } from '../rsa/rsa-decrypt';
import { type PrivateKeyRefusal, parseRsaPrivateKey } from '../rsa/rsa-private-key';
import { decodeBase64Bytes } from './base64';

export type WindowsPasswordRefusal =
  | PrivateKeyRefusal
  /** The instance has no password data yet. */
  | 'not-ready'
  /** The password data is not base64. */
  | 'bad-data'
  /** The key is fine but did not encrypt this password: another key pair's key. */
  | 'wrong-key';

export type WindowsPasswordResult =
  | { ok: true; password: string }
  | { ok: false; reason: WindowsPasswordRefusal };

export function decryptWindowsPassword(passwordData: string, pem: string): WindowsPasswordResult {
  if (passwordData.trim() === '') return { ok: false, reason: 'not-ready' };
  const ciphertext = decodeBase64Bytes(passwordData);
  if (!ciphertext || ciphertext.length === 0) return { ok: false, reason: 'bad-data' };
  const parsed = parseRsaPrivateKey(pem);
  if (!parsed.ok) return parsed;
  const plain = rsaDecryptPkcs1v15(parsed.key, ciphertext);
  if (!plain.ok) return plain;
  try {
    // A wrong key passes the padding check about once in 65,000 tries; its "password" is then
    // random bytes, which are almost never valid UTF-8.
    const password = new TextDecoder('utf-8', { fatal: true }).decode(plain.message);
    return { ok: true, password };
  } catch {
    return { ok: false, reason: 'wrong-key' };
  } finally {
    plain.message.fill(0);
  }
}
