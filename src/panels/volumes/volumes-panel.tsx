import type { ComponentChildren } from 'preact';
import { useEffect, useMemo } from 'preact/hooks';
import { browserDeps } from '../browser-deps';
import { EmptyState } from '../components/empty-state';
import { ErrorMessage } from '../components/error-message';
import { ExportCsvButton } from '../components/export-csv-button';
import { takeRequestedRow } from '../components/requested-row';
import { NoticeLine, ResourceToolbar } from '../components/resource-toolbar';
import { TagEditorDialog } from '../components/tag-editor';
import { useSort } from '../components/use-sort';
import { VirtualTable } from '../components/virtual-table';
import { DetailsGraphs } from '../graphs/details-graphs';
import { type MessageKey, t } from '../i18n';
import { usePanelNav } from '../panel-nav';
import { CopySnapshotDialog, VolumePermissionsDialog } from './snapshot-sharing-dialogs';
import { snapshotColumns, volumeColumns } from './volume-columns';
import {
  AttachDialog,
  CreateVolumeDialog,
  DeleteSnapshotsDialog,
  DeleteVolumesDialog,
  SnapshotDialog,
} from './volume-dialogs';
import { createVolumesModel, type VolumesModel, type VolumesView } from './volumes-model';
import './volumes.css';

const VIEWS: Array<[VolumesView, MessageKey]> = [
  ['volumes', 'tabVolumes'],
  ['snapshots', 'snapshotsView'],
];

interface ToolbarProps {
  model: VolumesModel;
  lead: ComponentChildren;
  /** After the panel's own buttons (Export CSV). */
  tail?: ComponentChildren;
}

function VolumesToolbar({ model, lead, tail }: ToolbarProps) {
  const chosen = model.volumes.selectedRows.value;
  const single = chosen.length === 1 ? chosen[0] : undefined;
  const ids = chosen.map((v) => v.volumeId);
  return (
    <ResourceToolbar list={model.volumes} lead={lead} search={model.volumeSearch}>
      <button type="button" class="primary" onClick={() => model.open({ kind: 'create' })}>
        {t('volumeCreate')}
      </button>
      <button
        type="button"
        disabled={single?.status !== 'available'}
        onClick={() => single && model.open({ kind: 'attach', volumeId: single.volumeId })}
      >
        {t('volumeAttachNew')}
      </button>
      <button
        type="button"
        disabled={!single?.attachments.length}
        onClick={() => single && void model.detach(single)}
      >
        {t('volumeDetach')}
      </button>
      <button
        type="button"
        disabled={!single}
        onClick={() => single && model.open({ kind: 'snapshot', volumeId: single.volumeId })}
      >
        {t('snapshotCreate')}
      </button>
      <button
        type="button"
        disabled={ids.length === 0 || model.volumeTagging.unsupported.value}
        onClick={() => model.open({ kind: 'tags', view: 'volumes', ids })}
      >
        {t('tags')}
      </button>
      <button
        type="button"
        class="danger"
        disabled={ids.length === 0}
        onClick={() => model.open({ kind: 'delete', volumeIds: ids })}
      >
        {t('delete')}
      </button>
      {tail}
    </ResourceToolbar>
  );
}

function SnapshotsToolbar({ model, lead, tail }: ToolbarProps) {
  const chosen = model.snapshots.selectedRows.value;
  const single = chosen.length === 1 ? chosen[0] : undefined;
  const ids = chosen.map((s) => s.snapshotId);
  const { sharing } = model;
  const profile = model.profile.value?.profile;
  return (
    <ResourceToolbar list={model.snapshots} lead={lead} search={model.snapshotSearch}>
      <button
        type="button"
        disabled={single?.status !== 'completed'}
        onClick={() => single && model.open({ kind: 'create', snapshotId: single.snapshotId })}
      >
        {t('volumeFromSnapshotNew')}
      </button>
      <button
        type="button"
        disabled={
          single?.status !== 'completed' || sharing.unsupported.has(profile, 'copySnapshot')
        }
        title={
          sharing.unsupported.has(profile, 'copySnapshot') ? t('imgUnsupportedHere') : undefined
        }
        onClick={() =>
          single && model.open({ kind: 'copy-snapshot', snapshotId: single.snapshotId })
        }
      >
        {t('imgCopySnapshot')}
      </button>
      <button
        type="button"
        disabled={!single || sharing.unsupported.has(profile, 'volumePermissions')}
        title={
          sharing.unsupported.has(profile, 'volumePermissions')
            ? t('imgUnsupportedHere')
            : undefined
        }
        onClick={() => single && void sharing.showPermissions(single.snapshotId)}
      >
        {t('imgVolumePermissions')}
      </button>
      <button
        type="button"
        disabled={ids.length === 0 || model.snapshotTagging.unsupported.value}
        onClick={() => model.open({ kind: 'tags', view: 'snapshots', ids })}
      >
        {t('tags')}
      </button>
      <button
        type="button"
        class="danger"
        disabled={ids.length === 0}
        onClick={() => model.open({ kind: 'delete-snapshots', snapshotIds: ids })}
      >
        {t('delete')}
      </button>
      {tail}
    </ResourceToolbar>
  );
}

/** Tags of the chosen volumes or snapshots. */
function VolumeTagsDialog(props: { model: VolumesModel; view: VolumesView; ids: string[] }) {
  const { model, view, ids } = props;
  const targets =
    view === 'volumes'
      ? model.volumes.rows.value
          .filter((v) => ids.includes(v.volumeId))
          .map((v) => ({ id: v.volumeId, label: v.volumeId, tags: v.tags }))
      : model.snapshots.rows.value
          .filter((s) => ids.includes(s.snapshotId))
          .map((s) => ({ id: s.snapshotId, label: s.snapshotId, tags: s.tags }));
  const tagging = view === 'volumes' ? model.volumeTagging : model.snapshotTagging;
  return (
    <TagEditorDialog
      targets={targets}
      unsupported={tagging.unsupported.value}
      error={model.dialogError.value}
      onSave={tagging.save}
      onClose={() => model.open(null)}
    />
  );
}

export default function VolumesPanel() {
  const nav = usePanelNav();
  const model = useMemo(
    () => takeRequestedRow(nav, 'volumes', createVolumesModel(browserDeps), (m) => m.volumes),
    [nav],
  );
  useEffect(() => model.dispose, [model]);
  const volumeCols = useMemo(volumeColumns, []);
  const snapshotCols = useMemo(snapshotColumns, []);
  const volumeSort = useSort(model.volumeSearch.filtered.value, volumeCols);
  // Newest first: the account may own a thousand snapshots behind its images.
  const snapshotSort = useSort(model.snapshotSearch.filtered.value, snapshotCols, {
    column: 'started',
    desc: true,
  });

  if (!model.profile.value) {
    return (
      <EmptyState
        title={t('volumesEmptyTitle')}
        body={t('volumesEmptyBody')}
        hint={t('emptyNeedsProfile')}
      />
    );
  }
  const view = model.view.value;
  const list = view === 'volumes' ? model.volumes : model.snapshots;
  const dialog = model.dialog.value;
  const chosenVolumes = model.volumes.selectedRows.value;
  const singleVolume = chosenVolumes.length === 1 ? chosenVolumes[0] : undefined;
  const attaching = dialog?.kind === 'attach' ? model.findVolume(dialog.volumeId) : undefined;
  const exportButton =
    view === 'volumes' ? (
      <ExportCsvButton
        table="volumes"
        rows={volumeSort.sorted}
        columns={volumeCols}
        profile={model.profile.value.profile}
      />
    ) : (
      <ExportCsvButton
        table="snapshots"
        rows={snapshotSort.sorted}
        columns={snapshotCols}
        profile={model.profile.value.profile}
      />
    );
  const switcher = (
    <label class="switcher">
      <span>{t('volumesViewLabel')}</span>
      <select
        value={view}
        onChange={(e) => (model.view.value = e.currentTarget.value as VolumesView)}
      >
        {VIEWS.map(([value, key]) => (
          <option key={value} value={value}>
            {t(key)}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <section class="resource-panel" aria-label={t('tabVolumes')}>
      {view === 'volumes' ? (
        <VolumesToolbar model={model} lead={switcher} tail={exportButton} />
      ) : (
        <SnapshotsToolbar model={model} lead={switcher} tail={exportButton} />
      )}
      {list.error.value && <ErrorMessage error={list.error.value} />}
      {model.error.value && <ErrorMessage error={model.error.value} />}
      <NoticeLine notice={model.notice.value} />
      {view === 'volumes' ? (
        <VirtualTable
          key="volumes"
          label={t('tabVolumes')}
          rows={volumeSort.sorted}
          columns={volumeCols}
          sort={volumeSort.sort}
          onSort={volumeSort.onSort}
          rowKey={(v) => v.volumeId}
          reveal={model.volumes.reveal.value}
          selected={model.volumes.selected.value}
          onSelect={(next) => (model.volumes.selected.value = next)}
        />
      ) : (
        <VirtualTable
          key="snapshots"
          label={t('snapshotsView')}
          rows={snapshotSort.sorted}
          columns={snapshotCols}
          sort={snapshotSort.sort}
          onSort={snapshotSort.onSort}
          rowKey={(s) => s.snapshotId}
          selected={model.snapshots.selected.value}
          onSelect={(next) => (model.snapshots.selected.value = next)}
        />
      )}
      {list.loaded.value && !list.loading.value && list.rows.value.length === 0 && (
        <p class="muted">{view === 'volumes' ? t('volumesNone') : t('snapshotsNone')}</p>
      )}
      {view === 'volumes' && singleVolume && (
        <section class="details" aria-label={t('detailsOf', singleVolume.volumeId)}>
          {/* EBS sends every volume's metrics each minute: no basic-monitoring floor. */}
          <DetailsGraphs target={{ kind: 'volume', id: singleVolume.volumeId, detailed: true }} />
        </section>
      )}
      {dialog?.kind === 'create' && (
        <CreateVolumeDialog model={model} snapshotId={dialog.snapshotId} />
      )}
      {attaching && <AttachDialog model={model} volume={attaching} />}
      {dialog?.kind === 'delete' && <DeleteVolumesDialog model={model} ids={dialog.volumeIds} />}
      {dialog?.kind === 'snapshot' && <SnapshotDialog model={model} volumeId={dialog.volumeId} />}
      {dialog?.kind === 'delete-snapshots' && (
        <DeleteSnapshotsDialog model={model} ids={dialog.snapshotIds} />
      )}
      {dialog?.kind === 'copy-snapshot' && (
        <CopySnapshotDialog model={model} snapshotId={dialog.snapshotId} />
      )}
      {dialog?.kind === 'volume-permissions' && (
        <VolumePermissionsDialog
          model={model}
          snapshotId={dialog.snapshotId}
          permissions={dialog.permissions}
        />
      )}
      {dialog?.kind === 'tags' && (
        <VolumeTagsDialog model={model} view={dialog.view} ids={dialog.ids} />
      )}
    </section>
  );
}
