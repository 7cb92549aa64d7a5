// The versions table's columns: the name below the folder, the version id, its date and size,
// whether it is the latest, and whether it is a delete marker. Keys and ids render as text.

import type { Column } from '../components/virtual-table';
import { t } from '../i18n';
import { FileIcon, FolderIcon } from './entry-icons';
import { formatBytes } from './s3-columns';
import type { VersionRow } from './version-list';

export function versionColumns(): Column<VersionRow>[] {
  const of = (r: VersionRow) => (r.kind === 'version' ? r.version : null);
  return [
    {
      id: 'name',
      label: t('colName'),
      value: (r) => r.name,
      render: (r) => (
        <>
          {r.kind === 'folder' ? <FolderIcon /> : <FileIcon />}
          {r.name}
        </>
      ),
    },
    { id: 'version', label: t('s3VersionId'), value: (r) => of(r)?.versionId ?? '' },
    {
      id: 'modified',
      label: t('colLastModified'),
      value: (r) => {
        const v = of(r);
        return v ? new Date(v.lastModified).toLocaleString() : '';
      },
      sortValue: (r) => Date.parse(of(r)?.lastModified ?? '') || 0,
    },
    {
      id: 'size',
      label: t('colSize'),
      value: (r) => {
        const v = of(r);
        return v && !v.deleteMarker ? formatBytes(v.size) : '';
      },
      sortValue: (r) => of(r)?.size ?? -1,
    },
    {
      id: 'latest',
      label: t('s3VersionLatest'),
      value: (r) => (of(r)?.isLatest ? t('s3VersionIsLatest') : ''),
    },
    {
      id: 'marker',
      label: t('s3VersionKind'),
      value: (r) => {
        const v = of(r);
        if (!v) return '';
        return v.deleteMarker ? t('s3VersionDeleteMarker') : t('s3VersionObject');
      },
    },
  ];
}
