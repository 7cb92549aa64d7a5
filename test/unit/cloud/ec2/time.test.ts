import { expect, test } from 'vitest';
import { parseEc2Time } from '../../../../src/cloud/ec2/time';

const AT = Date.UTC(2024, 0, 2, 3, 4, 5);

test.each([
  ['2024-01-02T03:04:05.000Z', AT],
  ['2024-01-02T03:04:05Z', AT],
  ['2024-01-02T03:04:05', AT],
  ['2024-01-02T03:04:05.123+0000', AT + 123],
  ['2024-01-02T12:04:05+09:00', AT],
  ['2024-01-02T12:04:05.5+0900', AT + 500],
  ['2024-01-01T22:04:05-05:00', AT],
  ['2024-01-02T03:04:05.123456Z', AT + 123],
  ['2014-01-24T11:17:27.857Z', Date.UTC(2014, 0, 24, 11, 17, 27, 857)],
])('%s', (raw, ms) => {
  expect(parseEc2Time(raw)?.getTime()).toBe(ms);
});

test.each([
  [''],
  [undefined],
  ['yesterday'],
  ['2024-13-02T03:04:05Z'],
  ['2024-02-31T03:04:05Z'],
  ['2024-01-02'],
  ['2024-01-02T25:04:05Z'],
])('unreadable: %s', (raw) => {
  expect(parseEc2Time(raw)).toBeUndefined();
});
