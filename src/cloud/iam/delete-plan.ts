// IAM refuses to delete a user, group or role that still has things attached (DeleteConflict).
// A plan lists what must go first, in an order the cloud accepts, so the confirmation can show
// exactly what will be removed and the same list is then carried out.

import { toErrorData } from '../errors';
import { isUnsupportedAction } from '../unsupported';
import { deleteAccessKey, listAccessKeys } from './access-keys';
import type { IamClient } from './client';
import { deleteGroup, getGroupMembers, removeUserFromGroup } from './groups';
import { deleteInlinePolicy, listInlinePolicies } from './inline-policies';
import { listInstanceProfilesForRole, removeRoleFromInstanceProfile } from './instance-profiles';
import { deleteLoginProfile, getLoginProfile } from './login-profile';
import { detachPolicy, listAttachedPolicies } from './managed-policies';
import { deleteRole } from './roles';
import type { AttachedPolicy, Principal } from './types';
import {
  deactivateMfaDevice,
  deleteSigningCertificate,
  listMfaDevices,
  listSigningCertificates,
} from './user-credentials';
import { deleteUser, listGroupsForUser } from './users';

export type DeleteStep =
  | { kind: 'loginProfile' }
  | { kind: 'accessKey'; accessKeyId: string }
  | { kind: 'signingCertificate'; certificateId: string }
  | { kind: 'mfaDevice'; serialNumber: string }
  /** A role leaves an instance profile (the instance profile stays). */
  | { kind: 'instanceProfile'; profileName: string }
  /** For a user: leave this group; for a group: remove this member. */
  | { kind: 'membership'; groupName: string; userName: string }
  | { kind: 'inlinePolicy'; policyName: string }
  | { kind: 'attachedPolicy'; policyName: string; policyArn: string }
  | { kind: 'principal' };

/** What a principal still has, as read from the cloud. */
export interface Belongings {
  loginProfile: boolean;
  accessKeyIds: string[];
  certificateIds: string[];
  mfaSerials: string[];
  instanceProfiles: string[];
  /** A user's groups, or a group's members. */
  memberships: Array<{ groupName: string; userName: string }>;
  inlinePolicies: string[];
  attachedPolicies: AttachedPolicy[];
}

export const NOTHING: Belongings = {
  loginProfile: false,
  accessKeyIds: [],
  certificateIds: [],
  mfaSerials: [],
  instanceProfiles: [],
  memberships: [],
  inlinePolicies: [],
  attachedPolicies: [],
};

/** Everything to remove, then the principal itself, last. */
export function deletePlan(b: Belongings): DeleteStep[] {
  return [
    ...(b.loginProfile ? [{ kind: 'loginProfile' } as const] : []),
    ...b.accessKeyIds.map((accessKeyId) => ({ kind: 'accessKey', accessKeyId }) as const),
    ...b.certificateIds.map(
      (certificateId) => ({ kind: 'signingCertificate', certificateId }) as const,
    ),
    ...b.mfaSerials.map((serialNumber) => ({ kind: 'mfaDevice', serialNumber }) as const),
    ...b.instanceProfiles.map((profileName) => ({ kind: 'instanceProfile', profileName }) as const),
    ...b.memberships.map((m) => ({ kind: 'membership', ...m }) as const),
    ...b.inlinePolicies.map((policyName) => ({ kind: 'inlinePolicy', policyName }) as const),
    ...b.attachedPolicies.map((p) => ({ kind: 'attachedPolicy', ...p }) as const),
    { kind: 'principal' },
  ];
}

/** NoSuchEntity from GetLoginProfile means "no password", not a failure. */
async function hasLoginProfile(client: IamClient, userName: string): Promise<boolean> {
  try {
    await client.call(getLoginProfile, { userName });
    return true;
  } catch (e) {
    if ((e as { code?: string }).code === 'NoSuchEntity') return false;
    throw e;
  }
}

/** A cloud without certificates or MFA (an older Euare) has none to remove. */
function noneIfUnsupported(e: unknown): string[] {
  if (isUnsupportedAction(toErrorData(e))) return [];
  throw e;
}

/** Reads what a principal has; roles and groups have no keys or password. */
export async function readBelongings(client: IamClient, p: Principal): Promise<Belongings> {
  const [inlinePolicies, attachedPolicies] = await Promise.all([
    client.list(listInlinePolicies(p.kind), p),
    client.list(listAttachedPolicies(p.kind), p),
  ]);
  const b: Belongings = { ...NOTHING, inlinePolicies, attachedPolicies };
  if (p.kind === 'User') {
    const userName = p.name;
    const [keys, groups, password, certificates, mfa] = await Promise.all([
      client.list(listAccessKeys, { userName }),
      client.list(listGroupsForUser, { userName }),
      hasLoginProfile(client, userName),
      client.list(listSigningCertificates, { userName }).catch(noneIfUnsupported),
      client.list(listMfaDevices, { userName }).catch(noneIfUnsupported),
    ]);
    b.accessKeyIds = keys.map((k) => k.accessKeyId);
    b.certificateIds = certificates;
    b.mfaSerials = mfa;
    b.memberships = groups.map((g) => ({ groupName: g.groupName, userName: p.name }));
    b.loginProfile = password;
  } else if (p.kind === 'Role') {
    b.instanceProfiles = await client
      .list(listInstanceProfilesForRole, { roleName: p.name })
      .catch(noneIfUnsupported);
  } else if (p.kind === 'Group') {
    const users = await client.list(getGroupMembers, { groupName: p.name });
    b.memberships = users.map((u) => ({ groupName: p.name, userName: u.userName }));
  }
  return b;
}

/** Carries out one step for principal `p`. */
export async function runStep(client: IamClient, p: Principal, step: DeleteStep): Promise<void> {
  switch (step.kind) {
    case 'loginProfile':
      return client.call(deleteLoginProfile, { userName: p.name });
    case 'accessKey':
      return client.call(deleteAccessKey, { userName: p.name, accessKeyId: step.accessKeyId });
    case 'signingCertificate':
      return client.call(deleteSigningCertificate, {
        userName: p.name,
        certificateId: step.certificateId,
      });
    case 'mfaDevice':
      return client.call(deactivateMfaDevice, {
        userName: p.name,
        serialNumber: step.serialNumber,
      });
    case 'instanceProfile':
      return client.call(removeRoleFromInstanceProfile, {
        roleName: p.name,
        profileName: step.profileName,
      });
    case 'membership':
      return client.call(removeUserFromGroup, {
        groupName: step.groupName,
        userName: step.userName,
      });
    case 'inlinePolicy':
      return client.call(deleteInlinePolicy(p.kind), { ...p, policyName: step.policyName });
    case 'attachedPolicy':
      return client.call(detachPolicy(p.kind), { ...p, policyArn: step.policyArn });
    case 'principal':
      if (p.kind === 'User') return client.call(deleteUser, { userName: p.name });
      if (p.kind === 'Group') return client.call(deleteGroup, { groupName: p.name });
      return client.call(deleteRole, { roleName: p.name });
  }
}

/** Runs a plan in order; stops at the first refusal (what is left stays, the error says why). */
export async function runPlan(
  client: IamClient,
  p: Principal,
  plan: readonly DeleteStep[],
): Promise<void> {
  for (const step of plan) await runStep(client, p, step);
}
