import { EUCALYPTUS_DEFAULTS, type EucalyptusProfile, type Profile } from './profile';
import type { SigningScope } from './request';
import type { Service } from './service';

export {
  type CoreService,
  isQueryService,
  isService,
  type QueryService,
  type Service,
} from './service';

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
      if (service === 'iam') {
        // IAM is global: one endpoint per partition, signed for its home region.
        const china = region.startsWith('cn-');
        const home = china ? 'cn-north-1' : 'us-east-1';
        return {
          baseUrl: china ? `https://iam.${home}.${suffix}` : `https://iam.${suffix}`,
          scope: { service, region: home, signatureVersion: 4 },
          pathStyle: false,
        };
      }
      return {
        baseUrl: `https://${service}.${region}.${suffix}`,
        scope: { service, region, signatureVersion: 4 },
        pathStyle: false,
      };
    }
    case 'eucalyptus': {
      const scheme = profile.https ? 'https' : 'http';
      const host = service === 's3' && profile.s3Host ? profile.s3Host : profile.host;
      const path = withLeadingSlash(eucalyptusPath(profile, service));
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

/** A Eucalyptus profile's path for a service; profiles saved before a path existed get its default. */
export function eucalyptusPath(profile: EucalyptusProfile, service: Service): string {
  switch (service) {
    case 'ec2':
      return profile.ec2Path;
    case 's3':
      return profile.s3Path;
    case 'monitoring':
      return profile.cloudwatchPath ?? EUCALYPTUS_DEFAULTS.cloudwatchPath;
    case 'iam':
      return profile.euarePath ?? EUCALYPTUS_DEFAULTS.euarePath;
    case 'sts':
      return profile.tokensPath ?? EUCALYPTUS_DEFAULTS.tokensPath;
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
