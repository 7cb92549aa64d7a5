// Windows password decryption against vectors made by OpenSSL (test/fixtures/windows-password,
// see its README), and against node:crypto for many more passwords.

import { constants, generateKeyPairSync, publicEncrypt } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { decryptWindowsPassword } from '../../../../src/cloud/ec2/windows-password';
import { modPow } from '../../../../src/cloud/rsa/rsa-decrypt';
import { parseRsaPrivateKey } from '../../../../src/cloud/rsa/rsa-private-key';

const DIR = fileURLToPath(new URL('../../../fixtures/windows-password/', import.meta.url));
const fixture = (name: string) => readFileSync(`${DIR}${name}`, 'utf8');

const PASSWORD_2048 = fixture('password-2048.txt');
const PASSWORD_4096 = fixture('password-4096.txt');
const DATA_2048 = fixture('password-2048.b64');
const DATA_4096 = fixture('password-4096.b64');

const decrypt = decryptWindowsPassword;

describe('vectors from openssl pkeyutl -encrypt (PKCS#1 v1.5)', () => {
  test.each([
    ['key-2048.pkcs1.pem', DATA_2048, PASSWORD_2048],
    ['key-2048.pkcs8.pem', DATA_2048, PASSWORD_2048],
    ['key-4096.pkcs1.pem', DATA_4096, PASSWORD_4096],
    ['key-4096.pkcs8.pem', DATA_4096, PASSWORD_4096],
    ['key-2048-3primes.pkcs8.pem', fixture('password-2048-3primes.b64'), PASSWORD_2048],
  ])('%s', (key, data, password) => {
    expect(decrypt(data, fixture(key))).toEqual({ ok: true, password });
  });

  test('the 4096-bit password is UTF-8, not Latin-1', () => {
    expect(PASSWORD_4096).toBe('Wïn-パスワード-4096?');
  });

  test('CRLF line endings, indentation, tabs and blank lines around a pasted key', () => {
    const crlf = fixture('key-2048.pkcs1.pem').replace(/\n/g, '\r\n');
    expect(decrypt(DATA_2048, crlf)).toEqual({ ok: true, password: PASSWORD_2048 });
    const messy = `\n\n   ${fixture('key-4096.pkcs8.pem')
      .split('\n')
      .map((line) => `\t  ${line}   `)
      .join('\r\n\r\n')}\n \n`;
    expect(decrypt(DATA_4096, messy)).toEqual({ ok: true, password: PASSWORD_4096 });
    // All on one line, as a key kept in a variable or a JSON string often is.
    const oneLine = fixture('key-2048.pkcs8.pem').replace(/\n/g, ' ');
    expect(decrypt(DATA_2048, oneLine)).toEqual({ ok: true, password: PASSWORD_2048 });
  });

  test('password data with line breaks and spaces, as AWS sends it', () => {
    const wrapped = `\n  ${DATA_4096.replace(/(.{76})/g, '$1\n  ')}\n`;
    expect(decrypt(wrapped, fixture('key-4096.pkcs1.pem'))).toEqual({
      ok: true,
      password: PASSWORD_4096,
    });
  });

  test('a key file with a certificate or other text around the key', () => {
    const around = `Bag Attributes\n    localKeyID: 01\n-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n${fixture('key-2048.pkcs8.pem')}trailing notes\n`;
    expect(decrypt(DATA_2048, around)).toEqual({ ok: true, password: PASSWORD_2048 });
  });
});

describe('refusals', () => {
  test('a key of another key pair is the wrong key', () => {
    expect(decrypt(DATA_2048, fixture('wrong-2048.pem'))).toEqual({
      ok: false,
      reason: 'wrong-key',
    });
    // A 4096-bit ciphertext is no ciphertext of a 2048-bit key, and the other way round.
    expect(decrypt(DATA_4096, fixture('key-2048.pkcs1.pem'))).toEqual({
      ok: false,
      reason: 'wrong-key',
    });
    expect(decrypt(DATA_2048, fixture('key-4096.pkcs8.pem'))).toEqual({
      ok: false,
      reason: 'wrong-key',
    });
  });

  test('a corrupted ciphertext fails the padding check', () => {
    const bytes = Buffer.from(DATA_2048, 'base64');
    for (const at of [0, 17, 128, 255]) {
      const corrupt = Buffer.from(bytes);
      corrupt[at] = (corrupt[at] as number) ^ 0x40;
      expect(
        decrypt(corrupt.toString('base64'), fixture('key-2048.pkcs1.pem')),
        `byte ${at}`,
      ).toEqual({ ok: false, reason: 'wrong-key' });
    }
    // One byte short or long: the length must be the modulus length exactly.
    const key = fixture('key-2048.pkcs1.pem');
    expect(decrypt(bytes.subarray(1).toString('base64'), key)).toEqual({
      ok: false,
      reason: 'wrong-key',
    });
    expect(decrypt(Buffer.concat([bytes, Buffer.of(0)]).toString('base64'), key)).toEqual({
      ok: false,
      reason: 'wrong-key',
    });
  });

  test('moto\'s stand-in "password data" (128 random letters) is no ciphertext of this key', () => {
    const moto =
      'z8Iz7hXMOIWJc1cq73DGQjc9E6IlQqIjgt5DnJYPCddPUg7IXPMVRBRNS5t0fKEJC9btdtlhxD73yaAum8xgVIfxQgOrb1Tehh2Z4PyKb0dAnqfENJvOV7LmPLRObzG4';
    expect(decrypt(moto, fixture('key-2048.pkcs1.pem'))).toEqual({
      ok: false,
      reason: 'wrong-key',
    });
  });

  test('encrypted keys are refused, both PEM styles', () => {
    for (const name of ['key-2048.encrypted-pkcs1.pem', 'key-2048.encrypted-pkcs8.pem'])
      expect(decrypt(DATA_2048, fixture(name)), name).toEqual({ ok: false, reason: 'encrypted' });
  });

  test('other formats and algorithms say what they are', () => {
    const cases: Array<[string, string]> = [
      [fixture('openssh-rsa.key'), 'openssh'],
      [fixture('ec-p256.pem'), 'not-rsa'],
      ['-----BEGIN EC PRIVATE KEY-----\nMHcCAQEE\n-----END EC PRIVATE KEY-----\n', 'not-rsa'],
      ['PuTTY-User-Key-File-3: ssh-rsa\nEncryption: none\n', 'putty'],
      ['ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQ me@host\n', 'public-key'],
      ['-----BEGIN PUBLIC KEY-----\nMIIBIjAN\n-----END PUBLIC KEY-----\n', 'public-key'],
      ['', 'empty'],
      ['  \r\n ', 'empty'],
      ['password123', 'not-pem'],
      ['-----BEGIN RSA PRIVATE KEY-----\nnot*base64\n-----END RSA PRIVATE KEY-----', 'not-pem'],
      ['-----BEGIN RSA PRIVATE KEY-----\n\n-----END RSA PRIVATE KEY-----', 'not-pem'],
    ];
    for (const [text, reason] of cases)
      expect(decrypt(DATA_2048, text), text.slice(0, 40)).toEqual({ ok: false, reason });
  });

  test('a truncated or altered key is damaged, never a wrong answer', () => {
    const pem = fixture('key-2048.pkcs1.pem');
    const lines = pem.trim().split('\n');
    // Lines dropped from the middle: the DER lengths no longer fit.
    const truncated = [...lines.slice(0, 10), ...lines.slice(-1)].join('\n');
    expect(decrypt(DATA_2048, truncated)).toEqual({ ok: false, reason: 'damaged' });
    // One character of the last base64 line changed: the numbers no longer agree.
    const der = Buffer.from(lines.slice(1, -1).join(''), 'base64');
    der[der.length - 5] = (der[der.length - 5] as number) ^ 0x01;
    const altered = `-----BEGIN RSA PRIVATE KEY-----\n${der.toString('base64')}\n-----END RSA PRIVATE KEY-----\n`;
    expect(decrypt(DATA_2048, altered)).toEqual({ ok: false, reason: 'damaged' });
  });

  test('password data that is not base64, and no password yet', () => {
    const key = fixture('key-2048.pkcs1.pem');
    expect(decrypt('not base64!', key)).toEqual({ ok: false, reason: 'bad-data' });
    expect(decrypt('', key)).toEqual({ ok: false, reason: 'not-ready' });
    expect(decrypt(' \n ', key)).toEqual({ ok: false, reason: 'not-ready' });
  });
});

describe('padding checks (RFC 8017 7.2.2 step 3)', () => {
  const parsed = parseRsaPrivateKey(fixture('key-2048.pkcs1.pem'));
  if (!parsed.ok) throw new Error('fixture key did not parse');
  const { key } = parsed;
  /** "Encrypts" a hand-made encoded message with the public key: em^e mod n, base64. */
  const raw = (em: Uint8Array) => {
    let hex = '';
    for (const b of em) hex += b.toString(16).padStart(2, '0');
    const c = modPow(BigInt(`0x${hex}`), key.e, key.n);
    return Buffer.from(c.toString(16).padStart(key.size * 2, '0'), 'hex').toString('base64');
  };
  /** 0x00 0x02 style block: two type bytes, `padding` non-zero bytes, 0x00, then the message. */
  const em = (first: number, second: number, padding: number) => {
    const message = `${'Z'.repeat(key.size - 3 - padding - 2)}pw`;
    const bytes = Uint8Array.from([
      first,
      second,
      ...new Array<number>(padding).fill(0x5a),
      0,
      ...Buffer.from(message),
    ]);
    return { bytes, message };
  };
  const pem = fixture('key-2048.pkcs1.pem');

  test('a well-formed block decodes, with exactly 8 padding bytes too', () => {
    const { bytes, message } = em(0x00, 0x02, 8);
    expect(decrypt(raw(bytes), pem)).toEqual({ ok: true, password: message });
    const long = em(0x00, 0x02, 200);
    expect(decrypt(raw(long.bytes), pem)).toEqual({ ok: true, password: long.message });
  });

  test('a wrong first byte, block type 1 (signatures), fewer than 8 padding bytes, no separator', () => {
    expect(decrypt(raw(em(0x01, 0x02, 8).bytes), pem)).toEqual({ ok: false, reason: 'wrong-key' });
    expect(decrypt(raw(em(0x00, 0x01, 8).bytes), pem)).toEqual({ ok: false, reason: 'wrong-key' });
    expect(decrypt(raw(em(0x00, 0x02, 7).bytes), pem)).toEqual({ ok: false, reason: 'wrong-key' });
    const none = new Uint8Array(key.size).fill(0x5a);
    none[0] = 0;
    none[1] = 2;
    expect(decrypt(raw(none), pem)).toEqual({ ok: false, reason: 'wrong-key' });
  });

  test('a message that is not UTF-8 is refused as the wrong key', () => {
    const bytes = new Uint8Array(key.size).fill(0x5a);
    bytes[0] = 0;
    bytes[1] = 2;
    bytes[key.size - 3] = 0;
    bytes[key.size - 2] = 0xc3;
    bytes[key.size - 1] = 0x28;
    expect(decrypt(raw(bytes), pem)).toEqual({ ok: false, reason: 'wrong-key' });
  });

  test('a ciphertext not below the modulus', () => {
    const n = Buffer.from(key.n.toString(16).padStart(key.size * 2, '0'), 'hex');
    expect(decrypt(n.toString('base64'), pem)).toEqual({ ok: false, reason: 'wrong-key' });
  });
});

test('node:crypto encryptions of random passwords all decrypt (PKCS#1 and PKCS#8 keys)', () => {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const pkcs1 = privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
  const pkcs8 = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const alphabet = 'abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789!@#$%^&*()-_=+?';
  for (let i = 0; i < 40; i++) {
    let password = '';
    const length = 1 + ((i * 7) % 64);
    for (let j = 0; j < length; j++) password += alphabet[(i * 31 + j * 17) % alphabet.length];
    const data = publicEncrypt(
      { key: publicKey, padding: constants.RSA_PKCS1_PADDING },
      Buffer.from(password),
    ).toString('base64');
    expect(decrypt(data, i % 2 ? pkcs1 : pkcs8)).toEqual({ ok: true, password });
  }
});

test('modPow agrees with plain repeated multiplication', () => {
  const m = 1_000_003n;
  for (const [b, e] of [
    [2n, 0n],
    [2n, 1n],
    [7n, 16n],
    [123_456n, 65_537n],
    [-5n, 3n],
  ] as const) {
    let expected = 1n;
    for (let i = 0n; i < e; i++) expected = (expected * (((b % m) + m) % m)) % m;
    expect(modPow(b, e, m), `${b}^${e}`).toBe(expected);
  }
  expect(modPow(5n, 3n, 1n)).toBe(0n);
});

test('a 4096-bit decryption takes well under a second', () => {
  const key = fixture('key-4096.pkcs8.pem');
  decrypt(DATA_4096, key);
  const runs = 5;
  const start = performance.now();
  for (let i = 0; i < runs; i++) decrypt(DATA_4096, key);
  const ms = (performance.now() - start) / runs;
  console.info(`4096-bit Windows password decryption: ${ms.toFixed(1)} ms`);
  // Generous for a loaded two-core machine; it takes tens of milliseconds.
  expect(ms).toBeLessThan(1000);
});
