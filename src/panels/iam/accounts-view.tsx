import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { CloudErrorData } from '../../cloud/errors';
import type { EucaAccount } from '../../cloud/iam';
import { call } from '../../shared/call';
import { browserDeps } from '../browser-deps';
import { ColumnsDialog } from '../components/columns-dialog';
import { Dialog, DialogActions } from '../components/dialog';
import { TextField } from '../components/field';
import { t } from '../i18n';
import { createAccountsModel } from './accounts-model';
import { CreateButton, IamList } from './iam-list';

/** Eucalyptus account names: lower-case letters, digits and hyphens. */
function accountNameProblem(name: string): string | undefined {
  const trimmed = name.trim();
  if (!trimmed) return t('iamNameRequired');
  return /^[a-z0-9][a-z0-9-]{0,62}$/.test(trimmed) ? undefined : t('iamAccountNameInvalid');
}

export function AccountsView({ lead }: { lead: ComponentChildren }) {
  const model = useMemo(
    () =>
      createAccountsModel(browserDeps, {
        saveProfile: async (input) => (await call('profileSave', input)).profile,
      }),
    [],
  );
  useEffect(() => model.dispose, [model]);
  const dialog = model.dialog.value;
  return (
    <>
      <IamList<EucaAccount>
        label={t('iamAccounts')}
        lead={lead}
        model={model}
        rowKey={(a) => a.accountId || a.accountName}
        none={t('iamNoAccounts')}
      >
        <CreateButton
          list={model.list}
          onClick={() => model.open({ kind: 'create' })}
          label={t('iamAccountCreate')}
        />
      </IamList>
      {dialog?.kind === 'create' && (
        <CreateAccountDialog
          error={model.dialogError.value}
          onSave={model.create}
          onClose={() => model.open(null)}
        />
      )}
      {dialog?.kind === 'columns' && (
        <ColumnsDialog columns={model.columns} onClose={() => model.open(null)} />
      )}
    </>
  );
}

function CreateAccountDialog(props: {
  error: CloudErrorData | null;
  onSave: (account: string, profileName: string) => Promise<unknown>;
  onClose: () => void;
}) {
  const [account, setAccount] = useState('');
  const [profileName, setProfileName] = useState('');
  const [tried, setTried] = useState(false);
  const accountError = accountNameProblem(account);
  const profileError = profileName.trim() ? undefined : t('iamProfileNameRequired');
  return (
    <Dialog
      title={t('iamAccountCreate')}
      onClose={props.onClose}
      error={props.error}
      actions={
        <DialogActions
          onCancel={props.onClose}
          confirm={t('iamCreate')}
          onConfirm={() => {
            setTried(true);
            if (!accountError && !profileError) void props.onSave(account, profileName);
          }}
        />
      }
    >
      <p class="muted">{t('iamAccountCreateHint')}</p>
      <TextField
        id="iam-account-name"
        label={t('iamAccountName')}
        value={account}
        onValue={(v) => {
          setAccount(v);
          if (!profileName || profileName === `${account.trim()}-admin`)
            setProfileName(v.trim() ? `${v.trim()}-admin` : '');
        }}
        error={tried ? accountError : undefined}
      />
      <TextField
        id="iam-account-profile"
        label={t('iamProfileName')}
        value={profileName}
        onValue={setProfileName}
        error={tried ? profileError : undefined}
      />
    </Dialog>
  );
}
