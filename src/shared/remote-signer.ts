import type { Signer } from '../cloud/signer';
import { call } from './call';

/** The page's Signer: each signature is one message to the background, which holds the secret. */
export function remoteSigner(profileId: string, region?: string): Signer {
  const where = region ? { profileId, region } : { profileId };
  let knownOffset = 0;
  return {
    sign: (request, service) => call('sign', { ...where, service, request }),
    presign: async (requests, service, expiresSeconds) =>
      (await call('presign', { ...where, service, requests, expiresSeconds })).urls,
    async observeServerTime(serverTime, localTime) {
      // Only a change worth correcting costs a message; Date headers have 1 s resolution.
      if (Math.abs(serverTime.getTime() - localTime.getTime() - knownOffset) < 2_000)
        return knownOffset;
      const { offsetMs } = await call('clockObserved', {
        profileId,
        serverTime: serverTime.getTime(),
        localTime: localTime.getTime(),
      });
      knownOffset = offsetMs;
      return offsetMs;
    },
  };
}
