// Whether a profile has no CloudWatch at all, as opposed to CloudWatch refusing one request: the
// Alarms tab then says so in plain words instead of showing an error.

import { endpointFor } from '../endpoints';
import type { CloudErrorData } from '../errors';
import type { Profile } from '../profile';
import { isUnsupportedAction } from '../unsupported';

/** An S3-only profile, or a cloud whose CloudWatch path is not there (404) or knows no actions. */
export function hasNoCloudWatch(
  profile: Profile | undefined,
  error: CloudErrorData | null,
): boolean {
  if (profile && !endpointFor(profile, 'monitoring')) return true;
  if (!error) return false;
  return error.status === 404 || error.code === 'NoEndpoint' || isUnsupportedAction(error);
}
