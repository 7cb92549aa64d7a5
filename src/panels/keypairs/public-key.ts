// Checks on what ImportKeyPair is given: an OpenSSH public key line and a key pair name. Pure, so
// a unit test covers them; problems are message keys the dialog shows by the field.

import type { MessageKey } from '../i18n';

const KEY_TYPES = [
  'ssh-rsa',
  'ssh-ed25519',
  'ssh-dss',
  'ecdsa-sha2-nistp256',
  'ecdsa-sha2-nistp384',
  'ecdsa-sha2-nistp521',
];

export type PublicKeyCheck = { ok: true; line: string } | { ok: false; problem: MessageKey };

/** The type name an OpenSSH key blob starts with (a 4-byte length, then the name). */
function blobType(base64: string): string | undefined {
  let binary: string;
  try {
    binary = atob(base64);
  } catch {
    return undefined;
  }
  if (binary.length < 4) return undefined;
  const length =
    ((binary.charCodeAt(0) << 24) |
      (binary.charCodeAt(1) << 16) |
      (binary.charCodeAt(2) << 8) |
      binary.charCodeAt(3)) >>>
    0;
  if (length > 64 || binary.length < 4 + length) return undefined;
  return binary.slice(4, 4 + length);
}

/**
 * `ssh-ed25519 AAAA… comment`, as in a .pub file: the one key line, trimmed, or why it is not
 * one. The blob must decode and name the same type as the line does.
 */
export function checkPublicKey(text: string): PublicKeyCheck {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
  if (lines.length === 0) return { ok: false, problem: 'fieldRequired' };
  if (/PRIVATE KEY/.test(text)) return { ok: false, problem: 'publicKeyIsPrivate' };
  if (lines.length > 1) return { ok: false, problem: 'publicKeyOneLine' };
  const line = lines[0] ?? '';
  const m = /^(\S+)\s+([A-Za-z0-9+/]+={0,2})(?:\s+.*)?$/.exec(line);
  if (!m || !KEY_TYPES.includes(m[1] ?? '')) return { ok: false, problem: 'publicKeyFormat' };
  if (blobType(m[2] ?? '') !== m[1]) return { ok: false, problem: 'publicKeyDamaged' };
  return { ok: true, line };
}

/** A key pair name suggested by a dropped file: `id_ed25519.pub` → `id_ed25519`. */
export function keyNameFromFile(fileName: string): string {
  return fileName.replace(/\.pub$/i, '');
}

/** A key pair name: 1-255 printable ASCII characters, not one the region already has. */
export function keyNameProblem(name: string, existing: readonly string[]): MessageKey | null {
  const trimmed = name.trim();
  if (!trimmed) return 'fieldRequired';
  if (trimmed.length > 255 || !/^[\x20-\x7e]+$/.test(trimmed)) return 'keyNameInvalid';
  if (existing.includes(trimmed)) return 'keyNameTaken';
  return null;
}
