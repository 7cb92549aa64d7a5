// The file name a downloaded object is saved under, relative to the downloads folder: the key
// below the folder being browsed, so a folder comes down as a folder of its files. Each part is
// made acceptable to Windows, macOS and Linux alike, as the downloads API requires.

const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i;

function safePart(part: string): string {
  // Control characters and the characters Windows refuses, and % (Firefox would change it, so
  // both browsers save the same name); trailing dots and spaces too.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what goes
  let out = part.replace(/[\u0000-\u001f\u007f\\:*?"<>|%]/g, '_').replace(/[. ]+$/, '');
  if (out === '' || out === '.' || out === '..') out = '_';
  if (RESERVED.test(out)) out = `_${out}`;
  return out;
}

export function downloadName(key: string, browsing: string): string {
  const below = key.startsWith(browsing) ? key.slice(browsing.length) : key;
  const parts = below.split('/').filter((p) => p !== '');
  if (parts.length === 0) return 'download';
  return parts.map(safePart).join('/');
}
