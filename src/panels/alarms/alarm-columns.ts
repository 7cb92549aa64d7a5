// The Alarms list's columns: each cell is text (search, sort and CSV use the same text); the state
// also shows as a coloured badge in the panel, with its word in it, never colour alone.

import type { MetricAlarm } from '../../cloud/cloudwatch';
import { parseEc2Time } from '../../cloud/ec2/time';
import type { Column } from '../components/virtual-table';
import { type MessageKey, t } from '../i18n';
import { alarmCondition, conditionShort } from './alarm-words';

const STATE_WORDS: Record<string, MessageKey> = {
  OK: 'cwStateOk',
  ALARM: 'cwStateAlarm',
  INSUFFICIENT_DATA: 'cwStateInsufficient',
};

/** "OK", "In alarm", "Insufficient data"; the cloud's own word for a state Cirrus does not know. */
export function stateText(state: string): string {
  const key = STATE_WORDS[state];
  return key ? t(key) : state;
}

/** "AWS/EC2 CPUUtilization InstanceId=i-0abc". */
export function metricText(alarm: MetricAlarm): string {
  const dims = alarm.dimensions.map((d) => `${d.name}=${d.value}`).join(', ');
  return [alarm.namespace, alarm.metricName, dims].filter(Boolean).join(' · ');
}

/** "Enabled: arn:…" or "Disabled: arn:…"; "Enabled (none)" when no action is set. */
export function actionsText(alarm: MetricAlarm): string {
  const arns = [...alarm.alarmActions, ...alarm.okActions, ...alarm.insufficientDataActions];
  const status = alarm.actionsEnabled ? t('cwActionsEnabled') : t('cwActionsDisabled');
  return arns.length ? `${status}: ${arns.join(', ')}` : `${status} ${t('cwActionsNone')}`;
}

export function localTime(raw: string): string {
  const date = parseEc2Time(raw);
  return date ? date.toLocaleString() : raw;
}

// Worst first when sorted: an alarm firing matters more than one without data.
const STATE_ORDER: Record<string, number> = { ALARM: 0, INSUFFICIENT_DATA: 1, OK: 2 };

export function alarmColumns(): Column<MetricAlarm>[] {
  return [
    { id: 'name', label: t('cwColName'), value: (a) => a.alarmName },
    {
      id: 'state',
      label: t('cwColState'),
      value: (a) => stateText(a.stateValue),
      sortValue: (a) => STATE_ORDER[a.stateValue] ?? 3,
    },
    { id: 'metric', label: t('cwColMetric'), value: metricText },
    {
      id: 'condition',
      label: t('cwColCondition'),
      value: (a) => conditionShort(alarmCondition(a)),
    },
    { id: 'actions', label: t('cwColActions'), value: actionsText },
    {
      id: 'updated',
      label: t('cwColStateUpdated'),
      value: (a) => localTime(a.stateUpdatedTimestamp),
      sortValue: (a) => parseEc2Time(a.stateUpdatedTimestamp)?.getTime() ?? 0,
    },
    { id: 'reason', label: t('cwColReason'), value: (a) => a.stateReason },
    { id: 'description', label: t('cwColDescription'), value: (a) => a.alarmDescription },
    { id: 'arn', label: t('cwColArn'), value: (a) => a.alarmArn },
  ];
}

export const DEFAULT_ALARM_COLUMNS = [
  'name',
  'state',
  'metric',
  'condition',
  'actions',
  'updated',
  'reason',
];
