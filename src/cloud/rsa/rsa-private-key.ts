// Reads an RSA private key from the text of a .pem file: PKCS#1 ("BEGIN RSA PRIVATE KEY") or
// PKCS#8 ("BEGIN PRIVATE KEY" with the rsaEncryption algorithm). Everything else gets a reason a
// person can act on (a passphrase to remove, a format to convert), never a guess.
// RFC 8017 A.1.2 (RSAPrivateKey), RFC 5208 / 5958 (PrivateKeyInfo), RFC 7468 (PEM).

import {
  DER_OBJECT_IDENTIFIER,
  DER_OCTET_STRING,
  DER_SEQUENCE,
  DerError,
  DerReader,
  sameBytes,
} from './der';

export interface RsaPrivateKey {
  n: bigint;
  e: bigint;
  d: bigint;
  /** Length of the modulus in bytes: every ciphertext has exactly this length. */
  size: number;
  /** The two primes and their CRT values; absent for a multi-prime key (decrypted with d). */
  crt?: { p: bigint; q: bigint; dp: bigint; dq: bigint; qinv: bigint };
}

export type PrivateKeyRefusal =
  /** Nothing but whitespace. */
  | 'empty'
  /** No PEM block at all, or a base64 body that is not base64. */
  | 'not-pem'
  /** A public key, a certificate or an ssh-rsa line: the private half is needed. */
  | 'public-key'
  /** Protected by a passphrase (PKCS#8 ENCRYPTED PRIVATE KEY, or Proc-Type: 4,ENCRYPTED). */
  | 'encrypted'
  /** OpenSSH's own format ("BEGIN OPENSSH PRIVATE KEY"), which needs converting to PEM. */
  | 'openssh'
  /** A PuTTY .ppk file, which needs exporting as OpenSSH/PEM. */
  | 'putty'
  /** A private key of another algorithm (EC, DSA, Ed25519, RSA-PSS). */
  | 'not-rsa'
  /** The right markers around bytes that are not a consistent RSA key. */
  | 'damaged';

export type PrivateKeyResult =
  | { ok: true; key: RsaPrivateKey }
  | { ok: false; reason: PrivateKeyRefusal };

// 1.2.840.113549.1.1.1 rsaEncryption, as DER content octets.
const RSA_ENCRYPTION = Uint8Array.of(0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01);

// Any label ending in PRIVATE KEY, e.g. "RSA PRIVATE KEY", "EC PRIVATE KEY", "ENCRYPTED PRIVATE
// KEY". The body is matched lazily up to the END line of the same label.
const PRIVATE_BLOCK = /-----BEGIN ([A-Z0-9 ]*PRIVATE KEY)-----([\s\S]*?)-----END \1-----/;
const PUBLIC_HINTS =
  /-----BEGIN (?:RSA )?PUBLIC KEY-----|-----BEGIN CERTIFICATE-----|^\s*ssh-(?:rsa|ed25519|dss)\s/m;

/** Parses the text of a key file, as pasted or read: CRLF, indentation and blank lines are fine. */
export function parseRsaPrivateKey(text: string): PrivateKeyResult {
  const refuse = (reason: PrivateKeyRefusal): PrivateKeyResult => ({ ok: false, reason });
  if (text.trim() === '') return refuse('empty');
  if (/^\s*PuTTY-User-Key-File-/.test(text)) return refuse('putty');
  const block = PRIVATE_BLOCK.exec(text);
  if (!block) return refuse(PUBLIC_HINTS.test(text) ? 'public-key' : 'not-pem');
  const label = block[1] as string;
  const body = block[2] as string;
  if (label === 'OPENSSH PRIVATE KEY') return refuse('openssh');
  if (label === 'ENCRYPTED PRIVATE KEY' || /Proc-Type:\s*4\s*,\s*ENCRYPTED/i.test(body))
    return refuse('encrypted');
  if (label !== 'RSA PRIVATE KEY' && label !== 'PRIVATE KEY') return refuse('not-rsa');

  const der = decodePemBody(body);
  if (!der) return refuse('not-pem');
  try {
    if (label === 'RSA PRIVATE KEY') return checked(readRsaPrivateKey(new DerReader(der)));
    return readPrivateKeyInfo(der);
  } catch (error) {
    if (error instanceof DerError) return refuse('damaged');
    throw error;
  } finally {
    // The page keeps no copy of the key's bytes longer than it needs them.
    der.fill(0);
  }
}

/** Base64 between the markers; whitespace anywhere is ignored, anything else refused. */
function decodePemBody(body: string): Uint8Array | undefined {
  const compact = body.replace(/\s+/g, '');
  if (!/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(compact))
    return undefined;
  if (compact === '') return undefined;
  const binary = atob(compact);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** PKCS#8 PrivateKeyInfo (or OneAsymmetricKey): the algorithm must be rsaEncryption. */
function readPrivateKeyInfo(der: Uint8Array): PrivateKeyResult {
  const outer = new DerReader(der);
  const info = outer.sequence();
  outer.finish();
  const version = info.unsignedInteger();
  if (version > 1n) throw new DerError('an unknown PrivateKeyInfo version');
  const algorithm = info.sequence();
  const oid = algorithm.expect(DER_OBJECT_IDENTIFIER, 'an algorithm OID').content;
  if (!sameBytes(oid, RSA_ENCRYPTION)) return { ok: false, reason: 'not-rsa' };
  const inner = info.expect(DER_OCTET_STRING, 'the private key OCTET STRING').content;
  // Attributes [0] and the public key [1] may follow; neither is needed to decrypt.
  return checked(readRsaPrivateKey(new DerReader(inner)));
}

/** PKCS#1 RSAPrivateKey, two-prime (version 0) or multi-prime (version 1). */
function readRsaPrivateKey(outer: DerReader): RsaPrivateKey {
  const seq = outer.sequence();
  outer.finish();
  const version = seq.unsignedInteger();
  const [n, e, d, p, q, dp, dq, qinv] = Array.from({ length: 8 }, () => seq.unsignedInteger()) as [
    bigint,
    bigint,
    bigint,
    bigint,
    bigint,
    bigint,
    bigint,
    bigint,
  ];
  const size = Math.ceil(n.toString(16).length / 2);
  if (version === 0n) {
    seq.finish();
    return { n, e, d, size, crt: { p, q, dp, dq, qinv } };
  }
  if (version === 1n) {
    // OtherPrimeInfos: p and q alone do not make n, so this key is used through d.
    if (seq.peekTag() !== DER_SEQUENCE) throw new DerError('a multi-prime key without its primes');
    seq.sequence();
    seq.finish();
    return { n, e, d, size };
  }
  throw new DerError('an unknown RSAPrivateKey version');
}

/**
 * Refuses numbers that cannot be a working key, so a damaged file says so instead of producing
 * a wrong answer: sizes from 512 to 16384 bits (a bound on the work a pasted key can cause), an
 * odd public exponent, and two primes that make the modulus.
 */
function checked(key: RsaPrivateKey): PrivateKeyResult {
  const bits = key.n.toString(2).length;
  const sane =
    bits >= 512 &&
    bits <= 16384 &&
    key.e > 1n &&
    key.e % 2n === 1n &&
    key.e < key.n &&
    key.d > 0n &&
    key.d < key.n &&
    (!key.crt ||
      (key.crt.p > 1n &&
        key.crt.q > 1n &&
        key.crt.p * key.crt.q === key.n &&
        key.crt.dp < key.crt.p &&
        key.crt.dq < key.crt.q &&
        key.crt.qinv < key.crt.p));
  return sane ? { ok: true, key } : { ok: false, reason: 'damaged' };
}
