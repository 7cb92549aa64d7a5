// Where an S3 request goes: path-style under the endpoint's service path
// (http://10.0.0.5:8773/services/objectstorage/bucket/key) or virtual-hosted
// (https://bucket.s3.eu-west-1.amazonaws.com/key) when the profile and the bucket name allow it.

import { type Endpoint, endpointFor } from '../endpoints';
import { CloudError } from '../errors';
import type { Profile } from '../profile';
import { rfc3986 } from '../sign/common';
import { isVirtualHostable } from './bucket-name';
import { encodeKey } from './keys';

/** Query parameters in order; an undefined value is a bare name (`?uploads`, `?delete`). */
export type S3Query = ReadonlyArray<readonly [string, string | undefined]>;

export interface S3Location {
  bucket?: string;
  key?: string;
  query?: S3Query;
}

export function s3Endpoint(profile: Profile): Endpoint {
  const endpoint = endpointFor(profile, 's3');
  if (!endpoint) {
    throw new CloudError({ code: 'NoEndpoint', message: 'This profile has no S3 endpoint' });
  }
  return endpoint;
}

/**
 * Virtual-hosted only when the endpoint is not path-style, the bucket is a valid DNS label (no
 * dots over https), the host is a name rather than an IP address, and the profile signs with
 * SigV4: a SigV2 signature names the bucket in its resource, which the Signer does not pass on.
 */
export function isVirtualHosted(profile: Profile, bucket: string): boolean {
  const endpoint = s3Endpoint(profile);
  if (endpoint.pathStyle || endpoint.scope.signatureVersion !== 4) return false;
  const url = new URL(endpoint.baseUrl);
  const ipHost = /^\[|^\d+\.\d+\.\d+\.\d+$/.test(url.hostname) || url.hostname === 'localhost';
  return !ipHost && isVirtualHostable(bucket, url.protocol === 'https:');
}

/** The absolute URL of a service, bucket or object request, exactly as it is signed and sent. */
export function s3Url(profile: Profile, location: S3Location = {}): string {
  const endpoint = s3Endpoint(profile);
  const base = new URL(endpoint.baseUrl);
  const basePath = base.pathname.replace(/\/+$/, '');
  const { bucket, key } = location;
  const keyPath = key === undefined ? '' : encodeKey(key);
  let origin = `${base.protocol}//${base.host}`;
  let path: string;
  if (bucket === undefined || bucket === '') {
    path = `${basePath}/`;
  } else if (isVirtualHosted(profile, bucket)) {
    origin = `${base.protocol}//${bucket}.${base.host}`;
    path = `${basePath}/${keyPath}`;
  } else {
    path = `${basePath}/${rfc3986(bucket)}${key === undefined ? '' : `/${keyPath}`}`;
  }
  return `${origin}${path}${queryString(location.query)}`;
}

export function queryString(query: S3Query | undefined): string {
  if (!query || query.length === 0) return '';
  const parts = query.map(([name, value]) =>
    value === undefined ? rfc3986(name) : `${rfc3986(name)}=${rfc3986(value)}`,
  );
  return `?${parts.join('&')}`;
}
