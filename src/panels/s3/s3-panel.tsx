import { useMemo, useState } from 'preact/hooks';
import { ConfirmDialog } from '../components/confirm-dialog';
import { EmptyState } from '../components/empty-state';
import { ErrorMessage } from '../components/error-message';
import { useSort } from '../components/use-sort';
import { VirtualTable } from '../components/virtual-table';
import { t } from '../i18n';
import { droppedFiles } from './drop';
import { ObjectButtons } from './object-buttons';
import { ObjectDialogs } from './object-dialogs';
import { BucketList, CreateBucketDialog } from './s3-buckets';
import { entryColumns, foldersFirst } from './s3-columns';
import { DeleteBucketDialog, NameDialog, ShareDialog } from './s3-dialogs';
import { s3Model } from './s3-model';
import { BucketSearchView } from './s3-search';
import { ToResume, UploadList, UploadOptionsDialog, uploadSettingsSummary } from './s3-uploads';
import { BucketSettings } from './settings/bucket-settings';
import { SyncView } from './sync/sync-view';
import { VersionsView } from './versions-view';
import './s3.css';

export default function S3Panel() {
  // The page's model, not the tab's: uploads go on while another tab is shown.
  const model = s3Model();
  const columns = useMemo(() => entryColumns(), []);
  const { sorted, sort, onSort } = useSort(model.filtered.value, columns);
  const rows = useMemo(() => foldersFirst(sorted), [sorted]);
  const [dragging, setDragging] = useState(false);

  if (!model.profile.value) {
    return (
      <EmptyState title={t('s3EmptyTitle')} body={t('s3EmptyBody')} hint={t('emptyNeedsProfile')} />
    );
  }
  const bucket = model.bucket.value;
  const dialog = model.dialog.value;
  const searching = model.search.active.value;
  // While searching, the folder's selection is out of sight: nothing acts on it.
  const chosen = searching ? [] : [...model.selected.value];
  const chosenObjects = chosen.filter((k) => !k.endsWith('/'));
  const crumbs = model.prefix.value.split('/').filter(Boolean);
  const summary = uploadSettingsSummary(model.uploadSettings.value);
  const settingsOf = model.settingsOf.value;
  if (settingsOf) {
    // Uploads go on while a bucket's settings are shown, and stay in sight.
    return (
      <section class="resource-panel" aria-label={t('tabS3')}>
        <BucketSettings model={model} bucket={settingsOf} />
        <UploadList model={model} />
      </section>
    );
  }
  const syncOf = model.syncOf.value;
  if (syncOf) {
    // The compare view queues its uploads in the page's queue: they stay in sight here.
    return (
      <section class="resource-panel" aria-label={t('tabS3')}>
        <SyncView model={model} bucket={syncOf} />
        <UploadList model={model} />
        <ToResume model={model} />
      </section>
    );
  }

  return (
    <section class="resource-panel" aria-label={t('tabS3')}>
      <div class="toolbar">
        <nav class="breadcrumb" aria-label={t('s3Location')}>
          <button type="button" onClick={() => model.closeBucket()}>
            {t('s3Buckets')}
          </button>
          {bucket && (
            <>
              {' / '}
              <button type="button" onClick={() => model.openPrefix('')}>
                {bucket}
              </button>
            </>
          )}
          {crumbs.map((crumb, i) => (
            <span key={crumbs.slice(0, i + 1).join('/')}>
              {' / '}
              <button
                type="button"
                onClick={() => model.openPrefix(`${crumbs.slice(0, i + 1).join('/')}/`)}
              >
                {crumb}
              </button>
            </span>
          ))}
        </nav>
        <button type="button" onClick={() => void model.refresh()}>
          {t('refresh')}
        </button>
        {!bucket && (
          <button
            type="button"
            class="primary"
            onClick={() => model.open({ kind: 'create-bucket' })}
          >
            {t('s3CreateBucket')}
          </button>
        )}
        {bucket && (
          <>
            <label class="switcher search-label">
              <span>{t('searchLabel')}</span>
              <input
                class="search"
                type="search"
                value={model.query.value}
                onInput={(e) => (model.query.value = e.currentTarget.value)}
              />
            </label>
            <label class="button-like">
              {t('s3UploadFiles')}
              {/* Visually hidden, not hidden: the keyboard reaches the picker through it. */}
              <input
                type="file"
                multiple
                class="visually-hidden"
                onChange={(e) => {
                  const picked = [...(e.currentTarget.files ?? [])];
                  // Cleared, so picking the same file again (to resume it) fires a change.
                  e.currentTarget.value = '';
                  void model.upload(picked.map((file) => ({ file, relativePath: '' })));
                }}
              />
            </label>
            <label class="button-like">
              {t('s3UploadFolder')}
              <input
                type="file"
                class="visually-hidden"
                // @ts-expect-error webkitdirectory (Chrome, Firefox) is not in Preact's types
                webkitdirectory=""
                onChange={(e) => {
                  const picked = [...(e.currentTarget.files ?? [])];
                  e.currentTarget.value = '';
                  // webkitRelativePath starts with the chosen folder's name, as a dropped folder does.
                  void model.upload(
                    picked.map((file) => ({ file, relativePath: file.webkitRelativePath })),
                  );
                }}
              />
            </label>
            <button type="button" onClick={() => model.open({ kind: 'upload-options' })}>
              {t('s3UploadOptions')}
            </button>
            {summary && <span class="muted">{summary}</span>}
            <button type="button" onClick={() => model.openSettings(bucket)}>
              {t('s3BucketSettings')}
            </button>
            <button
              type="button"
              aria-pressed={searching}
              onClick={() => {
                if (searching) return model.search.close();
                // One view at a time over the objects: the search replaces the versions.
                model.versions.setShow(false);
                model.search.open();
              }}
            >
              {searching ? t('s3SearchBack') : t('s3SearchBucket')}
            </button>
            <label class="switcher">
              <input
                type="checkbox"
                role="switch"
                aria-checked={model.versions.show.value}
                checked={model.versions.show.value}
                onChange={(e) => {
                  model.search.close();
                  model.versions.setShow(e.currentTarget.checked);
                }}
              />
              <span>{t('s3ShowVersions')}</span>
            </label>
            <button type="button" onClick={() => model.openSync(bucket)}>
              {t('s3SyncOpen')}
            </button>
            <button type="button" onClick={() => model.open({ kind: 'create-folder' })}>
              {t('s3CreateFolder')}
            </button>
            <button
              type="button"
              disabled={chosen.length === 0}
              onClick={() => void model.download(chosen)}
            >
              {t('s3Download')}
            </button>
            <button
              type="button"
              disabled={chosenObjects.length !== 1}
              onClick={() =>
                chosenObjects[0] && model.open({ kind: 'share', key: chosenObjects[0], url: null })
              }
            >
              {t('shareLinkButton')}
            </button>
            <ObjectButtons model={model} chosen={chosen} />
            <button
              type="button"
              class="danger"
              disabled={chosen.length === 0}
              onClick={() => void model.askDelete(chosen)}
            >
              {t('delete')}
            </button>
          </>
        )}
      </div>
      {model.error.value && (
        <ErrorMessage error={model.error.value} onRetry={() => void model.refresh()} />
      )}
      {!bucket ? (
        <BucketList model={model} />
      ) : searching ? (
        <BucketSearchView search={model.search} prefix={model.prefix.value} />
      ) : model.versions.show.value ? (
        <VersionsView model={model} />
      ) : (
        // biome-ignore lint/a11y/noStaticElementInteractions: a drop zone; the file picker is the keyboard way
        <div
          class={dragging ? 'drop-target active' : 'drop-target'}
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={(e) => {
            e.preventDefault();
            setDragging(false);
            if (e.dataTransfer)
              void droppedFiles(e.dataTransfer).then((files) => model.upload(files));
          }}
        >
          <VirtualTable
            label={t('s3Objects')}
            rows={rows}
            columns={columns}
            sort={sort}
            onSort={onSort}
            rowKey={(e) => e.key}
            reveal={model.reveal.value}
            selected={model.selected.value}
            onSelect={(keys) => (model.selected.value = keys)}
            onOpen={(e) =>
              e.kind === 'folder' ? model.openPrefix(e.key) : void model.download([e.key])
            }
          />
          <p class="muted">{model.loading.value ? t('loading') : t('s3DropHint')}</p>
        </div>
      )}
      <UploadList model={model} />
      <ToResume model={model} />
      {dialog?.kind === 'create-bucket' && <CreateBucketDialog model={model} />}
      {dialog?.kind === 'upload-options' && <UploadOptionsDialog model={model} />}
      {dialog?.kind === 'create-folder' && (
        <NameDialog
          model={model}
          title={t('s3CreateFolder')}
          label={t('s3FolderName')}
          check={(name) => (!name || name.includes('/') ? t('s3BadFolderName') : undefined)}
          onSubmit={(name) => model.createFolder(name)}
        />
      )}
      <ObjectDialogs model={model} />
      {dialog?.kind === 'share' && (
        <ShareDialog model={model} objectKey={dialog.key} url={dialog.url} />
      )}
      {dialog?.kind === 'delete-bucket' && (
        <DeleteBucketDialog model={model} name={dialog.name} keys={dialog.keys} />
      )}
      {dialog?.kind === 'delete' && (
        <ConfirmDialog
          title={t('delete')}
          confirm={dialog.count === null ? t('loading') : t('s3DeleteYes', String(dialog.count))}
          onConfirm={() =>
            dialog.count === null ? Promise.resolve() : model.deleteKeys(dialog.keys)
          }
          onClose={() => model.open(null)}
          error={model.dialogError.value}
        >
          <p>
            {dialog.count === null ? t('s3Counting') : t('s3DeleteConfirm', String(dialog.count))}
          </p>
        </ConfirmDialog>
      )}
    </section>
  );
}
