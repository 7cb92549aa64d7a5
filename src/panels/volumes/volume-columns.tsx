import { parseEc2Time, type Snapshot, type Volume } from '../../cloud/ec2';
import { nameTagColumn } from '../components/name-tag';
import type { Column } from '../components/virtual-table';
import { t } from '../i18n';
import { snapshotBusy, volumeBusy } from './volume-form';

export function localTime(raw: string): string {
  const date = parseEc2Time(raw);
  return date ? date.toLocaleString() : raw;
}

const timeKey = (raw: string) => parseEc2Time(raw)?.getTime() ?? 0;

function attachmentText(v: Volume): string {
  return v.attachments
    .map((a) => (a.device ? `${a.instanceId} (${a.device})` : a.instanceId))
    .join(', ');
}

function stateBadge(state: string, busy: boolean) {
  return (
    <span class={`state ${state}`}>
      {state}
      {busy ? '…' : ''}
    </span>
  );
}

export function volumeColumns(): Column<Volume>[] {
  return [
    { id: 'id', label: t('colVolumeId'), value: (v) => v.volumeId },
    nameTagColumn('name', t('colName')),
    { id: 'size', label: t('colSizeGib'), value: (v) => v.size, sortValue: (v) => Number(v.size) },
    { id: 'type', label: t('colVolumeType'), value: (v) => v.volumeType },
    { id: 'zone', label: t('colZone'), value: (v) => v.availabilityZone },
    {
      id: 'state',
      label: t('colState'),
      value: (v) => v.status,
      render: (v) => stateBadge(v.status, volumeBusy(v)),
    },
    { id: 'attachment', label: t('colAttachment'), value: attachmentText },
    {
      id: 'attachState',
      label: t('colAttachmentState'),
      value: (v) => v.attachments.map((a) => a.status).join(', '),
    },
    { id: 'snapshot', label: t('colSnapshotId'), value: (v) => v.snapshotId },
    {
      id: 'created',
      label: t('colCreated'),
      value: (v) => localTime(v.createTime),
      sortValue: (v) => timeKey(v.createTime),
    },
  ];
}

export function snapshotColumns(): Column<Snapshot>[] {
  return [
    { id: 'id', label: t('colSnapshotId'), value: (s) => s.snapshotId },
    nameTagColumn('name', t('colName')),
    { id: 'volume', label: t('colVolumeId'), value: (s) => s.volumeId },
    {
      id: 'size',
      label: t('colSizeGib'),
      value: (s) => s.volumeSize,
      sortValue: (s) => Number(s.volumeSize),
    },
    { id: 'progress', label: t('colProgress'), value: (s) => s.progress },
    {
      id: 'state',
      label: t('colState'),
      value: (s) => s.status,
      render: (s) => stateBadge(s.status, snapshotBusy(s)),
    },
    {
      id: 'started',
      label: t('colStartTime'),
      value: (s) => localTime(s.startTime),
      sortValue: (s) => timeKey(s.startTime),
    },
    { id: 'description', label: t('colDescription'), value: (s) => s.description },
  ];
}
