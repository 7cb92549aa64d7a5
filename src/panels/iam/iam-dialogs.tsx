// Dialogs the Users, Groups and Roles views share: a name to create, the delete plan to confirm,
// an inline policy to edit, a managed policy to attach, and one item to pick from a list.

import { useState } from 'preact/hooks';
import type { CloudErrorData } from '../../cloud/errors';
import type { DeleteStep, ManagedPolicy } from '../../cloud/iam';
import { ConfirmListDialog } from '../components/confirm-list-dialog';
import { Dialog, DialogActions } from '../components/dialog';
import { Field, TextField } from '../components/field';
import { PolicyEditor, policyProblems } from '../components/policy-editor';
import { t } from '../i18n';

/** IAM names: letters, digits and +=,.@_- (AWS's pattern for user, group, role and policy names). */
export function nameProblem(name: string): string | undefined {
  const trimmed = name.trim();
  if (!trimmed) return t('iamNameRequired');
  if (!/^[\w+=,.@-]{1,128}$/.test(trimmed)) return t('iamNameInvalid');
  return undefined;
}

export function NameDialog(props: {
  title: string;
  label: string;
  confirm: string;
  error: CloudErrorData | null;
  onSave: (name: string) => Promise<unknown>;
  onClose: () => void;
}) {
  const [name, setName] = useState('');
  const [tried, setTried] = useState(false);
  const problem = nameProblem(name);
  return (
    <Dialog
      title={props.title}
      onClose={props.onClose}
      error={props.error}
      actions={
        <DialogActions
          onCancel={props.onClose}
          confirm={props.confirm}
          onConfirm={() => {
            setTried(true);
            if (!problem) void props.onSave(name);
          }}
        />
      }
    >
      <TextField
        id="iam-new-name"
        label={props.label}
        value={name}
        onValue={setName}
        error={tried ? problem : undefined}
      />
    </Dialog>
  );
}

export function stepText(step: DeleteStep, name: string): string {
  switch (step.kind) {
    case 'loginProfile':
      return t('iamStepPassword');
    case 'accessKey':
      return t('iamStepAccessKey', step.accessKeyId);
    case 'signingCertificate':
      return t('iamStepCertificate', step.certificateId);
    case 'mfaDevice':
      return t('iamStepMfa', step.serialNumber);
    case 'instanceProfile':
      return t('iamStepInstanceProfile', step.profileName);
    case 'membership':
      return step.userName === name
        ? t('iamStepLeaveGroup', step.groupName)
        : t('iamStepRemoveMember', step.userName);
    case 'inlinePolicy':
      return t('iamStepInline', step.policyName);
    case 'attachedPolicy':
      return t('iamStepDetach', step.policyName);
    case 'principal':
      return t('iamStepPrincipal', name);
  }
}

export function DeletePlanDialog(props: {
  name: string;
  plan: readonly DeleteStep[];
  error: CloudErrorData | null;
  onConfirm: () => Promise<unknown>;
  onClose: () => void;
}) {
  return (
    <ConfirmListDialog
      title={t('iamDeleteTitle', props.name)}
      confirm={t('iamDeleteConfirm', props.name)}
      question={t('iamDeleteQuestion')}
      items={props.plan.map((step) => stepText(step, props.name))}
      error={props.error}
      onConfirm={props.onConfirm}
      onClose={props.onClose}
    />
  );
}

/**
 * An inline policy in the JSON editor. The text is checked before it is sent; the cloud's
 * refusal shows under it and the text stays as typed.
 */
export function InlinePolicyDialog(props: {
  owner: string;
  policyName: string;
  text: string;
  isNew: boolean;
  error: CloudErrorData | null;
  onSave: (policyName: string, text: string) => Promise<unknown>;
  onClose: () => void;
}) {
  const [policyName, setPolicyName] = useState(props.policyName);
  const [text, setText] = useState(props.text);
  const [problems, setProblems] = useState<string[]>([]);
  const [nameError, setNameError] = useState<string | undefined>();
  return (
    <Dialog
      wide
      title={
        props.isNew
          ? t('iamInlineNewTitle', props.owner)
          : t('iamInlineEditTitle', props.policyName, props.owner)
      }
      onClose={props.onClose}
      error={props.error}
      actions={
        <DialogActions
          onCancel={props.onClose}
          confirm={t('iamPolicySave')}
          onConfirm={() => {
            const badName = props.isNew ? nameProblem(policyName) : undefined;
            const found = policyProblems(text, 'identity');
            setNameError(badName);
            setProblems(found);
            if (!badName && found.length === 0) void props.onSave(policyName.trim(), text);
          }}
        />
      }
    >
      {props.isNew && (
        <TextField
          id="iam-policy-name"
          label={t('iamPolicyName')}
          value={policyName}
          onValue={setPolicyName}
          error={nameError}
        />
      )}
      <PolicyEditor
        id="iam-policy-text"
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

/** One choice from a list (a group for a user, a user for a group, a policy to attach). */
export function PickDialog(props: {
  title: string;
  label: string;
  confirm: string;
  choices: ReadonlyArray<{ value: string; label: string }>;
  none: string;
  error: CloudErrorData | null;
  onPick: (value: string) => Promise<unknown>;
  onClose: () => void;
}) {
  const [value, setValue] = useState(props.choices[0]?.value ?? '');
  return (
    <Dialog
      title={props.title}
      onClose={props.onClose}
      error={props.error}
      actions={
        <DialogActions
          onCancel={props.onClose}
          confirm={props.confirm}
          disabled={!value}
          onConfirm={() => void props.onPick(value)}
        />
      }
    >
      {props.choices.length === 0 ? (
        <p class="muted">{props.none}</p>
      ) : (
        <Field id="iam-pick" label={props.label}>
          <select id="iam-pick" value={value} onChange={(e) => setValue(e.currentTarget.value)}>
            {props.choices.map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </select>
        </Field>
      )}
    </Dialog>
  );
}

export const policyChoices = (policies: readonly ManagedPolicy[]) =>
  policies.map((p) => ({ value: p.arn, label: `${p.policyName} (${p.arn})` }));
