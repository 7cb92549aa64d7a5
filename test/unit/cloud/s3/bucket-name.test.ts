import { expect, test } from 'vitest';
import { isVirtualHostable, validateBucketName } from '../../../../src/cloud/s3/bucket-name';

test.each([
  'abc',
  'my-bucket',
  'my.bucket.name',
  'a1b2c3',
  '123bucket',
  'x'.repeat(63),
  'bucket-s3alias-not-at-end',
  'xn-single-hyphen',
])('%s is a valid name', (name) => {
  expect(validateBucketName(name)).toBeUndefined();
});

test.each([
  ['ab', 'length'],
  ['x'.repeat(64), 'length'],
  ['', 'length'],
  ['My-Bucket', 'characters'],
  ['under_score', 'characters'],
  ['space name', 'characters'],
  ['日本語バケット', 'characters'],
  ['-bucket', 'edge'],
  ['bucket-', 'edge'],
  ['.bucket', 'edge'],
  ['bucket.', 'edge'],
  ['my..bucket', 'adjacent-dots'],
  ['my.-bucket', 'label-edge'],
  ['my-.bucket', 'label-edge'],
  ['192.168.5.4', 'ip-address'],
  ['10.0.0.1', 'ip-address'],
  ['xn--bucket', 'reserved-prefix'],
  ['sthree-bucket', 'reserved-prefix'],
  ['amzn-s3-demo-bucket', 'reserved-prefix'],
  ['bucket-s3alias', 'reserved-suffix'],
  ['bucket--ol-s3', 'reserved-suffix'],
  ['bucket.mrap', 'reserved-suffix'],
  ['bucket--x-s3', 'reserved-suffix'],
])('%j: %s', (name, problem) => {
  expect(validateBucketName(name)).toBe(problem);
});

test('virtual-hostable: valid, and without dots over https', () => {
  expect(isVirtualHostable('photos', true)).toBe(true);
  expect(isVirtualHostable('www.example.com', true)).toBe(false);
  expect(isVirtualHostable('www.example.com', false)).toBe(true);
  expect(isVirtualHostable('Old_Bucket', false)).toBe(false);
});
