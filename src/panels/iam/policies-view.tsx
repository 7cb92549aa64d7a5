import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { CloudErrorData } from '../../cloud/errors';
import type { ManagedPolicy } from '../../cloud/iam';
import { browserDeps } from '../browser-deps';
import { ColumnsDialog } from '../components/columns-dialog';
import { ConfirmDialog } from '../components/confirm-dialog';
import { Dialog, DialogActions } from '../components/dialog';
import { ErrorMessage } from '../components/error-message';
import { TextField } from '../components/field';
import { PolicyEditor, policyProblems } from '../components/policy-editor';
import { t } from '../i18n';
import { nameProblem } from './iam-dialogs';
import { CreateButton, IamList } from './iam-list';
import { createPoliciesModel, type PoliciesModel } from './policies-model';

export function PoliciesView({ lead }: { lead: ComponentChildren }) {
  const model = useMemo(() => createPoliciesModel(browserDeps), []);
  useEffect(() => model.dispose, [model]);
  const chosen = model.list.selectedRows.value;
  const single = chosen.length === 1 ? chosen[0] : undefined;
  const dialog = model.dialog.value;
  const close = () => model.open(null);
  return (
    <>
      <IamList<ManagedPolicy>
        label={t('iamPolicies')}
        lead={lead}
        model={model}
        rowKey={(p) => p.arn}
        none={t('iamNoManaged')}
        details={single && <PolicyDetailsPane model={model} policy={single} />}
      >
        <CreateButton
          list={model.list}
          onClick={() => model.newPolicy()}
          label={t('iamManagedCreate')}
        />
        <button type="button" disabled={!single} onClick={() => single && void model.edit(single)}>
          {t('iamEdit')}
        </button>
        <button
          type="button"
          class="danger"
          disabled={!single}
          onClick={() => single && model.open({ kind: 'delete', policy: single })}
        >
          {t('delete')}
        </button>
      </IamList>
      {dialog?.kind === 'edit' && (
        <ManagedPolicyDialog
          policy={dialog.policy}
          text={dialog.text}
          error={model.dialogError.value}
          onSave={(name, text) => model.save(dialog.policy, name, text)}
          onClose={close}
        />
      )}
      {dialog?.kind === 'delete' && (
        <ConfirmDialog
          title={t('iamManagedDeleteTitle', dialog.policy.policyName)}
          confirm={t('delete')}
          error={model.dialogError.value}
          onConfirm={() => model.remove(dialog.policy)}
          onClose={close}
        >
          <p>{t('iamManagedDeleteBody', dialog.policy.policyName)}</p>
        </ConfirmDialog>
      )}
      {dialog?.kind === 'columns' && <ColumnsDialog columns={model.columns} onClose={close} />}
    </>
  );
}

function PolicyDetailsPane({ model, policy }: { model: PoliciesModel; policy: ManagedPolicy }) {
  const state = model.details.value;
  const d = state?.key === policy.arn ? state.data : null;
  return (
    <section class="details iam-details" aria-label={t('detailsOf', policy.policyName)}>
      <h3>{policy.policyName}</h3>
      <p class="mono muted">{policy.arn}</p>
      {state?.error && <ErrorMessage error={state.error} />}
      {!d && state?.loading && <p class="muted">{t('loading')}</p>}
      {d && (
        <>
          <h4>{t('iamVersions')}</h4>
          <ul class="iam-items policy-versions">
            {d.versions.map((v) => (
              <li key={v.versionId}>
                <span class="mono">{v.versionId}</span> {v.createDate}{' '}
                {v.isDefaultVersion && <span class="badge ok">{t('iamDefaultVersion')}</span>}
              </li>
            ))}
          </ul>
          <h4>{t('iamPolicyDocument')}</h4>
          <pre class="mono iam-document">{d.document}</pre>
        </>
      )}
    </section>
  );
}

/** A new policy (named here) or a new default version of one; five versions at most. */
function ManagedPolicyDialog(props: {
  policy: ManagedPolicy | null;
  text: string;
  error: CloudErrorData | null;
  onSave: (name: string, text: string) => Promise<unknown>;
  onClose: () => void;
}) {
  const [name, setName] = useState('');
  const [text, setText] = useState(props.text);
  const [problems, setProblems] = useState<string[]>([]);
  const [tried, setTried] = useState(false);
  const isNew = props.policy === null;
  return (
    <Dialog
      wide
      title={
        isNew ? t('iamManagedCreate') : t('iamManagedEditTitle', props.policy?.policyName ?? '')
      }
      onClose={props.onClose}
      error={props.error}
      actions={
        <DialogActions
          onCancel={props.onClose}
          confirm={t('iamPolicySave')}
          onConfirm={() => {
            setTried(true);
            const found = policyProblems(text, 'identity');
            setProblems(found);
            if ((!isNew || !nameProblem(name)) && found.length === 0) void props.onSave(name, text);
          }}
        />
      }
    >
      {isNew ? (
        <TextField
          id="iam-managed-name"
          label={t('iamPolicyName')}
          value={name}
          onValue={setName}
          error={tried ? nameProblem(name) : undefined}
        />
      ) : (
        <p class="muted">{t('iamManagedVersionHint')}</p>
      )}
      <PolicyEditor
        id="iam-managed-text"
        label={t('iamPolicyDocument')}
        value={text}
        onInput={(next) => {
          setText(next);
          setProblems([]);
        }}
        problems={problems}
      />
    </Dialog>
  );
}
