import { type ComponentChildren, Fragment } from 'preact';
import { useState } from 'preact/hooks';
import type { Instance } from '../../cloud/ec2';
import { ColumnsDialog as ChooseColumnsDialog } from '../components/columns-dialog';
import { ConfirmDialog } from '../components/confirm-dialog';
import { Dialog } from '../components/dialog';
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

export function ColumnsDialog({ model }: { model: InstancesModel }) {
  return <ChooseColumnsDialog columns={model.columns} onClose={() => model.open(null)} />;
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
