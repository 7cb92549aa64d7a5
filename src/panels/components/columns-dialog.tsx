import { t } from '../i18n';
import type { ColumnPrefs } from './column-prefs';
import { Dialog } from './dialog';
import { Checkbox } from './field';

/** Which columns a table with remembered preferences (column-prefs.ts) shows. */
export function ColumnsDialog<T>(props: { columns: ColumnPrefs<T>; onClose: () => void }) {
  const { columns, onClose } = props;
  return (
    <Dialog
      title={t('chooseColumns')}
      onClose={onClose}
      actions={
        <button type="button" onClick={onClose}>
          {t('close')}
        </button>
      }
    >
      <div class="column-chooser">
        {columns.columns.map((column) => (
          <Checkbox
            key={column.id}
            id={`column-${column.id}`}
            label={column.label}
            checked={columns.prefs.value.columns.includes(column.id)}
            onChecked={(on) => columns.toggleColumn(column.id, on)}
          />
        ))}
      </div>
    </Dialog>
  );
}
