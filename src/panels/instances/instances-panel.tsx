import { useEffect, useMemo, useState } from 'preact/hooks';
import { type Instance, sshCommandFor } from '../../cloud/ec2';
import { browserDeps } from '../browser-deps';
import { ActionsMenu } from '../components/actions-menu';
import { EmptyState } from '../components/empty-state';
import { ErrorMessage } from '../components/error-message';
import { ExportCsvButton } from '../components/export-csv-button';
import { lazyComponent } from '../components/lazy-component';
import { takeRequestedRow } from '../components/requested-row';
import { NoticeLine } from '../components/resource-toolbar';
import { createTempAccessList, rulesOfProfile } from '../components/temp-access-list';
import { VirtualTable } from '../components/virtual-table';
import { DetailsGraphs } from '../graphs/details-graphs';
import { t } from '../i18n';
import { LaunchDialog } from '../launch/lazy-launch-dialog';
import { usePanelNav } from '../panel-nav';
import { copyText, sshRefusalText } from '../ssh-text';
import { InstanceAttributeRows } from './instance-attribute-rows';
import { TRANSITIONAL_STATES } from './instance-columns';
import { ColumnsDialog, ConsoleDialog, InstanceDetails, TerminateDialog } from './instance-dialogs';
import { InstanceStatusDetails, StatusEventsNotice, StatusListError } from './instance-status-view';
import { createInstancesModel } from './instances-model';
import { statusColumnShown } from './status-column';
import { schedulesOfProfile } from './stop-schedules';
import { TempAccessNote } from './temp-access-note';

// Dialogs the list does not need to show: fetched when first opened, so the tab opens fast.
const TagEditorDialog = lazyComponent(() =>
  import('../components/tag-editor').then((m) => m.TagEditorDialog),
);
const ForceStopDialog = lazyComponent(() =>
  import('./force-stop-dialog').then((m) => m.ForceStopDialog),
);
const CreateImageDialog = lazyComponent(() =>
  import('./image-dialogs').then((m) => m.CreateImageDialog),
);
const BundleDialog = lazyComponent(() => import('./image-dialogs').then((m) => m.BundleDialog));
const InstanceSettingsDialog = lazyComponent(() =>
  import('./instance-settings-dialog').then((m) => m.InstanceSettingsDialog),
);
const WindowsPasswordDialog = lazyComponent(() =>
  import('./password-dialog').then((m) => m.WindowsPasswordDialog),
);
const SshAccessDialog = lazyComponent(() =>
  import('./ssh-access-dialog').then((m) => m.SshAccessDialog),
);
const StopScheduleNote = lazyComponent(() =>
  import('./stop-schedule-note').then((m) => m.StopScheduleNote),
);
const StopScheduleDialog = lazyComponent(() =>
  import('./stop-schedule-dialog').then((m) => m.StopScheduleDialog),
);

export default function InstancesPanel() {
  const nav = usePanelNav();
  const model = useMemo(
    () => takeRequestedRow(nav, 'instances', createInstancesModel(browserDeps), (m) => m.list),
    [nav],
  );
  useEffect(() => model.dispose, [model]);
  const temporary = useMemo(() => createTempAccessList(browserDeps.storageEvents), []);
  useEffect(() => temporary.dispose, [temporary]);
  /** What the last Copy SSH command did: copied, shown to copy by hand, or why there is none. */
  const [sshNote, setSshNote] = useState<{ ok: boolean; text: string } | null>(null);

  const current = model.profile.value;
  if (!current) {
    return (
      <EmptyState
        title={t('instancesEmptyTitle')}
        body={t('instancesEmptyBody')}
        hint={t('emptyNeedsProfile')}
      />
    );
  }
  const { list, search, columns } = model;
  const chosen = list.selectedRows.value;
  const ids = chosen.map((i) => i.instanceId);
  const single = chosen.length === 1 ? chosen[0] : undefined;
  const dialog = model.dialog.value;
  async function copySsh(instance: Instance) {
    const ssh = sshCommandFor(instance);
    if (!ssh.ok) return setSshNote({ ok: false, text: sshRefusalText(ssh) });
    const done = await copyText(ssh.command);
    setSshNote({ ok: true, text: t(done ? 'sshCopied' : 'sshCommandIs', ssh.command) });
  }
  const stateIs = (...names: string[]) =>
    chosen.length > 0 && chosen.every((i) => names.includes(i.state.name));

  return (
    <section class="resource-panel" aria-label={t('tabInstances')}>
      <div class="toolbar">
        <label class="switcher search-label">
          <span>{t('searchLabel')}</span>
          <input
            class="search"
            type="search"
            value={search.query.value}
            placeholder={t('instancesSearchPlaceholder')}
            onInput={(e) => (search.query.value = e.currentTarget.value)}
          />
        </label>
        <span class="count" role="status">
          {t('countOf', String(model.filtered.value.length), String(list.rows.value.length))}
          {list.polling.value && ` · ${t('autoRefreshing')}`}
        </span>
        <button type="button" onClick={() => model.refresh()} disabled={list.loading.value}>
          {t('refresh')}
        </button>
        <button type="button" class="primary" onClick={() => model.open({ kind: 'launch' })}>
          {t('launchNew')}
        </button>
        <button type="button" disabled={!stateIs('stopped')} onClick={() => void model.start(ids)}>
          {t('start')}
        </button>
        <button type="button" disabled={!stateIs('running')} onClick={() => void model.stop(ids)}>
          {t('stop')}
        </button>
        <button type="button" disabled={!stateIs('running')} onClick={() => void model.reboot(ids)}>
          {t('reboot')}
        </button>
        <button
          type="button"
          class="danger"
          disabled={chosen.length === 0 || stateIs('terminated')}
          onClick={() => void model.askTerminate(ids)}
        >
          {t('terminate')}
        </button>
        <button type="button" disabled={!single} onClick={() => single && void copySsh(single)}>
          {t('copySsh')}
        </button>
        <ActionsMenu label={t('moreActions')}>
          <button
            type="button"
            disabled={!single}
            onClick={() => single && void model.showConsole(single.instanceId)}
          >
            {t('consoleOutput')}
          </button>
          <button
            type="button"
            disabled={chosen.length === 0 || model.tagging.unsupported.value}
            onClick={() => model.open({ kind: 'tags', ids })}
          >
            {t('tags')}
          </button>
          <button
            type="button"
            disabled={!single || ['terminated', 'shutting-down'].includes(single.state.name)}
            onClick={() =>
              single && model.open({ kind: 'settings', instanceId: single.instanceId })
            }
          >
            {t('attrSettings')}
          </button>
          <button
            type="button"
            disabled={
              chosen.length === 0 ||
              stateIs('terminated') ||
              model.monitoring.has(current.profile, 'monitoring')
            }
            title={
              model.monitoring.has(current.profile, 'monitoring')
                ? t('imgUnsupportedHere')
                : undefined
            }
            onClick={() => void model.setMonitoring(ids, true)}
          >
            {t('cwMonitoringOn')}
          </button>
          <button
            type="button"
            disabled={
              chosen.length === 0 ||
              stateIs('terminated') ||
              model.monitoring.has(current.profile, 'monitoring')
            }
            title={
              model.monitoring.has(current.profile, 'monitoring')
                ? t('imgUnsupportedHere')
                : undefined
            }
            onClick={() => void model.setMonitoring(ids, false)}
          >
            {t('cwMonitoringOff')}
          </button>
          <button
            type="button"
            disabled={!stateIs('running', 'stopping')}
            onClick={() => model.open({ kind: 'force-stop', ids })}
          >
            {t('attrForceStop')}
          </button>
          <button
            type="button"
            disabled={!single || model.passwordUnsupportedOn.value === current.profile.id}
            onClick={() => single && void model.showPassword(single.instanceId)}
          >
            {t('winpwButton')}
          </button>
          <button
            type="button"
            disabled={!single}
            onClick={() =>
              single && model.open({ kind: 'sshAccess', instanceId: single.instanceId })
            }
          >
            {t('sshAccessOpen')}
          </button>
          <button
            type="button"
            disabled={chosen.length === 0}
            onClick={() => model.open({ kind: 'stopSchedule', ids })}
          >
            {t('remScheduleAction')}
          </button>
          <button
            type="button"
            disabled={!single}
            onClick={() =>
              single &&
              // The launch form's code comes with the dialog, not with the list.
              void import('../launch/launch-form').then(({ formLike }) =>
                model.open({ kind: 'launch', form: formLike(single) }),
              )
            }
          >
            {t('launchMoreLikeThis')}
          </button>
          <button
            type="button"
            disabled={
              single?.rootDeviceType !== 'ebs' ||
              model.images.unsupported.has(current.profile, 'createImage')
            }
            title={
              model.images.unsupported.has(current.profile, 'createImage')
                ? t('imgUnsupportedHere')
                : single && single.rootDeviceType !== 'ebs'
                  ? t('imgCreateImageEbsOnly')
                  : undefined
            }
            onClick={() =>
              single && model.open({ kind: 'create-image', instanceId: single.instanceId })
            }
          >
            {t('imgCreateImage')}
          </button>
          <button
            type="button"
            disabled={
              single?.rootDeviceType !== 'instance-store' ||
              model.images.unsupported.has(current.profile, 'bundle')
            }
            title={
              model.images.unsupported.has(current.profile, 'bundle')
                ? t('imgUnsupportedHere')
                : single && single.rootDeviceType !== 'instance-store'
                  ? t('imgBundleStoreOnly')
                  : undefined
            }
            onClick={() => single && model.open({ kind: 'bundle', instanceId: single.instanceId })}
          >
            {t('imgBundle')}
          </button>
        </ActionsMenu>
        <button type="button" onClick={() => model.open({ kind: 'columns' })}>
          {t('chooseColumns')}
        </button>
        <ExportCsvButton
          table="instances"
          rows={model.filtered.value}
          columns={columns.visibleColumns.value.map((c) => statusColumnShown(c, model.status))}
          profile={current.profile}
        />
      </div>
      {list.error.value && (
        <ErrorMessage error={list.error.value} onRetry={() => void model.refresh()} />
      )}
      {model.error.value && <ErrorMessage error={model.error.value} />}
      <NoticeLine notice={model.notice.value} />
      <StatusEventsNotice status={model.status} />
      <StatusListError status={model.status} />
      {sshNote && (
        <p class={sshNote.ok ? 'notice ok' : 'notice warning'} role="status">
          {sshNote.text}
        </p>
      )}
      <VirtualTable
        label={t('tabInstances')}
        rows={model.filtered.value}
        columns={columns.visibleColumns.value.map((column) =>
          column.id === 'state'
            ? {
                ...column,
                render: (i: Instance) => (
                  <span class={`state ${i.state.name}`}>
                    {i.state.name}
                    {TRANSITIONAL_STATES.has(i.state.name) ? '…' : ''}
                  </span>
                ),
              }
            : statusColumnShown(column, model.status),
        )}
        rowKey={(i) => i.instanceId}
        sort={columns.prefs.value.sort}
        onSort={columns.sortBy}
        reveal={list.reveal.value}
        selected={list.selected.value}
        onSelect={(keys) => (list.selected.value = keys)}
      />
      {list.loaded.value &&
        !list.loading.value &&
        list.rows.value.length === 0 &&
        !list.error.value && <p class="muted">{t('instancesNone')}</p>}
      {single && <InstanceStatusDetails instanceId={single.instanceId} status={model.status} />}
      {single && (
        <TempAccessNote
          rules={rulesOfProfile(temporary.rules.value, current.profile).filter(
            (r) => r.instanceId === single.instanceId,
          )}
        />
      )}
      {single && (
        <StopScheduleNote
          schedules={schedulesOfProfile(model.schedules.schedules.value, current.profile).filter(
            (s) => s.instanceIds.includes(single.instanceId),
          )}
        />
      )}
      {single && (
        <InstanceDetails instance={single}>
          <DetailsGraphs
            target={{
              kind: 'instance',
              id: single.instanceId,
              detailed: single.monitoring === 'enabled',
            }}
          />
          <InstanceAttributeRows
            instance={single}
            readings={
              model.details.value?.instanceId === single.instanceId
                ? model.details.value.readings
                : null
            }
          />
        </InstanceDetails>
      )}
      {dialog?.kind === 'terminate' && (
        <TerminateDialog model={model} ids={dialog.ids} protectedIds={dialog.protectedIds} />
      )}
      {dialog?.kind === 'force-stop' && <ForceStopDialog model={model} ids={dialog.ids} />}
      {dialog?.kind === 'settings' &&
        (() => {
          const instance = list.rows.value.find((i) => i.instanceId === dialog.instanceId);
          return instance ? (
            <InstanceSettingsDialog model={model} current={current} instance={instance} />
          ) : null;
        })()}
      {dialog?.kind === 'console' && <ConsoleDialog model={model} instanceId={dialog.instanceId} />}
      {dialog?.kind === 'tags' && (
        <TagEditorDialog
          targets={list.rows.value
            .filter((i) => dialog.ids.includes(i.instanceId))
            .map((i) => ({ id: i.instanceId, label: i.instanceId, tags: i.tags }))}
          unsupported={model.tagging.unsupported.value}
          error={model.dialogError.value}
          onSave={model.tagging.save}
          onClose={() => model.open(null)}
        />
      )}
      {dialog?.kind === 'columns' && <ColumnsDialog model={model} />}
      {dialog?.kind === 'password' &&
        (() => {
          const instance = list.rows.value.find((i) => i.instanceId === dialog.instanceId);
          return instance ? <WindowsPasswordDialog model={model} instance={instance} /> : null;
        })()}
      {dialog?.kind === 'create-image' &&
        (() => {
          const instance = list.rows.value.find((i) => i.instanceId === dialog.instanceId);
          return instance ? <CreateImageDialog model={model} instance={instance} /> : null;
        })()}
      {dialog?.kind === 'bundle' && <BundleDialog model={model} instanceId={dialog.instanceId} />}
      {dialog?.kind === 'sshAccess' &&
        (() => {
          const instance = list.rows.value.find((i) => i.instanceId === dialog.instanceId);
          return instance ? <SshAccessDialog model={model} instance={instance} /> : null;
        })()}
      {dialog?.kind === 'stopSchedule' && <StopScheduleDialog model={model} ids={dialog.ids} />}
      {dialog?.kind === 'launch' && (
        <LaunchDialog
          current={current}
          {...(dialog.form ? { initial: dialog.form } : {})}
          onClose={() => model.open(null)}
          onLaunched={(launched) => model.launched(launched)}
        />
      )}
    </section>
  );
}
