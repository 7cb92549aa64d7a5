import { nextClockOffset } from '../cloud/clock';
import type { BundleStorage } from '../cloud/ec2/operations/bundle-tasks';
import { signedBundleStorage } from '../cloud/ec2/upload-policy';
import type { Endpoint, Service } from '../cloud/endpoints';
import { endpointFor, isService } from '../cloud/endpoints';
import { CloudError } from '../cloud/errors';
import type { Credentials, Profile } from '../cloud/profile';
import { isRegion } from '../cloud/profile-validation';
import type { HttpRequest } from '../cloud/request';
import { MAX_PRESIGN_SECONDS_V4, presign, signRequest } from '../cloud/sign';
import { activeSession, sessionCredentials, signInRequired } from '../cloud/temporary-credentials';
import { clockOffsets, sessionCredentials as sessionItem } from '../storage/items';
import { findProfile } from './profile-store';
import { keychain } from './services';

function endpointOf(profile: Profile, service: Service, region?: string): Endpoint {
  if (!isService(service)) {
    throw new CloudError({ code: 'NoSuchService', message: 'Not a service Cirrus signs for.' });
  }
  // A region override ends up in an AWS host name (ec2.REGION.amazonaws.com): the Save rule.
  if (region !== undefined && region !== '' && !isRegion(region)) {
    throw new CloudError({ code: 'InvalidRegion', message: `Not a region name: ${region}` });
  }
  const endpoint = endpointFor(profile, service, region);
  if (!endpoint) {
    throw new CloudError({
      code: 'NoSuchService',
      message: `This profile has no ${service.toUpperCase()} endpoint.`,
    });
  }
  return endpoint;
}

/**
 * Signatures go only to the profile's own endpoint for the service being signed: same scheme,
 * host (or, for virtual-hosted S3, a bucket host under it), port, and the service's path. On a
 * Eucalyptus host every service shares host and port, so without the path check an EC2
 * signature could be spent at /services/Euare or /services/Tokens.
 */
export function assertSignable(url: string, endpoint: Endpoint, service: Service): void {
  const refuse = (why: string): never => {
    throw new CloudError({ code: 'ForeignEndpoint', message: `Refused to sign ${url}: ${why}.` });
  };
  const target = URL.canParse(url) ? new URL(url) : refuse('not a URL');
  const base = new URL(endpoint.baseUrl);
  if (target.protocol !== base.protocol) refuse(`not ${base.protocol.slice(0, -1)}`);
  if (target.username !== '' || target.password !== '') refuse('user info in the URL');
  const bucketHost =
    service === 's3' && !endpoint.pathStyle && target.hostname.endsWith(`.${base.hostname}`);
  if (target.hostname !== base.hostname && !bucketHost) refuse(`not ${base.hostname}`);
  // URL leaves the scheme's default port out of both, so '' matches only the default port.
  if (target.port !== base.port) refuse(`not port ${base.port || 'default'}`);
  const basePath = base.pathname.replace(/\/+$/, '');
  // Query APIs (EC2, CloudWatch, IAM, STS) are served at their path itself; S3 at anything under it.
  const pathOk =
    service !== 's3'
      ? target.pathname === `${basePath}/` || (basePath !== '' && target.pathname === basePath)
      : basePath === '' || target.pathname.startsWith(`${basePath}/`);
  if (!pathOk) refuse(`not under ${basePath || '/'}`);
}

/** 'own': the profile's stored keys even while a session is active (STS GetSessionToken). */
export type SignWith = 'active' | 'own';

async function prepare(
  profileId: string,
  service: Service,
  requests: HttpRequest[],
  region?: string,
  using: SignWith = 'active',
) {
  const profile = await findProfile(profileId);
  const endpoint = endpointOf(profile, service, region);
  for (const request of requests) assertSignable(request.url, endpoint, service);
  const creds = using === 'own' ? ownCredentials(profile) : credentialsFor(profile);
  const [signing, offsets] = await Promise.all([creds, clockOffsets.get()]);
  // No auto-lock touch here: polling and the launch watch sign too, and they are not the user.
  const now = new Date(Date.now() + (offsets[profileId] ?? 0));
  return { creds: signing, scope: endpoint.scope, now };
}

/**
 * The keys that sign for a profile: its temporary session (a role, else a login or MFA session)
 * when it has one, else its stored keys. A locked keychain refuses both, so a lock also stops the
 * sessions that were started with the keys it guards.
 */
export async function credentialsFor(profile: Profile): Promise<Credentials> {
  const { locked } = await keychain.status();
  if (locked) await keychain.all(); // throws the keychain's own "locked" error
  const session = activeSession((await sessionItem.get())[profile.id]);
  if (session) return sessionCredentials(session, Date.now());
  return ownCredentials(profile);
}

/** The profile's stored keys; a password-login profile has none. */
async function ownCredentials(profile: Profile): Promise<Credentials> {
  if (profile.kind === 'eucalyptus' && profile.signIn === 'password') throw signInRequired();
  const secret = await keychain.get(profile.id);
  return { accessKeyId: profile.accessKeyId, ...secret };
}

export async function signFor(
  profileId: string,
  service: Service,
  request: HttpRequest,
  region?: string,
  using: SignWith = 'active',
) {
  const { creds, scope, now } = await prepare(profileId, service, [request], region, using);
  return signRequest(request, creds, scope, now);
}

/** The background's cap for every presigned URL, SigV2 included (SigV2 itself has none). */
export function assertExpiry(expiresSeconds: number): void {
  if (
    !Number.isInteger(expiresSeconds) ||
    expiresSeconds < 1 ||
    expiresSeconds > MAX_PRESIGN_SECONDS_V4
  ) {
    throw new CloudError({
      code: 'InvalidExpiry',
      message: `A presigned URL lasts 1 s to 7 days, not ${expiresSeconds} s.`,
    });
  }
}

export async function presignFor(
  profileId: string,
  service: Service,
  requests: HttpRequest[],
  expiresSeconds: number,
  region?: string,
): Promise<string[]> {
  assertExpiry(expiresSeconds);
  const { creds, scope, now } = await prepare(profileId, service, requests, region);
  return Promise.all(
    requests.map((request) => presign(request, creds, scope, now, expiresSeconds)),
  );
}

/**
 * Keeps the newest offset; small differences (network latency, Date's 1 s resolution) are
 * ignored, and a server more than an hour off is refused with the stored offset unchanged.
 */
export async function observeClock(
  profileId: string,
  serverTime: number,
  localTime: number,
): Promise<number> {
  const offsets = await clockOffsets.get();
  const previous = offsets[profileId] ?? 0;
  const next = nextClockOffset(previous, serverTime - localTime);
  if (next !== previous) await clockOffsets.set({ ...offsets, [profileId]: next });
  return next;
}

/**
 * BundleInstance's upload policy for a bucket of the profile's own object store. The background
 * writes the policy itself (one bucket, one key prefix, acl ec2-bundle-read, a day at most) and
 * signs only that: a page never gets a signature over a policy of its choosing.
 */
export async function bundleStorageFor(
  profileId: string,
  bucket: string,
  prefix: string,
): Promise<BundleStorage> {
  const profile = await findProfile(profileId);
  // Bundles are an EC2 feature of clouds with both services; an S3-only profile has no cloud.
  if (profile.kind === 's3' || !endpointFor(profile, 's3') || !endpointFor(profile, 'ec2')) {
    throw new CloudError({
      code: 'NoSuchService',
      message: 'This profile has no EC2 cloud to bundle instances.',
    });
  }
  const [secret, offsets] = await Promise.all([keychain.get(profileId), clockOffsets.get()]);
  const now = new Date(Date.now() + (offsets[profileId] ?? 0));
  return signedBundleStorage(
    { bucket, prefix },
    { accessKeyId: profile.accessKeyId, secretAccessKey: secret.secretAccessKey },
    now,
  );
}
