// One IAM list on screen: the toolbar (search, count, refresh, the view's buttons, columns), its
// errors and notice, the table, and the details of the selected row below it.

import type { ReadonlySignal, Signal } from '@preact/signals';
import type { ComponentChildren } from 'preact';
import type { CloudErrorData } from '../../cloud/errors';
import { isUnsupportedAction } from '../../cloud/unsupported';
import type { ColumnPrefs } from '../components/column-prefs';
import { ErrorMessage } from '../components/error-message';
import type { ResourceList } from '../components/resource-list';
import type { Notice } from '../components/resource-panel';
import { NoticeLine, ResourceToolbar } from '../components/resource-toolbar';
import { VirtualTable } from '../components/virtual-table';
import { t } from '../i18n';

/** What every IAM view's model has for its list (principal-model.ts and the others). */
export interface IamListModel<T> {
  list: ResourceList<T>;
  search: { query: Signal<string>; filtered: ReadonlySignal<readonly T[]> };
  columns: ColumnPrefs<T>;
  sorted: ReadonlySignal<readonly T[]>;
  error: ReadonlySignal<CloudErrorData | null>;
  notice: ReadonlySignal<Notice | null>;
  /** Opens the view's dialogs; the list opens only its column chooser. */
  open(dialog: { kind: 'columns' }): void;
}

interface Props<T> {
  label: string;
  lead: ComponentChildren;
  model: IamListModel<T>;
  rowKey: (row: T) => string;
  none: string;
  /** The view's buttons. */
  children?: ComponentChildren;
  details?: ComponentChildren;
}

/** A view's create button: off where the cloud has no such kind of resource (for this profile). */
export function CreateButton<T>(props: {
  list: ResourceList<T>;
  label: string;
  onClick: () => void;
}) {
  return (
    <button
      type="button"
      class="primary"
      disabled={isUnsupportedAction(props.list.error.value)}
      onClick={props.onClick}
    >
      {props.label}
    </button>
  );
}

export function IamList<T>(props: Props<T>) {
  const { list, columns, error, notice } = props.model;
  return (
    <>
      <ResourceToolbar list={list} lead={props.lead} search={props.model.search}>
        {props.children}
        <button type="button" onClick={() => props.model.open({ kind: 'columns' })}>
          {t('chooseColumns')}
        </button>
      </ResourceToolbar>
      {list.error.value && <ErrorMessage error={list.error.value} />}
      {error.value && <ErrorMessage error={error.value} />}
      <NoticeLine notice={notice.value} />
      <VirtualTable
        label={props.label}
        rows={props.model.sorted.value}
        columns={columns.visibleColumns.value}
        rowKey={props.rowKey}
        sort={columns.prefs.value.sort}
        onSort={columns.sortBy}
        selected={list.selected.value}
        onSelect={(keys) => (list.selected.value = keys)}
      />
      {list.loaded.value &&
        !list.loading.value &&
        !list.error.value &&
        list.rows.value.length === 0 && <p class="muted">{props.none}</p>}
      {props.details}
    </>
  );
}
