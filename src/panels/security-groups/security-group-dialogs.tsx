import { useState } from 'preact/hooks';
import type { SecurityGroup } from '../../cloud/ec2';
import type { RuleDirection } from '../../cloud/ec2/rule-changes';
import { ConfirmListDialog } from '../components/confirm-list-dialog';
import { Dialog } from '../components/dialog';
import { Field, TextField } from '../components/field';
import { type MessageKey, t } from '../i18n';
import {
  badCidrs,
  EMPTY_RULE,
  type GroupForm,
  type GroupProblems,
  type Protocol,
  type RuleForm,
  type RuleProblems,
  ruleInput,
  validateGroup,
  validateRule,
} from './rule-form';
import { groupLabel, type SecurityGroupsModel } from './security-groups-model';

function Actions(props: { onCancel: () => void; onOk: () => void; ok: string; busy: boolean }) {
  return (
    <>
      <button type="button" onClick={props.onCancel}>
        {t('cancel')}
      </button>
      <button type="button" class="primary" disabled={props.busy} onClick={props.onOk}>
        {props.ok}
      </button>
    </>
  );
}

/** A form's state with its problems; a change clears the message of the field it touches. */
function useForm<F extends object>(initial: F) {
  const [form, setForm] = useState<F>(initial);
  const [problems, setProblems] = useState<Partial<Record<keyof F, MessageKey>>>({});
  const set = (patch: Partial<F>) => {
    setForm({ ...form, ...patch });
    const next = { ...problems };
    for (const key of Object.keys(patch)) delete next[key as keyof F];
    setProblems(next);
  };
  return { form, set, problems, setProblems };
}

export function CreateGroupDialog({ model }: { model: SecurityGroupsModel }) {
  const { form, set, problems, setProblems } = useForm<GroupForm>({
    name: '',
    description: '',
    vpcId: '',
  });
  const [busy, setBusy] = useState(false);
  async function submit() {
    const found: GroupProblems = validateGroup(form, model.list.rows.value);
    setProblems(found);
    if (Object.keys(found).length) return;
    setBusy(true);
    await model.createGroup(form);
    setBusy(false);
  }
  const message = (key: keyof GroupForm) => (problems[key] ? t(problems[key]) : undefined);
  return (
    <Dialog
      title={t('groupCreateTitle')}
      onClose={() => model.open(null)}
      error={model.dialogError.value}
      actions={
        <Actions
          onCancel={() => model.open(null)}
          onOk={() => void submit()}
          ok={t('create')}
          busy={busy}
        />
      }
    >
      <TextField
        id="group-name"
        label={t('groupName')}
        value={form.name}
        onValue={(name) => set({ name })}
        error={message('name')}
      />
      <TextField
        id="group-description"
        label={t('groupDescription')}
        value={form.description}
        onValue={(description) => set({ description })}
        error={message('description')}
      />
      <TextField
        id="group-vpc"
        label={t('groupVpc')}
        hint={t('groupVpcHint')}
        value={form.vpcId}
        onValue={(vpcId) => set({ vpcId })}
        error={message('vpcId')}
      />
    </Dialog>
  );
}

export function DeleteGroupsDialog({
  model,
  keys,
}: {
  model: SecurityGroupsModel;
  keys: string[];
}) {
  const names = keys.map((key) => {
    const group = model.find(key);
    return group ? groupLabel(group) : key;
  });
  return (
    <ConfirmListDialog
      title={t('groupDeleteTitle')}
      confirm={t('groupDeleteYes', String(keys.length))}
      onConfirm={() => model.deleteGroups(keys)}
      onClose={() => model.open(null)}
      error={model.dialogError.value}
      question={t('groupDeleteConfirm')}
      items={names}
    />
  );
}

const PROTOCOLS: Array<[Protocol, MessageKey]> = [
  ['tcp', 'protocolTcp'],
  ['udp', 'protocolUdp'],
  ['icmp', 'protocolIcmp'],
  ['-1', 'protocolAll'],
];

export function RuleDialog(props: {
  model: SecurityGroupsModel;
  group: SecurityGroup;
  direction: RuleDirection;
}) {
  const { model, group, direction } = props;
  const { form, set, problems, setProblems } = useForm<RuleForm>({ ...EMPTY_RULE, direction });
  const [busy, setBusy] = useState(false);
  const ingress = direction === 'ingress';
  async function submit() {
    const found: RuleProblems = validateRule(form);
    setProblems(found);
    if (Object.keys(found).length) return;
    setBusy(true);
    await model.addRule(group, direction, ruleInput(form, group, model.list.rows.value));
    setBusy(false);
  }
  const message = (key: keyof RuleForm) => {
    const problem = problems[key];
    if (!problem) return undefined;
    return problem === 'cidrInvalid' ? t(problem, badCidrs(form.cidrs).join(', ')) : t(problem);
  };
  const ports = form.protocol === 'tcp' || form.protocol === 'udp';
  return (
    <Dialog
      title={t(ingress ? 'ruleAddInboundTo' : 'ruleAddOutboundTo', groupLabel(group))}
      onClose={() => model.open(null)}
      error={model.dialogError.value}
      actions={
        <Actions
          onCancel={() => model.open(null)}
          onOk={() => void submit()}
          ok={t('ruleAdd')}
          busy={busy}
        />
      }
    >
      <Field id="rule-protocol" label={t('colProtocol')}>
        <select
          id="rule-protocol"
          value={form.protocol}
          onChange={(e) => set({ protocol: e.currentTarget.value as Protocol })}
        >
          {PROTOCOLS.map(([value, key]) => (
            <option key={value} value={value}>
              {t(key)}
            </option>
          ))}
        </select>
      </Field>
      {ports && (
        <div class="form-grid">
          <TextField
            id="rule-from-port"
            label={t('ruleFromPort')}
            value={form.fromPort}
            onValue={(fromPort) => set({ fromPort })}
            error={message('fromPort')}
          />
          <TextField
            id="rule-to-port"
            label={t('ruleToPort')}
            hint={t('ruleToPortHint')}
            value={form.toPort}
            onValue={(toPort) => set({ toPort })}
            error={message('toPort')}
          />
        </div>
      )}
      {form.protocol === 'icmp' && (
        <div class="form-grid">
          <TextField
            id="rule-icmp-type"
            label={t('ruleIcmpType')}
            hint={t('ruleIcmpHint')}
            value={form.icmpType}
            onValue={(icmpType) => set({ icmpType })}
            error={message('icmpType')}
          />
          <TextField
            id="rule-icmp-code"
            label={t('ruleIcmpCode')}
            hint={t('ruleIcmpHint')}
            value={form.icmpCode}
            onValue={(icmpCode) => set({ icmpCode })}
            error={message('icmpCode')}
          />
        </div>
      )}
      <fieldset>
        <legend>{ingress ? t('colSource') : t('colDestination')}</legend>
        <label>
          <input
            type="radio"
            name="rule-source"
            checked={form.source === 'cidr'}
            onChange={() => set({ source: 'cidr' })}
          />
          {t('ruleSourceCidr')}
        </label>{' '}
        <label>
          <input
            type="radio"
            name="rule-source"
            checked={form.source === 'group'}
            onChange={() => set({ source: 'group' })}
          />
          {t('ruleSourceGroup')}
        </label>
        {form.source === 'cidr' ? (
          <TextField
            id="rule-cidrs"
            label={t('ruleCidrs')}
            hint={t('ruleCidrsHint')}
            value={form.cidrs}
            onValue={(cidrs) => set({ cidrs })}
            error={message('cidrs')}
          />
        ) : (
          <>
            <Field
              id="rule-group"
              label={t('ruleGroup')}
              hint={group.vpcId ? t('ruleGroupHintVpc') : t('ruleGroupHintClassic')}
              error={message('group')}
            >
              <input
                id="rule-group"
                type="text"
                list="rule-group-choices"
                value={form.group}
                onInput={(e) => set({ group: e.currentTarget.value })}
              />
            </Field>
            <datalist id="rule-group-choices">
              {model.list.rows.value
                .filter((g) => g.vpcId === group.vpcId)
                .map((g) => (
                  <option key={g.groupName} value={g.groupName} />
                ))}
            </datalist>
            <TextField
              id="rule-owner"
              label={t('ruleGroupOwner')}
              hint={t('ruleGroupOwnerHint')}
              value={form.owner}
              onValue={(owner) => set({ owner })}
              error={message('owner')}
            />
          </>
        )}
      </fieldset>
    </Dialog>
  );
}
