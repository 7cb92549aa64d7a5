import { useEffect, useMemo } from 'preact/hooks';
import { ALARM_STATES, type AlarmState, type MetricAlarm } from '../../cloud/cloudwatch';
import { browserDeps } from '../browser-deps';
import { ColumnsDialog } from '../components/columns-dialog';
import { EmptyState } from '../components/empty-state';
import { ErrorMessage } from '../components/error-message';
import { ExportCsvButton } from '../components/export-csv-button';
import { FeatureError } from '../components/feature-error';
import { NoticeLine, ResourceToolbar } from '../components/resource-toolbar';
import { VirtualTable } from '../components/virtual-table';
import { t } from '../i18n';
import { stateText } from './alarm-columns';
import { AlarmHistoryDialog, DeleteAlarmsDialog, PickMetricDialog } from './alarm-dialogs';
import { createAlarmsModel } from './alarms-model';
import { CreateAlarmDialog } from './create-alarm-dialog';
import './alarms.css';

function StateBadge({ alarm }: { alarm: MetricAlarm }) {
  const kind = alarm.stateValue.toLowerCase().replace(/_/g, '-');
  return <span class={`alarm-state ${kind}`}>{stateText(alarm.stateValue)}</span>;
}

export default function AlarmsPanel() {
  const model = useMemo(() => createAlarmsModel(browserDeps), []);
  useEffect(() => model.dispose, [model]);

  const current = model.profile.value;
  if (!current) {
    return (
      <EmptyState title={t('cwEmptyTitle')} body={t('cwEmptyBody')} hint={t('emptyNeedsProfile')} />
    );
  }
  if (model.unavailable.value) {
    return <EmptyState title={t('cwUnavailableTitle')} body={t('cwUnavailableBody')} />;
  }
  const { list, columns } = model;
  const names = list.selectedRows.value.map((a) => a.alarmName);
  const single = names.length === 1 ? names[0] : undefined;
  const dialog = model.dialog.value;
  const visible = columns.visibleColumns.value;
  const lacks = (feature: 'actions' | 'history') => model.unsupported.has(current.profile, feature);
  const filter = (
    <label class="switcher">
      <span>{t('cwStateFilter')}</span>
      <select
        value={model.stateFilter.value}
        onChange={(e) => model.filterState(e.currentTarget.value as AlarmState | '')}
      >
        <option value="">{t('cwStateAll')}</option>
        {ALARM_STATES.map((state) => (
          <option key={state} value={state}>
            {stateText(state)}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <section class="resource-panel" aria-label={t('tabAlarms')}>
      <ResourceToolbar list={list} lead={filter} search={model.search}>
        <button type="button" class="primary" onClick={() => model.open({ kind: 'pick-metric' })}>
          {t('cwCreateAlarm')}
        </button>
        <button
          type="button"
          disabled={names.length === 0 || lacks('actions')}
          title={lacks('actions') ? t('imgUnsupportedHere') : undefined}
          onClick={() => void model.setActions(names, true)}
        >
          {t('cwEnableActions')}
        </button>
        <button
          type="button"
          disabled={names.length === 0 || lacks('actions')}
          title={lacks('actions') ? t('imgUnsupportedHere') : undefined}
          onClick={() => void model.setActions(names, false)}
        >
          {t('cwDisableActions')}
        </button>
        <button
          type="button"
          disabled={!single || lacks('history')}
          title={lacks('history') ? t('imgUnsupportedHere') : undefined}
          onClick={() => single && void model.showHistory(single)}
        >
          {t('cwHistory')}
        </button>
        <button
          type="button"
          class="danger"
          disabled={names.length === 0}
          onClick={() => model.open({ kind: 'delete', names })}
        >
          {t('delete')}
        </button>
        <button type="button" onClick={() => model.open({ kind: 'columns' })}>
          {t('chooseColumns')}
        </button>
        <ExportCsvButton
          table="alarms"
          rows={model.filtered.value}
          columns={visible}
          profile={current.profile}
        />
      </ResourceToolbar>
      {list.error.value && <ErrorMessage error={list.error.value} />}
      <FeatureError error={model.error.value} feature={t('cwFeatureAlarmActions')} />
      <NoticeLine notice={model.notice.value} />
      <VirtualTable
        label={t('tabAlarms')}
        rows={model.filtered.value}
        columns={visible.map((column) =>
          column.id === 'state'
            ? { ...column, render: (a: MetricAlarm) => <StateBadge alarm={a} /> }
            : column,
        )}
        rowKey={(a) => a.alarmName}
        sort={columns.prefs.value.sort}
        onSort={columns.sortBy}
        selected={list.selected.value}
        onSelect={(keys) => (list.selected.value = keys)}
        onOpen={(a) => !lacks('history') && void model.showHistory(a.alarmName)}
      />
      {list.loaded.value &&
        !list.loading.value &&
        list.rows.value.length === 0 &&
        !list.error.value && <p class="muted">{t('cwNone')}</p>}
      {dialog?.kind === 'pick-metric' && <PickMetricDialog model={model} />}
      {dialog?.kind === 'create' && (
        <CreateAlarmDialog
          deps={browserDeps}
          metric={dialog.metric}
          onClose={() => model.open(null)}
          onCreated={(name) => model.created(name)}
        />
      )}
      {dialog?.kind === 'delete' && <DeleteAlarmsDialog model={model} names={dialog.names} />}
      {dialog?.kind === 'history' && (
        <AlarmHistoryDialog model={model} alarmName={dialog.alarmName} items={dialog.items} />
      )}
      {dialog?.kind === 'columns' && (
        <ColumnsDialog columns={columns} onClose={() => model.open(null)} />
      )}
    </section>
  );
}
