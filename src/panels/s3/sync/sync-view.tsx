// The "Compare with folder" view over a bucket: pick a folder and a prefix, compare, then upload
// what is new or changed and delete what is only in the bucket (or a dry run of either).

import { useEffect, useMemo, useState } from 'preact/hooks';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { ErrorMessage } from '../../components/error-message';
import { useSort } from '../../components/use-sort';
import { type Column, VirtualTable } from '../../components/virtual-table';
import { type MessageKey, t } from '../../i18n';
import { formatBytes } from '../s3-columns';
import type { S3Model } from '../s3-model';
import {
  canPickDirectory,
  droppedFolder,
  type PickedFolder,
  pickDirectory,
  pickedFolder,
  rememberedDirectoryName,
  reopenDirectory,
} from './folder-pick';
import { SYNC_CLASSES, type SyncBasis, type SyncClass, type SyncRow } from './sync-compare';
import { createSyncModel, type SyncModel, type SyncNotice } from './sync-model';
import { createWorkerHasher } from './worker-hasher';

const CLASS_LABEL: Record<SyncClass, MessageKey> = {
  new: 's3SyncClassNew',
  changed: 's3SyncClassChanged',
  bucketOnly: 's3SyncClassBucketOnly',
  identical: 's3SyncClassIdentical',
  sizeOnly: 's3SyncClassSizeOnly',
};
const BASIS_LABEL: Record<SyncBasis, MessageKey> = {
  presence: 's3SyncBasisPresence',
  size: 's3SyncBasisSize',
  md5: 's3SyncBasisMd5',
  multipart: 's3SyncBasisMultipart',
  sizeOnly: 's3SyncBasisSizeOnly',
};

function columns(): Column<SyncRow>[] {
  const size = (n: number | undefined) => (n === undefined ? '' : formatBytes(n));
  return [
    { id: 'path', label: t('s3SyncPath'), value: (r) => r.path, width: '40%' },
    { id: 'cls', label: t('s3SyncStatus'), value: (r) => t(CLASS_LABEL[r.cls]) },
    { id: 'basis', label: t('s3SyncBasis'), value: (r) => t(BASIS_LABEL[r.basis]) },
    {
      id: 'local',
      label: t('s3SyncLocalSize'),
      value: (r) => size(r.local?.size),
      sortValue: (r) => r.local?.size ?? -1,
    },
    {
      id: 'remote',
      label: t('s3SyncBucketSize'),
      value: (r) => size(r.remote?.size),
      sortValue: (r) => r.remote?.size ?? -1,
    },
  ];
}

function noticeText(n: SyncNotice): string {
  if (n.kind === 'wouldUpload')
    return t('s3SyncWouldUpload', String(n.count), formatBytes(n.bytes));
  if (n.kind === 'queued') return t('s3SyncQueued', String(n.count), formatBytes(n.bytes));
  if (n.kind === 'wouldDelete') return t('s3SyncWouldDelete', String(n.count));
  return t('s3SyncDeleted', String(n.count));
}

function FolderChoice({ sync }: { sync: SyncModel }) {
  const [remembered, setRemembered] = useState<string | null>(null);
  useEffect(() => {
    void rememberedDirectoryName().then(setRemembered);
  }, []);
  const use = (picked: PickedFolder | null) => {
    if (picked) sync.choose(picked.name, picked.files);
  };
  const chosen = sync.local.value;
  return (
    <div class="toolbar sync-folder">
      {canPickDirectory() && (
        <button
          type="button"
          onClick={() =>
            void pickDirectory().then((p) => {
              use(p);
              if (p) setRemembered(p.name);
            })
          }
        >
          {t('s3SyncChooseFolder')}
        </button>
      )}
      {remembered && (
        <button type="button" onClick={() => void reopenDirectory().then(use)}>
          {t('s3SyncReopenFolder', remembered)}
        </button>
      )}
      <label class="button-like">
        {t('s3SyncFolderInput')}
        <input
          type="file"
          // A folder is many files; WebDriver also needs `multiple` to hand over more than one.
          multiple
          class="visually-hidden"
          data-sync-folder=""
          // @ts-expect-error webkitdirectory (Chrome, Firefox) is not in Preact's types
          webkitdirectory=""
          onChange={(e) => {
            const picked = [...(e.currentTarget.files ?? [])];
            e.currentTarget.value = '';
            if (picked.length) use(pickedFolder(picked));
          }}
        />
      </label>
      <span class="muted" data-sync-chosen="">
        {chosen
          ? t('s3SyncChosen', sync.folderName.value || '—', String(chosen.length))
          : t('s3SyncDropHint')}
      </span>
    </div>
  );
}

export function SyncView({ model, bucket }: { model: S3Model; bucket: string }) {
  const sync = useMemo(() => {
    const hasher = createWorkerHasher();
    const made = createSyncModel({
      at: model.bucketAt,
      bucket,
      prefix: model.prefix.value,
      hash: hasher.hash,
      upload: model.uploadTo,
      changed: () => void model.refresh(),
    });
    return { made, hasher };
  }, [model, bucket]);
  useEffect(
    () => () => {
      sync.made.dispose();
      sync.hasher.dispose();
    },
    [sync],
  );
  const s = sync.made;
  const cols = useMemo(() => columns(), []);
  const { sorted, sort, onSort } = useSort(s.visible.value, cols);
  const [dragging, setDragging] = useState(false);
  const phase = s.phase.value;
  const busy = phase === 'listing' || phase === 'hashing';
  const totals = s.totals.value;
  const p = s.progress.value;
  const notice = s.notice.value;
  const compared = s.rows.value.length > 0 || phase === 'done';

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: a drop zone; the folder input is the keyboard way
    <div
      class={dragging ? 'sync-view drop-target active' : 'sync-view drop-target'}
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(e) => {
        e.preventDefault();
        setDragging(false);
        if (e.dataTransfer)
          void droppedFolder(e.dataTransfer).then((f) => f && s.choose(f.name, f.files));
      }}
    >
      <div class="toolbar">
        <button type="button" onClick={() => model.closeSync()}>
          {t('s3SettingsBack')}
        </button>
        <h2>{t('s3SyncTitle', bucket)}</h2>
      </div>
      <FolderChoice sync={s} />
      <div class="toolbar">
        <label class="switcher">
          <span>{t('s3SyncPrefix')}</span>
          <input
            type="text"
            data-sync-prefix=""
            value={s.prefix.value}
            placeholder={t('s3SyncWholeBucket')}
            onInput={(e) => (s.prefix.value = e.currentTarget.value)}
          />
        </label>
        <button
          type="button"
          class="primary"
          disabled={!s.local.value || busy}
          onClick={() => void s.compare()}
        >
          {t('s3SyncCompare')}
        </button>
        {busy && (
          <button type="button" onClick={() => s.cancel()}>
            {t('cancel')}
          </button>
        )}
        <span class="muted" role="status" data-sync-phase={phase}>
          {phase === 'listing' && t('s3SyncListing')}
          {phase === 'hashing' &&
            t(
              's3SyncHashing',
              String(p.files),
              String(p.filesTotal),
              formatBytes(p.bytes),
              formatBytes(p.bytesTotal),
            )}
          {phase === 'done' && t('s3SyncDone')}
        </span>
      </div>
      {s.error.value && <ErrorMessage error={s.error.value} />}
      {compared && (
        <>
          <fieldset class="toolbar sync-filters">
            <legend>{t('s3SyncShow')}</legend>
            {SYNC_CLASSES.map((cls) => (
              <label key={cls} data-sync-class={cls}>
                <input
                  type="checkbox"
                  checked={s.shown.value.has(cls)}
                  onChange={() => s.toggle(cls)}
                />{' '}
                {t(
                  's3SyncClassTotal',
                  t(CLASS_LABEL[cls]),
                  String(totals[cls].count),
                  formatBytes(totals[cls].bytes),
                )}
              </label>
            ))}
          </fieldset>
          <div class="toolbar">
            <label>
              <input
                type="checkbox"
                data-sync-dry-run=""
                checked={s.dryRun.value}
                onChange={(e) => (s.dryRun.value = e.currentTarget.checked)}
              />{' '}
              {t('s3SyncDryRun')}
            </label>
            <button
              type="button"
              disabled={
                busy ||
                totals.new.count + totals.changed.count === 0 ||
                (s.uploaded.value && !s.dryRun.value)
              }
              onClick={() => void s.uploadChanges()}
            >
              {t('s3SyncUpload', String(totals.new.count + totals.changed.count))}
            </button>
            <button
              type="button"
              class="danger"
              disabled={
                busy || totals.bucketOnly.count === 0 || (s.deleted.value && !s.dryRun.value)
              }
              onClick={() => s.askDelete()}
            >
              {t('s3SyncDelete', String(totals.bucketOnly.count))}
            </button>
          </div>
          {notice && (
            <p class="notice" role="status" data-sync-notice="">
              {noticeText(notice)}
            </p>
          )}
          <VirtualTable
            label={t('s3SyncTable')}
            rows={sorted}
            columns={cols}
            sort={sort}
            onSort={onSort}
            rowKey={(r) => `${r.cls}:${r.path}`}
          />
        </>
      )}
      {s.confirmDelete.value && (
        <ConfirmDialog
          title={t('s3SyncDeleteTitle')}
          confirm={t('s3DeleteYes', String(totals.bucketOnly.count))}
          onConfirm={() => s.deleteBucketOnly()}
          onClose={() => s.closeDelete()}
          error={s.deleteError.value}
        >
          <p>{t('s3SyncDeleteConfirm', String(totals.bucketOnly.count), bucket)}</p>
        </ConfirmDialog>
      )}
    </div>
  );
}
