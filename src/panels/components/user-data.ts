// User data as the launch dialog and the instance settings take it (typed text, or a chosen file's
// bytes), the one size check both apply, what is sent (base64), and how an instance's user data
// is shown: text, binary, or none. Pure except fileToBase64, which reads a Blob.

import { encodeBase64Utf8 } from '../../cloud/ec2';

/** EC2's and Eucalyptus' limit, counted before base64. */
export const USER_DATA_LIMIT = 16 * 1024;

export interface UserDataFile {
  name: string;
  /** '' when the file is over the limit: it is refused by size and never read. */
  base64: string;
  bytes: number;
}

/** Text typed, or a file chosen (which then wins). */
export interface UserDataInput {
  userData: string;
  userDataFile: UserDataFile | null;
}

export type UserDataProblem = { kind: 'user-data-too-large'; bytes: number };

export function userDataBytes(input: UserDataInput): number {
  return input.userDataFile
    ? input.userDataFile.bytes
    : new TextEncoder().encode(input.userData).length;
}

export function userDataProblem(input: UserDataInput): UserDataProblem | undefined {
  const bytes = userDataBytes(input);
  return bytes > USER_DATA_LIMIT ? { kind: 'user-data-too-large', bytes } : undefined;
}

/** What is sent: the file's bytes or the text as UTF-8, in base64; '' for none. */
export function userDataBase64(input: UserDataInput): string {
  if (input.userDataFile) return input.userDataFile.base64;
  return input.userData ? encodeBase64Utf8(input.userData) : '';
}

export async function fileToBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** A chosen file; only its size is needed to refuse one that is too big, so that one is not read. */
export async function readUserDataFile(file: File): Promise<UserDataFile> {
  const base64 = file.size > USER_DATA_LIMIT ? '' : await fileToBase64(file);
  return { name: file.name, base64, bytes: file.size };
}

export type UserDataView =
  | { kind: 'none' }
  | { kind: 'text'; text: string }
  | { kind: 'binary'; bytes: Uint8Array };

// Text is UTF-8 without control characters other than tab, line breaks and form feed: a gzip
// or a MIME multipart archive with binary parts is shown as bytes to download, not as mojibake.
const TEXT_CONTROLS = new Set([0x09, 0x0a, 0x0c, 0x0d]);
const hasControl = (bytes: Uint8Array) =>
  bytes.some((b) => (b < 0x20 && !TEXT_CONTROLS.has(b)) || b === 0x7f);

/** What an instance's user data (base64 as the cloud sent it) is, to show. */
export function viewUserData(base64: string): UserDataView {
  const compact = base64.replace(/\s+/g, '');
  if (!compact) return { kind: 'none' };
  let binary: string;
  try {
    binary = atob(compact);
  } catch {
    // A server that sends plain text instead of base64 still gets its text shown.
    return { kind: 'text', text: base64 };
  }
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  if (hasControl(bytes)) return { kind: 'binary', bytes };
  try {
    return { kind: 'text', text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { kind: 'binary', bytes };
  }
}
