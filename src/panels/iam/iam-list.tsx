// One IAM list on screen: the toolbar (search, count, refresh, the view's buttons, columns), its
// errors and notice, the table, and the details of the selected row below it.

import type { ReadonlySignal, Signal } from '@preact/signals';
import type { ComponentChildren } from 'preact';
import type { CloudErrorData } from '../../cloud/errors';
import type { ColumnPrefs } from '../components/column-prefs';
import { ErrorMessage } from '../components/error-message';
import type { ResourceList } from '../components/resource-list';
import type { Notice } from '../components/resource-panel';
import { NoticeLine, ResourceToolbar } from '../components/resource-toolbar';
import { VirtualTable } from '../components/virtual-table';
import { t } from '../i18n';

interface Props<T> {
  label: string;
  lead: ComponentChildren;
  list: ResourceList<T>;
  search: { query: Signal<string>; filtered: ReadonlySignal<readonly T[]> };
  columns?: ColumnPrefs<T>;
  sorted: ReadonlySignal<readonly T[]>;
  rowKey: (row: T) => string;
  error: CloudErrorData | null;
  notice: Notice | null;
  none: string;
  onColumns?: () => void;
  /** The view's buttons. */
  children?: ComponentChildren;
  details?: ComponentChildren;
}

export function IamList<T>(props: Props<T>) {
  const { list, columns } = props;
  return (
    <>
      <ResourceToolbar list={list} lead={props.lead} search={props.search}>
        {props.children}
        {props.onColumns && (
          <button type="button" onClick={props.onColumns}>
            {t('chooseColumns')}
          </button>
        )}
      </ResourceToolbar>
      {list.error.value && <ErrorMessage error={list.error.value} />}
      {props.error && <ErrorMessage error={props.error} />}
      <NoticeLine notice={props.notice} />
      <VirtualTable
        label={props.label}
        rows={props.sorted.value}
        columns={columns ? columns.visibleColumns.value : []}
        rowKey={props.rowKey}
        sort={columns?.prefs.value.sort ?? null}
        onSort={columns?.sortBy}
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
