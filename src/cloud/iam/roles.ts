// Roles: list, create with a trust policy, read, delete.

import { path } from '../xml';
import { iamAction, iamList } from './operation';
import { readRole } from './read';

export const listRoles = iamList({
  action: 'ListRoles',
  list: 'Roles',
  params: (_: Record<string, never>) => ({}),
  read: readRole,
});

export const getRole = iamAction({
  action: 'GetRole',
  readOnly: true,
  params: ({ roleName }: { roleName: string }) => ({ RoleName: roleName }),
  read: (result) => readRole(path(result, 'Role')),
});

export const createRole = iamAction({
  action: 'CreateRole',
  params: (input: { roleName: string; trustPolicy: string; description?: string }) => ({
    RoleName: input.roleName,
    AssumeRolePolicyDocument: input.trustPolicy,
    // Eucalyptus rejects parameters it does not know: sent only when there is one.
    Description: input.description || undefined,
  }),
  read: (result) => readRole(path(result, 'Role')),
});

export const deleteRole = iamAction({
  action: 'DeleteRole',
  params: ({ roleName }: { roleName: string }) => ({ RoleName: roleName }),
});
