import { describe, expect, test } from 'vitest';
import { addressFromAnswer, hostCidr } from '../../../src/cloud/ip-address';

describe('hostCidr: one computer as a rule source', () => {
  test.each([
    ['203.0.113.7', '203.0.113.7/32'],
    [' 203.0.113.7/32 ', '203.0.113.7/32'],
    ['2001:DB8::7', '2001:db8::7/128'],
    ['2001:db8::7/128', '2001:db8::7/128'],
    ['::1', '::1/128'],
    ['2001:0DB8:0000:0000:0000:0000:0000:0007', '2001:db8::7/128'],
    ['2001:db8:0:0:1:0:0:7', '2001:db8::1:0:0:7/128'],
  ])('%s → %s', (text, cidr) => {
    expect(hostCidr(text)).toBe(cidr);
  });

  test.each([
    '',
    '203.0.113.0/24',
    '203.0.113.256',
    '203.0.113.07',
    '203.0.113',
    '2001:db8::/64',
    '2001:db8::7%eth0',
    'example.com',
    '203.0.113.7 198.51.100.1',
    `1.1.1.1${' '.repeat(100)}x`,
  ])('refuses %j', (text) => {
    expect(hostCidr(text)).toBeNull();
  });
});

describe('addressFromAnswer: a checkip answer is hostile text', () => {
  test('an address with a line break passes', () => {
    expect(addressFromAnswer('203.0.113.7\n')).toBe('203.0.113.7');
    expect(addressFromAnswer('2001:db8::7\r\n')).toBe('2001:db8::7');
  });

  test.each([
    '<html><body>203.0.113.7</body></html>',
    '203.0.113.7/32',
    '0.0.0.0/0',
    'Current IP Address: 203.0.113.7',
    '203.0.113.7\n198.51.100.1',
    '',
    'A'.repeat(10_000),
  ])('refuses %j', (body) => {
    expect(addressFromAnswer(body)).toBeNull();
  });
});
