import { type ComponentChildren, Fragment } from 'preact';
import { useState } from 'preact/hooks';
import type { Instance } from '../../cloud/ec2';
import { ConfirmDialog } from '../components/confirm-dialog';
import { Dialog } from '../components/dialog';
import { Checkbox } from '../components/field';
import { t } from '../i18n';
import type { InstancesModel } from './instances-model';
import { protectedLabel } from './termination-protection';

/**
 * Terminate, confirmed by name. Instances with termination protection are named apart with what
 * to do, and the button counts only the others: those are terminated, the protected stay.
 */
export function TerminateDialog({
  model,
  ids,
  protectedIds,
}: {
  model: InstancesModel;
  ids: string[];
  /** null while being checked. */
  protectedIds: readonly string[] | null | undefined;
}) {
  const nameOf = (id: string) => {
    const instance = model.list.rows.value.find((i) => i.instanceId === id);
    return instance ? model.nameOf(instance) : '';
  };
  const blocked = protectedIds ?? [];
  const rest = ids.filter((id) => !blocked.includes(id));
  const names = rest.map((id) => {
    const name = nameOf(id);
    return name ? `${name} (${id})` : id;
  });
  const warnings = (
    <>
      {protectedIds === null && <p class="muted">{t('attrCheckingProtection')}</p>}
      {blocked.map((id) => (
        <p key={id} class="notice warning" role="alert">
          {t('attrProtected', protectedLabel(id, nameOf(id)))}
        </p>
      ))}
    </>
  );
  if (rest.length === 0) {
    return (
      <Dialog
        title={t('terminate')}
        onClose={() => model.open(null)}
        error={model.dialogError.value}
        actions={
          <button type="button" onClick={() => model.open(null)}>
            {t('close')}
          </button>
        }
      >
        {warnings}
      </Dialog>
    );
  }
  return (
    <ConfirmDialog
      title={t('terminate')}
      confirm={t('terminateConfirmYes', String(rest.length))}
      onConfirm={() => model.terminate(rest, blocked)}
      onClose={() => model.open(null)}
      error={model.dialogError.value}
    >
      {warnings}
      <p>{blocked.length > 0 ? t('attrTerminateRest') : t('terminateConfirm')}</p>
      <ul>
        {names.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
    </ConfirmDialog>
  );
}

export function ConsoleDialog({
  model,
  instanceId,
}: {
  model: InstancesModel;
  instanceId: string;
}) {
  const open = model.dialog.value;
  const output = open?.kind === 'console' ? open.output : null;
  const [copied, setCopied] = useState(false);
  return (
    <Dialog
      title={t('consoleOutputOf', instanceId)}
      wide
      onClose={() => model.open(null)}
      error={model.dialogError.value}
      actions={
        <>
          <button type="button" onClick={() => void model.showConsole(instanceId)}>
            {t('refresh')}
          </button>
          <button
            type="button"
            disabled={!output?.output}
            onClick={() =>
              void navigator.clipboard.writeText(output?.output ?? '').then(() => setCopied(true))
            }
          >
            {copied ? t('copied') : t('copy')}
          </button>
          <button type="button" onClick={() => model.open(null)}>
            {t('close')}
          </button>
        </>
      }
    >
      {!output && !model.dialogError.value && <p class="muted">{t('loading')}</p>}
      {output && !output.output && <p class="muted">{t('consoleEmpty')}</p>}
      {output?.output && <pre class="console-output">{output.output}</pre>}
    </Dialog>
  );
}

interface TagRow {
  key: string;
  value: string;
  original: string | null;
}

export function TagsDialog({ model, instance }: { model: InstancesModel; instance: Instance }) {
  const [rows, setRows] = useState<TagRow[]>(() =>
    instance.tags.map((tag) => ({ key: tag.key, value: tag.value, original: tag.key })),
  );
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const update = (index: number, patch: Partial<TagRow>) => {
    setRows(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));
    setProblem(null);
  };
  async function save() {
    const keys = rows.map((row) => row.key.trim());
    if (keys.some((key) => !key || key.length > 128 || /^aws:/i.test(key))) {
      setProblem(t('tagsBadKey'));
      return;
    }
    if (new Set(keys).size !== keys.length) {
      setProblem(t('tagsDuplicateKey'));
      return;
    }
    if (rows.some((row) => row.value.length > 256)) {
      setProblem(t('tagsLongValue'));
      return;
    }
    const remove = instance.tags
      .map((tag) => tag.key)
      .filter((key) => !rows.some((row) => row.original === key && row.key.trim() === key));
    const set = rows
      .filter((row) => {
        const before = instance.tags.find((tag) => tag.key === row.key.trim());
        return !before || before.value !== row.value || row.original !== before.key;
      })
      .map((row) => ({ key: row.key.trim(), value: row.value }));
    setBusy(true);
    await model.saveTags(instance.instanceId, set, remove);
    setBusy(false);
  }
  return (
    <Dialog
      title={t('tagsOf', instance.instanceId)}
      onClose={() => model.open(null)}
      error={model.dialogError.value}
      actions={
        <>
          <button type="button" onClick={() => model.open(null)}>
            {t('cancel')}
          </button>
          <button type="button" class="primary" disabled={busy} onClick={() => void save()}>
            {t('save')}
          </button>
        </>
      }
    >
      <table class="data-table">
        <thead>
          <tr>
            <th>{t('tagKey')}</th>
            <th>{t('tagValue')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <tr key={index}>
              <td>
                <input
                  type="text"
                  aria-label={t('tagKeyOf', String(index + 1))}
                  value={row.key}
                  onInput={(e) => update(index, { key: e.currentTarget.value })}
                />
              </td>
              <td>
                <input
                  type="text"
                  aria-label={t('tagValueOf', String(index + 1))}
                  value={row.value}
                  onInput={(e) => update(index, { value: e.currentTarget.value })}
                />
              </td>
              <td>
                <button type="button" onClick={() => setRows(rows.filter((_, i) => i !== index))}>
                  {t('remove')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button
        type="button"
        onClick={() => setRows([...rows, { key: '', value: '', original: null }])}
      >
        {t('addTag')}
      </button>
      {problem && (
        <p class="field-error" role="alert">
          {problem}
        </p>
      )}
    </Dialog>
  );
}

export function ColumnsDialog({ model }: { model: InstancesModel }) {
  return (
    <Dialog
      title={t('chooseColumns')}
      onClose={() => model.open(null)}
      actions={
        <button type="button" onClick={() => model.open(null)}>
          {t('close')}
        </button>
      }
    >
      <div class="column-chooser">
        {model.columns.columns.map((column) => (
          <Checkbox
            key={column.id}
            id={`column-${column.id}`}
            label={column.label}
            checked={model.columns.prefs.value.columns.includes(column.id)}
            onChecked={(on) => model.columns.toggleColumn(column.id, on)}
          />
        ))}
      </div>
    </Dialog>
  );
}

/** Every attribute of one instance, as the server sent it, after `children` (its settings). */
export function InstanceDetails({
  instance,
  children,
}: {
  instance: Instance;
  children?: ComponentChildren;
}) {
  const rows: Array<[string, string]> = [];
  const walk = (prefix: string, value: unknown) => {
    if (value === null || value === undefined || value === '') return;
    if (Array.isArray(value)) {
      for (const [i, item] of value.entries()) walk(`${prefix}[${i}]`, item);
    } else if (typeof value === 'object') {
      for (const [key, inner] of Object.entries(value))
        walk(prefix ? `${prefix}.${key}` : key, inner);
    } else {
      rows.push([prefix, String(value)]);
    }
  };
  walk('', instance);
  return (
    <section class="details" aria-label={t('detailsOf', instance.instanceId)}>
      {children}
      <dl>
        {rows.map(([key, value]) => (
          <Fragment key={key}>
            <dt>{key}</dt>
            <dd>{value}</dd>
          </Fragment>
        ))}
      </dl>
    </section>
  );
}
