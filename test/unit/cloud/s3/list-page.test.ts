import { expect, test } from 'vitest';
import { compareKeys, folderOfMarker, parseListPage } from '../../../../src/cloud/s3/list-page';
import { fixture } from './support';

test('AWS ListObjectsV2 with encoding-type=url: keys, prefixes and token decoded exactly', () => {
  const page = parseListPage(fixture('aws-list-objects-v2-url.xml'));
  expect(page.version).toBe(2);
  expect(page.truncated).toBe(true);
  // Tokens are not URL-encoded: a '+' in one stays a '+'.
  expect(page.nextContinuationToken).toBe('1ueGcxLPRx1Tr/XYExHnhbYLgveDs2J+wm36Hy4vbOwM=');
  expect(page.objects).toEqual([
    {
      key: '2024/a b+c%d#e?f.jpg',
      size: 1048576,
      lastModified: '2024-03-01T10:00:00.000Z',
      storageClass: 'STANDARD',
      etag: '9b2cf535f27731c974343645a3985328',
    },
    {
      key: '2024/line\r\nbreak\ttab.txt',
      size: 0,
      lastModified: '2024-03-03T12:00:00.000Z',
      storageClass: 'GLACIER',
      etag: 'd41d8cd98f00b204e9800998ecf8427e',
    },
    {
      key: '2024/日本語 ファイル.txt',
      size: 75497472,
      lastModified: '2024-03-02T11:30:00.000Z',
      storageClass: 'STANDARD_IA',
      etag: '3858f62230ac3c915f300c664312c11f-9',
    },
  ]);
  // The _$folder$ marker is a folder, next to the real common prefixes.
  expect(page.prefixes).toEqual(['2024/archive/', '2024/jan/', '2024/x&y z/']);
  // Code point order: 日 (U+65E5) sorts after every prefix here.
  expect(page.lastKey).toBe('2024/日本語 ファイル.txt');
});

test('the last v2 page: not truncated, no token', () => {
  const page = parseListPage(fixture('aws-list-objects-v2-last-page.xml'));
  expect(page).toMatchObject({ version: 2, truncated: false, nextContinuationToken: '' });
  expect(page.objects.map((o) => o.key)).toEqual(['2024/zebra.png']);
});

test('AWS ListObjects v1 with a delimiter: NextMarker given', () => {
  const page = parseListPage(fixture('aws-list-objects-v1-next-marker.xml'));
  expect(page).toMatchObject({ version: 1, truncated: true, nextMarker: 'docs/m/' });
  expect(page.objects.map((o) => o.key)).toEqual(['docs/b.txt', 'docs/c & d.txt']);
  expect(page.prefixes).toEqual(['docs/m/']);
});

test('Walrus v1: Marker and IsTruncated, no NextMarker; numeric references and spaces kept', () => {
  const page = parseListPage(fixture('walrus-list-objects-v1.xml'));
  expect(page.version).toBe(1);
  expect(page.truncated).toBe(true);
  expect(page.nextMarker).toBe('');
  expect(page.objects.map((o) => o.key)).toEqual([
    '  spaced both ends  ',
    'emoji 😀 and 😀.txt',
    'line\r\nbreak.txt',
    'literal &#13; text',
  ]);
  expect(page.prefixes).toEqual(['backup/', 'backup/', 'photos/']);
  // The next marker when the server gives none: the greatest key or prefix on the page.
  expect(page.lastKey).toBe('photos/');
  expect(page.objects[0]).toMatchObject({ size: 11, etag: '5eb63bbbe01eeed093cb22bb8f5acdc3' });
});

test("s3rver ignores encoding-type and escapes ' and ` as &#x27; and &#x60;", () => {
  const page = parseListPage(fixture('s3rver-list-objects-v2.xml'));
  expect(page.version).toBe(2);
  expect(page.objects.map((o) => o.key)).toEqual([
    `odd/it's <quoted> "really"`,
    'odd/back`tick\ttab',
  ]);
});

test('a v2 answer is told from v1 by its fields, not by what was asked', () => {
  const v2 =
    '<ListBucketResult><Name>b</Name><KeyCount>0</KeyCount><IsTruncated>false</IsTruncated></ListBucketResult>';
  const v1 =
    '<ListBucketResult><Name>b</Name><Marker/><IsTruncated>false</IsTruncated></ListBucketResult>';
  const bare =
    '<ListBucketResult><Name>b</Name><IsTruncated>false</IsTruncated></ListBucketResult>';
  expect(parseListPage(v2)).toMatchObject({ version: 2, objects: [], prefixes: [] });
  expect(parseListPage(v1).version).toBe(1);
  expect(parseListPage(bare).version).toBe(1);
});

test('an error document is a CloudError; another root is UnexpectedResponse', () => {
  expect(() =>
    parseListPage(
      '<Error><Code>NoSuchBucket</Code><Message>gone</Message><RequestId>r1</RequestId></Error>',
    ),
  ).toThrowError(expect.objectContaining({ code: 'NoSuchBucket', requestId: 'r1' }));
  expect(() => parseListPage('<ListAllMyBucketsResult/>')).toThrowError(
    expect.objectContaining({ code: 'UnexpectedResponse' }),
  );
});

test('folder markers', () => {
  expect(folderOfMarker('photos_$folder$')).toBe('photos/');
  expect(folderOfMarker('a/b_$folder$')).toBe('a/b/');
  expect(folderOfMarker('dir/_$folder$')).toBe('dir/');
  expect(folderOfMarker('_$folder$')).toBe('');
  expect(folderOfMarker('photos_$folder$.txt')).toBeUndefined();
});

test('keys compare in UTF-8 byte order (code points), as S3 sorts them', () => {
  expect(compareKeys('a', 'b')).toBeLessThan(0);
  expect(compareKeys('ab', 'a')).toBeGreaterThan(0);
  // U+FF5E sorts before U+1F600 in UTF-8, after it in UTF-16 units.
  expect(compareKeys('\uFF5E', '😀')).toBeLessThan(0);
});
