// Turning the URLs and host names found in credential files into profile fields.

import { EUCALYPTUS_DEFAULTS, type EucalyptusProfile } from '../profile';
import { isEndpointUrl } from '../profile-validation';
import type { ProblemLog } from './problems';

export interface HttpEndpoint {
  https: boolean;
  /** Lower-case host name or IP (IPv6 in brackets), without the port. */
  host: string;
  port: number;
  /** The path as written; '/' when the URL has none. */
  path: string;
  /** scheme://host[:port] with the default port left out. */
  origin: string;
}

/** A value read from a file, with where it was read, for problem reports. */
export interface ValueRef {
  key: string;
  value: string;
  line: number;
  text: string;
  file?: string;
}

/** Parses an http(s) URL; anything else (placeholders, credentials, queries) is not an endpoint. */
export function parseHttpUrl(value: string): HttpEndpoint | undefined {
  if (/\s/.test(value)) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  if (url.hostname === '' || url.username !== '' || url.password !== '') return undefined;
  if (url.search !== '' || url.hash !== '') return undefined;
  // The same rule as on Save: the host written must be the host the URL goes to.
  if (!isEndpointUrl(value)) return undefined;
  const https = url.protocol === 'https:';
  return {
    https,
    host: url.hostname,
    port: url.port === '' ? (https ? 443 : 80) : Number(url.port),
    path: url.pathname,
    origin: url.origin,
  };
}

/** Base URL for an S3-compatible profile: origin plus any path prefix, no trailing slash. */
export function s3EndpointUrl(endpoint: HttpEndpoint): string {
  return endpoint.origin + endpoint.path.replace(/\/+$/, '');
}

export function isAwsHost(host: string): boolean {
  return /(^|\.)amazonaws\.com(\.cn)?$/i.test(host);
}

/** Region named by an EC2 host (ec2.REGION.amazonaws.com, or the older REGION.ec2.amazonaws.com). */
export function awsRegionFromEc2Host(host: string): string | undefined {
  if (/^ec2\.amazonaws\.com$/i.test(host)) return 'us-east-1';
  const modern = /^ec2\.([a-z0-9-]+)\.amazonaws\.com(\.cn)?$/i.exec(host);
  if (modern) return modern[1]?.toLowerCase();
  return /^([a-z0-9-]+)\.ec2\.amazonaws\.com$/i.exec(host)?.[1]?.toLowerCase();
}

/** A readable profile name from a host: Eucalyptus 4 DNS names start with the service label. */
export function nameFromHost(host: string): string {
  const labels = host.split('.');
  const isIpv4 = /^\d+(\.\d+){3}$/.test(host);
  const serviceLabel = /^(compute|ec2|objectstorage|walrus|s3)$/i;
  if (!isIpv4 && labels.length >= 3 && serviceLabel.test(labels[0] ?? '')) {
    return labels.slice(1).join('.');
  }
  return host;
}

type EucalyptusEndpointFields = Pick<
  EucalyptusProfile,
  'host' | 'port' | 'https' | 'ec2Path' | 's3Path' | 's3Host'
>;

/**
 * Eucalyptus endpoint fields from the EC2 URL and, when known, the S3 URL. Returns undefined
 * (with a 'bad-url' problem) when the EC2 URL cannot be used.
 */
export function eucalyptusEndpoints(
  ec2: ValueRef,
  s3: ValueRef | undefined,
  log: ProblemLog,
): EucalyptusEndpointFields | undefined {
  const compute = parseHttpUrl(ec2.value);
  if (!compute) {
    log.add(ec2.line, ec2.text, 'bad-url', ec2.key, ec2.file);
    return undefined;
  }
  const fields: EucalyptusEndpointFields = {
    host: compute.host,
    port: compute.port,
    https: compute.https,
    // Kept as written: '/' for Eucalyptus 4 DNS-style URLs, /services/... otherwise.
    ec2Path: compute.path,
    s3Path: defaultS3Path(compute.path),
    s3Host: '',
  };
  const storage = s3 ? parseHttpUrl(s3.value) : undefined;
  if (s3 && !storage) log.add(s3.line, s3.text, 'bad-url', s3.key, s3.file);
  if (!storage) {
    const at = s3 ?? ec2;
    log.add(at.line, at.text, 'assumed-default', `s3Path=${fields.s3Path}`, at.file);
  }
  if (s3 && storage) {
    fields.s3Path = storage.path;
    fields.s3Host = storage.host === compute.host ? '' : storage.host;
    // One profile has one scheme and one port; say so instead of silently using the EC2 ones.
    if (storage.https !== compute.https) {
      log.add(s3.line, s3.text, 'endpoint-mismatch', 'scheme', s3.file);
    }
    if (storage.port !== compute.port)
      log.add(s3.line, s3.text, 'endpoint-mismatch', 'port', s3.file);
  }
  return fields;
}

/** Eucalyptus before 4.0 served Walrus next to /services/Eucalyptus; 4.x serves objectstorage. */
function defaultS3Path(ec2Path: string): string {
  return ec2Path.replace(/\/$/, '') === EUCALYPTUS_DEFAULTS.legacyEc2Path
    ? EUCALYPTUS_DEFAULTS.legacyS3Path
    : EUCALYPTUS_DEFAULTS.s3Path;
}
