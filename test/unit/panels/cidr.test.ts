import { describe, expect, test } from 'vitest';
import { isIpv4Cidr, isIpv6Cidr, splitList } from '../../../src/cloud/ec2/cidr';

describe('IPv4 CIDR', () => {
  test.each(['10.0.0.0/8', '0.0.0.0/0', '192.168.1.1/32', '255.255.255.255/32', '172.16.0.0/12'])(
    'accepts %s',
    (cidr) => expect(isIpv4Cidr(cidr)).toBe(true),
  );
  test.each([
    '10.0.0.0/33',
    '256.0.0.0/8',
    '10.0.0/8',
    '10.0.0.0',
    '10.0.0.0/',
    '10.0.0.0.0/8',
    '010.0.0.0/8',
    '10.0.0.-1/8',
    '10.0.0.0/8 ',
    'a.b.c.d/8',
    '',
  ])('refuses %j', (cidr) => expect(isIpv4Cidr(cidr)).toBe(false));
});

describe('IPv6 CIDR', () => {
  test.each(['::/0', '2001:db8::/32', 'fe80::1/128', '2001:0db8:0000:0000:0000:0000:0000:0001/64'])(
    'accepts %s',
    (cidr) => expect(isIpv6Cidr(cidr)).toBe(true),
  );
  test.each([
    '2001:db8::/129',
    '2001::db8::/32',
    '2001:db8/32',
    '12345::/16',
    '1:2:3:4:5:6:7:8:9/64',
    '::',
  ])('refuses %j', (cidr) => expect(isIpv6Cidr(cidr)).toBe(false));
});

test('lists split on commas, spaces and line breaks', () => {
  expect(splitList(' 10.0.0.0/8, 192.168.0.0/16\n172.16.0.0/12 ,, ')).toEqual([
    '10.0.0.0/8',
    '192.168.0.0/16',
    '172.16.0.0/12',
  ]);
  expect(splitList('  ')).toEqual([]);
});
