import type { ComponentChildren } from 'preact';
import { useEffect, useMemo } from 'preact/hooks';
import type { IamUser } from '../../cloud/iam';
import { call } from '../../shared/call';
import { browserDeps } from '../browser-deps';
import { ConfirmDialog } from '../components/confirm-dialog';
import { ErrorMessage } from '../components/error-message';
import { t } from '../i18n';
import { NameDialog, PickDialog } from './iam-dialogs';
import { CreateButton, IamList } from './iam-list';
import { PolicySections, PrincipalDialogs } from './principal-parts';
import { NewKeyDialog, PasswordDialog } from './user-dialogs';
import { createUsersModel, type UserDetails, type UsersModel } from './users-model';

export function UsersView({ lead }: { lead: ComponentChildren }) {
  const model = useMemo(
    () =>
      createUsersModel(browserDeps, {
        saveProfile: async (input) => (await call('profileSave', input)).profile,
      }),
    [],
  );
  useEffect(() => model.dispose, [model]);
  const chosen = model.list.selectedRows.value;
  const single = chosen.length === 1 ? chosen[0] : undefined;
  return (
    <>
      <IamList<IamUser>
        label={t('iamUsers')}
        lead={lead}
        model={model}
        rowKey={(u) => u.userName}
        none={t('iamNoUsers')}
        details={single && <UserDetailsPane model={model} user={single} />}
      >
        <CreateButton
          list={model.list}
          onClick={() => model.open({ kind: 'create' })}
          label={t('iamUserCreate')}
        />
        <button
          type="button"
          class="danger"
          disabled={!single || model.busy.value}
          onClick={() => single && void model.askDelete(single.userName)}
        >
          {t('delete')}
        </button>
      </IamList>
      <UserDialogs model={model} />
      <PrincipalDialogs model={model} />
    </>
  );
}

function UserDetailsPane({ model, user }: { model: UsersModel; user: IamUser }) {
  const state = model.details.value;
  const name = user.userName;
  const d: UserDetails | null = state?.key === name ? state.data : null;
  return (
    <section class="details iam-details" aria-label={t('detailsOf', name)}>
      <h3>{name}</h3>
      <p class="mono muted">{user.arn}</p>
      {state?.error && <ErrorMessage error={state.error} />}
      {!d && state?.loading && <p class="muted">{t('loading')}</p>}
      {d && (
        <>
          <h4>{t('iamAccessKeys')}</h4>
          <ul class="iam-items access-keys">
            {d.keys.map((k) => (
              <li key={k.accessKeyId} data-key={k.accessKeyId}>
                <span class="mono">{k.accessKeyId}</span>{' '}
                <span class={`badge ${k.status === 'Active' ? 'ok' : 'muted'}`}>
                  {k.status === 'Active' ? t('iamKeyActive') : t('iamKeyInactive')}
                </span>{' '}
                <span class="muted">
                  {k.lastUsed
                    ? k.lastUsed.lastUsedDate
                      ? t(
                          'iamKeyLastUsed',
                          k.lastUsed.lastUsedDate,
                          k.lastUsed.serviceName,
                          k.lastUsed.region,
                        )
                      : t('iamKeyNeverUsed')
                    : ''}
                </span>{' '}
                <button
                  type="button"
                  onClick={() =>
                    void model.setKeyStatus(
                      name,
                      k.accessKeyId,
                      k.status === 'Active' ? 'Inactive' : 'Active',
                    )
                  }
                >
                  {k.status === 'Active' ? t('iamKeyDeactivate') : t('iamKeyActivate')}
                </button>{' '}
                <button
                  type="button"
                  class="danger"
                  onClick={() =>
                    model.open({ kind: 'deleteKey', name, accessKeyId: k.accessKeyId })
                  }
                >
                  {t('delete')}
                </button>
              </li>
            ))}
          </ul>
          {d.keys.length === 0 && <p class="muted">{t('iamNoKeys')}</p>}
          <button type="button" onClick={() => void model.createKey(name)}>
            {t('iamKeyCreate')}
          </button>
          <h4>{t('iamPasswordHeading')}</h4>
          <p class="muted">
            {d.loginProfile
              ? t('iamPasswordIsSet', d.loginProfile.createDate)
              : t('iamPasswordNone')}
          </p>
          <button
            type="button"
            onClick={() => model.open({ kind: 'password', name, exists: !!d.loginProfile })}
          >
            {d.loginProfile ? t('iamPasswordReset') : t('iamPasswordSet')}
          </button>{' '}
          {d.loginProfile && (
            <button
              type="button"
              class="danger"
              onClick={() => model.open({ kind: 'deletePassword', name })}
            >
              {t('iamPasswordDelete')}
            </button>
          )}
          <h4>{t('iamGroupsOfUser')}</h4>
          <ul class="iam-items user-groups">
            {d.groups.map((g) => (
              <li key={g.groupName}>
                <span class="mono">{g.groupName}</span>{' '}
                <button type="button" onClick={() => void model.removeFromGroup(name, g.groupName)}>
                  {t('iamRemoveFromGroup')}
                </button>
              </li>
            ))}
          </ul>
          {d.groups.length === 0 && <p class="muted">{t('iamNoGroupsOfUser')}</p>}
          <button
            type="button"
            onClick={() =>
              void model.askAddToGroup(
                name,
                d.groups.map((g) => g.groupName),
              )
            }
          >
            {t('iamAddToGroup')}
          </button>
          <PolicySections model={model} name={name} inline={d.inline} attached={d.attached} />
        </>
      )}
    </section>
  );
}

function UserDialogs({ model }: { model: UsersModel }) {
  const dialog = model.dialog.value;
  const error = model.dialogError.value;
  const close = () => model.open(null);
  const profile = model.profile.value?.profile;
  if (!dialog) return null;
  switch (dialog.kind) {
    case 'create':
      return (
        <NameDialog
          title={t('iamUserCreate')}
          label={t('iamUserName')}
          confirm={t('iamCreate')}
          error={error}
          onSave={model.create}
          onClose={close}
        />
      );
    case 'newKey':
      return (
        <NewKeyDialog
          created={dialog.created}
          error={error}
          onSaveProfile={(name) => model.saveKeyAsProfile(dialog.created, name)}
          onClose={close}
        />
      );
    case 'deleteKey':
      return (
        <ConfirmDialog
          title={t('iamKeyDeleteTitle', dialog.accessKeyId)}
          confirm={t('delete')}
          error={error}
          onConfirm={() => model.deleteKey(dialog.name, dialog.accessKeyId)}
          onClose={close}
        >
          <p>{t('iamKeyDeleteBody', dialog.accessKeyId, dialog.name)}</p>
        </ConfirmDialog>
      );
    case 'password':
      return (
        <PasswordDialog
          userName={dialog.name}
          exists={dialog.exists}
          canRequireReset={profile?.kind === 'aws'}
          error={error}
          onSave={(password, reset) =>
            model.setPassword(dialog.name, password, dialog.exists, reset)
          }
          onClose={close}
        />
      );
    case 'deletePassword':
      return (
        <ConfirmDialog
          title={t('iamPasswordDelete')}
          confirm={t('iamPasswordDelete')}
          error={error}
          onConfirm={() => model.deletePassword(dialog.name)}
          onClose={close}
        >
          <p>{t('iamPasswordDeleteBody', dialog.name)}</p>
        </ConfirmDialog>
      );
    case 'addToGroup':
      return (
        <PickDialog
          title={t('iamAddToGroupTitle', dialog.name)}
          label={t('iamGroup')}
          confirm={t('iamAddToGroup')}
          choices={dialog.choices.map((g) => ({ value: g.groupName, label: g.groupName }))}
          none={t('iamNoGroupsToAdd')}
          error={error}
          onPick={(group) => model.addToGroup(dialog.name, group)}
          onClose={close}
        />
      );
    default:
      return null;
  }
}
