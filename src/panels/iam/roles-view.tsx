import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { CloudErrorData } from '../../cloud/errors';
import type { IamRole } from '../../cloud/iam';
import { browserDeps } from '../browser-deps';
import { Dialog, DialogActions } from '../components/dialog';
import { ErrorMessage } from '../components/error-message';
import { Field, TextField } from '../components/field';
import { PolicyEditor, policyProblems, prettyPolicy } from '../components/policy-editor';
import { type MessageKey, t } from '../i18n';
import { nameProblem } from './iam-dialogs';
import { CreateButton, IamList } from './iam-list';
import { isAccountId, type TrustTemplate, trustPolicy } from './policy-templates';
import { PolicySections, PrincipalDialogs } from './principal-parts';
import { createRolesModel, type RolesModel } from './roles-model';

const TEMPLATES: Array<[TrustTemplate, MessageKey]> = [
  ['ec2', 'iamTrustEc2'],
  ['account', 'iamTrustAccount'],
];

export function RolesView({ lead }: { lead: ComponentChildren }) {
  const model = useMemo(() => createRolesModel(browserDeps), []);
  useEffect(() => model.dispose, [model]);
  const chosen = model.list.selectedRows.value;
  const single = chosen.length === 1 ? chosen[0] : undefined;
  const dialog = model.dialog.value;
  return (
    <>
      <IamList<IamRole>
        label={t('iamRoles')}
        lead={lead}
        model={model}
        rowKey={(r) => r.roleName}
        none={t('iamNoRoles')}
        details={single && <RoleDetailsPane model={model} role={single} />}
      >
        <CreateButton
          list={model.list}
          onClick={() => model.open({ kind: 'create' })}
          label={t('iamRoleCreate')}
        />
        <button
          type="button"
          class="danger"
          disabled={!single || model.busy.value}
          onClick={() => single && void model.askDelete(single.roleName)}
        >
          {t('delete')}
        </button>
      </IamList>
      {dialog?.kind === 'create' && (
        <CreateRoleDialog
          error={model.dialogError.value}
          onSave={model.create}
          onClose={() => model.open(null)}
        />
      )}
      <PrincipalDialogs model={model} />
    </>
  );
}

function RoleDetailsPane({ model, role }: { model: RolesModel; role: IamRole }) {
  const state = model.details.value;
  const name = role.roleName;
  const d = state?.key === name ? state.data : null;
  return (
    <section class="details iam-details" aria-label={t('detailsOf', name)}>
      <h3>{name}</h3>
      <p class="mono muted">{role.arn}</p>
      <h4>{t('iamTrustPolicy')}</h4>
      <pre class="mono iam-document">{prettyPolicy(role.trustPolicy)}</pre>
      {state?.error && <ErrorMessage error={state.error} />}
      {!d && state?.loading && <p class="muted">{t('loading')}</p>}
      {d && <PolicySections model={model} name={name} inline={d.inline} attached={d.attached} />}
    </section>
  );
}

function CreateRoleDialog(props: {
  error: CloudErrorData | null;
  onSave: (name: string, trust: string, description: string) => Promise<unknown>;
  onClose: () => void;
}) {
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [template, setTemplate] = useState<TrustTemplate>('ec2');
  const [accountId, setAccountId] = useState('');
  const [text, setText] = useState(trustPolicy('ec2'));
  const [problems, setProblems] = useState<string[]>([]);
  const [tried, setTried] = useState(false);
  const choose = (next: TrustTemplate, account = accountId) => {
    setTemplate(next);
    setText(trustPolicy(next, account));
    setProblems([]);
  };
  const accountError =
    template === 'account' && tried && !isAccountId(accountId)
      ? t('iamAccountIdInvalid')
      : undefined;
  return (
    <Dialog
      wide
      title={t('iamRoleCreate')}
      onClose={props.onClose}
      error={props.error}
      actions={
        <DialogActions
          onCancel={props.onClose}
          confirm={t('iamCreate')}
          onConfirm={() => {
            setTried(true);
            const found = policyProblems(text, 'trust');
            setProblems(found);
            const accountOk = template !== 'account' || isAccountId(accountId);
            if (!nameProblem(name) && accountOk && found.length === 0)
              void props.onSave(name, text, description);
          }}
        />
      }
    >
      <TextField
        id="iam-role-name"
        label={t('iamRoleName')}
        value={name}
        onValue={setName}
        error={tried ? nameProblem(name) : undefined}
      />
      <TextField
        id="iam-role-description"
        label={t('iamDescription')}
        value={description}
        onValue={setDescription}
      />
      <Field id="iam-role-template" label={t('iamTrustTemplate')}>
        <select
          id="iam-role-template"
          value={template}
          onChange={(e) => choose(e.currentTarget.value as TrustTemplate)}
        >
          {TEMPLATES.map(([id, key]) => (
            <option key={id} value={id}>
              {t(key)}
            </option>
          ))}
        </select>
      </Field>
      {template === 'account' && (
        <TextField
          id="iam-role-account"
          label={t('iamTrustAccountId')}
          value={accountId}
          onValue={(v) => {
            setAccountId(v);
            choose('account', v);
          }}
          error={accountError}
        />
      )}
      <PolicyEditor
        id="iam-role-trust"
        label={t('iamTrustPolicy')}
        value={text}
        rows={10}
        onInput={(next) => {
          setText(next);
          setProblems([]);
        }}
        problems={problems}
      />
    </Dialog>
  );
}
