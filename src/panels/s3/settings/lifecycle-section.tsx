// The bucket's lifecycle rules in plain words, with an editor per rule; transitions to other
// storage classes only where AWS offers them. A refused save leaves the editor open as typed.

import { useEffect, useMemo, useState } from 'preact/hooks';
import type { LifecycleRule } from '../../../cloud/s3';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { Dialog, DialogActions } from '../../components/dialog';
import { Checkbox, Field, TextField } from '../../components/field';
import { t } from '../../i18n';
import {
  emptyLifecycleForm,
  formToRule,
  type LifecycleForm,
  type LifecycleFormProblems,
  lifecycleForm,
  lifecycleWords,
  TRANSITION_CHOICES,
} from './lifecycle-form';
import {
  createLifecycleSection,
  type LifecycleSectionModel,
  type LifecycleValue,
} from './lifecycle-model';
import { SectionStatus } from './section-status';
import type { BucketAt } from './setting-section';

type Editing = { index: number | null; form: LifecycleForm };
type Confirming = { index: number } | { all: true };

export function LifecycleSection({ bucket, at }: { bucket: string; at: BucketAt }) {
  const section = useMemo(() => createLifecycleSection(bucket, at), [bucket, at]);
  useEffect(() => () => section.dispose(), [section]);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [confirming, setConfirming] = useState<Confirming | null>(null);
  // A dialog opens without the refusal of an earlier one.
  const edit = (next: Editing) => {
    section.error.value = null;
    setEditing(next);
  };
  const ask = (next: Confirming) => {
    section.error.value = null;
    setConfirming(next);
  };
  const value = section.value.value;
  const rules = value?.config?.rules ?? [];
  const ready = section.state.value === 'ready' && !section.saving.value;

  const save = (next: LifecycleRule[]) => section.saveRules(next);

  return (
    <div class="lifecycle-section">
      <SectionStatus section={section} what={t('lcWhat')} />
      {value &&
        (rules.length === 0 ? (
          <p class="muted">{t('lcNone')}</p>
        ) : (
          <ul class="settings-rules">
            {rules.map((rule, index) => (
              <li key={`${index}/${rule.id}`}>
                <span class="rule-words">{lifecycleWords(rule)}</span>
                {rule.id && <span class="muted"> ({rule.id})</span>}
                {rule.unsupported.length > 0 && (
                  <span class="notice warning">
                    {' '}
                    {t('lcUnsupportedParts', rule.unsupported.join(', '))}
                  </span>
                )}{' '}
                <button
                  type="button"
                  disabled={!ready}
                  onClick={() => edit({ index, form: lifecycleForm(rule) })}
                >
                  {t('lcEditRule')}
                </button>{' '}
                <button
                  type="button"
                  class="danger"
                  disabled={!ready}
                  onClick={() => ask({ index })}
                >
                  {t('lcDeleteRule')}
                </button>
              </li>
            ))}
          </ul>
        ))}
      <div class="toolbar">
        <button
          type="button"
          disabled={!ready}
          onClick={() => edit({ index: null, form: emptyLifecycleForm() })}
        >
          {t('lcAddRule')}
        </button>
        <button
          type="button"
          class="danger"
          disabled={!ready || !value?.config}
          onClick={() => ask({ all: true })}
        >
          {t('lcDeleteAll')}
        </button>
      </div>
      {editing && value && (
        <LifecycleEditor
          section={section}
          editing={editing}
          value={value}
          onClose={() => setEditing(null)}
          onSave={async (rule) => {
            const next = [...rules];
            if (editing.index === null) next.push(rule);
            else next[editing.index] = rule;
            if (await save(next)) setEditing(null);
          }}
        />
      )}
      {confirming && (
        <ConfirmDialog
          title={'all' in confirming ? t('lcDeleteAllTitle', bucket) : t('lcDeleteRuleTitle')}
          confirm={'all' in confirming ? t('lcDeleteAll') : t('lcDeleteRule')}
          error={section.error.value}
          onClose={() => setConfirming(null)}
          onConfirm={async () => {
            const done =
              'all' in confirming
                ? await section.deleteAll()
                : await save(rules.filter((_, i) => i !== confirming.index));
            if (done) setConfirming(null);
          }}
        >
          <p>
            {'all' in confirming
              ? t('lcDeleteAllText')
              : lifecycleWords(rules[confirming.index] ?? emptyRule())}
          </p>
        </ConfirmDialog>
      )}
    </div>
  );
}

function emptyRule(): LifecycleRule {
  return { id: '', enabled: true, prefix: '', tags: [], transitions: [], unsupported: [] };
}

function LifecycleEditor(props: {
  section: LifecycleSectionModel;
  editing: Editing;
  value: LifecycleValue;
  onClose: () => void;
  onSave: (rule: LifecycleRule) => Promise<void>;
}) {
  const { section, editing, value } = props;
  const [form, setForm] = useState(editing.form);
  const [problems, setProblems] = useState<LifecycleFormProblems>({});
  const set = (patch: Partial<LifecycleForm>) => {
    setForm((f) => ({ ...f, ...patch }));
    setProblems({});
  };
  const rules = value.config?.rules ?? [];
  const otherIds = rules.filter((_, i) => i !== editing.index).map((r) => r.id);
  const submit = async () => {
    const result = formToRule(form, otherIds, value.legacy);
    if ('problems' in result) {
      setProblems(result.problems);
      return;
    }
    await props.onSave(result.rule);
  };
  const msg = (field: keyof LifecycleFormProblems) => {
    const key = problems[field];
    return key ? t(key) : undefined;
  };
  const showTransitions = value.aws || form.transitions.length > 0;
  return (
    <Dialog
      wide
      title={editing.index === null ? t('lcAddRuleTitle') : t('lcEditRuleTitle')}
      onClose={props.onClose}
      error={section.error.value}
      actions={
        <DialogActions
          onCancel={props.onClose}
          confirm={t('lcSaveRule')}
          disabled={section.saving.value}
          onConfirm={() => void submit()}
        />
      }
    >
      <TextField
        id="lc-id"
        label={t('lcRuleId')}
        value={form.id}
        error={msg('id')}
        onValue={(id) => set({ id })}
      />
      <Checkbox
        id="lc-enabled"
        label={t('lcEnabled')}
        checked={form.enabled}
        onChecked={(enabled) => set({ enabled })}
      />
      <TextField
        id="lc-prefix"
        label={t('lcPrefix')}
        hint={t('lcPrefixHint')}
        value={form.prefix}
        onValue={(prefix) => set({ prefix })}
      />
      {(!value.legacy || form.tags !== '') && (
        <Field id="lc-tags" label={t('lcTags')} hint={t('lcTagsHint')} error={msg('tags')}>
          <textarea
            id="lc-tags"
            rows={2}
            spellcheck={false}
            value={form.tags}
            onInput={(e) => set({ tags: e.currentTarget.value })}
          />
        </Field>
      )}
      <TextField
        id="lc-expire"
        label={t('lcExpirationDays')}
        hint={t('lcDaysHint')}
        value={form.expirationDays}
        error={msg('expirationDays')}
        onValue={(expirationDays) => set({ expirationDays })}
      />
      <TextField
        id="lc-noncurrent"
        label={t('lcNoncurrentDays')}
        hint={t('lcDaysHint')}
        value={form.noncurrentDays}
        error={msg('noncurrentDays')}
        onValue={(noncurrentDays) => set({ noncurrentDays })}
      />
      <TextField
        id="lc-abort"
        label={t('lcAbortDays')}
        hint={t('lcDaysHint')}
        value={form.abortDays}
        error={msg('abortDays')}
        onValue={(abortDays) => set({ abortDays })}
      />
      {showTransitions && (
        <fieldset>
          <legend>{t('lcTransitions')}</legend>
          {form.transitions.map((row, i) => (
            <div class="transition-row" key={i}>
              <input
                type="text"
                aria-label={t('lcTransitionDays', String(i + 1))}
                value={row.days}
                onInput={(e) => {
                  const days = e.currentTarget.value;
                  set({
                    transitions: form.transitions.map((r, j) => (j === i ? { ...r, days } : r)),
                  });
                }}
              />
              <select
                aria-label={t('lcTransitionClass', String(i + 1))}
                value={row.storageClass}
                onChange={(e) => {
                  const storageClass = e.currentTarget.value;
                  set({
                    transitions: form.transitions.map((r, j) =>
                      j === i ? { ...r, storageClass } : r,
                    ),
                  });
                }}
              >
                {TRANSITION_CHOICES.map((c) => (
                  <option key={c} value={c}>
                    {c}
                  </option>
                ))}
              </select>
              <button
                type="button"
                onClick={() => set({ transitions: form.transitions.filter((_, j) => j !== i) })}
              >
                {t('lcRemoveTransition')}
              </button>
            </div>
          ))}
          {value.aws && (
            <button
              type="button"
              onClick={() =>
                set({
                  transitions: [...form.transitions, { days: '', storageClass: 'STANDARD_IA' }],
                })
              }
            >
              {t('lcAddTransition')}
            </button>
          )}
          {msg('transitions') && <p class="field-error">{msg('transitions')}</p>}
        </fieldset>
      )}
      {msg('rule') && (
        <p class="field-error" role="alert">
          {msg('rule')}
        </p>
      )}
    </Dialog>
  );
}
