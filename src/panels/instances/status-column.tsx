import type { Instance } from '../../cloud/ec2';
import type { Column } from '../components/virtual-table';
import { t } from '../i18n';
import type { InstanceStatusList } from './instance-status-list';
import { checksSortKey, checksText, summarizeChecks } from './status-checks';

export const STATUS_COLUMN = 'statusChecks';

/** "Status checks", joined to each instance through the status list's Map. */
export function statusColumn(status: InstanceStatusList): Column<Instance> {
  const summary = (i: Instance) => summarizeChecks(status.of(i.instanceId));
  return {
    id: STATUS_COLUMN,
    label: t('colStatusChecks'),
    value: (i) => checksText(summary(i)),
    sortValue: (i) => checksSortKey(summary(i)),
  };
}

/**
 * The column as the table shows it: a badge per row, and on a cloud without status checks a
 * title that says so once, instead of a message on every row or an error over the list.
 */
export function statusColumnShown(
  column: Column<Instance>,
  status: InstanceStatusList,
): Column<Instance> {
  if (column.id !== STATUS_COLUMN) return column;
  return {
    ...column,
    label: status.unsupported.value ? t('colStatusChecksUnavailable') : column.label,
    render: (i) => {
      const summary = summarizeChecks(status.of(i.instanceId));
      return <span class={`checks ${summary.kind}`}>{checksText(summary)}</span>;
    },
  };
}

/** Places `column` right after the column `after` (at the end when there is none). */
export function withColumnAfter<T>(
  columns: readonly Column<T>[],
  after: string,
  column: Column<T>,
): Column<T>[] {
  const at = columns.findIndex((c) => c.id === after);
  const out = [...columns];
  out.splice(at < 0 ? out.length : at + 1, 0, column);
  return out;
}
