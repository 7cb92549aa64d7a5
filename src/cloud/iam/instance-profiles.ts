// The instance profiles a role is in: EC2 instances take a role through one, and IAM refuses to
// delete a role still in any (DeleteConflict).

import { path, text } from '../xml';
import { iamAction, iamList } from './operation';

export const listInstanceProfilesForRole = iamList({
  action: 'ListInstanceProfilesForRole',
  list: 'InstanceProfiles',
  params: ({ roleName }: { roleName: string }) => ({ RoleName: roleName }),
  read: (member) => text(path(member, 'InstanceProfileName')),
});

export const removeRoleFromInstanceProfile = iamAction({
  action: 'RemoveRoleFromInstanceProfile',
  params: ({ roleName, profileName }: { roleName: string; profileName: string }) => ({
    RoleName: roleName,
    InstanceProfileName: profileName,
  }),
});
