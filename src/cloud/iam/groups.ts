// Groups: list, create, delete, members, and adding or removing a user.

import { path } from '../xml';
import { iamAction, iamList } from './operation';
import { readGroup, readUser } from './read';

export const listGroups = iamList({
  action: 'ListGroups',
  list: 'Groups',
  params: (_: Record<string, never>) => ({}),
  read: readGroup,
});

export const createGroup = iamAction({
  action: 'CreateGroup',
  params: ({ groupName }: { groupName: string }) => ({ GroupName: groupName }),
  read: (result) => readGroup(path(result, 'Group')),
});

export const deleteGroup = iamAction({
  action: 'DeleteGroup',
  params: ({ groupName }: { groupName: string }) => ({ GroupName: groupName }),
});

/** GetGroup pages its members with Marker like a list. */
export const getGroupMembers = iamList({
  action: 'GetGroup',
  list: 'Users',
  params: ({ groupName }: { groupName: string }) => ({ GroupName: groupName }),
  read: readUser,
});

interface Membership {
  groupName: string;
  userName: string;
}

const membershipParams = ({ groupName, userName }: Membership) => ({
  GroupName: groupName,
  UserName: userName,
});

export const addUserToGroup = iamAction({
  action: 'AddUserToGroup',
  params: membershipParams,
});

export const removeUserFromGroup = iamAction({
  action: 'RemoveUserFromGroup',
  params: membershipParams,
});
