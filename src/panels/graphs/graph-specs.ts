// Which graphs the instance and volume details show: AWS's own EC2 and EBS metrics, each graph
// one statistic and unit over one or two metrics of the resource's dimension.
// https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/viewing_metrics_with_cloudwatch.html

import type { Statistic } from '../../cloud/cloudwatch';
import type { MessageKey } from '../i18n';

export interface GraphSpec {
  /** Unique in its set; part of the GetMetricData query ids. */
  id: string;
  title: MessageKey;
  stat: Statistic;
  /** CloudWatch's unit of the metrics, for the axis and the readout. */
  unit: string;
  metricNames: readonly string[];
  /** The Create alarm dialog's threshold, where one is obvious. */
  alarmThreshold?: number;
}

export interface GraphTarget {
  kind: 'instance' | 'volume';
  id: string;
  /** Detailed (1-minute) monitoring: instances with it on, every EBS volume. */
  detailed: boolean;
}

export const INSTANCE_GRAPHS: readonly GraphSpec[] = [
  {
    id: 'cpu',
    title: 'cwgCpu',
    stat: 'Average',
    unit: 'Percent',
    metricNames: ['CPUUtilization'],
    alarmThreshold: 80,
  },
  {
    id: 'net',
    title: 'cwgNetwork',
    stat: 'Sum',
    unit: 'Bytes',
    metricNames: ['NetworkIn', 'NetworkOut'],
  },
  {
    id: 'diskops',
    title: 'cwgDiskOps',
    stat: 'Sum',
    unit: 'Count',
    metricNames: ['DiskReadOps', 'DiskWriteOps'],
  },
  {
    id: 'diskbytes',
    title: 'cwgDiskBytes',
    stat: 'Sum',
    unit: 'Bytes',
    metricNames: ['DiskReadBytes', 'DiskWriteBytes'],
  },
  {
    id: 'status',
    title: 'cwgStatusCheck',
    stat: 'Maximum',
    unit: 'Count',
    metricNames: ['StatusCheckFailed'],
  },
];

export const VOLUME_GRAPHS: readonly GraphSpec[] = [
  {
    id: 'ops',
    title: 'cwgVolumeOps',
    stat: 'Sum',
    unit: 'Count',
    metricNames: ['VolumeReadOps', 'VolumeWriteOps'],
  },
  {
    id: 'bytes',
    title: 'cwgVolumeBytes',
    stat: 'Sum',
    unit: 'Bytes',
    metricNames: ['VolumeReadBytes', 'VolumeWriteBytes'],
  },
  {
    id: 'idle',
    title: 'cwgVolumeIdle',
    stat: 'Sum',
    unit: 'Seconds',
    metricNames: ['VolumeIdleTime'],
  },
  {
    id: 'queue',
    title: 'cwgVolumeQueue',
    stat: 'Average',
    unit: 'Count',
    metricNames: ['VolumeQueueLength'],
  },
];

export function graphsFor(target: GraphTarget): readonly GraphSpec[] {
  return target.kind === 'instance' ? INSTANCE_GRAPHS : VOLUME_GRAPHS;
}

export function namespaceFor(target: GraphTarget): string {
  return target.kind === 'instance' ? 'AWS/EC2' : 'AWS/EBS';
}

export function dimensionFor(target: GraphTarget): { name: string; value: string } {
  return { name: target.kind === 'instance' ? 'InstanceId' : 'VolumeId', value: target.id };
}

/** GetMetricData ids: a lower-case letter first, then letters, digits and _. */
export function queryId(spec: GraphSpec, index: number): string {
  return `m_${spec.id}_${index}`;
}
