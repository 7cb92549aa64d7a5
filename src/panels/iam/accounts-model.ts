// The Accounts view (Eucalyptus cloud administrators): the cloud's accounts, and a new account
// whose admin user gets access keys saved straight into a new Cirrus profile.

import {
  ACCOUNT_ADMIN_USER,
  createAccessKey,
  createAccount,
  type EucaAccount,
  listAccounts,
} from '../../cloud/iam';
import type { Profile } from '../../cloud/profile';
import type { ProfileInput } from '../../shared/messages';
import { createColumnPrefs } from '../components/column-prefs';
import { createListSearch } from '../components/list-search';
import { createResourceList } from '../components/resource-list';
import { createResourcePanel } from '../components/resource-panel';
import type { Column } from '../components/virtual-table';
import { t } from '../i18n';
import type { ModelDeps } from '../model-deps';
import { iamFor } from './iam-calls';
import { profileForKey } from './users-model';

export type AccountsDialog = { kind: 'create' } | { kind: 'columns' };

export function accountColumns(): Column<EucaAccount>[] {
  return [
    { id: 'name', label: t('iamColName'), value: (a) => a.accountName },
    { id: 'id', label: t('iamColAccountId'), value: (a) => a.accountId },
  ];
}

export function createAccountsModel(
  deps: ModelDeps,
  options: { saveProfile: (input: ProfileInput) => Promise<Profile> },
) {
  const list = createResourceList<EucaAccount>({
    // Only Eucalyptus has accounts to list; other clouds show none rather than an error.
    fetch: (current) =>
      current.profile.kind === 'eucalyptus'
        ? iamFor(current).list(listAccounts, {})
        : Promise.resolve([]),
    key: (a) => a.accountId || a.accountName,
  });
  const panel = createResourcePanel<AccountsDialog>(deps, [list]);
  const search = createListSearch(list.rows, (a) => `${a.accountName}\n${a.accountId}`);
  const columns = createColumnPrefs('iam-accounts', accountColumns(), ['name', 'id']);
  const sorted = columns.sorted(search.filtered);

  return {
    ...panel,
    list,
    search,
    columns,
    sorted,
    /**
     * CreateAccount, then the new account's admin user gets a key (as the cloud admin acting for
     * that account) and the key becomes a profile named `profileName`, all in one step.
     */
    create: (accountName: string, profileName: string) =>
      panel.act(async (current) => {
        const client = iamFor(current);
        const account = await client.call(createAccount, { accountName: accountName.trim() });
        const key = await client.call(createAccessKey, {
          userName: ACCOUNT_ADMIN_USER,
          delegateAccount: account.accountName || accountName.trim(),
        });
        const saved = await options.saveProfile(profileForKey(current.profile, profileName, key));
        return { key: 'iamAccountCreated', args: [account.accountName, saved.name] };
      }),
    dispose() {
      panel.dispose();
      search.dispose();
      columns.dispose();
    },
  };
}

export type AccountsModel = ReturnType<typeof createAccountsModel>;
