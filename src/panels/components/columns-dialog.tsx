import { t } from '../i18n';
import type { ColumnPrefs } from './column-prefs';
import { Dialog } from './dialog';
import { Checkbox } from './field';

/** Which columns a table shows, remembered through its column prefs. */
export function ColumnsDialog<T>({
  prefs,
  onClose,
}: {
  prefs: ColumnPrefs<T>;
  onClose: () => void;
}) {
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
        {prefs.columns.map((column) => (
          <Checkbox
            key={column.id}
            id={`column-${column.id}`}
            label={column.label}
            checked={prefs.prefs.value.columns.includes(column.id)}
            onChecked={(on) => prefs.toggleColumn(column.id, on)}
          />
        ))}
      </div>
    </Dialog>
  );
}
