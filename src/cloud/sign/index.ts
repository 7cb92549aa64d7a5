// The one entry point the background's Signer (and Node tests) call: picks SigV4 or the
// matching SigV2 form from the profile's signing scope.

import type { Credentials } from '../profile';
import type { HttpRequest, SignedRequest, SigningScope } from '../request';
import { presignS3V2, signEc2QueryV2, signS3V2 } from './sigv2';
import { presignV4, signV4 } from './sigv4';

export { MAX_PRESIGN_SECONDS_V4 } from './sigv4';

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
  return scope.service === 'ec2' ? signEc2QueryV2(req, creds, now) : signS3V2(req, creds, now);
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
