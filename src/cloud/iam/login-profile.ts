// A user's password for the console (AWS) or the Eucalyptus login: read, set, change, remove.

import { path, text } from '../xml';
import { iamAction } from './operation';
import type { LoginProfile } from './types';

const readProfile = (result: Parameters<typeof text>[0]): LoginProfile => {
  const el = path(result, 'LoginProfile');
  return {
    userName: text(path(el, 'UserName')),
    createDate: text(path(el, 'CreateDate')),
    passwordResetRequired: text(path(el, 'PasswordResetRequired')) === 'true',
  };
};

interface PasswordInput {
  userName: string;
  password: string;
  /** Omitted for clouds that do not know it (Eucalyptus). */
  passwordResetRequired?: boolean;
}

const passwordParams = (input: PasswordInput) => ({
  UserName: input.userName,
  Password: input.password,
  PasswordResetRequired: input.passwordResetRequired,
});

/** NoSuchEntity when the user has no password. */
export const getLoginProfile = iamAction({
  action: 'GetLoginProfile',
  readOnly: true,
  params: ({ userName }: { userName: string }) => ({ UserName: userName }),
  read: readProfile,
});

export const createLoginProfile = iamAction({
  action: 'CreateLoginProfile',
  params: passwordParams,
  read: readProfile,
});

export const updateLoginProfile = iamAction({
  action: 'UpdateLoginProfile',
  params: passwordParams,
});

export const deleteLoginProfile = iamAction({
  action: 'DeleteLoginProfile',
  params: ({ userName }: { userName: string }) => ({ UserName: userName }),
});
