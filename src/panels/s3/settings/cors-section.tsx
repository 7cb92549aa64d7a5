// The bucket's CORS rules, one line each, with an editor per rule. A refused save leaves the
// editor open as typed.

import { useEffect, useMemo, useState } from 'preact/hooks';
import { type CorsRule, MAX_CORS_RULES } from '../../../cloud/s3';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { Dialog, DialogActions } from '../../components/dialog';
import { Field, TextField } from '../../components/field';
import { t } from '../../i18n';
import {
  type CorsForm,
  type CorsFormProblems,
  corsForm,
  corsWords,
  emptyCorsForm,
  formToCorsRule,
  METHOD_CHOICES,
} from './cors-form';
import { type CorsSectionModel, createCorsSection } from './cors-model';
import { SectionStatus } from './section-status';
import type { BucketAt } from './setting-section';

type Editing = { index: number | null; form: CorsForm };
type Confirming = { index: number } | { all: true };

export function CorsSection({ bucket, at }: { bucket: string; at: BucketAt }) {
  const section = useMemo(() => createCorsSection(bucket, at), [bucket, at]);
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
  const rules = value?.rules ?? [];
  const ready = section.state.value === 'ready' && !section.saving.value;
  const save = (next: CorsRule[]) => section.saveRules(next);

  return (
    <div class="cors-section">
      <SectionStatus section={section} what={t('corsWhat')} />
      {value &&
        (rules.length === 0 ? (
          <p class="muted">{t('corsNone')}</p>
        ) : (
          <ul class="settings-rules">
            {rules.map((rule, index) => (
              <li key={`${index}/${rule.id}`}>
                <span class="rule-words">{corsWords(rule)}</span>
                {rule.id && <span class="muted"> ({rule.id})</span>}{' '}
                <button
                  type="button"
                  disabled={!ready}
                  onClick={() => edit({ index, form: corsForm(rule) })}
                >
                  {t('corsEditRule')}
                </button>{' '}
                <button
                  type="button"
                  class="danger"
                  disabled={!ready}
                  onClick={() => ask({ index })}
                >
                  {t('corsDeleteRule')}
                </button>
              </li>
            ))}
          </ul>
        ))}
      <div class="toolbar">
        <button
          type="button"
          disabled={!ready || rules.length >= MAX_CORS_RULES}
          onClick={() => edit({ index: null, form: emptyCorsForm() })}
        >
          {t('corsAddRule')}
        </button>
        <button
          type="button"
          class="danger"
          disabled={!ready || !value?.rules}
          onClick={() => ask({ all: true })}
        >
          {t('corsDeleteAll')}
        </button>
      </div>
      {editing && (
        <CorsEditor
          section={section}
          editing={editing}
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
          title={'all' in confirming ? t('corsDeleteAllTitle', bucket) : t('corsDeleteRuleTitle')}
          confirm={'all' in confirming ? t('corsDeleteAll') : t('corsDeleteRule')}
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
              ? t('corsDeleteAllText')
              : corsWords(rules[confirming.index] ?? { ...emptyRule() })}
          </p>
        </ConfirmDialog>
      )}
    </div>
  );
}

function emptyRule(): CorsRule {
  return { id: '', origins: [], methods: [], allowedHeaders: [], exposeHeaders: [] };
}

function CorsEditor(props: {
  section: CorsSectionModel;
  editing: Editing;
  onClose: () => void;
  onSave: (rule: CorsRule) => Promise<void>;
}) {
  const { section, editing } = props;
  const [form, setForm] = useState(editing.form);
  const [problems, setProblems] = useState<CorsFormProblems>({});
  const set = (patch: Partial<CorsForm>) => {
    setForm((f) => ({ ...f, ...patch }));
    setProblems({});
  };
  const msg = (field: keyof CorsFormProblems) => {
    const key = problems[field];
    return key ? t(key) : undefined;
  };
  const submit = async () => {
    const result = formToCorsRule(form);
    if ('problems' in result) {
      setProblems(result.problems);
      return;
    }
    await props.onSave(result.rule);
  };
  const area = (id: string, field: 'origins' | 'allowedHeaders' | 'exposeHeaders') => (
    <textarea
      id={id}
      rows={2}
      spellcheck={false}
      value={form[field]}
      onInput={(e) => set({ [field]: e.currentTarget.value })}
    />
  );
  return (
    <Dialog
      wide
      title={editing.index === null ? t('corsAddRuleTitle') : t('corsEditRuleTitle')}
      onClose={props.onClose}
      error={section.error.value}
      actions={
        <DialogActions
          onCancel={props.onClose}
          confirm={t('corsSaveRule')}
          disabled={section.saving.value}
          onConfirm={() => void submit()}
        />
      }
    >
      <TextField
        id="cors-id"
        label={t('corsRuleId')}
        value={form.id}
        error={msg('id')}
        onValue={(id) => set({ id })}
      />
      <Field
        id="cors-origins"
        label={t('corsOrigins')}
        hint={t('corsOriginsHint')}
        error={msg('origins')}
      >
        {area('cors-origins', 'origins')}
      </Field>
      <fieldset>
        <legend>{t('corsMethods')}</legend>
        {METHOD_CHOICES.map((method) => (
          <label key={method} class="inline-check">
            <input
              type="checkbox"
              id={`cors-method-${method}`}
              checked={form.methods.includes(method)}
              onChange={(e) =>
                set({
                  methods: e.currentTarget.checked
                    ? [...form.methods, method]
                    : form.methods.filter((m) => m !== method),
                })
              }
            />
            {method}
          </label>
        ))}
        {msg('methods') && <p class="field-error">{msg('methods')}</p>}
      </fieldset>
      <Field
        id="cors-allowed"
        label={t('corsAllowedHeaders')}
        hint={t('corsHeadersHint')}
        error={msg('headers')}
      >
        {area('cors-allowed', 'allowedHeaders')}
      </Field>
      <Field id="cors-expose" label={t('corsExposeHeaders')} hint={t('corsHeadersHint')}>
        {area('cors-expose', 'exposeHeaders')}
      </Field>
      <TextField
        id="cors-max-age"
        label={t('corsMaxAge')}
        value={form.maxAgeSeconds}
        error={msg('maxAgeSeconds')}
        onValue={(maxAgeSeconds) => set({ maxAgeSeconds })}
      />
    </Dialog>
  );
}
