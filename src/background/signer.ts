import type { Endpoint, Service } from '../cloud/endpoints';
import { endpointFor } from '../cloud/endpoints';
import { CloudError } from '../cloud/errors';
import type { Profile } from '../cloud/profile';
import type { HttpRequest } from '../cloud/request';
import { presign, signRequest } from '../cloud/sign';
import { clockOffsets } from '../storage/items';
import { touchAutoLock } from './auto-lock';
import { findProfile } from './profile-store';
import { keychain } from './services';

function endpointOf(profile: Profile, service: Service, region?: string): Endpoint {
  const endpoint = endpointFor(profile, service, region);
  if (!endpoint) {
    throw new CloudError({
      code: 'NoSuchService',
      message: `This profile has no ${service.toUpperCase()} endpoint.`,
    });
  }
  return endpoint;
}

/** Signatures go only to the profile's own endpoint (or a bucket host under it). */
function assertOwnEndpoint(url: string, endpoint: Endpoint): void {
  const target = new URL(url);
  const base = new URL(endpoint.baseUrl);
  const sameHost = target.host === base.host || target.hostname.endsWith(`.${base.hostname}`);
  if (target.protocol !== base.protocol || !sameHost) {
    throw new CloudError({
      code: 'ForeignEndpoint',
      message: `Refused to sign a request for ${target.origin}.`,
    });
  }
}

async function prepare(
  profileId: string,
  service: Service,
  requests: HttpRequest[],
  region?: string,
) {
  const profile = await findProfile(profileId);
  const endpoint = endpointOf(profile, service, region);
  for (const request of requests) assertOwnEndpoint(request.url, endpoint);
  const [secret, offsets] = await Promise.all([keychain.get(profileId), clockOffsets.get()]);
  void touchAutoLock();
  const now = new Date(Date.now() + (offsets[profileId] ?? 0));
  return { creds: { accessKeyId: profile.accessKeyId, ...secret }, scope: endpoint.scope, now };
}

export async function signFor(
  profileId: string,
  service: Service,
  request: HttpRequest,
  region?: string,
) {
  const { creds, scope, now } = await prepare(profileId, service, [request], region);
  return signRequest(request, creds, scope, now);
}

export async function presignFor(
  profileId: string,
  service: Service,
  requests: HttpRequest[],
  expiresSeconds: number,
  region?: string,
): Promise<string[]> {
  const { creds, scope, now } = await prepare(profileId, service, requests, region);
  return Promise.all(
    requests.map((request) => presign(request, creds, scope, now, expiresSeconds)),
  );
}

/** Keeps the newest offset; small differences (network latency, Date's 1 s resolution) are ignored. */
export async function observeClock(
  profileId: string,
  serverTime: number,
  localTime: number,
): Promise<number> {
  const measured = serverTime - localTime;
  const offsets = await clockOffsets.get();
  const previous = offsets[profileId] ?? 0;
  const next = Math.abs(measured - previous) < 2_000 ? previous : measured;
  if (next !== previous) await clockOffsets.set({ ...offsets, [profileId]: next });
  return next;
}
