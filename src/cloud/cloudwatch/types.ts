// CloudWatch's shapes as Cirrus uses them, and the readers for the pieces its answers share:
// `<member>` lists, dimensions and numbers. Values from the cloud are data, never markup.

import { str } from '../ec2/fields';
import type { QueryValue } from '../ec2/query';
import { members } from '../query';
import { child, elements, text, type XmlElement, type XmlValue } from '../xml';

export interface Dimension {
  name: string;
  value: string;
}

/** A metric as CloudWatch names it: namespace, name and dimensions. */
export interface MetricId {
  namespace: string;
  metricName: string;
  dimensions: Dimension[];
}

export const ALARM_STATES = ['OK', 'ALARM', 'INSUFFICIENT_DATA'] as const;
export type AlarmState = (typeof ALARM_STATES)[number];

export const COMPARISON_OPERATORS = [
  'GreaterThanThreshold',
  'GreaterThanOrEqualToThreshold',
  'LessThanThreshold',
  'LessThanOrEqualToThreshold',
] as const;
export type ComparisonOperator = (typeof COMPARISON_OPERATORS)[number];

export const STATISTICS = ['Average', 'Sum', 'Minimum', 'Maximum', 'SampleCount'] as const;
export type Statistic = (typeof STATISTICS)[number];

export interface MetricAlarm extends MetricId {
  alarmName: string;
  alarmArn: string;
  alarmDescription: string;
  actionsEnabled: boolean;
  okActions: string[];
  alarmActions: string[];
  insufficientDataActions: string[];
  /** OK | ALARM | INSUFFICIENT_DATA, as the cloud sent it. */
  stateValue: string;
  stateReason: string;
  /** Raw timestamp; parseEc2Time() for a Date. */
  stateUpdatedTimestamp: string;
  /** '' when the alarm uses an extended statistic (p90) instead. */
  statistic: string;
  extendedStatistic: string;
  /** Seconds. */
  period: number;
  unit: string;
  evaluationPeriods: number;
  /** null when not set: then it equals evaluationPeriods. */
  datapointsToAlarm: number | null;
  threshold: number;
  comparisonOperator: string;
  treatMissingData: string;
}

/** The text members of a list: `<AlarmActions><member>arn</member></AlarmActions>`. */
export function textMembers(node: XmlValue | undefined, name: string): string[] {
  const value = child(child(node, name), 'member');
  const all = value === undefined ? [] : Array.isArray(value) ? value : [value];
  return all.map((v) => text(v)).filter(Boolean);
}

/** The element members of a list: `<MetricAlarms><member>…</member></MetricAlarms>`. */
export function memberElements(node: XmlValue | undefined, name: string): XmlElement[] {
  return elements(child(child(node, name), 'member'));
}

export function readDimensions(node: XmlValue | undefined): Dimension[] {
  return memberElements(node, 'Dimensions').map((m) => ({
    name: str(m, 'Name'),
    value: str(m, 'Value'),
  }));
}

/** A number field; NaN when absent or unreadable, so a caller can tell. */
export function num(node: XmlValue | undefined, name: string): number {
  const raw = str(node, name);
  return raw === '' ? Number.NaN : Number(raw);
}

/** Dimensions as the Query protocol takes them: Dimensions.member.N.Name / .Value. */
export function dimensionParams(dimensions: readonly Dimension[] | undefined): QueryValue {
  return dimensions?.length
    ? members(dimensions.map((d) => ({ Name: d.name, Value: d.value })))
    : undefined;
}
