// RSAES-PKCS1-v1_5 decryption (RFC 8017 7.2.2) with BigInt, because WebCrypto offers RSA-OAEP
// only and EC2 encrypts Windows passwords with PKCS#1 v1.5. It runs on the user's own data in
// their own page, so there is no padding oracle to hide from a remote party.

import { bigIntToBytes, bytesToBigInt } from './der';
import type { RsaPrivateKey } from './rsa-private-key';

export type RsaDecryptResult =
  | { ok: true; message: Uint8Array }
  /**
   * 'wrong-key': the ciphertext is not one this key made (wrong length, too large, or bad
   * padding). 'damaged': the key's own numbers disagree (the result does not re-encrypt).
   */
  | { ok: false; reason: 'wrong-key' | 'damaged' };

/** base^exp mod m, four exponent bits at a time: a fifth fewer multiplications than bit by bit. */
export function modPow(base: bigint, exp: bigint, m: bigint): bigint {
  if (m === 1n) return 0n;
  const b = ((base % m) + m) % m;
  const table: bigint[] = [1n, b];
  for (let i = 2; i < 16; i++) table.push(((table[i - 1] as bigint) * b) % m);
  let result = 1n;
  for (const digit of exp.toString(16)) {
    result = (result * result) % m;
    result = (result * result) % m;
    result = (result * result) % m;
    result = (result * result) % m;
    const window = Number.parseInt(digit, 16);
    if (window) result = (result * (table[window] as bigint)) % m;
  }
  return result;
}

/** c^d mod n, through the Chinese remainder theorem when the key has its primes (~3x faster). */
function rsaDecryptPrimitive(key: RsaPrivateKey, c: bigint): bigint {
  if (!key.crt) return modPow(c, key.d, key.n);
  const { p, q, dp, dq, qinv } = key.crt;
  const m1 = modPow(c % p, dp, p);
  const m2 = modPow(c % q, dq, q);
  // BigInt % keeps the sign of the dividend: bring m1 - m2 into [0, p) first.
  const h = (qinv * ((((m1 - m2) % p) + p) % p)) % p;
  return m2 + h * q;
}

/** Decrypts one PKCS#1 v1.5 block and strictly checks its type 2 padding. */
export function rsaDecryptPkcs1v15(key: RsaPrivateKey, ciphertext: Uint8Array): RsaDecryptResult {
  const k = key.size;
  // 11 = 0x00 0x02, at least 8 padding bytes, 0x00.
  if (k < 11 || ciphertext.length !== k) return { ok: false, reason: 'wrong-key' };
  const c = bytesToBigInt(ciphertext);
  if (c >= key.n) return { ok: false, reason: 'wrong-key' };
  const m = rsaDecryptPrimitive(key, c);
  // A key whose CRT numbers do not match n would decrypt to garbage and blame the ciphertext.
  if (modPow(m, key.e, key.n) !== c) return { ok: false, reason: 'damaged' };
  const em = bigIntToBytes(m, k);
  try {
    if (em[0] !== 0x00 || em[1] !== 0x02) return { ok: false, reason: 'wrong-key' };
    const separator = em.indexOf(0x00, 2);
    // The padding string is at least 8 non-zero bytes, so the separator is at index 10 or later.
    if (separator < 10) return { ok: false, reason: 'wrong-key' };
    return { ok: true, message: em.slice(separator + 1) };
  } finally {
    em.fill(0);
  }
}
