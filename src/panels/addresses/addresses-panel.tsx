import { useEffect, useMemo } from 'preact/hooks';
import type { Address } from '../../cloud/ec2';
import { browserDeps } from '../browser-deps';
import { EmptyState } from '../components/empty-state';
import { ErrorMessage } from '../components/error-message';
import { ExportCsvButton } from '../components/export-csv-button';
import { nameTagColumn } from '../components/name-tag';
import { takeRequestedRow } from '../components/requested-row';
import { NoticeLine, ResourceToolbar } from '../components/resource-toolbar';
import { TagEditorDialog } from '../components/tag-editor';
import { useSort } from '../components/use-sort';
import { type Column, VirtualTable } from '../components/virtual-table';
import { t } from '../i18n';
import { usePanelNav } from '../panel-nav';
import { AllocateDialog, AssociateDialog, ReleaseDialog } from './address-dialogs';
import { addressKey, createAddressesModel } from './addresses-model';

function columns(): Column<Address>[] {
  return [
    { id: 'publicIp', label: t('colAddress'), value: (a) => a.publicIp },
    nameTagColumn('name', t('colName')),
    { id: 'allocationId', label: t('colAllocationId'), value: (a) => a.allocationId },
    { id: 'instanceId', label: t('colInstanceId'), value: (a) => a.instanceId },
    { id: 'associationId', label: t('colAssociationId'), value: (a) => a.associationId },
    { id: 'domain', label: t('colDomain'), value: (a) => a.domain },
    { id: 'privateIp', label: t('colPrivateIp'), value: (a) => a.privateIpAddress },
  ];
}

export default function AddressesPanel() {
  const nav = usePanelNav();
  const model = useMemo(
    () => takeRequestedRow(nav, 'addresses', createAddressesModel(browserDeps), (m) => m.list),
    [nav],
  );
  useEffect(() => model.dispose, [model]);
  const cols = useMemo(columns, []);
  const { sorted, sort, onSort } = useSort(model.search.filtered.value, cols);

  if (!model.profile.value) {
    return (
      <EmptyState
        title={t('addressesEmptyTitle')}
        body={t('addressesEmptyBody')}
        hint={t('emptyNeedsProfile')}
      />
    );
  }
  const { list } = model;
  const chosen = list.selectedRows.value;
  const single = chosen.length === 1 ? chosen[0] : undefined;
  const keys = chosen.map(addressKey);
  const dialog = model.dialog.value;
  const associating = dialog?.kind === 'associate' ? model.find(dialog.key) : undefined;
  return (
    <section class="resource-panel" aria-label={t('tabAddresses')}>
      <ResourceToolbar list={list} search={model.search}>
        <button type="button" class="primary" onClick={() => model.open({ kind: 'allocate' })}>
          {t('addressAllocateNew')}
        </button>
        <button
          type="button"
          disabled={!single}
          onClick={() => single && model.open({ kind: 'associate', key: addressKey(single) })}
        >
          {t('addressAssociateNew')}
        </button>
        <button
          type="button"
          disabled={!single?.instanceId && !single?.associationId}
          onClick={() => single && void model.disassociate(single)}
        >
          {t('addressDisassociate')}
        </button>
        <button
          type="button"
          disabled={keys.length === 0 || model.tagging.unsupported.value}
          onClick={() => model.open({ kind: 'tags', keys })}
        >
          {t('tags')}
        </button>
        <button
          type="button"
          class="danger"
          disabled={keys.length === 0}
          onClick={() => model.open({ kind: 'release', keys })}
        >
          {t('addressRelease')}
        </button>
        <ExportCsvButton
          table="addresses"
          rows={sorted}
          columns={cols}
          profile={model.profile.value.profile}
        />
      </ResourceToolbar>
      {list.error.value && <ErrorMessage error={list.error.value} />}
      {model.error.value && <ErrorMessage error={model.error.value} />}
      <NoticeLine notice={model.notice.value} />
      <VirtualTable
        label={t('tabAddresses')}
        rows={sorted}
        columns={cols}
        sort={sort}
        onSort={onSort}
        rowKey={addressKey}
        reveal={list.reveal.value}
        selected={list.selected.value}
        onSelect={(next) => (list.selected.value = next)}
      />
      {list.loaded.value && !list.loading.value && list.rows.value.length === 0 && (
        <p class="muted">{t('addressesNone')}</p>
      )}
      {dialog?.kind === 'allocate' && <AllocateDialog model={model} />}
      {associating && <AssociateDialog model={model} address={associating} />}
      {dialog?.kind === 'release' && <ReleaseDialog model={model} keys={dialog.keys} />}
      {dialog?.kind === 'tags' && (
        <TagEditorDialog
          targets={list.rows.value
            .filter((a) => dialog.keys.includes(addressKey(a)))
            .map((a) => ({ id: a.allocationId, label: a.publicIp, tags: a.tags }))}
          noId={(ip) => t('taggingNoIdAddress', ip)}
          unsupported={model.tagging.unsupported.value}
          error={model.dialogError.value}
          onSave={model.tagging.save}
          onClose={() => model.open(null)}
        />
      )}
    </section>
  );
}
