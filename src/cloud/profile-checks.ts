// Every check of a profile before it is saved: its endpoint and keys (profile-validation.ts) and
// its MFA device and roles (sts/role-checks.ts). Kept apart so that code needing only isHost or
// isRegion (the first tab's SSH line) does not carry the role checks.

import type { Profile } from './profile';
import { type ProfileProblems, validateProfile } from './profile-validation';
import { isMfaSerial, isRoleEntryShape, roleProblems } from './sts/role-checks';

export function checkProfile(profile: Profile, hasSecret: boolean): ProfileProblems {
  return { ...validateProfile(profile, hasSecret), ...stsProblems(profile) };
}

/**
 * The MFA device and role list of a profile as stored (a backup file may hold anything). The form
 * marks the row and its field; here one problem for the list is enough.
 */
function stsProblems(profile: Profile): ProfileProblems {
  const problems: ProfileProblems = {};
  if (profile.kind === 's3') return problems;
  const { mfaSerial, roles } = profile as { mfaSerial?: unknown; roles?: unknown };
  if (mfaSerial !== undefined && (typeof mfaSerial !== 'string' || !isMfaSerial(mfaSerial)))
    problems.mfaSerial = 'invalid-mfa-serial';
  if (
    roles !== undefined &&
    (!Array.isArray(roles) ||
      roles.some((role) => !isRoleEntryShape(role) || Object.keys(roleProblems(role)).length > 0))
  )
    problems.roles = 'invalid-role';
  return problems;
}
