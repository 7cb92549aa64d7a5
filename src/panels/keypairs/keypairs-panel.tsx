import { useEffect, useMemo } from 'preact/hooks';
import type { KeyPair } from '../../cloud/ec2';
import { browserDeps } from '../browser-deps';
import { EmptyState } from '../components/empty-state';
import { ErrorMessage } from '../components/error-message';
import { ExportCsvButton } from '../components/export-csv-button';
import { nameTagColumn } from '../components/name-tag';
import { NoticeLine, ResourceToolbar } from '../components/resource-toolbar';
import { TagEditorDialog } from '../components/tag-editor';
import { useSort } from '../components/use-sort';
import { type Column, VirtualTable } from '../components/virtual-table';
import { t } from '../i18n';
import {
  CreateKeyPairDialog,
  DeleteKeyPairsDialog,
  ImportKeyPairDialog,
  UnsavedKeyDialog,
} from './keypair-dialogs';
import { createKeyPairsModel } from './keypairs-model';

function columns(): Column<KeyPair>[] {
  return [
    { id: 'name', label: t('colName'), value: (k) => k.keyName },
    nameTagColumn(),
    { id: 'fingerprint', label: t('colFingerprint'), value: (k) => k.keyFingerprint },
    { id: 'type', label: t('colKeyType'), value: (k) => k.keyType },
    { id: 'id', label: t('colKeyPairId'), value: (k) => k.keyPairId },
  ];
}

export default function KeyPairsPanel() {
  const model = useMemo(() => createKeyPairsModel(browserDeps), []);
  useEffect(() => model.dispose, [model]);
  const cols = useMemo(columns, []);
  const { sorted, sort, onSort } = useSort(model.search.filtered.value, cols);

  if (!model.profile.value) {
    return (
      <EmptyState
        title={t('keyPairsEmptyTitle')}
        body={t('keyPairsEmptyBody')}
        hint={t('emptyNeedsProfile')}
      />
    );
  }
  const { list } = model;
  const names = list.selectedRows.value.map((k) => k.keyName);
  const dialog = model.dialog.value;
  return (
    <section class="resource-panel" aria-label={t('tabKeyPairs')}>
      <ResourceToolbar list={list} search={model.search}>
        <button type="button" class="primary" onClick={() => model.open({ kind: 'create' })}>
          {t('keyPairCreate')}
        </button>
        <button type="button" onClick={() => model.open({ kind: 'import' })}>
          {t('keyPairImport')}
        </button>
        <button
          type="button"
          disabled={names.length === 0 || model.tagging.unsupported.value}
          onClick={() => model.open({ kind: 'tags', names })}
        >
          {t('tags')}
        </button>
        <button
          type="button"
          class="danger"
          disabled={names.length === 0}
          onClick={() => model.open({ kind: 'delete', names })}
        >
          {t('delete')}
        </button>
        <ExportCsvButton
          table="key-pairs"
          rows={sorted}
          columns={cols}
          profile={model.profile.value.profile}
        />
      </ResourceToolbar>
      {list.error.value && <ErrorMessage error={list.error.value} />}
      {model.error.value && <ErrorMessage error={model.error.value} />}
      <NoticeLine notice={model.notice.value} />
      <VirtualTable
        label={t('tabKeyPairs')}
        rows={sorted}
        columns={cols}
        sort={sort}
        onSort={onSort}
        rowKey={(k) => k.keyName}
        selected={list.selected.value}
        onSelect={(keys) => (list.selected.value = keys)}
      />
      {list.loaded.value && !list.loading.value && list.rows.value.length === 0 && (
        <p class="muted">{t('keyPairsNone')}</p>
      )}
      {dialog?.kind === 'create' && <CreateKeyPairDialog model={model} />}
      {dialog?.kind === 'import' && <ImportKeyPairDialog model={model} />}
      {dialog?.kind === 'delete' && <DeleteKeyPairsDialog model={model} names={dialog.names} />}
      {dialog?.kind === 'tags' && (
        <TagEditorDialog
          targets={list.rows.value
            .filter((k) => dialog.names.includes(k.keyName))
            .map((k) => ({ id: k.keyPairId, label: k.keyName, tags: k.tags }))}
          noId={(name) => t('taggingNoIdKeyPair', name)}
          unsupported={model.tagging.unsupported.value}
          error={model.dialogError.value}
          onSave={model.tagging.save}
          onClose={() => model.open(null)}
        />
      )}
      {dialog?.kind === 'unsaved' && (
        <UnsavedKeyDialog model={model} created={dialog.created} error={dialog.error} />
      )}
    </section>
  );
}
