// Eucalyptus accounts (Euare only, for the cloud administrator): list and create. A new account
// comes with its own user "admin"; the cloud admin acts for it with DelegateAccount.

import { path } from '../xml';
import { iamAction, iamList } from './operation';
import { readAccount } from './read';

/** The user every new Eucalyptus account starts with. */
export const ACCOUNT_ADMIN_USER = 'admin';

export const listAccounts = iamList({
  action: 'ListAccounts',
  list: 'Accounts',
  params: (_: Record<string, never>) => ({}),
  read: readAccount,
});

export const createAccount = iamAction({
  action: 'CreateAccount',
  params: ({ accountName }: { accountName: string }) => ({ AccountName: accountName }),
  read: (result) => readAccount(path(result, 'Account')),
});
