import type { Signer } from '../cloud/signer';
import { observeClock, presignFor, type SignWith, signFor } from './signer';

/**
 * The Signer for the background's own calls (the launch watch, closing temporary rules): the same
 * signing gate as a page's request, so it signs only for the profile's own endpoint. `using` 'own'
 * signs with the profile's stored keys even while a session is active (presigned URLs never do).
 */
export function backgroundSigner(
  profileId: string,
  region?: string,
  using: SignWith = 'active',
): Signer {
  return {
    sign: (request, service) => signFor(profileId, service, request, region, using),
    presign: (requests, service, expires) =>
      presignFor(profileId, service, requests, expires, region),
    observeServerTime: (server, local) =>
      observeClock(profileId, server.getTime(), local.getTime()),
  };
}
