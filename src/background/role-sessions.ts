// MFA sessions and assumed roles. STS answers carry secret keys, so the background calls STS
// itself and keeps the keys in storage.session (`sessionCredentials`); a page only ever gets the
// label, the expiry, the role's ARN and its colour.

import { CloudError, toErrorData } from '../cloud/errors';
import type { Profile } from '../cloud/profile';
import { queryCall } from '../cloud/query';
import {
  durationWithin,
  isMfaCode,
  MFA_SECONDS,
  ROLE_SECONDS,
  roleNameOf,
} from '../cloud/sts/role-checks';
import { roleSigning } from '../cloud/sts/role-signing';
import { assumeRole, getSessionToken } from '../cloud/sts/sts-operations';
import { type StsAsk, stsRefusal } from '../cloud/sts/sts-refusal';
import { publicSession } from '../cloud/temporary-credentials';
import type { StsSessionsView } from '../shared/messages';
import { sessionCredentials } from '../storage/items';
import { backgroundSigner } from './background-signer';
import { findProfile } from './profile-store';

export async function stsSessionsView(profileId: string): Promise<StsSessionsView> {
  const entry = (await sessionCredentials.get())[profileId];
  return {
    base: entry?.base ? publicSession(entry.base) : null,
    role: entry?.role ? publicSession(entry.role) : null,
  };
}

function stsProfile(profile: Profile): Exclude<Profile, { kind: 's3' }> {
  if (profile.kind === 's3') {
    throw new CloudError({
      code: 'NoSuchService',
      message: 'An S3-compatible store has no STS: MFA sessions and roles need AWS or Eucalyptus.',
    });
  }
  return profile;
}

function checkCode(code: string): void {
  if (!isMfaCode(code)) {
    throw new CloudError({
      code: 'MfaCodeInvalid',
      message: 'An MFA code is the six digits your device shows.',
    });
  }
}

async function askSts<T>(ask: StsAsk, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw stsRefusal(toErrorData(error), ask);
  }
}

/** An MFA session: GetSessionToken with the profile's own keys and the device's code. */
export async function startMfaSession(
  profileId: string,
  code: string,
  durationSeconds: number,
): Promise<StsSessionsView> {
  const profile = stsProfile(await findProfile(profileId));
  if (!profile.mfaSerial) {
    throw new CloudError({
      code: 'NoMfaDevice',
      message: 'This profile names no MFA device: add its serial or ARN in the profile.',
    });
  }
  checkCode(code);
  const seconds = durationWithin(durationSeconds, MFA_SECONDS);
  if (seconds === undefined) {
    throw new CloudError({
      code: 'InvalidDuration',
      message: 'An MFA session lasts 15 minutes to 36 hours.',
    });
  }
  const serialNumber = profile.mfaSerial;
  // GetSessionToken refuses session keys: signed with the profile's own keys, whatever is active.
  const credentials = await askSts({ action: 'GetSessionToken' }, () =>
    queryCall('sts', getSessionToken, profile, backgroundSigner(profileId, undefined, 'own'), {
      serialNumber,
      tokenCode: code,
      durationSeconds: seconds,
    }),
  );
  await sessionCredentials.update((all) => ({
    ...all,
    // A role taken before is dropped: it was not taken with this session.
    [profileId]: {
      base: { ...credentials, label: profile.name, source: 'mfa' },
    },
  }));
  return stsSessionsView(profileId);
}

/** Ends the MFA session (and any role taken with it). */
export async function endMfaSession(profileId: string): Promise<StsSessionsView> {
  await sessionCredentials.update(({ [profileId]: _gone, ...rest }) => rest);
  return stsSessionsView(profileId);
}

/**
 * AssumeRole for one of the profile's roles, signed with the MFA session when there is one, else
 * with the profile's own keys (with the device's code when the profile has an MFA device).
 */
export async function switchRole(
  profileId: string,
  roleArn: string,
  code: string | undefined,
  durationSeconds: number = ROLE_SECONDS.default,
): Promise<StsSessionsView> {
  const profile = stsProfile(await findProfile(profileId));
  const role = profile.roles?.find((r) => r.arn === roleArn);
  if (!role) {
    throw new CloudError({
      code: 'NoSuchRole',
      message: 'This role is not in the profile any more: edit the profile to add it.',
    });
  }
  const seconds = durationWithin(durationSeconds, ROLE_SECONDS);
  if (seconds === undefined) {
    throw new CloudError({
      code: 'InvalidDuration',
      message: 'A role session lasts 15 minutes to 12 hours.',
    });
  }
  const base = (await sessionCredentials.get())[profileId]?.base;
  const { withMfaCode: withMfa, dropBase } = roleSigning(base, profile.mfaSerial, Date.now());
  if (withMfa) checkCode(code ?? '');
  // The role being replaced is dropped first: the new one is taken as the profile, never chained.
  await sessionCredentials.update((all) => {
    const { role: _old, ...rest } = all[profileId] ?? {};
    if (dropBase) delete rest.base;
    return { ...all, [profileId]: rest };
  });
  const assumed = await askSts(
    { action: 'AssumeRole', roleArn, ...(role.externalId ? { externalId: role.externalId } : {}) },
    () =>
      queryCall('sts', assumeRole, profile, backgroundSigner(profileId), {
        roleArn,
        roleSessionName: role.sessionName || defaultSessionName(profile),
        ...(role.externalId ? { externalId: role.externalId } : {}),
        ...(withMfa && profile.mfaSerial && code
          ? { serialNumber: profile.mfaSerial, tokenCode: code }
          : {}),
        durationSeconds: seconds,
      }),
  );
  const { assumedRoleArn: _arn, ...keys } = assumed;
  await sessionCredentials.update((all) => ({
    ...all,
    [profileId]: {
      ...all[profileId],
      role: {
        ...keys,
        label: role.label || roleNameOf(roleArn),
        source: 'role',
        roleArn,
        ...(role.color ? { color: role.color } : {}),
      },
    },
  }));
  return stsSessionsView(profileId);
}

/** Back to the profile: the role's keys are forgotten. */
export async function dropRole(profileId: string): Promise<StsSessionsView> {
  await sessionCredentials.update((all) => {
    const { role: _old, ...rest } = all[profileId] ?? {};
    return { ...all, [profileId]: rest };
  });
  return stsSessionsView(profileId);
}

/** RoleSessionName when the profile names none: shows in CloudTrail as who took the role. */
function defaultSessionName(profile: Profile): string {
  const user = profile.accessKeyId.replace(/[^\w+=,.@-]/g, '').slice(0, 40);
  return user.length >= 2 ? `cirrus-${user}` : 'cirrus';
}
