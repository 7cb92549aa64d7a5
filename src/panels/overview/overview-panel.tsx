import { useEffect, useMemo, useState } from 'preact/hooks';
import { parseEc2Time } from '../../cloud/ec2/time';
import browser from '../../shared/browser';
import { overviewCache } from '../../storage/items';
import { EmptyState } from '../components/empty-state';
import { createListSearch } from '../components/list-search';
import { useSort } from '../components/use-sort';
import { type Column, VirtualTable } from '../components/virtual-table';
import { t } from '../i18n';
import { usePanelNav } from '../panel-nav';
import type { PanelId } from '../panels';
import { countsColumns } from './counts-columns';
import { formatAge, formatUptime, type UptimeUnits } from './durations';
import { IdleNotice } from './idle-notice';
import { createOverviewModel, type RunningRow } from './overview-model';
import { browserOverviewSource, switchProfileAndRegion } from './overview-source';
import './overview.css';

export default function OverviewPanel() {
  const nav = usePanelNav();
  const model = useMemo(
    () => createOverviewModel({ source: browserOverviewSource, cache: overviewCache }),
    [],
  );
  useEffect(() => {
    void model.init();
    return model.dispose;
  }, [model]);
  const search = useMemo(
    () =>
      createListSearch(model.runningRows, (r) =>
        [r.profileName, r.region, r.name, r.instanceId, r.instanceType].join('\n'),
      ),
    [model],
  );
  useEffect(() => search.dispose, [search]);
  const [openError, setOpenError] = useState<string | null>(null);
  const locale = browser.i18n.getUILanguage();
  const now = model.clock.value;
  const units: UptimeUnits = {
    day: t('ovUnitDay'),
    hour: t('ovUnitHour'),
    minute: t('ovUnitMinute'),
    justStarted: t('ovJustStarted'),
  };
  const launched = (r: RunningRow) => parseEc2Time(r.launchTime)?.getTime() ?? Number.NaN;

  async function open(panel: PanelId, profileId: string, region: string, select: string) {
    setOpenError(null);
    try {
      await switchProfileAndRegion(profileId, region);
      nav.open(panel, { select });
    } catch (error) {
      setOpenError(t('ovOpenFailed', (error as { message?: string }).message ?? String(error)));
    }
  }

  // Made again only when the ages move on, so sorting is not redone on every answer.
  const columns = useMemo(
    (): Column<RunningRow>[] => [
      { id: 'profile', label: t('ovColProfile'), value: (r) => r.profileName },
      { id: 'region', label: t('ovColRegion'), value: (r) => r.region },
      { id: 'name', label: t('colName'), value: (r) => r.name },
      {
        id: 'instanceId',
        label: t('colInstanceId'),
        value: (r) => r.instanceId,
        render: (r) => (
          <button
            type="button"
            class="link-button"
            title={t('ovOpenInstance', r.instanceId)}
            onClick={() => void open('instances', r.profileId, r.region, r.instanceId)}
          >
            {r.instanceId}
          </button>
        ),
      },
      { id: 'type', label: t('colInstanceType'), value: (r) => r.instanceType },
      {
        id: 'launchTime',
        label: t('colLaunchTime'),
        value: (r) => {
          const at = launched(r);
          return Number.isNaN(at) ? r.launchTime : new Date(at).toLocaleString();
        },
        // An unreadable time sorts first rather than breaking the order (NaN compares false).
        sortValue: (r) => launched(r) || 0,
      },
      {
        id: 'uptime',
        label: t('ovColUptime'),
        value: (r) => formatUptime(now - launched(r), units),
        // Up time grows as launch time falls: ascending is the newest instance first.
        sortValue: (r) => -(launched(r) || 0),
      },
    ],
    [now],
  );
  const { sorted, sort, onSort } = useSort(search.filtered.value, columns);
  const countColumns = useMemo(() => countsColumns(now, locale), [now, locale]);
  const counts = useSort(model.entries.value, countColumns);

  // Until the cache or the profile list is read: no empty state that would flash away.
  if (!model.ready.value) return <p class="panel-status">{t('panelLoading')}</p>;
  if (model.profileCount.value === 0 && model.entries.value.length === 0) {
    return (
      <EmptyState
        title={t('ovEmptyTitle')}
        body={t('ovEmptyBody')}
        hint={model.error.value ? model.error.value.message : t('emptyNeedsProfile')}
      />
    );
  }
  const { answered, total } = model.progress.value;
  const entries = model.entries.value;
  const newest = entries.reduce((max, e) => Math.max(max, e.at ?? 0), 0);
  const running = model.runningRows.value;

  return (
    <section class="overview" aria-label={t('tabOverview')}>
      <div class="toolbar">
        <h2>{t('tabOverview')}</h2>
        <span class="count" role="status">
          {model.running.value
            ? t('ovProgress', String(answered), String(total))
            : newest > 0
              ? t('ovUpdated', formatAge(now - newest, locale))
              : ''}
        </span>
        <button type="button" onClick={() => void model.refresh()} disabled={model.running.value}>
          {t('refresh')}
        </button>
      </div>
      {model.locked.value && (
        <p class="notice warning" role="alert">
          {t('ovLocked')}
        </p>
      )}
      {model.error.value && (
        <p class="notice error" role="alert">
          {t('ovLoadFailed', model.error.value.message)}
        </p>
      )}
      {openError && (
        <p class="notice error" role="alert">
          {openError}
        </p>
      )}
      <IdleNotice
        addresses={model.idleAddresses.value}
        volumes={model.idleVolumes.value}
        onOpen={(panel, row, select) => void open(panel, row.profileId, row.region, select)}
      />
      <div class="overview-counts">
        <VirtualTable
          label={t('ovCountsLabel')}
          rows={counts.sorted}
          columns={countColumns}
          sort={counts.sort}
          onSort={counts.onSort}
          rowKey={(e) => e.key}
        />
      </div>
      <h3>{t('ovRunningTitle')}</h3>
      <div class="toolbar">
        <label class="switcher search-label">
          <span>{t('searchLabel')}</span>
          <input
            class="search"
            type="search"
            value={search.query.value}
            placeholder={t('ovRunningSearch')}
            onInput={(e) => (search.query.value = e.currentTarget.value)}
          />
        </label>
        <span class="count">{t('countOf', String(sorted.length), String(running.length))}</span>
      </div>
      <div class="overview-running">
        <VirtualTable
          label={t('ovRunningTitle')}
          rows={sorted}
          columns={columns}
          sort={sort}
          onSort={onSort}
          rowKey={(r) => r.key}
          onOpen={(r) => void open('instances', r.profileId, r.region, r.instanceId)}
        />
      </div>
      {!model.running.value && running.length === 0 && <p class="muted">{t('ovRunningNone')}</p>}
    </section>
  );
}
