// Base64 <-> UTF-8 text without Buffer, so the same code runs in the page and in Node.

/** Decodes base64 (line breaks allowed) to bytes; undefined when it is not base64. */
export function decodeBase64Bytes(value: string): Uint8Array | undefined {
  const compact = value.replace(/\s+/g, '');
  let binary: string;
  try {
    binary = atob(compact);
  } catch {
    return undefined;
  }
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

/** Decodes base64 (line breaks allowed) to UTF-8 text; undefined when it is not base64. */
export function decodeBase64Utf8(value: string): string | undefined {
  const bytes = decodeBase64Bytes(value);
  return bytes && new TextDecoder('utf-8').decode(bytes);
}

/** Encodes text as UTF-8 and then base64 (user data, public key material). */
export function encodeBase64Utf8(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}
