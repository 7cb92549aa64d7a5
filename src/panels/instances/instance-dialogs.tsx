import { Fragment } from 'preact';
import { useState } from 'preact/hooks';
import type { Instance } from '../../cloud/ec2';
import { ConfirmListDialog } from '../components/confirm-list-dialog';
import { Dialog } from '../components/dialog';
import { Checkbox } from '../components/field';
import { t } from '../i18n';
import type { InstancesModel } from './instances-model';

export function TerminateDialog({ model, ids }: { model: InstancesModel; ids: string[] }) {
  const names = ids.map((id) => {
    const instance = model.list.rows.value.find((i) => i.instanceId === id);
    const name = instance ? model.nameOf(instance) : '';
    return name ? `${name} (${id})` : id;
  });
  return (
    <ConfirmListDialog
      title={t('terminate')}
      confirm={t('terminateConfirmYes', String(ids.length))}
      onConfirm={() => model.terminate(ids)}
      onClose={() => model.open(null)}
      error={model.dialogError.value}
      question={t('terminateConfirm')}
      items={names}
    />
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

/** Every attribute of one instance, as the server sent it. */
export function InstanceDetails({ instance }: { instance: Instance }) {
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
