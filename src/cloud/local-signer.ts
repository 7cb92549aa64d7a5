// A Signer that holds the credentials itself: Node tests use it directly, and the background
// uses it once the keychain has handed it the secret. Pure: no storage, no browser APIs.

import { nextClockOffset } from './clock';
import { endpointFor, type Service } from './endpoints';
import type { Credentials, Profile } from './profile';
import type { HttpRequest, SigningScope } from './request';
import { presign, signRequest } from './sign/index';
import type { Signer } from './signer';

/** Server time minus local time, in ms; shared with the caller so it can persist or inspect it. */
export interface ClockOffset {
  offsetMs: number;
}

export function createLocalSigner(
  profile: Profile,
  creds: Credentials,
  clock: ClockOffset = { offsetMs: 0 },
): Signer {
  const scopeFor = (service: Service): SigningScope => {
    const endpoint = endpointFor(profile, service);
    if (!endpoint) throw new Error(`Profile ${profile.id} has no ${service} endpoint`);
    return endpoint.scope;
  };
  const now = (): Date => new Date(Date.now() + clock.offsetMs);

  return {
    async sign(request: HttpRequest, service: Service) {
      return signRequest(request, creds, scopeFor(service), now());
    },
    async presign(requests: HttpRequest[], service: Service, expiresSeconds: number) {
      const at = now();
      return Promise.all(
        requests.map((request) => presign(request, creds, scopeFor(service), at, expiresSeconds)),
      );
    },
    async observeServerTime(serverTime: Date, localTime: Date) {
      // Bounded as in the background: a server hours off is refused and the offset kept.
      clock.offsetMs = nextClockOffset(clock.offsetMs, serverTime.getTime() - localTime.getTime());
      return clock.offsetMs;
    },
  };
}
