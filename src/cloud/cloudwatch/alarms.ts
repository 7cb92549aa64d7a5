// Metric alarms: DescribeAlarms (paged by NextToken, optionally by state), PutMetricAlarm,
// DeleteAlarms, and turning an alarm's actions on and off.

import { str } from '../ec2/fields';
import { flattenQuery } from '../ec2/query';
import {
  members,
  type QueryListOperation,
  type QueryOperation,
  queryListOperation,
} from '../query';
import type { XmlElement } from '../xml';
import {
  type AlarmState,
  type ComparisonOperator,
  type Dimension,
  dimensionParams,
  type MetricAlarm,
  memberElements,
  num,
  readDimensions,
  textMembers,
} from './types';

export function readMetricAlarm(m: XmlElement): MetricAlarm {
  const datapoints = num(m, 'DatapointsToAlarm');
  return {
    alarmName: str(m, 'AlarmName'),
    alarmArn: str(m, 'AlarmArn'),
    alarmDescription: str(m, 'AlarmDescription'),
    // Absent means enabled: that is the API's default.
    actionsEnabled: str(m, 'ActionsEnabled').toLowerCase() !== 'false',
    okActions: textMembers(m, 'OKActions'),
    alarmActions: textMembers(m, 'AlarmActions'),
    insufficientDataActions: textMembers(m, 'InsufficientDataActions'),
    stateValue: str(m, 'StateValue'),
    stateReason: str(m, 'StateReason'),
    stateUpdatedTimestamp: str(m, 'StateUpdatedTimestamp'),
    namespace: str(m, 'Namespace'),
    metricName: str(m, 'MetricName'),
    dimensions: readDimensions(m),
    statistic: str(m, 'Statistic'),
    extendedStatistic: str(m, 'ExtendedStatistic'),
    period: num(m, 'Period'),
    unit: str(m, 'Unit'),
    evaluationPeriods: num(m, 'EvaluationPeriods'),
    datapointsToAlarm: Number.isFinite(datapoints) ? datapoints : null,
    threshold: num(m, 'Threshold'),
    comparisonOperator: str(m, 'ComparisonOperator'),
    treatMissingData: str(m, 'TreatMissingData'),
  };
}

export interface DescribeAlarmsInput {
  alarmNames?: string[];
  alarmNamePrefix?: string;
  stateValue?: AlarmState;
  /** 1–100 a page on AWS; Eucalyptus and moto answer everything at once. */
  maxRecords?: number;
}

export const describeAlarms: QueryListOperation<DescribeAlarmsInput, MetricAlarm> =
  queryListOperation({
    action: 'DescribeAlarms',
    params: (input) =>
      flattenQuery({
        AlarmNames: input.alarmNames?.length ? members(input.alarmNames) : undefined,
        AlarmNamePrefix: input.alarmNamePrefix,
        StateValue: input.stateValue,
        MaxRecords: input.maxRecords,
      }),
    items: (result) => memberElements(result, 'MetricAlarms').map(readMetricAlarm),
    next: (result) => str(result, 'NextToken'),
    nextParam: 'NextToken',
  });

export interface PutMetricAlarmInput {
  alarmName: string;
  alarmDescription?: string;
  namespace: string;
  metricName: string;
  dimensions: Dimension[];
  statistic: string;
  /** Seconds: 10, 30 or a multiple of 60. */
  period: number;
  unit?: string;
  evaluationPeriods: number;
  datapointsToAlarm?: number;
  threshold: number;
  comparisonOperator: ComparisonOperator;
  treatMissingData?: 'breaching' | 'notBreaching' | 'ignore' | 'missing';
  actionsEnabled?: boolean;
  /** ARNs notified when the alarm goes to ALARM (an SNS topic). */
  alarmActions?: string[];
  okActions?: string[];
  insufficientDataActions?: string[];
}

const arns = (list: readonly string[] | undefined) => (list?.length ? { member: list } : undefined);

/** Creates the alarm, or replaces one of the same name entirely. */
export const putMetricAlarm: QueryOperation<PutMetricAlarmInput, void> = {
  action: 'PutMetricAlarm',
  readOnly: false,
  params: (input) =>
    flattenQuery({
      AlarmName: input.alarmName,
      AlarmDescription: input.alarmDescription,
      ActionsEnabled: input.actionsEnabled,
      OKActions: arns(input.okActions),
      AlarmActions: arns(input.alarmActions),
      InsufficientDataActions: arns(input.insufficientDataActions),
      MetricName: input.metricName,
      Namespace: input.namespace,
      Statistic: input.statistic,
      Dimensions: dimensionParams(input.dimensions),
      Period: input.period,
      Unit: input.unit,
      EvaluationPeriods: input.evaluationPeriods,
      DatapointsToAlarm: input.datapointsToAlarm,
      Threshold: input.threshold,
      ComparisonOperator: input.comparisonOperator,
      TreatMissingData: input.treatMissingData,
    }),
  read: () => undefined,
};

function byNames(action: string): QueryOperation<{ alarmNames: string[] }, void> {
  return {
    action,
    readOnly: false,
    params: (input) => flattenQuery({ AlarmNames: members(input.alarmNames) }),
    read: () => undefined,
  };
}

/** At most 100 names a call. */
export const deleteAlarms = byNames('DeleteAlarms');
export const enableAlarmActions = byNames('EnableAlarmActions');
export const disableAlarmActions = byNames('DisableAlarmActions');
