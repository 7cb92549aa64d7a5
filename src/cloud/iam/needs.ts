// What a refused call needed: IAM permissions are named after the action (iam:ListUsers), so a
// refusal can say which permission the caller lacks instead of showing the raw error.

import type { CloudErrorData } from '../errors';

const DENIED_CODES = new Set([
  'AccessDenied',
  'AccessDeniedException',
  // Eucalyptus words it this way.
  'NotAuthorized',
  'UnauthorizedOperation',
]);

export function isAccessDenied(error: CloudErrorData | null | undefined): boolean {
  return !!error && DENIED_CODES.has(error.code);
}

/** The permission an action needs: Euare's actions are named as IAM's. */
export function permissionFor(action: string): string {
  return `iam:${action}`;
}

/** What the user was doing, by action, worded by the panel (one phrase per kind of work). */
export type IamTask =
  | 'listUsers'
  | 'readUser'
  | 'changeUser'
  | 'listGroups'
  | 'readGroup'
  | 'changeGroup'
  | 'listRoles'
  | 'readRole'
  | 'changeRole'
  | 'listPolicies'
  | 'readPolicy'
  | 'changePolicy'
  | 'accessKeys'
  | 'password'
  | 'accounts'
  | 'other';

const TASKS: Record<string, IamTask> = {
  ListUsers: 'listUsers',
  GetUser: 'readUser',
  ListGroupsForUser: 'readUser',
  CreateUser: 'changeUser',
  DeleteUser: 'changeUser',
  ListGroups: 'listGroups',
  GetGroup: 'readGroup',
  CreateGroup: 'changeGroup',
  DeleteGroup: 'changeGroup',
  AddUserToGroup: 'changeGroup',
  RemoveUserFromGroup: 'changeGroup',
  ListRoles: 'listRoles',
  ListInstanceProfilesForRole: 'readRole',
  RemoveRoleFromInstanceProfile: 'changeRole',
  GetRole: 'readRole',
  CreateRole: 'changeRole',
  DeleteRole: 'changeRole',
  ListPolicies: 'listPolicies',
  GetPolicy: 'readPolicy',
  GetPolicyVersion: 'readPolicy',
  ListPolicyVersions: 'readPolicy',
  CreatePolicy: 'changePolicy',
  CreatePolicyVersion: 'changePolicy',
  DeletePolicyVersion: 'changePolicy',
  DeletePolicy: 'changePolicy',
  ListAccessKeys: 'accessKeys',
  CreateAccessKey: 'accessKeys',
  UpdateAccessKey: 'accessKeys',
  DeleteAccessKey: 'accessKeys',
  GetAccessKeyLastUsed: 'accessKeys',
  ListSigningCertificates: 'readUser',
  DeleteSigningCertificate: 'changeUser',
  ListMFADevices: 'readUser',
  DeactivateMFADevice: 'changeUser',
  GetLoginProfile: 'password',
  CreateLoginProfile: 'password',
  UpdateLoginProfile: 'password',
  DeleteLoginProfile: 'password',
  ListAccounts: 'accounts',
  CreateAccount: 'accounts',
};

/** The inline and attached policy actions of users, groups and roles go with their principal. */
export function taskOf(action: string): IamTask {
  const known = TASKS[action];
  if (known) return known;
  const m =
    /^(?:List|Get|Put|Delete|Attach|Detach|ListAttached)(User|Group|Role)Polic(?:y|ies)$/.exec(
      action,
    );
  if (m) {
    const read = /^(List|Get)/.test(action);
    if (m[1] === 'User') return read ? 'readUser' : 'changeUser';
    if (m[1] === 'Group') return read ? 'readGroup' : 'changeGroup';
    return read ? 'readRole' : 'changeRole';
  }
  return 'other';
}
