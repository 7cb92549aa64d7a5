import { useMemo } from 'preact/hooks';
import {
  BUNDLE_BUSY_STATES,
  BUNDLE_CANCELLABLE_STATES,
  type BundleTask,
  bundleManifestLocation,
} from '../../cloud/ec2';
import { FeatureError } from '../components/feature-error';
import { ResourceToolbar } from '../components/resource-toolbar';
import { type Column, VirtualTable } from '../components/virtual-table';
import { t } from '../i18n';
import type { ImagesModel } from './images-model';

function bundleColumns(): Column<BundleTask>[] {
  return [
    { id: 'bundleId', label: t('imgColBundleId'), value: (b) => b.bundleId },
    { id: 'instanceId', label: t('imgColInstance'), value: (b) => b.instanceId },
    {
      id: 'state',
      label: t('imgColState'),
      value: (b) => b.state,
      render: (b) => (
        <span class={`state ${b.state}`}>
          {b.state}
          {BUNDLE_BUSY_STATES.has(b.state) ? '…' : ''}
        </span>
      ),
    },
    {
      id: 'progress',
      label: t('imgColProgress'),
      value: (b) => b.progress,
      sortValue: (b) => Number.parseInt(b.progress, 10) || 0,
    },
    { id: 'bucket', label: t('imgColBucket'), value: (b) => b.bucket },
    { id: 'prefix', label: t('imgColPrefix'), value: (b) => b.prefix },
    { id: 'started', label: t('imgColStarted'), value: (b) => b.startTime },
    {
      id: 'error',
      label: t('imgColError'),
      value: (b) => [b.errorCode, b.errorMessage].filter(Boolean).join(': '),
    },
  ];
}

/** The bundle tasks of the region, in place of the images while shown. */
export function BundleTasksView({ model }: { model: ImagesModel }) {
  const { list, unsupported } = model.bundles;
  const columns = useMemo(bundleColumns, []);
  const chosen = list.selectedRows.value;
  const single = chosen.length === 1 ? chosen[0] : undefined;
  const profile = model.profile.value?.profile;
  return (
    <>
      <ResourceToolbar
        list={list}
        lead={
          <button type="button" onClick={() => model.bundles.show(false)}>
            {t('tabImages')}
          </button>
        }
      >
        <button
          type="button"
          class="danger"
          disabled={
            !single ||
            !BUNDLE_CANCELLABLE_STATES.has(single.state) ||
            unsupported.has(profile, 'cancelBundle')
          }
          onClick={() => single && void model.bundles.cancel(single.bundleId)}
        >
          {t('imgCancelBundle')}
        </button>
        <button
          type="button"
          class="primary"
          disabled={single?.state !== 'complete'}
          onClick={() =>
            single && model.open({ kind: 'register', location: bundleManifestLocation(single) })
          }
        >
          {t('imgRegisterBundle')}
        </button>
      </ResourceToolbar>
      <FeatureError error={list.error.value} feature={t('imgFeatureBundleTasks')} />
      <FeatureError error={model.error.value} feature={t('imgFeatureBundleTasks')} />
      <VirtualTable
        label={t('imgBundleTasks')}
        rows={list.rows.value}
        columns={columns}
        rowKey={(b) => b.bundleId}
        selected={list.selected.value}
        onSelect={(keys) => (list.selected.value = keys)}
      />
      {list.loaded.value &&
        !list.loading.value &&
        !list.error.value &&
        list.rows.value.length === 0 && <p class="muted">{t('imgBundleTasksNone')}</p>}
    </>
  );
}
