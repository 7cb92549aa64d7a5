// The one entry point the background's Signer (and Node tests) call: picks SigV4 or the
// matching SigV2 form from the profile's signing scope.

import type { Credentials } from '../profile';
import type { HttpRequest, SignedRequest, SigningScope } from '../request';
import { clearHmacKeys, hmacKeyCount, presignS3V2, signEc2QueryV2, signS3V2 } from './sigv2';
import { clearSigningKeys, presignV4, signingKeyCount, signV4 } from './sigv4';

export { MAX_PRESIGN_SECONDS_V4 } from './sigv4';

/**
 * Empties the SigV2 HMAC-key and SigV4 derived-key caches. Both are keyed by the raw secret, so
 * a locked keychain must call this or the secrets stay in the worker's memory.
 */
export function clearSigningCaches(): void {
  clearHmacKeys();
  clearSigningKeys();
}

/** How many cached keys exist, for tests that a lock leaves none. */
export function signingCacheSize(): number {
  return hmacKeyCount() + signingKeyCount();
}

/** `now` is the corrected server time (see the clock-skew note in DESIGN.md), not Date.now(). */
export function signRequest(
  req: HttpRequest,
  creds: Credentials,
  scope: SigningScope,
  now: Date,
): Promise<SignedRequest> {
  if (scope.signatureVersion === 4) {
    return signV4(req, creds, { service: scope.service, region: scope.region }, now);
  }
  // EC2, CloudWatch, IAM and STS share the Query protocol's SigV2 form; only S3 has its own.
  return scope.service === 's3' ? signS3V2(req, creds, now) : signEc2QueryV2(req, creds, now);
}

/** A presigned S3 URL (only S3 accepts query-string signatures for plain downloads/uploads). */
export function presign(
  req: HttpRequest,
  creds: Credentials,
  scope: SigningScope,
  now: Date,
  expiresSeconds: number,
): Promise<string> {
  if (scope.service !== 's3') {
    return Promise.reject(new Error(`Presigned URLs are only made for S3, not ${scope.service}`));
  }
  if (scope.signatureVersion === 4) {
    return presignV4(req, creds, { service: 's3', region: scope.region }, now, expiresSeconds);
  }
  return presignS3V2(req, creds, now, expiresSeconds);
}
