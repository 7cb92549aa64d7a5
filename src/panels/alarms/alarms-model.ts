// The Alarms tab's model: the region's metric alarms (optionally of one state), delete, actions
// on and off, an alarm's history, and the metric chosen for Create alarm….

import { computed, signal } from '@preact/signals';
import {
  type AlarmHistoryItem,
  type AlarmState,
  deleteAlarms,
  describeAlarmHistory,
  describeAlarms,
  disableAlarmActions,
  enableAlarmActions,
  hasNoCloudWatch,
  listMetrics,
  type MetricAlarm,
  type MetricId,
} from '../../cloud/cloudwatch';
import { endpointFor } from '../../cloud/endpoints';
import { queryCall, queryList } from '../../cloud/query';
import { createColumnPrefs } from '../components/column-prefs';
import { createListSearch } from '../components/list-search';
import { createResourceList } from '../components/resource-list';
import { createResourcePanel } from '../components/resource-panel';
import { createUnsupportedFeatures } from '../components/unsupported-features';
import { asError } from '../errors';
import type { ModelDeps } from '../model-deps';
import { alarmColumns, DEFAULT_ALARM_COLUMNS } from './alarm-columns';
import type { AlarmMetric } from './alarm-form';

export type AlarmsDialog =
  | { kind: 'pick-metric' }
  | { kind: 'create'; metric: AlarmMetric }
  | { kind: 'delete'; names: string[] }
  | { kind: 'history'; alarmName: string; items: AlarmHistoryItem[] | null }
  | { kind: 'columns' };

/** DeleteAlarms, EnableAlarmActions and DisableAlarmActions take at most 100 names a call. */
const NAMES_PER_CALL = 100;

function batches(names: readonly string[]): string[][] {
  const out: string[][] = [];
  for (let i = 0; i < names.length; i += NAMES_PER_CALL)
    out.push(names.slice(i, i + NAMES_PER_CALL));
  return out;
}

export function createAlarmsModel(deps: ModelDeps, options: { pageSize?: number } = {}) {
  /** '' for every state. */
  const stateFilter = signal<AlarmState | ''>('');
  const list = createResourceList<MetricAlarm>({
    fetch: ({ profile, signer }) => {
      if (!endpointFor(profile, 'monitoring')) return Promise.resolve([]);
      const state = stateFilter.peek();
      return queryList('monitoring', describeAlarms, profile, signer, {
        ...(state ? { stateValue: state } : {}),
        ...(options.pageSize ? { maxRecords: options.pageSize } : {}),
      });
    },
    key: (a) => a.alarmName,
  });
  const panel = createResourcePanel<AlarmsDialog>(deps, [list]);
  const columns = createColumnPrefs('alarms', alarmColumns(), DEFAULT_ALARM_COLUMNS);
  const search = createListSearch(list.rows, (alarm) =>
    columns.columns.map((c) => c.value(alarm)).join('\n'),
  );
  const filtered = columns.sorted(search.filtered);
  // Features the cloud said it lacks (an older Eucalyptus): their buttons stay disabled there.
  const unsupported = createUnsupportedFeatures<'actions' | 'history'>();
  const unavailable = computed(() =>
    hasNoCloudWatch(panel.profile.value?.profile, list.error.value),
  );

  return {
    ...panel,
    list,
    search,
    columns,
    filtered,
    stateFilter,
    unavailable,
    unsupported,
    /** Shows only alarms in `state` ('' for all): DescribeAlarms' StateValue. */
    filterState(state: AlarmState | '') {
      stateFilter.value = state;
      void list.load();
    },
    remove: (names: string[]) =>
      panel.act(async ({ profile, signer }) => {
        for (const batch of batches(names))
          await queryCall('monitoring', deleteAlarms, profile, signer, { alarmNames: batch });
        return { key: 'cwNoticeDeleted', args: [names.join(', ')] };
      }),
    setActions: (names: string[], on: boolean) =>
      panel.act(async ({ profile, signer }) => {
        for (const batch of batches(names))
          await unsupported.guard(profile, 'actions', () =>
            queryCall(
              'monitoring',
              on ? enableAlarmActions : disableAlarmActions,
              profile,
              signer,
              {
                alarmNames: batch,
              },
            ),
          );
        return { key: on ? 'cwNoticeActionsOn' : 'cwNoticeActionsOff', args: [names.join(', ')] };
      }),
    /** Opens the history dialog and reads the alarm's history into it. */
    async showHistory(alarmName: string) {
      const opened = { kind: 'history' as const, alarmName, items: null };
      panel.open(opened);
      const current = panel.current();
      if (!current) return;
      try {
        const items = await unsupported.guard(current.profile, 'history', () =>
          queryList('monitoring', describeAlarmHistory, current.profile, current.signer, {
            alarmName,
          }),
        );
        if (panel.dialog.value === opened) panel.dialog.value = { ...opened, items };
      } catch (e) {
        if (panel.dialog.value === opened) panel.dialogError.value = asError(e);
      }
    },
    /** The metrics with data in a namespace of the region, for the metric picker (every page). */
    async metrics(namespace: string, signal?: AbortSignal): Promise<MetricId[]> {
      const current = panel.current();
      if (!current) return [];
      return queryList(
        'monitoring',
        listMetrics,
        current.profile,
        current.signer,
        { namespace },
        signal ? { signal } : {},
      );
    },
    /** Create alarm… said it made one: close, say so, show it. */
    created(alarmName: string) {
      panel.open(null);
      panel.tell({ key: 'cwNoticeCreated', args: [alarmName] });
      void list.load(true);
    },
    dispose() {
      panel.dispose();
      search.dispose();
      columns.dispose();
    },
  };
}

export type AlarmsModel = ReturnType<typeof createAlarmsModel>;
