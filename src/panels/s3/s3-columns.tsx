import type { Column } from '../components/virtual-table';
import { t } from '../i18n';
import { FileIcon, FolderIcon } from './entry-icons';
import type { Entry } from './object-browser';

export function formatBytes(n: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = n;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${unit === 0 ? value : value.toFixed(1)} ${units[unit]}`;
}

export function entryColumns(): Column<Entry>[] {
  return [
    {
      id: 'name',
      label: t('colName'),
      value: (e) => e.name,
      render: (e) => (
        <>
          {e.kind === 'folder' ? <FolderIcon /> : <FileIcon />}
          {e.name}
        </>
      ),
    },
    {
      id: 'size',
      label: t('colSize'),
      value: (e) => (e.kind === 'object' ? formatBytes(e.object.size) : ''),
      sortValue: (e) => (e.kind === 'object' ? e.object.size : -1),
    },
    {
      id: 'modified',
      label: t('colLastModified'),
      value: (e) => (e.kind === 'object' ? new Date(e.object.lastModified).toLocaleString() : ''),
      sortValue: (e) => (e.kind === 'object' ? Date.parse(e.object.lastModified) || 0 : 0),
    },
    {
      id: 'class',
      label: t('colStorageClass'),
      value: (e) => (e.kind === 'object' ? e.object.storageClass : ''),
    },
    { id: 'etag', label: t('colEtag'), value: (e) => (e.kind === 'object' ? e.object.etag : '') },
  ];
}

/** Folders above objects, each in the order given (the sort the user chose, or the server's). */
export function foldersFirst(rows: readonly Entry[]): Entry[] {
  const folders: Entry[] = [];
  const objects: Entry[] = [];
  for (const row of rows) (row.kind === 'folder' ? folders : objects).push(row);
  return folders.length === 0 ? objects : [...folders, ...objects];
}
