// One computer's address as a security group rule takes it: an IPv4 or IPv6 address, alone or as
// its single-host block (/32, /128). Used for what the user types and for a checkip answer, which
// is hostile text: nothing but an address passes.

import { isIpv4Cidr, isIpv6Cidr } from './ec2/cidr';

/** The longest answer a checkip service sends (an IPv6 address is at most 39 characters). */
export const MAX_ADDRESS_TEXT = 64;

/** `1.2.3.4` → `1.2.3.4/32`, `2001:db8::1` → `2001:db8::1/128`; null for anything else. */
export function hostCidr(text: string): string | null {
  const value = text.trim();
  if (value.length === 0 || value.length > MAX_ADDRESS_TEXT) return null;
  const slash = value.indexOf('/');
  const address = slash < 0 ? value : value.slice(0, slash);
  const prefix = slash < 0 ? '' : value.slice(slash + 1);
  if (isIpv4Cidr(`${address}/32`) && (prefix === '' || prefix === '32')) return `${address}/32`;
  if (isIpv6Cidr(`${address}/128`) && (prefix === '' || prefix === '128'))
    return `${canonicalIpv6(address)}/128`;
  return null;
}

/**
 * RFC 5952's form (lower case, zeros dropped, the longest run as `::`), as clouds print it, so a
 * recorded rule matches the one the group lists. The URL parser does exactly that.
 */
function canonicalIpv6(address: string): string {
  return new URL(`http://[${address}]/`).hostname.slice(1, -1);
}

/** A checkip answer: one address and optional surrounding white space, else null. */
export function addressFromAnswer(body: string): string | null {
  const value = body.trim();
  if (value.includes('/')) return null;
  return hostCidr(value) ? value : null;
}
