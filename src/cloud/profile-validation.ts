import type { Profile } from './profile';

/** Why a field was refused; the UI turns each code into a sentence in the user's language. */
export type FieldProblem =
  | 'required'
  | 'too-long'
  | 'no-spaces'
  | 'invalid-host'
  | 'invalid-port'
  | 'invalid-path'
  | 'invalid-url'
  | 'invalid-region'
  | 'invalid-api-version'
  | 'invalid-mfa-serial'
  | 'invalid-role';

export type ProfileField =
  | 'name'
  | 'accessKeyId'
  | 'secretAccessKey'
  | 'region'
  | 'host'
  | 'port'
  | 'ec2Path'
  | 's3Path'
  | 's3Host'
  | 'apiVersion'
  | 'endpoint'
  | 'mfaSerial'
  | 'roles'
  | 'cloudwatchPath'
  | 'euarePath'
  | 'tokensPath'
  | 'account'
  | 'user';

export type ProfileProblems = Partial<Record<ProfileField, FieldProblem>>;

const HOSTNAME =
  /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/i;
const IPV4 = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;

/**
 * A host name, an IPv4 address or an IPv6 literal (with or without brackets), and nothing else:
 * the URL built from it must have exactly that host name, so `::1]@evil.com/[` (which a URL
 * parser reads as user "::1]" at evil.com) is refused.
 */
export function isHost(value: string): boolean {
  const host = value.replace(/^\[(.*)\]$/, '$1');
  if (host.includes(':')) {
    // Only hex digits, colons and dots (an embedded IPv4) make an IPv6 literal.
    if (!/^[0-9a-f:.]+$/i.test(host)) return false;
    const url = parseUrl(`http://[${host}]/`);
    return url?.hostname.startsWith('[') === true && url.pathname === '/';
  }
  if (!IPV4.test(host) && !HOSTNAME.test(host)) return false;
  // The URL parser rewrites some (1.2.3.999 fails, 0x7f.1 becomes 127.0.0.1): keep only exact ones.
  return parseUrl(`http://${host}/`)?.hostname === host.toLowerCase();
}

/** Region names go into AWS host names (ec2.REGION.amazonaws.com): letters, digits, dashes. */
export function isRegion(value: string): boolean {
  return /^[a-z0-9][a-z0-9-]{0,62}$/i.test(value);
}

/**
 * An S3-compatible endpoint: http(s), a host Cirrus accepts, an optional port and path prefix,
 * and nothing that would change where requests go or what is signed (user info, query, fragment).
 */
export function isEndpointUrl(value: string): boolean {
  const url = parseUrl(value);
  if (!url || !/^https?:$/.test(url.protocol)) return false;
  if (url.username || url.password || url.search || url.hash) return false;
  if (!isHost(url.hostname)) return false;
  // The host as written must be the host parsed: a rewritten one means a trick or a typo.
  const written = /^https?:\/\/([^/?#]*)/i.exec(value.trim())?.[1] ?? '';
  return (
    written.toLowerCase() === url.host ||
    written.toLowerCase() === `${url.hostname}:${url.port || defaultPort(url)}`
  );
}

function defaultPort(url: URL): string {
  return url.protocol === 'https:' ? '443' : '80';
}

function parseUrl(text: string): URL | undefined {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}

/** A Eucalyptus profile that signs in with a password instead of holding keys. */
export function usesPasswordSignIn(profile: Profile): boolean {
  return profile.kind === 'eucalyptus' && profile.signIn === 'password';
}

/** Checks a profile before it is saved; `hasSecret` says whether a secret is typed or already kept. */
export function validateProfile(profile: Profile, hasSecret: boolean): ProfileProblems {
  const problems: ProfileProblems = {};
  const name = profile.name.trim();
  if (!name) problems.name = 'required';
  else if (name.length > 64) problems.name = 'too-long';
  // A password profile holds no keys: it signs in for temporary ones.
  if (usesPasswordSignIn(profile)) {
    for (const field of ['account', 'user'] as const) {
      const value = (profile.kind === 'eucalyptus' ? profile[field] : undefined)?.trim() ?? '';
      if (!value) problems[field] = 'required';
      else if (value.length > 128) problems[field] = 'too-long';
    }
  } else {
    if (!profile.accessKeyId.trim()) problems.accessKeyId = 'required';
    else if (/\s/.test(profile.accessKeyId.trim())) problems.accessKeyId = 'no-spaces';
    if (!hasSecret) problems.secretAccessKey = 'required';
  }

  const region = profile.region.trim();
  if (!region) problems.region = 'required';
  else if (!isRegion(region)) problems.region = 'invalid-region';

  if (profile.kind === 'eucalyptus') {
    if (!profile.host.trim()) problems.host = 'required';
    else if (!isHost(profile.host.trim())) problems.host = 'invalid-host';
    if (profile.s3Host.trim() && !isHost(profile.s3Host.trim())) problems.s3Host = 'invalid-host';
    if (!Number.isInteger(profile.port) || profile.port < 1 || profile.port > 65535)
      problems.port = 'invalid-port';
    for (const field of [
      'ec2Path',
      's3Path',
      'cloudwatchPath',
      'euarePath',
      'tokensPath',
    ] as const) {
      const path = (profile[field] ?? '').trim();
      if (path && !/^\/[\w\-./~%]*$/.test(path)) problems[field] = 'invalid-path';
    }
    if (!/^\d{4}-\d{2}-\d{2}$/.test(profile.apiVersion.trim()))
      problems.apiVersion = 'invalid-api-version';
  }
  if (profile.kind === 's3') {
    const endpoint = profile.endpoint.trim();
    if (!endpoint) problems.endpoint = 'required';
    else if (!isEndpointUrl(endpoint)) problems.endpoint = 'invalid-url';
  }
  return problems;
}
