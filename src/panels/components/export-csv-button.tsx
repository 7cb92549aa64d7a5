import type { Profile } from '../../cloud/profile';
import { t } from '../i18n';
import { CSV_BOM, csvFileName, tableCsv } from './csv';
import type { Column } from './virtual-table';

interface Props<T> {
  /** Names the file: cirrus-TABLE-PROFILE-REGION-…csv */
  table: string;
  /** Exactly the rows shown, in their order (after search and sort). */
  rows: readonly T[];
  /** The visible columns, in their order; their titles are the header. */
  columns: readonly Column<T>[];
  profile: Profile | undefined;
}

function saveCsv(fileName: string, text: string) {
  const url = URL.createObjectURL(new Blob([CSV_BOM, text], { type: 'text/csv;charset=utf-8' }));
  const link = Object.assign(document.createElement('a'), { href: url, download: fileName });
  link.click();
  // The download has its own copy of the data once it started; a minute is ample.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Downloads the list as shown as a CSV file. */
export function ExportCsvButton<T>({ table, rows, columns, profile }: Props<T>) {
  return (
    <button
      type="button"
      class="export-csv"
      title={t('exportCsvTitle')}
      disabled={!profile}
      onClick={() => {
        if (!profile) return;
        saveCsv(
          csvFileName(table, profile.name, profile.region, new Date()),
          tableCsv(rows, columns),
        );
      }}
    >
      {t('exportCsv')}
    </button>
  );
}
