// @ts-check
import { createHash } from 'node:crypto';

/**
 * The id Chromium gives an unpacked extension: SHA-256 of its absolute path, first 32 hex
 * digits written with the letters a–p. Lets `npm start` open chrome-extension://ID/panel.html.
 * @param {string} absolutePath
 */
export function chromiumExtensionId(absolutePath) {
  const hex = createHash('sha256').update(absolutePath).digest('hex').slice(0, 32);
  return [...hex].map((digit) => String.fromCharCode(97 + Number.parseInt(digit, 16))).join('');
}
