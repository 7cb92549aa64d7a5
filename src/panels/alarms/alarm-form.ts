// The Create alarm dialog's form as plain data: defaults from the metric (and a graph), the checks
// CloudWatch would make, made before anything is sent, and the PutMetricAlarm input it becomes.

import type { ComparisonOperator, Dimension, PutMetricAlarmInput } from '../../cloud/cloudwatch';
import { COMPARISON_OPERATORS } from '../../cloud/cloudwatch';
import type { MessageKey } from '../i18n';
import type { Condition } from './alarm-words';

/** The metric an alarm watches, as a graph or the alarms tab hands it over. */
export interface AlarmMetric {
  namespace: string;
  metricName: string;
  dimensions: Dimension[];
  unit?: string;
}

export interface AlarmDefaults {
  statistic?: string;
  period?: number;
  threshold?: number;
  comparison?: string;
  evaluationPeriods?: number;
}

export interface AlarmForm {
  name: string;
  description: string;
  statistic: string;
  comparison: string;
  threshold: string;
  /** Seconds. */
  period: string;
  /** 10 s and 30 s periods are for high-resolution metrics only. */
  highResolution: boolean;
  evaluationPeriods: string;
  /** '' means all of the evaluation periods. */
  datapointsToAlarm: string;
  /** An SNS topic notified when the alarm goes to ALARM; '' for none. */
  topicArn: string;
}

export type AlarmField = keyof AlarmForm;
export type AlarmProblems = Partial<Record<AlarmField, MessageKey>>;

/** A name from the metric: "CPUUtilization i-0abc high". */
export function suggestedName(metric: AlarmMetric): string {
  const parts = [metric.metricName, ...metric.dimensions.map((d) => d.value)].filter(Boolean);
  return parts.join(' ').slice(0, 240);
}

export function initialAlarmForm(metric: AlarmMetric, defaults: AlarmDefaults = {}): AlarmForm {
  const period = defaults.period ?? 300;
  return {
    name: suggestedName(metric),
    description: '',
    statistic: defaults.statistic ?? 'Average',
    comparison:
      defaults.comparison &&
      (COMPARISON_OPERATORS as readonly string[]).includes(defaults.comparison)
        ? defaults.comparison
        : 'GreaterThanThreshold',
    threshold: defaults.threshold === undefined ? '' : String(defaults.threshold),
    period: String(period),
    highResolution: period === 10 || period === 30,
    evaluationPeriods: String(defaults.evaluationPeriods ?? 1),
    datapointsToAlarm: '',
    topicArn: '',
  };
}

const WHOLE = /^\d{1,9}$/;
// CloudWatch: a period times the evaluation periods may span at most 7 days (1 day below 1 min).
const MAX_SPAN_SECONDS = 7 * 24 * 3600;
// An ARN names its partition, service, region, account and resource; no spaces.
const ARN = /^arn:[a-z-]+:[a-z0-9-]+:[^:\s]*:[^:\s]*:\S+$/;
// ASCII control characters are the only ones CloudWatch refuses in a name.
// biome-ignore lint/suspicious/noControlCharactersInRegex: that is what it looks for
const CONTROL = /[\u0000-\u001f\u007f]/;

export function validateAlarmForm(form: AlarmForm): AlarmProblems {
  const problems: AlarmProblems = {};
  const name = form.name.trim();
  if (name.length === 0) problems.name = 'cwProblemNameRequired';
  else if (name.length > 255) problems.name = 'cwProblemNameLong';
  else if (CONTROL.test(name)) problems.name = 'cwProblemNameControl';
  if (form.description.length > 1024) problems.description = 'cwProblemDescriptionLong';

  const threshold = form.threshold.trim();
  if (threshold === '' || !Number.isFinite(Number(threshold)))
    problems.threshold = 'cwProblemThreshold';

  const period = form.period.trim();
  const seconds = WHOLE.test(period) ? Number(period) : Number.NaN;
  const periodOk =
    seconds > 0 &&
    (seconds % 60 === 0 || (form.highResolution && (seconds === 10 || seconds === 30)));
  if (!periodOk)
    problems.period = form.highResolution ? 'cwProblemPeriodHighRes' : 'cwProblemPeriod';

  const evaluation = form.evaluationPeriods.trim();
  const n = WHOLE.test(evaluation) ? Number(evaluation) : 0;
  if (n < 1) problems.evaluationPeriods = 'cwProblemEvaluationPeriods';
  else if (periodOk && seconds * n > (seconds < 60 ? 24 * 3600 : MAX_SPAN_SECONDS))
    problems.evaluationPeriods = seconds < 60 ? 'cwProblemSpanDay' : 'cwProblemSpanWeek';

  const datapoints = form.datapointsToAlarm.trim();
  if (datapoints !== '') {
    const m = WHOLE.test(datapoints) ? Number(datapoints) : 0;
    if (m < 1) problems.datapointsToAlarm = 'cwProblemDatapoints';
    else if (n >= 1 && m > n) problems.datapointsToAlarm = 'cwProblemDatapointsOver';
  }

  if (form.topicArn.trim() && !ARN.test(form.topicArn.trim())) problems.topicArn = 'cwProblemArn';
  return problems;
}

export function hasProblems(problems: AlarmProblems): boolean {
  return Object.keys(problems).length > 0;
}

/** The condition as typed, for the preview; null while a number in it is not one yet. */
export function formCondition(form: AlarmForm, metric: AlarmMetric): Condition | null {
  const threshold = Number(form.threshold.trim());
  const period = Number(form.period.trim());
  const n = Number(form.evaluationPeriods.trim());
  const m = form.datapointsToAlarm.trim() ? Number(form.datapointsToAlarm.trim()) : null;
  if (form.threshold.trim() === '' || !Number.isFinite(threshold)) return null;
  if (!Number.isInteger(period) || period <= 0 || !Number.isInteger(n) || n < 1) return null;
  return {
    metricName: metric.metricName,
    statistic: form.statistic,
    comparison: form.comparison,
    threshold: form.threshold.trim(),
    unit: metric.unit,
    period,
    evaluationPeriods: n,
    datapointsToAlarm: m !== null && Number.isInteger(m) ? m : null,
  };
}

/** PutMetricAlarm's input; call only when validateAlarmForm found nothing. */
export function alarmInput(form: AlarmForm, metric: AlarmMetric): PutMetricAlarmInput {
  const input: PutMetricAlarmInput = {
    alarmName: form.name.trim(),
    namespace: metric.namespace,
    metricName: metric.metricName,
    dimensions: metric.dimensions,
    statistic: form.statistic,
    period: Number(form.period.trim()),
    evaluationPeriods: Number(form.evaluationPeriods.trim()),
    threshold: Number(form.threshold.trim()),
    comparisonOperator: form.comparison as ComparisonOperator,
  };
  if (form.description.trim()) input.alarmDescription = form.description.trim();
  if (form.datapointsToAlarm.trim())
    input.datapointsToAlarm = Number(form.datapointsToAlarm.trim());
  if (form.topicArn.trim()) {
    input.alarmActions = [form.topicArn.trim()];
    input.actionsEnabled = true;
  }
  return input;
}
