// CIDR blocks as security group rules take them: a.b.c.d/n (IPv4) and IPv6 with a prefix length.

const OCTET = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;

/** `10.0.0.0/8`: four octets 0-255 without leading zeros, and a prefix length 0-32. */
export function isIpv4Cidr(text: string): boolean {
  const m = /^([\d.]+)\/(\d{1,2})$/.exec(text);
  if (!m) return false;
  const octets = (m[1] ?? '').split('.');
  return octets.length === 4 && octets.every((o) => OCTET.test(o)) && Number(m[2]) <= 32;
}

/** `2001:db8::/32`: eight groups of up to four hex digits (or fewer with one `::`), prefix 0-128. */
export function isIpv6Cidr(text: string): boolean {
  const m = /^([0-9a-f:]+)\/(\d{1,3})$/i.exec(text);
  if (!m || Number(m[2]) > 128) return false;
  const address = m[1] ?? '';
  const halves = address.split('::');
  if (halves.length > 2) return false;
  const groups = halves.map((half) => (half === '' ? [] : half.split(':')));
  if (groups.some((list) => list.some((g) => !/^[0-9a-f]{1,4}$/i.test(g)))) return false;
  const count = groups.reduce((n, list) => n + list.length, 0);
  return halves.length === 2 ? count < 8 : count === 8;
}

/** Splits a list typed with commas, spaces or line breaks: "10.0.0.0/8, 192.168.0.0/16". */
export function splitList(text: string): string[] {
  return text.split(/[\s,]+/).filter(Boolean);
}
