// Users: list, read, create, delete, and the groups a user is in.

import { path } from '../xml';
import { iamAction, iamList } from './operation';
import { readGroup, readUser } from './read';

export const listUsers = iamList({
  action: 'ListUsers',
  list: 'Users',
  params: (_: Record<string, never>) => ({}),
  read: readUser,
});

export const getUser = iamAction({
  action: 'GetUser',
  readOnly: true,
  params: ({ userName }: { userName: string }) => ({ UserName: userName }),
  read: (result) => readUser(path(result, 'User')),
});

export const createUser = iamAction({
  action: 'CreateUser',
  params: ({ userName, path: where }: { userName: string; path?: string }) => ({
    UserName: userName,
    Path: where,
  }),
  read: (result) => readUser(path(result, 'User')),
});

export const deleteUser = iamAction({
  action: 'DeleteUser',
  params: ({ userName }: { userName: string }) => ({ UserName: userName }),
});

export const listGroupsForUser = iamList({
  action: 'ListGroupsForUser',
  list: 'Groups',
  params: ({ userName }: { userName: string }) => ({ UserName: userName }),
  read: readGroup,
});
