import { execFileSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  checkPublicKey,
  keyNameFromFile,
  keyNameProblem,
} from '../../../src/panels/keypairs/public-key';

function field(b: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(b.length);
  return Buffer.concat([length, b]);
}

/** An OpenSSH ed25519 public key line from Node's own key. */
function ed25519Line(type = 'ssh-ed25519'): string {
  const jwk = generateKeyPairSync('ed25519').publicKey.export({ format: 'jwk' });
  const blob = Buffer.concat([
    field(Buffer.from(type)),
    field(Buffer.from(jwk.x ?? '', 'base64url')),
  ]);
  return `ssh-ed25519 ${blob.toString('base64')} me@laptop`;
}

describe('public keys', () => {
  test('an ed25519 line, with or without a comment, with blank lines around', () => {
    const line = ed25519Line();
    expect(checkPublicKey(`\n${line}\n\n`)).toEqual({ ok: true, line });
    const bare = line.split(' ').slice(0, 2).join(' ');
    expect(checkPublicKey(bare)).toEqual({ ok: true, line: bare });
  });

  test('what ssh-keygen writes (rsa, ecdsa, ed25519)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cirrus-keys-'));
    try {
      for (const [type, bits] of [
        ['rsa', '2048'],
        ['ecdsa', '256'],
        ['ed25519', ''],
      ] as const) {
        const file = join(dir, type);
        execFileSync('ssh-keygen', [
          '-t',
          type,
          ...(bits ? ['-b', bits] : []),
          '-N',
          '',
          '-q',
          '-f',
          file,
        ]);
        const text = readFileSync(`${file}.pub`, 'utf8');
        expect(checkPublicKey(text)).toEqual({ ok: true, line: text.trim() });
        expect(checkPublicKey(readFileSync(file, 'utf8'))).toEqual({
          ok: false,
          problem: 'publicKeyIsPrivate',
        });
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('empty, two keys, other formats, a damaged blob', () => {
    expect(checkPublicKey('  \n')).toEqual({ ok: false, problem: 'fieldRequired' });
    const line = ed25519Line();
    expect(checkPublicKey(`${line}\n${line}`)).toEqual({ ok: false, problem: 'publicKeyOneLine' });
    expect(checkPublicKey('ssh-foo AAAA')).toEqual({ ok: false, problem: 'publicKeyFormat' });
    expect(checkPublicKey('AAAAC3NzaC1lZDI1NTE5')).toEqual({
      ok: false,
      problem: 'publicKeyFormat',
    });
    expect(checkPublicKey('---- BEGIN SSH2 PUBLIC KEY ----')).toEqual({
      ok: false,
      problem: 'publicKeyFormat',
    });
    // The blob says ssh-rsa while the line says ssh-ed25519.
    expect(checkPublicKey(ed25519Line('ssh-rsa'))).toEqual({
      ok: false,
      problem: 'publicKeyDamaged',
    });
    expect(checkPublicKey('ssh-ed25519 AAAA!!!')).toEqual({
      ok: false,
      problem: 'publicKeyFormat',
    });
    expect(checkPublicKey('ssh-ed25519 QUJD')).toEqual({ ok: false, problem: 'publicKeyDamaged' });
  });
});

test('key pair names', () => {
  expect(keyNameProblem('', [])).toBe('fieldRequired');
  expect(keyNameProblem('laptop', ['laptop'])).toBe('keyNameTaken');
  expect(keyNameProblem('ラップトップ', [])).toBe('keyNameInvalid');
  expect(keyNameProblem('x'.repeat(256), [])).toBe('keyNameInvalid');
  expect(keyNameProblem(' my key ', ['other'])).toBeNull();
  expect(keyNameFromFile('id_ed25519.pub')).toBe('id_ed25519');
  expect(keyNameFromFile('work.PUB')).toBe('work');
});
