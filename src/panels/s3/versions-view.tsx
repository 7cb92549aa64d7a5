// The object browser's versions view: its actions on the one version chosen, the table of the
// current folder's versions, the restore notice and the "cannot be undone" confirm.

import { useEffect, useMemo } from 'preact/hooks';
import { ConfirmDialog } from '../components/confirm-dialog';
import { ErrorMessage } from '../components/error-message';
import { useSort } from '../components/use-sort';
import { VirtualTable } from '../components/virtual-table';
import { t } from '../i18n';
import type { S3Model } from './s3-model';
import { versionColumns } from './version-columns';

export function VersionsView({ model }: { model: S3Model }) {
  const versions = model.versions;
  const columns = useMemo(() => versionColumns(), []);
  const { sorted, sort, onSort } = useSort(versions.filtered.value, columns);
  const bucket = model.bucket.value;
  const prefix = model.prefix.value;
  // A folder opened (or another bucket) while versions are shown lists that folder's versions.
  useEffect(() => versions.follow(), [bucket, prefix]);
  const chosen = versions.chosen.value;
  const notice = versions.notice.value;
  const confirming = versions.confirming.value;
  const unsupported = bucket !== null && versions.unsupported.value === bucket;
  return (
    <div class="versions-view">
      <div class="toolbar">
        <button
          type="button"
          disabled={!chosen || chosen.deleteMarker}
          onClick={() => chosen && void versions.download(chosen)}
        >
          {t('s3VersionDownload')}
        </button>
        <button
          type="button"
          disabled={!chosen || chosen.deleteMarker || chosen.isLatest}
          onClick={() => chosen && void versions.restore(chosen)}
        >
          {t('s3VersionRestore')}
        </button>
        <button
          type="button"
          class="danger"
          disabled={!chosen}
          onClick={() => chosen && versions.askDelete(chosen)}
        >
          {t('s3VersionDeleteForGood')}
        </button>
      </div>
      {notice && (
        <p class="notice ok" role="status">
          {t('s3VersionRestored', notice.key, new Date(notice.lastModified).toLocaleString())}
        </p>
      )}
      {unsupported ? (
        <p class="notice warning" role="status">
          {t('s3VersionsUnsupported')}
        </p>
      ) : (
        versions.error.value && <ErrorMessage error={versions.error.value} />
      )}
      <VirtualTable
        label={t('s3Versions')}
        rows={sorted}
        columns={columns}
        sort={sort}
        onSort={onSort}
        rowKey={(r) => r.id}
        selected={versions.selected.value}
        onSelect={(ids) => (versions.selected.value = ids)}
        onOpen={(r) => (r.kind === 'folder' ? model.openPrefix(r.key) : undefined)}
      />
      <p class="muted">
        {versions.loading.value
          ? t('loading')
          : t('s3VersionsCount', String(versions.rows.value.length))}
      </p>
      {confirming && (
        <ConfirmDialog
          title={
            confirming.deleteMarker ? t('s3VersionDeleteMarkerTitle') : t('s3VersionDeleteTitle')
          }
          confirm={t('s3VersionDeleteForGood')}
          onConfirm={() => versions.deleteVersion(confirming)}
          onClose={() => versions.closeDelete()}
          error={versions.confirmError.value}
        >
          <p>
            {confirming.deleteMarker
              ? t('s3VersionDeleteMarkerConfirm', confirming.key)
              : t(
                  's3VersionDeleteConfirm',
                  confirming.key,
                  new Date(confirming.lastModified).toLocaleString(),
                )}
          </p>
          <p class="version-id">{t('s3VersionIdIs', confirming.versionId)}</p>
          <p>
            <strong>{t('s3VersionCannotUndo')}</strong>
          </p>
        </ConfirmDialog>
      )}
    </div>
  );
}
