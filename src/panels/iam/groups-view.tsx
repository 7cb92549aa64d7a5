import type { ComponentChildren } from 'preact';
import { useEffect, useMemo } from 'preact/hooks';
import type { IamGroup } from '../../cloud/iam';
import { browserDeps } from '../browser-deps';
import { ErrorMessage } from '../components/error-message';
import { t } from '../i18n';
import { createGroupsModel, type GroupsModel } from './groups-model';
import { NameDialog, PickDialog } from './iam-dialogs';
import { CreateButton, IamList } from './iam-list';
import { PolicySections, PrincipalDialogs } from './principal-parts';

export function GroupsView({ lead }: { lead: ComponentChildren }) {
  const model = useMemo(() => createGroupsModel(browserDeps), []);
  useEffect(() => model.dispose, [model]);
  const chosen = model.list.selectedRows.value;
  const single = chosen.length === 1 ? chosen[0] : undefined;
  const dialog = model.dialog.value;
  const close = () => model.open(null);
  return (
    <>
      <IamList<IamGroup>
        label={t('iamGroups')}
        lead={lead}
        model={model}
        rowKey={(g) => g.groupName}
        none={t('iamNoGroups')}
        details={single && <GroupDetailsPane model={model} group={single} />}
      >
        <CreateButton
          list={model.list}
          onClick={() => model.open({ kind: 'create' })}
          label={t('iamGroupCreate')}
        />
        <button
          type="button"
          class="danger"
          disabled={!single || model.busy.value}
          onClick={() => single && void model.askDelete(single.groupName)}
        >
          {t('delete')}
        </button>
      </IamList>
      {dialog?.kind === 'create' && (
        <NameDialog
          title={t('iamGroupCreate')}
          label={t('iamGroupName')}
          confirm={t('iamCreate')}
          error={model.dialogError.value}
          onSave={model.create}
          onClose={close}
        />
      )}
      {dialog?.kind === 'addMember' && (
        <PickDialog
          title={t('iamAddMemberTitle', dialog.name)}
          label={t('iamUser')}
          confirm={t('iamAddMember')}
          choices={dialog.choices.map((u) => ({ value: u.userName, label: u.userName }))}
          none={t('iamNoUsersToAdd')}
          error={model.dialogError.value}
          onPick={(user) => model.addMember(dialog.name, user)}
          onClose={close}
        />
      )}
      <PrincipalDialogs model={model} />
    </>
  );
}

function GroupDetailsPane({ model, group }: { model: GroupsModel; group: IamGroup }) {
  const state = model.details.value;
  const name = group.groupName;
  const d = state?.key === name ? state.data : null;
  return (
    <section class="details iam-details" aria-label={t('detailsOf', name)}>
      <h3>{name}</h3>
      <p class="mono muted">{group.arn}</p>
      {state?.error && <ErrorMessage error={state.error} />}
      {!d && state?.loading && <p class="muted">{t('loading')}</p>}
      {d && (
        <>
          <h4>{t('iamMembers')}</h4>
          <ul class="iam-items group-members">
            {d.members.map((u) => (
              <li key={u.userName}>
                <span class="mono">{u.userName}</span>{' '}
                <button type="button" onClick={() => void model.removeMember(name, u.userName)}>
                  {t('iamRemoveMember')}
                </button>
              </li>
            ))}
          </ul>
          {d.members.length === 0 && <p class="muted">{t('iamNoMembers')}</p>}
          <button
            type="button"
            onClick={() =>
              void model.askAddMember(
                name,
                d.members.map((u) => u.userName),
              )
            }
          >
            {t('iamAddMember')}
          </button>
          <PolicySections model={model} name={name} inline={d.inline} attached={d.attached} />
        </>
      )}
    </section>
  );
}
