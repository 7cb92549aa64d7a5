// What the Users, Groups and Roles views draw alike: the inline and attached policies of the
// selected one, and the dialogs their shared model opens.

import type { AttachedPolicy } from '../../cloud/iam';
import { ColumnsDialog } from '../components/columns-dialog';
import { ConfirmDialog } from '../components/confirm-dialog';
import { t } from '../i18n';
import { DeletePlanDialog, InlinePolicyDialog, PickDialog, policyChoices } from './iam-dialogs';
import type { PrincipalModel } from './principal-model';

// biome-ignore lint/suspicious/noExplicitAny: the parts use only what every principal model has.
type AnyPrincipal = PrincipalModel<any, any, any>;

export function PolicySections(props: {
  model: AnyPrincipal;
  name: string;
  inline: readonly string[];
  attached: readonly AttachedPolicy[];
}) {
  const { model, name } = props;
  return (
    <>
      <h4>{t('iamInlinePolicies')}</h4>
      <ul class="iam-items inline-policies">
        {props.inline.map((policyName) => (
          <li key={policyName}>
            <span class="mono">{policyName}</span>{' '}
            <button type="button" onClick={() => void model.editInline(name, policyName)}>
              {t('iamEdit')}
            </button>{' '}
            <button
              type="button"
              class="danger"
              onClick={() => model.open({ kind: 'deleteInline', name, policyName })}
            >
              {t('delete')}
            </button>
          </li>
        ))}
      </ul>
      {props.inline.length === 0 && <p class="muted">{t('iamNoInline')}</p>}
      <button type="button" onClick={() => model.newInline(name)}>
        {t('iamInlineAdd')}
      </button>
      <h4>{t('iamAttachedPolicies')}</h4>
      <ul class="iam-items attached-policies">
        {props.attached.map((p) => (
          <li key={p.policyArn}>
            <span class="mono" title={p.policyArn}>
              {p.policyName}
            </span>{' '}
            <button type="button" onClick={() => void model.detach(name, p.policyArn)}>
              {t('iamDetach')}
            </button>
          </li>
        ))}
      </ul>
      {props.attached.length === 0 && <p class="muted">{t('iamNoAttached')}</p>}
      <button type="button" onClick={() => void model.askAttach(name)}>
        {t('iamAttach')}
      </button>
    </>
  );
}

/** The dialogs of the shared model; the view draws its own (create, keys…) beside them. */
export function PrincipalDialogs({ model }: { model: AnyPrincipal }) {
  const dialog = model.dialog.value;
  const error = model.dialogError.value;
  const close = () => model.open(null);
  if (!dialog) return null;
  switch (dialog.kind) {
    case 'delete':
      return (
        <DeletePlanDialog
          name={dialog.name}
          plan={dialog.plan}
          error={error}
          onConfirm={() => model.remove(dialog.name, dialog.plan)}
          onClose={close}
        />
      );
    case 'inlinePolicy':
      return (
        <InlinePolicyDialog
          owner={dialog.name}
          policyName={dialog.policyName}
          text={dialog.text}
          isNew={dialog.isNew}
          error={error}
          onSave={(policyName, text) => model.saveInline(dialog.name, policyName, text)}
          onClose={close}
        />
      );
    case 'deleteInline':
      return (
        <ConfirmDialog
          title={t('iamInlineDeleteTitle', dialog.policyName)}
          confirm={t('delete')}
          error={error}
          onConfirm={() => model.deleteInline(dialog.name, dialog.policyName)}
          onClose={close}
        >
          <p>{t('iamInlineDeleteBody', dialog.policyName, dialog.name)}</p>
        </ConfirmDialog>
      );
    case 'attach':
      return (
        <PickDialog
          title={t('iamAttachTitle', dialog.name)}
          label={t('iamManagedPolicy')}
          confirm={t('iamAttach')}
          choices={policyChoices(dialog.choices)}
          none={t('iamNoManaged')}
          error={error}
          onPick={(arn) => model.attach(dialog.name, arn)}
          onClose={close}
        />
      );
    case 'columns':
      return <ColumnsDialog columns={model.columns} onClose={close} />;
    default:
      return null;
  }
}
