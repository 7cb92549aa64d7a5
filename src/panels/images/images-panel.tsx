import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Image } from '../../cloud/ec2';
import { browserDeps } from '../browser-deps';
import { EmptyState } from '../components/empty-state';
import { ErrorMessage } from '../components/error-message';
import { ExportCsvButton } from '../components/export-csv-button';
import { takeRequestedRow } from '../components/requested-row';
import { NoticeLine } from '../components/resource-toolbar';
import { TagEditorDialog } from '../components/tag-editor';
import { VirtualTable } from '../components/virtual-table';
import { type MessageKey, t } from '../i18n';
import { LaunchDialog } from '../launch/lazy-launch-dialog';
import { usePanelNav } from '../panel-nav';
import { BundleTasksView } from './bundle-tasks-view';
import { CopyImageDialog } from './copy-image-dialog';
import { imageColumns } from './image-columns';
import { DeregisterDialog, PermissionsDialog, RegisterDialog } from './image-dialogs';
import { createImagesModel, IMAGE_VIEWS, type ImageView } from './images-model';

const VIEW_KEYS: Record<ImageView, MessageKey> = {
  mine: 'imagesViewMine',
  amazon: 'imagesViewAmazon',
  executable: 'imagesViewExecutable',
  public: 'imagesViewPublic',
  kernels: 'imagesViewKernels',
  ramdisks: 'imagesViewRamdisks',
};

export default function ImagesPanel() {
  const nav = usePanelNav();
  const model = useMemo(
    () => takeRequestedRow(nav, 'images', createImagesModel(browserDeps), (m) => m.list),
    [nav],
  );
  useEffect(() => model.dispose, [model]);
  const columns = useMemo(() => imageColumns(), []);
  const [search, setSearch] = useState('');

  const current = model.profile.value;
  if (!current) {
    return (
      <EmptyState
        title={t('imagesEmptyTitle')}
        body={t('imagesEmptyBody')}
        hint={t('emptyNeedsProfile')}
      />
    );
  }
  const { list } = model;
  const rows = model.search.filtered.value;
  const selectedIds = [...list.selected.value];
  const selectedImage: Image | undefined =
    selectedIds.length === 1
      ? list.rows.value.find((i) => i.imageId === selectedIds[0])
      : undefined;
  const dialog = model.dialog.value;

  const dialogs = (
    <>
      {dialog?.kind === 'register' && (
        <RegisterDialog model={model} {...(dialog.location ? { location: dialog.location } : {})} />
      )}
      {dialog?.kind === 'copy' && <CopyImageDialog model={model} image={dialog.image} />}
    </>
  );
  if (model.bundles.shown.value) {
    return (
      <section class="resource-panel" aria-label={t('imgBundleTasks')}>
        <NoticeLine notice={model.notice.value} />
        <BundleTasksView model={model} />
        {dialogs}
      </section>
    );
  }
  const copyRefused = model.copies.unsupported.has(current.profile, 'copyImage');

  return (
    <section class="resource-panel" aria-label={t('tabImages')}>
      <div class="toolbar">
        <label class="switcher">
          <span>{t('imagesViewLabel')}</span>
          <select
            value={model.view.value}
            onChange={(e) => model.setView(e.currentTarget.value as ImageView)}
          >
            {IMAGE_VIEWS.map((v) => (
              <option key={v} value={v}>
                {t(VIEW_KEYS[v])}
              </option>
            ))}
          </select>
        </label>
        <label class="switcher search-label">
          <span>{t('searchLabel')}</span>
          <input
            class="search"
            type="search"
            value={search}
            placeholder={t('imagesSearchPlaceholder')}
            onInput={(e) => {
              setSearch(e.currentTarget.value);
              model.search.query.value = e.currentTarget.value;
            }}
          />
        </label>
        <span class="count" role="status">
          {list.loading.value
            ? t('countLoading', String(list.received.value || list.rows.value.length))
            : t('countOf', String(rows.length), String(list.rows.value.length))}
        </span>
        <button type="button" onClick={() => void list.load(true)} disabled={list.loading.value}>
          {t('refresh')}
        </button>
        <button
          type="button"
          class="primary"
          disabled={selectedImage?.imageType !== 'machine'}
          onClick={() => selectedImage && model.open({ kind: 'launch', image: selectedImage })}
        >
          {t('launch')}
        </button>
        <button
          type="button"
          disabled={!selectedImage}
          onClick={() => selectedImage && void model.showPermissions(selectedImage.imageId)}
        >
          {t('launchPermissions')}
        </button>
        <button type="button" onClick={() => model.open({ kind: 'register' })}>
          {t('registerImage')}
        </button>
        {current.profile.kind === 'aws' && (
          <button
            type="button"
            disabled={selectedImage?.imageType !== 'machine' || copyRefused}
            title={copyRefused ? t('imgUnsupportedHere') : undefined}
            onClick={() => selectedImage && model.open({ kind: 'copy', image: selectedImage })}
          >
            {t('imgCopyToRegion')}
          </button>
        )}
        <button type="button" onClick={() => model.bundles.show(true)}>
          {t('imgBundleTasks')}
        </button>
        <button
          type="button"
          disabled={selectedIds.length === 0 || model.tagging.unsupported.value}
          onClick={() => model.open({ kind: 'tags', ids: selectedIds })}
        >
          {t('tags')}
        </button>
        <button
          type="button"
          class="danger"
          disabled={selectedIds.length === 0}
          onClick={() => model.open({ kind: 'deregister', ids: selectedIds })}
        >
          {t('deregister')}
        </button>
        <ExportCsvButton table="images" rows={rows} columns={columns} profile={current.profile} />
      </div>
      {model.view.value === 'public' && <p class="notice warning">{t('imagesPublicWarning')}</p>}
      {list.error.value && <ErrorMessage error={list.error.value} />}
      {model.error.value && <ErrorMessage error={model.error.value} />}
      <NoticeLine notice={model.notice.value} />
      <VirtualTable
        label={t('tabImages')}
        rows={rows}
        columns={columns}
        rowKey={(i) => i.imageId}
        selected={list.selected.value}
        onSelect={(keys) => (list.selected.value = keys)}
        onOpen={(image) => image.imageType === 'machine' && model.open({ kind: 'launch', image })}
      />
      {!list.loading.value && !list.error.value && list.rows.value.length === 0 && (
        <p class="muted">{t('imagesNone')}</p>
      )}
      {dialogs}
      {dialog?.kind === 'deregister' && <DeregisterDialog model={model} ids={dialog.ids} />}
      {dialog?.kind === 'permissions' && (
        <PermissionsDialog
          model={model}
          imageId={dialog.imageId}
          permissions={dialog.permissions}
        />
      )}
      {dialog?.kind === 'tags' && (
        <TagEditorDialog
          targets={list.selectedRows.value
            .filter((i) => dialog.ids.includes(i.imageId))
            .map((i) => ({ id: i.imageId, label: i.imageId, tags: i.tags }))}
          unsupported={model.tagging.unsupported.value}
          error={model.dialogError.value}
          onSave={model.tagging.save}
          onClose={() => model.open(null)}
        />
      )}
      {dialog?.kind === 'launch' && (
        <LaunchDialog
          current={current}
          imageId={dialog.image.imageId}
          onClose={() => model.open(null)}
        />
      )}
    </section>
  );
}
