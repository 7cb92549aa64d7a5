import { describe, expect, test } from 'vitest';
import { CloudError } from '../../../src/cloud/errors';
import { child, elements, list, parseXml, path, root, text } from '../../../src/cloud/xml';

describe('parseXml', () => {
  test('keeps values as strings and ignores namespaces and attributes', () => {
    const doc = parseXml(
      '<?xml version="1.0"?><DescribeImagesResponse xmlns="http://ec2.amazonaws.com/doc/2013-02-01/">' +
        '<imagesSet><item><imageId>emi-0A1B2C3D</imageId><imageOwnerId>000123456789</imageOwnerId>' +
        '<size lang="en">0010</size><isPublic>true</isPublic></item></imagesSet></DescribeImagesResponse>',
    );
    const top = root(doc);
    expect(top.name).toBe('DescribeImagesResponse');
    const [image] = elements(path(top.value, 'imagesSet', 'item'));
    expect(image).toEqual({
      imageId: 'emi-0A1B2C3D',
      imageOwnerId: '000123456789',
      size: '0010',
      isPublic: 'true',
    });
  });

  test('a prefixed namespace reads like none', () => {
    const doc = parseXml('<s3:Error xmlns:s3="urn:x"><s3:Code>NoSuchKey</s3:Code></s3:Error>');
    expect(text(path(doc, 'Error', 'Code'))).toBe('NoSuchKey');
  });

  test('malformed XML throws CloudError MalformedXml', () => {
    expect(() => parseXml('<a><b></a>')).toThrow(CloudError);
    try {
      parseXml('not xml');
    } catch (error) {
      expect((error as CloudError).code).toBe('MalformedXml');
    }
  });
});

describe('list', () => {
  test('one, many, empty and absent', () => {
    const one = parseXml('<r><set><item><id>a</id></item></set></r>');
    const many = parseXml('<r><set><item><id>a</id></item><item><id>b</id></item></set></r>');
    const empty = parseXml('<r><set/></r>');
    expect(list(path(one, 'r', 'set', 'item')).map((i) => text(child(i, 'id')))).toEqual(['a']);
    expect(list(path(many, 'r', 'set', 'item')).map((i) => text(child(i, 'id')))).toEqual([
      'a',
      'b',
    ]);
    expect(list(path(empty, 'r', 'set', 'item'))).toEqual([]);
    expect(list(path(empty, 'r', 'missing', 'item'))).toEqual([]);
  });

  test('S3 Contents, one object or several', () => {
    const one = parseXml(
      '<ListBucketResult><Contents><Key>k</Key><Size>5</Size></Contents></ListBucketResult>',
    );
    expect(elements(path(one, 'ListBucketResult', 'Contents'))).toEqual([{ Key: 'k', Size: '5' }]);
  });

  test('text of absent, empty and mixed nodes', () => {
    expect(text(undefined)).toBe('');
    expect(text(path(parseXml('<a><b/></a>'), 'a', 'b'))).toBe('');
  });
});
