import { useEffect, useMemo } from 'preact/hooks';
import type { SecurityGroup } from '../../cloud/ec2';
import { call } from '../../shared/call';
import type { TempAccessRule } from '../../storage/items';
import { browserDeps } from '../browser-deps';
import { EmptyState } from '../components/empty-state';
import { ErrorMessage } from '../components/error-message';
import { ExportCsvButton } from '../components/export-csv-button';
import { nameTagColumn } from '../components/name-tag';
import { NoticeLine, ResourceToolbar } from '../components/resource-toolbar';
import { TagEditorDialog } from '../components/tag-editor';
import { closesAt, createTempAccessList, rulesOfProfile } from '../components/temp-access-list';
import { useSort } from '../components/use-sort';
import { type Column, VirtualTable } from '../components/virtual-table';
import { t } from '../i18n';
import { RulesView } from './rules-view';
import { CreateGroupDialog, DeleteGroupsDialog, RuleDialog } from './security-group-dialogs';
import { createSecurityGroupsModel, groupKey, groupLabel } from './security-groups-model';
import './security-groups.css';

function columns(): Column<SecurityGroup>[] {
  return [
    { id: 'name', label: t('colName'), value: (g) => g.groupName },
    nameTagColumn(),
    { id: 'id', label: t('colGroupId'), value: (g) => g.groupId },
    { id: 'description', label: t('colDescription'), value: (g) => g.groupDescription },
    { id: 'owner', label: t('colOwner'), value: (g) => g.ownerId },
    { id: 'vpc', label: t('colVpc'), value: (g) => g.vpcId },
  ];
}

export default function SecurityGroupsPanel() {
  const model = useMemo(() => createSecurityGroupsModel(browserDeps), []);
  useEffect(() => model.dispose, [model]);
  const temporary = useMemo(() => createTempAccessList(browserDeps.storageEvents), []);
  useEffect(() => temporary.dispose, [temporary]);
  const cols = useMemo(columns, []);
  const { sorted, sort, onSort } = useSort(model.search.filtered.value, cols);

  if (!model.profile.value) {
    return (
      <EmptyState
        title={t('securityGroupsEmptyTitle')}
        body={t('securityGroupsEmptyBody')}
        hint={t('emptyNeedsProfile')}
      />
    );
  }
  const { list } = model;
  const keys = list.selectedRows.value.map(groupKey);
  const chosen = model.chosen.value;
  const dialog = model.dialog.value;
  const ruleGroup = dialog?.kind === 'rule' ? model.find(dialog.key) : undefined;
  const current = model.profile.value;
  // Temporary rules close and extend in the background; the rules shown are then read again.
  const tempActions = {
    rules: rulesOfProfile(temporary.rules.value, current.profile),
    close: (rule: TempAccessRule) =>
      model.act(async () => {
        await call('tempAccessClose', { id: rule.id });
        return { key: 'tempAccessClosedNotice', args: [`tcp/${rule.port} ${rule.cidr}`] };
      }),
    extend: (rule: TempAccessRule) =>
      model.act(async () => {
        const { rule: next } = await call('tempAccessExtend', { id: rule.id, minutes: 60 });
        return { key: 'tempAccessExtendedNotice', args: [closesAt(next)] };
      }),
  };
  return (
    <section class="resource-panel" aria-label={t('tabSecurityGroups')}>
      <ResourceToolbar list={list} search={model.search}>
        <button type="button" class="primary" onClick={() => model.open({ kind: 'create' })}>
          {t('groupCreate')}
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
          onClick={() => model.open({ kind: 'delete', keys })}
        >
          {t('delete')}
        </button>
        <ExportCsvButton
          table="security-groups"
          rows={sorted}
          columns={cols}
          profile={model.profile.value.profile}
        />
      </ResourceToolbar>
      {list.error.value && <ErrorMessage error={list.error.value} />}
      {model.error.value && <ErrorMessage error={model.error.value} />}
      <NoticeLine notice={model.notice.value} />
      <VirtualTable
        label={t('tabSecurityGroups')}
        rows={sorted}
        columns={cols}
        sort={sort}
        onSort={onSort}
        rowKey={groupKey}
        selected={list.selected.value}
        onSelect={(next) => (list.selected.value = next)}
      />
      {chosen ? (
        <RulesView model={model} group={chosen} temporary={tempActions} />
      ) : (
        list.rows.value.length > 0 && <p class="muted">{t('groupChooseForRules')}</p>
      )}
      {dialog?.kind === 'create' && <CreateGroupDialog model={model} />}
      {dialog?.kind === 'delete' && <DeleteGroupsDialog model={model} keys={dialog.keys} />}
      {dialog?.kind === 'tags' && (
        <TagEditorDialog
          targets={list.rows.value
            .filter((g) => dialog.keys.includes(groupKey(g)))
            .map((g) => ({ id: g.groupId, label: groupLabel(g), tags: g.tags }))}
          noId={(name) => t('taggingNoIdGroup', name)}
          unsupported={model.tagging.unsupported.value}
          error={model.dialogError.value}
          onSave={model.tagging.save}
          onClose={() => model.open(null)}
        />
      )}
      {dialog?.kind === 'rule' && ruleGroup && (
        <RuleDialog model={model} group={ruleGroup} direction={dialog.direction} />
      )}
    </section>
  );
}
