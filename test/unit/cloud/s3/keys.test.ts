import { expect, test } from 'vitest';
import {
  copySource,
  decodeUrlValue,
  decodeXmlText,
  encodeKey,
  escapeXmlText,
  isXmlSafe,
  unaddressableKeyReason,
} from '../../../../src/cloud/s3/keys';

test.each([
  ['plain/file.txt', 'plain/file.txt'],
  ['a b', 'a%20b'],
  ['a+b', 'a%2Bb'],
  ['100%', '100%25'],
  ['#hash?query', '%23hash%3Fquery'],
  ['x&y=z', 'x%26y%3Dz'],
  ["it's (really)!*", 'it%27s%20%28really%29%21%2A'],
  ['日本語 ファイル.txt', '%E6%97%A5%E6%9C%AC%E8%AA%9E%20%E3%83%95%E3%82%A1%E3%82%A4%E3%83%AB.txt'],
  ['emoji 😀', 'emoji%20%F0%9F%98%80'],
  ['tab\there\r\n', 'tab%09here%0D%0A'],
  ['ctl\u0001', 'ctl%01'],
  ['keep-._~unreserved', 'keep-._~unreserved'],
  ['a/b//c/', 'a/b//c/'],
  ['/leading', '/leading'],
])('encodeKey(%j) = %s', (key, encoded) => {
  expect(encodeKey(key)).toBe(encoded);
  // Round trip: each segment decodes back to the key.
  expect(encoded.split('/').map(decodeURIComponent).join('/')).toBe(key);
});

test('the URL parser keeps an encoded key as is (what is signed is what is sent)', () => {
  const key = 'a b+c%d#e?f/日本語 ファイル.txt';
  const url = new URL(`http://10.0.0.5:8773/services/Walrus/bucket/${encodeKey(key)}`);
  expect(url.pathname).toBe(`/services/Walrus/bucket/${encodeKey(key)}`);
  expect(url.search).toBe('');
  expect(url.hash).toBe('');
});

test('keys with . or .. segments cannot be addressed by URL', () => {
  expect(unaddressableKeyReason('a/../b')).toMatch(/\.\./);
  expect(unaddressableKeyReason('./a')).toBeDefined();
  expect(unaddressableKeyReason('')).toBeDefined();
  expect(unaddressableKeyReason('a..b/.c/..d')).toBeUndefined();
  expect(() => encodeKey('x/../y')).toThrowError(
    expect.objectContaining({ code: 'UnsupportedKey' }),
  );
});

test('copy source: /bucket/key with the key encoded like a path', () => {
  expect(copySource('src', 'a b+c/日本.txt')).toBe('/src/a%20b%2Bc/%E6%97%A5%E6%9C%AC.txt');
});

test('decodeXmlText: entities and numeric references in one pass', () => {
  expect(decodeXmlText('a &amp; b &lt;c&gt; &quot;d&quot; &apos;e&apos;')).toBe(
    `a & b <c> "d" 'e'`,
  );
  expect(decodeXmlText('line&#13;&#10;end&#9;')).toBe('line\r\nend\t');
  expect(decodeXmlText('&#x1F600; &#128512; &#X41;')).toBe('😀 😀 A');
  // A literal "&#13;" in a key arrives as &amp;#13; and must stay literal.
  expect(decodeXmlText('literal &amp;#13;')).toBe('literal &#13;');
  // Not references: left as written.
  expect(decodeXmlText('&nbsp; &#xD800; &#x110000; & alone')).toBe(
    '&nbsp; &#xD800; &#x110000; & alone',
  );
});

test('decodeUrlValue: encoding-type=url writes a space as + and a plus as %2B', () => {
  expect(decodeUrlValue('a+b%2Bc%25d%2F%E6%97%A5')).toBe('a b+c%d/日');
  expect(decodeUrlValue('bad%E0%A4%A')).toBe('bad%E0%A4%A');
});

test('escapeXmlText keeps tab, LF and CR from being normalised away', () => {
  expect(escapeXmlText(`a&b<c>"d"'e'\tf\ng\rh`)).toBe(
    'a&amp;b&lt;c&gt;&quot;d&quot;&apos;e&apos;&#9;f&#10;g&#13;h',
  );
  expect(decodeXmlText(escapeXmlText('tab\there & 日本'))).toBe('tab\there & 日本');
});

test('isXmlSafe: keys XML 1.0 cannot carry go by single DELETE', () => {
  expect(isXmlSafe('tab\tline\nreturn\r 日本 😀')).toBe(true);
  expect(isXmlSafe('bell\u0007')).toBe(false);
  expect(isXmlSafe('nul\u0000')).toBe(false);
  expect(isXmlSafe('lone \uD800 surrogate')).toBe(false);
  expect(isXmlSafe('\uFFFE')).toBe(false);
});
