// An alarm's condition in words: the short form for the list ("CPUUtilization > 80 for 3 × 5 min")
// and the sentence the Create alarm dialog previews. Pure; the message lookup is a parameter so
// unit tests can check the real English text.

import type { MetricAlarm } from '../../cloud/cloudwatch';
import { type MessageKey, t } from '../i18n';

export type Translate = (key: MessageKey, ...substitutions: string[]) => string;

const SYMBOLS: Record<string, string> = {
  GreaterThanThreshold: '>',
  GreaterThanOrEqualToThreshold: '≥',
  LessThanThreshold: '<',
  LessThanOrEqualToThreshold: '≤',
};

/** ">" for GreaterThanThreshold; the operator's own name when it is one Cirrus does not know. */
export function comparisonSymbol(operator: string): string {
  return SYMBOLS[operator] ?? operator;
}

const COMPARISON_WORDS: Record<string, MessageKey> = {
  GreaterThanThreshold: 'cwOpGreater',
  GreaterThanOrEqualToThreshold: 'cwOpGreaterOrEqual',
  LessThanThreshold: 'cwOpLess',
  LessThanOrEqualToThreshold: 'cwOpLessOrEqual',
};

/** "> (greater than)": a comparison as the dialog offers it. */
export function comparisonChoice(operator: string, tr: Translate = t): string {
  const key = COMPARISON_WORDS[operator];
  return key ? `${comparisonSymbol(operator)} (${tr(key)})` : operator;
}

const STATISTIC_WORDS: Record<string, MessageKey> = {
  Average: 'cwStatAverage',
  Sum: 'cwStatSum',
  Minimum: 'cwStatMinimum',
  Maximum: 'cwStatMaximum',
  SampleCount: 'cwStatSampleCount',
};

export function statisticWord(statistic: string, tr: Translate = t): string {
  const key = STATISTIC_WORDS[statistic];
  return key ? tr(key) : statistic;
}

/** "5 min", "1 h", "30 s": a period in the list's short form. */
export function shortDuration(seconds: number, tr: Translate = t): string {
  if (seconds > 0 && seconds % 3600 === 0) return tr('cwShortHours', String(seconds / 3600));
  if (seconds > 0 && seconds % 60 === 0) return tr('cwShortMinutes', String(seconds / 60));
  return tr('cwShortSeconds', String(seconds));
}

/** "5 minutes", "1 hour", "30 seconds": a period in a sentence. */
export function longDuration(seconds: number, tr: Translate = t): string {
  if (seconds > 0 && seconds % 3600 === 0) {
    const hours = seconds / 3600;
    return hours === 1 ? tr('cwDurHour') : tr('cwDurHours', String(hours));
  }
  if (seconds > 0 && seconds % 60 === 0) {
    const minutes = seconds / 60;
    return minutes === 1 ? tr('cwDurMinute') : tr('cwDurMinutes', String(minutes));
  }
  return tr('cwDurSeconds', String(seconds));
}

/** "80 %" for a percentage, "80" for a count, "1000 Bytes" otherwise. */
export function thresholdWithUnit(threshold: number | string, unit: string | undefined): string {
  const value = String(threshold);
  if (!unit || unit === 'None' || unit === 'Count') return value;
  if (unit === 'Percent') return `${value} %`;
  return `${value} ${unit}`;
}

/** The parts of a condition both forms are made of. */
export interface Condition {
  metricName: string;
  statistic: string;
  comparison: string;
  threshold: number | string;
  unit?: string | undefined;
  period: number;
  evaluationPeriods: number;
  /** null or equal to evaluationPeriods: every period must breach. */
  datapointsToAlarm?: number | null | undefined;
}

/** "CPUUtilization > 80 for 3 × 5 min", or "… for 2 of 3 × 5 min" with datapoints to alarm. */
export function conditionShort(c: Condition, tr: Translate = t): string {
  const left = `${c.metricName} ${comparisonSymbol(c.comparison)} ${thresholdWithUnit(c.threshold, c.unit)}`;
  const duration = shortDuration(c.period, tr);
  const n = String(c.evaluationPeriods);
  if (c.datapointsToAlarm && c.datapointsToAlarm !== c.evaluationPeriods)
    return tr('cwThresholdShortOf', left, String(c.datapointsToAlarm), n, duration);
  return tr('cwThresholdShort', left, n, duration);
}

/** "Alarm when CPUUtilization average > 80 % for 3 consecutive periods of 5 minutes". */
export function conditionSentence(c: Condition, tr: Translate = t): string {
  const what = tr(
    'cwAlarmWhen',
    c.metricName,
    statisticWord(c.statistic, tr),
    comparisonSymbol(c.comparison),
    thresholdWithUnit(c.threshold, c.unit),
  );
  const duration = longDuration(c.period, tr);
  const n = c.evaluationPeriods;
  const m = c.datapointsToAlarm;
  const span =
    m && m !== n
      ? tr('cwForMOfN', String(m), String(n), duration)
      : n === 1
        ? tr('cwForOnePeriod', duration)
        : tr('cwForPeriods', String(n), duration);
  return `${what} ${span}`;
}

/** The condition of an alarm read from the cloud. */
export function alarmCondition(alarm: MetricAlarm): Condition {
  return {
    metricName: alarm.metricName,
    statistic: alarm.statistic || alarm.extendedStatistic,
    comparison: alarm.comparisonOperator,
    threshold: Number.isFinite(alarm.threshold) ? alarm.threshold : '?',
    unit: alarm.unit,
    period: alarm.period,
    evaluationPeriods: alarm.evaluationPeriods,
    datapointsToAlarm: alarm.datapointsToAlarm,
  };
}
