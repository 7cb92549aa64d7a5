import { expect, test } from 'vitest';
import { readItems } from '../../../../src/cloud/ec2/read-items';
import { child, text } from '../../../../src/cloud/xml';

const op = { items: { path: ['imagesSet', 'item'] } };

test('items as parseXml shapes them, and the rest of the document', () => {
  const page = readItems(
    '<DescribeImagesResponse xmlns="x"><requestId>r</requestId><imagesSet>' +
      '<item><imageId>a</imageId><tagSet><item><key>k</key><value>v</value></item></tagSet></item>' +
      '<item/><item><imageId>b</imageId></item></imagesSet><nextToken>t</nextToken>' +
      '</DescribeImagesResponse>',
    op,
  );
  expect(page.items).toEqual([
    { imageId: 'a', tagSet: { item: { key: 'k', value: 'v' } } },
    { imageId: 'b' },
  ]);
  expect(text(child(page.rest, 'nextToken'))).toBe('t');
  expect(text(child(page.rest, 'requestId'))).toBe('r');
});

test('one item, and none', () => {
  expect(
    readItems('<R><imagesSet><item><imageId>a</imageId></item></imagesSet></R>', op).items,
  ).toEqual([{ imageId: 'a' }]);
  expect(readItems('<R><imagesSet/></R>', op).items).toEqual([]);
  expect(readItems('<R/>', op).items).toEqual([]);
});

test('a body that is not XML is MalformedXml', () => {
  expect(() => readItems('<html><body>proxy error', op)).toThrow(
    expect.objectContaining({ code: 'MalformedXml' }),
  );
});
