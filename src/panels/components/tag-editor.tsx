import { useMemo, useState } from 'preact/hooks';
import type { CloudErrorData } from '../../cloud/errors';
import { type MessageKey, t } from '../i18n';
import { Dialog, DialogActions } from './dialog';
import { callCount, type TagPlan, type TagProblem, type TagProblemCode } from './tag-changes';
import { createTagEditor } from './tag-editor-model';
import type { TagTarget } from './tagging';

const PROBLEM_KEYS: Record<TagProblemCode, MessageKey> = {
  keyRequired: 'taggingKeyRequired',
  keyTooLong: 'taggingKeyTooLong',
  keyReserved: 'taggingKeyReserved',
  keyDuplicate: 'taggingKeyDuplicate',
  valueTooLong: 'taggingValueTooLong',
};

interface Props {
  /** The selected rows; those with no id are named with `noId` and left out. */
  targets: readonly TagTarget[];
  noId?: (label: string) => string;
  /** The cloud answered that it cannot tag these resources. */
  unsupported: boolean;
  error: CloudErrorData | null;
  /** Makes the calls; true when they all worked (the panel then closes the dialog). */
  onSave: (plan: TagPlan, label: string) => Promise<boolean>;
  onClose: () => void;
}

/**
 * Tags of one resource or of many at once: keys all of them have, with their value or "different
 * values"; a value typed goes on all of them, a key removed goes from all of them.
 */
export function TagEditorDialog({ targets, noId, unsupported, error, onSave, onClose }: Props) {
  // The targets as the dialog opened: a refresh behind it must not change what the edit means.
  const [{ editor, untaggable, label }] = useState(() => {
    const taggable = targets.filter((target) => target.id);
    return {
      editor: createTagEditor(taggable.map(({ id, tags }) => ({ id, tags }))),
      untaggable: targets.filter((target) => !target.id).map((target) => target.label),
      label: taggable.map((target) => target.label).join(', '),
    };
  });
  const [busy, setBusy] = useState(false);
  const count = editor.resources.length;
  const title =
    count > 1
      ? t('taggingTitleMany', String(count))
      : t('tagsOf', label || targets.map((target) => target.label).join(', '));
  const problems = editor.problems.value;
  const rowProblem = useMemo(() => {
    const found = new Map<string, TagProblem>();
    for (const p of problems) if (p.row !== null) found.set(`${p.row} ${p.field}`, p);
    return found;
  }, [problems]);

  async function save() {
    const plan = editor.plan();
    if (!plan) return;
    if (callCount(plan) === 0) return onClose();
    setBusy(true);
    try {
      await onSave(plan, label);
    } finally {
      setBusy(false);
    }
  }

  const field = (id: number, which: 'key' | 'value') => {
    const problem = rowProblem.get(`${id} ${which}`);
    return problem && problem.row !== null ? problem : null;
  };

  return (
    <Dialog
      title={title}
      wide
      onClose={onClose}
      error={error}
      actions={
        <DialogActions
          onCancel={onClose}
          confirm={t('save')}
          disabled={busy || count === 0 || unsupported}
          onConfirm={() => void save()}
        />
      }
    >
      {untaggable.map((name) => (
        <p key={name} class="notice warning">
          {noId ? noId(name) : name}
        </p>
      ))}
      {unsupported && <p class="notice warning">{t('taggingUnsupported')}</p>}
      {count > 0 && (
        <>
          {editor.rows.value.length === 0 && <p class="muted">{t('taggingNone')}</p>}
          {editor.rows.value.length > 0 && (
            <table class="data-table tag-editor">
              <thead>
                <tr>
                  <th>{t('tagKey')}</th>
                  <th>{t('tagValue')}</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {editor.rows.value.map((row, index) => {
                  const keyProblem = field(row.id, 'key');
                  const valueProblem = field(row.id, 'value');
                  const n = String(index + 1);
                  return (
                    <tr key={row.id} data-tag-row={n}>
                      <td>
                        <input
                          type="text"
                          aria-label={t('tagKeyOf', n)}
                          value={row.key}
                          readOnly={row.reserved}
                          maxLength={1024}
                          spellcheck={false}
                          aria-invalid={keyProblem ? true : undefined}
                          onInput={(e) => editor.setKey(row.id, e.currentTarget.value)}
                        />
                        {keyProblem && (
                          <p class="field-error">{t(PROBLEM_KEYS[keyProblem.code])}</p>
                        )}
                      </td>
                      <td>
                        <input
                          type="text"
                          aria-label={t('tagValueOf', n)}
                          value={row.value}
                          readOnly={row.reserved}
                          placeholder={row.mixed ? t('taggingDifferent') : undefined}
                          spellcheck={false}
                          aria-invalid={valueProblem ? true : undefined}
                          onInput={(e) => editor.setValue(row.id, e.currentTarget.value)}
                        />
                        {valueProblem && (
                          <p class="field-error">{t(PROBLEM_KEYS[valueProblem.code])}</p>
                        )}
                      </td>
                      <td>
                        <button
                          type="button"
                          aria-label={t('taggingRemoveOf', row.key || n)}
                          disabled={row.reserved}
                          onClick={() => editor.remove(row.id)}
                        >
                          {t('remove')}
                        </button>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
          <button type="button" onClick={editor.add}>
            {t('addTag')}
          </button>
          {editor.rows.value.some((row) => row.reserved) && (
            <p class="muted">{t('taggingReserved')}</p>
          )}
          {editor.partial.length > 0 && (
            <p class="muted">{t('taggingPartial', editor.partial.join(', '))}</p>
          )}
          {problems.map(
            (p) =>
              p.row === null && (
                <p key={p.resource} class="field-error">
                  {t('taggingTooMany', p.resource, String(p.count))}
                </p>
              ),
          )}
          {problems.length > 0 && (
            <p class="field-error" role="alert">
              {t('taggingFix')}
            </p>
          )}
        </>
      )}
    </Dialog>
  );
}
