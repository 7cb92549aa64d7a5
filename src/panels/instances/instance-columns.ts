import { type Instance, parseEc2Time } from '../../cloud/ec2';
import type { Column } from '../components/virtual-table';
import { t } from '../i18n';

export function nameOf(instance: Instance): string {
  return instance.tags.find((tag) => tag.key === 'Name')?.value ?? '';
}

export function localTime(raw: string): string {
  const date = parseEc2Time(raw);
  return date ? date.toLocaleString() : raw;
}

/** DescribeInstances' monitoring.state in words: detailed (every minute) or basic (every 5). */
export function monitoringText(state: string): string {
  if (state === 'enabled') return t('cwMonitoringDetailed');
  if (state === 'pending') return t('cwMonitoringPending');
  if (state === 'disabling') return t('cwMonitoringDisabling');
  if (state === 'disabled') return t('cwMonitoringBasic');
  return state;
}

export function instanceColumns(): Column<Instance>[] {
  return [
    { id: 'name', label: t('colName'), value: nameOf },
    { id: 'instanceId', label: t('colInstanceId'), value: (i) => i.instanceId },
    { id: 'state', label: t('colState'), value: (i) => i.state.name },
    { id: 'type', label: t('colInstanceType'), value: (i) => i.instanceType },
    { id: 'image', label: t('colImageId'), value: (i) => i.imageId },
    { id: 'zone', label: t('colZone'), value: (i) => i.placement.availabilityZone },
    { id: 'publicIp', label: t('colPublicIp'), value: (i) => i.ipAddress },
    { id: 'privateIp', label: t('colPrivateIp'), value: (i) => i.privateIpAddress },
    { id: 'publicDns', label: t('colPublicDns'), value: (i) => i.dnsName },
    { id: 'privateDns', label: t('colPrivateDns'), value: (i) => i.privateDnsName },
    { id: 'key', label: t('colKeyName'), value: (i) => i.keyName },
    {
      id: 'groups',
      label: t('colSecurityGroups'),
      value: (i) => i.groups.map((g) => g.groupName || g.groupId).join(', '),
    },
    {
      id: 'launchTime',
      label: t('colLaunchTime'),
      value: (i) => localTime(i.launchTime),
      sortValue: (i) => parseEc2Time(i.launchTime)?.getTime() ?? 0,
    },
    {
      id: 'monitoring',
      label: t('cwColMonitoring'),
      value: (i) => monitoringText(i.monitoring),
    },
    { id: 'reservation', label: t('colReservation'), value: (i) => i.reservationId },
    { id: 'owner', label: t('colOwner'), value: (i) => i.ownerId },
  ];
}

export const DEFAULT_INSTANCE_COLUMNS = [
  'name',
  'instanceId',
  'state',
  'type',
  'image',
  'zone',
  'publicIp',
  'privateIp',
  'key',
  'groups',
  'launchTime',
  'monitoring',
];

/** States an instance leaves by itself: while one is in any of them, the list refreshes. */
export const TRANSITIONAL_STATES = new Set(['pending', 'stopping', 'shutting-down']);
