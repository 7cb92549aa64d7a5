// A user's access keys: list, create (the one answer that carries the secret), turn on and off,
// delete, and when each was last used (AWS; Eucalyptus lacks it).

import { path, text } from '../xml';
import { iamAction, iamList } from './operation';
import { readAccessKey } from './read';
import type { AccessKeyLastUsed, AccessKeyStatus, CreatedAccessKey } from './types';

/** Without a user name the keys are the caller's own. */
interface ForUser {
  userName?: string;
  /** Eucalyptus: act as the administrator of this account (cloud admins only). */
  delegateAccount?: string;
}

const userParams = ({ userName, delegateAccount }: ForUser) => ({
  UserName: userName,
  DelegateAccount: delegateAccount,
});

export const listAccessKeys = iamList({
  action: 'ListAccessKeys',
  list: 'AccessKeyMetadata',
  params: userParams,
  read: readAccessKey,
});

export const createAccessKey = iamAction({
  action: 'CreateAccessKey',
  params: userParams,
  read: (result): CreatedAccessKey => {
    const key = path(result, 'AccessKey');
    return { ...readAccessKey(key), secretAccessKey: text(path(key, 'SecretAccessKey')) };
  },
});

export const updateAccessKey = iamAction({
  action: 'UpdateAccessKey',
  params: (input: ForUser & { accessKeyId: string; status: AccessKeyStatus }) => ({
    ...userParams(input),
    AccessKeyId: input.accessKeyId,
    Status: input.status,
  }),
});

export const deleteAccessKey = iamAction({
  action: 'DeleteAccessKey',
  params: (input: ForUser & { accessKeyId: string }) => ({
    ...userParams(input),
    AccessKeyId: input.accessKeyId,
  }),
});

export const getAccessKeyLastUsed = iamAction({
  action: 'GetAccessKeyLastUsed',
  readOnly: true,
  params: ({ accessKeyId }: { accessKeyId: string }) => ({ AccessKeyId: accessKeyId }),
  read: (result): AccessKeyLastUsed => {
    const used = path(result, 'AccessKeyLastUsed');
    // AWS says "N/A" for a key never used.
    const known = (value: string) => (value === 'N/A' ? '' : value);
    return {
      lastUsedDate: text(path(used, 'LastUsedDate')),
      serviceName: known(text(path(used, 'ServiceName'))),
      region: known(text(path(used, 'Region'))),
    };
  },
});
