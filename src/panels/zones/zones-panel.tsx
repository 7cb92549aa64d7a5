import { useEffect, useMemo } from 'preact/hooks';
import type { ClusterCapacity, ZoneRow } from '../../cloud/ec2';
import { browserDeps } from '../browser-deps';
import { EmptyState } from '../components/empty-state';
import { ErrorMessage } from '../components/error-message';
import { ExportCsvButton } from '../components/export-csv-button';
import { ResourceToolbar } from '../components/resource-toolbar';
import { useSort } from '../components/use-sort';
import { type Column, VirtualTable } from '../components/virtual-table';
import { type MessageKey, t } from '../i18n';
import { createZonesModel, type ZonesModel, type ZonesView } from './zones-model';
import './zones.css';

const VIEWS: Array<[ZonesView, MessageKey]> = [
  ['zones', 'tabZones'],
  ['capacity', 'capacityView'],
];

function columns(): Column<ZoneRow>[] {
  return [
    { id: 'name', label: t('colName'), value: (z) => z.zoneName },
    { id: 'state', label: t('colState'), value: (z) => z.zoneState },
    { id: 'region', label: t('colRegion'), value: (z) => z.regionName },
    { id: 'messages', label: t('colMessages'), value: (z) => z.messages.join(' · ') },
  ];
}

function ClusterTable({ cluster }: { cluster: ClusterCapacity }) {
  const title = cluster.host ? t('capacityOfHost', cluster.zone, cluster.host) : cluster.zone;
  return (
    <section class="capacity-cluster" aria-label={title}>
      <h3>{title}</h3>
      <table class="data-table capacity-table" aria-label={t('capacityOf', cluster.zone)}>
        <thead>
          <tr>
            <th>{t('colInstanceType')}</th>
            <th>{t('capacityFree')}</th>
            <th>{t('capacityMax')}</th>
            <th>{t('capacityCpu')}</th>
            <th>{t('capacityRam')}</th>
            <th>{t('capacityDisk')}</th>
          </tr>
        </thead>
        <tbody>
          {cluster.types.map((type) => (
            <tr key={type.name} data-type={type.name} class={type.free === 0 ? 'full' : ''}>
              <td class="mono">{type.name}</td>
              <td class="number">{type.free}</td>
              <td class="number">{type.max}</td>
              <td class="number">{type.cpu}</td>
              <td class="number">{type.ram}</td>
              <td class="number">{type.disk}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function CapacityView({ model }: { model: ZonesModel }) {
  const list = model.capacity;
  if (list.error.value) return <ErrorMessage error={list.error.value} />;
  if (list.loading.value && list.rows.value.length === 0)
    return <p class="muted">{t('loading')}</p>;
  if (model.adminNeeded.value) return <p class="notice warning">{t('capacityNeedsAdmin')}</p>;
  return (
    <div class="capacity">
      {list.rows.value.map((cluster) => (
        <ClusterTable key={cluster.zone} cluster={cluster} />
      ))}
    </div>
  );
}

export default function ZonesPanel() {
  const model = useMemo(() => createZonesModel(browserDeps), []);
  useEffect(() => model.dispose, [model]);
  const cols = useMemo(columns, []);
  const { sorted, sort, onSort } = useSort(model.zones.rows.value, cols);

  if (!model.profile.value) {
    return (
      <EmptyState
        title={t('zonesEmptyTitle')}
        body={t('zonesEmptyBody')}
        hint={t('emptyNeedsProfile')}
      />
    );
  }
  const eucalyptus = model.isEucalyptus();
  const view = eucalyptus ? model.view.value : 'zones';
  const list = view === 'zones' ? model.zones : model.capacity;
  return (
    <section class="resource-panel" aria-label={t('tabZones')}>
      <ResourceToolbar
        list={list}
        lead={
          eucalyptus && (
            <label class="switcher">
              <span>{t('zonesViewLabel')}</span>
              <select
                value={view}
                onChange={(e) => model.setView(e.currentTarget.value as ZonesView)}
              >
                {VIEWS.map(([value, key]) => (
                  <option key={value} value={value}>
                    {t(key)}
                  </option>
                ))}
              </select>
            </label>
          )
        }
      >
        {view === 'zones' && (
          <ExportCsvButton
            table="zones"
            rows={sorted}
            columns={cols}
            profile={model.profile.value.profile}
          />
        )}
      </ResourceToolbar>
      {view === 'zones' ? (
        <>
          {list.error.value && <ErrorMessage error={list.error.value} />}
          <VirtualTable
            label={t('tabZones')}
            rows={sorted}
            columns={cols}
            sort={sort}
            onSort={onSort}
            rowKey={(z) => z.zoneName}
          />
        </>
      ) : (
        <CapacityView model={model} />
      )}
    </section>
  );
}
