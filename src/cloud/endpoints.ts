import type { Profile } from './profile';
import type { SigningScope } from './request';

export type Service = 'ec2' | 's3';

export interface Endpoint {
  /** Base URL with the service path and no trailing slash, e.g. http://10.0.0.5:8773/services/compute */
  baseUrl: string;
  scope: SigningScope;
  /** S3 only: bucket in the path (/bucket/key) rather than in the host name. */
  pathStyle: boolean;
}

function trimSlash(path: string): string {
  return path.replace(/\/+$/, '');
}

function withLeadingSlash(path: string): string {
  const trimmed = trimSlash(path.trim());
  return trimmed === '' ? '' : trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
}

/** Where a profile's EC2 or S3 service lives, and how to sign for it. */
export function endpointFor(
  profile: Profile,
  service: Service,
  regionOverride?: string,
): Endpoint | null {
  switch (profile.kind) {
    case 'aws': {
      const region = regionOverride || profile.region || 'us-east-1';
      const suffix = region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com';
      return {
        baseUrl: `https://${service}.${region}.${suffix}`,
        scope: { service, region, signatureVersion: 4 },
        pathStyle: false,
      };
    }
    case 'eucalyptus': {
      const scheme = profile.https ? 'https' : 'http';
      const host = service === 's3' && profile.s3Host ? profile.s3Host : profile.host;
      const path = withLeadingSlash(service === 'ec2' ? profile.ec2Path : profile.s3Path);
      return {
        baseUrl: `${scheme}://${formatHost(host)}:${profile.port}${path}`,
        scope: { service, region: profile.region, signatureVersion: profile.signatureVersion },
        pathStyle: true,
      };
    }
    case 's3': {
      if (service !== 's3') return null;
      return {
        baseUrl: trimSlash(profile.endpoint.trim()),
        scope: {
          service,
          region: profile.region || 'us-east-1',
          signatureVersion: profile.signatureVersion,
        },
        pathStyle: profile.pathStyle,
      };
    }
  }
}

/** IPv6 literals need brackets in a URL. */
function formatHost(host: string): string {
  return host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
}

/** The origins a profile talks to, for host-permission requests ("http://10.0.0.5:8773/*"). */
export function originsFor(profile: Profile): string[] {
  const origins = new Set<string>();
  for (const service of ['ec2', 's3'] as const) {
    const endpoint = endpointFor(profile, service);
    if (!endpoint) continue;
    const url = new URL(endpoint.baseUrl);
    // Match patterns take no port: the host covers every port.
    origins.add(`${url.protocol}//${url.hostname}/*`);
  }
  return [...origins];
}

/** True when a profile talks plain HTTP to any of its services: nothing on the wire is encrypted. */
export function usesPlainHttp(profile: Profile): boolean {
  if (profile.kind === 'eucalyptus') return !profile.https;
  if (profile.kind === 's3') return /^http:/i.test(profile.endpoint.trim());
  return false;
}

export function isAwsHost(hostname: string): boolean {
  return /(^|\.)amazonaws\.com(\.cn)?$/.test(hostname);
}
