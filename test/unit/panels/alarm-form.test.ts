import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { AwsProfile, EucalyptusProfile } from '../../../src/cloud/profile';
import { parseDimensions } from '../../../src/panels/alarms/alarm-dialogs';
import {
  type AlarmForm,
  alarmInput,
  formCondition,
  initialAlarmForm,
  validateAlarmForm,
} from '../../../src/panels/alarms/alarm-form';
import {
  type Condition,
  conditionSentence,
  conditionShort,
  type Translate,
} from '../../../src/panels/alarms/alarm-words';
import {
  commandLine,
  emptyLaunchForm,
  launchFormFrom,
  runInput,
} from '../../../src/panels/launch/launch-form';

/** The real messages of a locale, with their $P1$ placeholders filled as the browser does. */
function messages(lang: 'en' | 'ja'): Translate {
  const all = JSON.parse(
    readFileSync(
      new URL(`../../../public/_locales/${lang}/messages.json`, import.meta.url),
      'utf8',
    ),
  ) as Record<string, { message: string }>;
  return (key, ...args) =>
    (all[key]?.message ?? key).replace(/\$P(\d)\$/g, (_, n: string) => args[Number(n) - 1] ?? '');
}
const en = messages('en');
const ja = messages('ja');

const cpu = {
  namespace: 'AWS/EC2',
  metricName: 'CPUUtilization',
  dimensions: [{ name: 'InstanceId', value: 'i-0123456789abcdef0' }],
  unit: 'Percent',
};

const condition: Condition = {
  metricName: 'CPUUtilization',
  statistic: 'Average',
  comparison: 'GreaterThanThreshold',
  threshold: 80,
  period: 300,
  evaluationPeriods: 3,
};

describe('the condition in words', () => {
  test('the short form of the list', () => {
    expect(conditionShort(condition, en)).toBe('CPUUtilization > 80 for 3 × 5 min');
    expect(conditionShort({ ...condition, datapointsToAlarm: 2 }, en)).toBe(
      'CPUUtilization > 80 for 2 of 3 × 5 min',
    );
    expect(
      conditionShort(
        { ...condition, comparison: 'LessThanOrEqualToThreshold', threshold: 0.5, period: 3600 },
        en,
      ),
    ).toBe('CPUUtilization ≤ 0.5 for 3 × 1 h');
    expect(conditionShort({ ...condition, period: 30, unit: 'Percent' }, en)).toBe(
      'CPUUtilization > 80 % for 3 × 30 s',
    );
    // Datapoints equal to the periods is the plain form.
    expect(conditionShort({ ...condition, datapointsToAlarm: 3 }, en)).toBe(
      'CPUUtilization > 80 for 3 × 5 min',
    );
  });

  test('the sentence the dialog previews', () => {
    expect(conditionSentence({ ...condition, unit: 'Percent' }, en)).toBe(
      'Alarm when CPUUtilization average > 80 % for 3 consecutive periods of 5 minutes',
    );
    expect(
      conditionSentence(
        {
          ...condition,
          statistic: 'Maximum',
          comparison: 'GreaterThanOrEqualToThreshold',
          threshold: 1000,
          unit: 'Bytes',
          period: 60,
          evaluationPeriods: 1,
        },
        en,
      ),
    ).toBe('Alarm when CPUUtilization maximum ≥ 1000 Bytes for 1 period of 1 minute');
    expect(conditionSentence({ ...condition, datapointsToAlarm: 2, period: 7200 }, en)).toBe(
      'Alarm when CPUUtilization average > 80 for 2 of 3 periods of 2 hours',
    );
    expect(conditionSentence({ ...condition, unit: 'Percent' }, ja)).toBe(
      'CPUUtilization の平均が > 80 % の状態が 5 分 の期間で 3 回続いたらアラーム',
    );
  });

  test('an operator or statistic Cirrus does not know is shown as the cloud named it', () => {
    expect(
      conditionShort({ ...condition, comparison: 'LessThanLowerOrGreaterThanUpperThreshold' }, en),
    ).toBe('CPUUtilization LessThanLowerOrGreaterThanUpperThreshold 80 for 3 × 5 min');
    expect(conditionSentence({ ...condition, statistic: 'p99' }, en)).toContain(
      'CPUUtilization p99 >',
    );
  });
});

describe('the Create alarm checks', () => {
  const ok: AlarmForm = { ...initialAlarmForm(cpu, { threshold: 80 }) };

  test('defaults from the metric and the graph', () => {
    expect(initialAlarmForm(cpu)).toMatchObject({
      name: 'CPUUtilization i-0123456789abcdef0',
      statistic: 'Average',
      comparison: 'GreaterThanThreshold',
      threshold: '',
      period: '300',
      evaluationPeriods: '1',
      highResolution: false,
    });
    expect(
      initialAlarmForm(cpu, {
        statistic: 'Maximum',
        period: 60,
        threshold: 90,
        comparison: 'LessThanThreshold',
        evaluationPeriods: 3,
      }),
    ).toMatchObject({
      statistic: 'Maximum',
      period: '60',
      threshold: '90',
      comparison: 'LessThanThreshold',
      evaluationPeriods: '3',
    });
    expect(initialAlarmForm(cpu, { period: 10 }).highResolution).toBe(true);
    expect(validateAlarmForm(ok)).toEqual({});
  });

  test('name: 1–255 characters, no control characters', () => {
    expect(validateAlarmForm({ ...ok, name: '  ' }).name).toBe('cwProblemNameRequired');
    expect(validateAlarmForm({ ...ok, name: 'x'.repeat(256) }).name).toBe('cwProblemNameLong');
    expect(validateAlarmForm({ ...ok, name: 'x'.repeat(255) }).name).toBeUndefined();
    expect(validateAlarmForm({ ...ok, name: 'a\tb' }).name).toBe('cwProblemNameControl');
    expect(validateAlarmForm({ ...ok, name: 'CPU 高い <b>' }).name).toBeUndefined();
  });

  test('threshold: a number', () => {
    for (const threshold of ['', 'abc', '80%', '1e999'])
      expect(validateAlarmForm({ ...ok, threshold }).threshold).toBe('cwProblemThreshold');
    for (const threshold of ['0', '-5', '0.25', ' 80 ', '1e3'])
      expect(validateAlarmForm({ ...ok, threshold }).threshold).toBeUndefined();
  });

  test('period: a multiple of 60, or 10/30 for a high-resolution metric', () => {
    for (const period of ['60', '300', '3600', '86400'])
      expect(validateAlarmForm({ ...ok, period }).period).toBeUndefined();
    for (const period of ['0', '90', '10', '30', '5.5', '-60', 'x', ''])
      expect(validateAlarmForm({ ...ok, period }).period).toBe('cwProblemPeriod');
    for (const period of ['10', '30', '120'])
      expect(validateAlarmForm({ ...ok, period, highResolution: true }).period).toBeUndefined();
    expect(validateAlarmForm({ ...ok, period: '20', highResolution: true }).period).toBe(
      'cwProblemPeriodHighRes',
    );
  });

  test('evaluation periods ≥ 1, within 7 days (1 day below a minute)', () => {
    for (const evaluationPeriods of ['0', '', '1.5', '-1'])
      expect(validateAlarmForm({ ...ok, evaluationPeriods }).evaluationPeriods).toBe(
        'cwProblemEvaluationPeriods',
      );
    expect(
      validateAlarmForm({ ...ok, evaluationPeriods: '2016' }).evaluationPeriods,
    ).toBeUndefined();
    expect(validateAlarmForm({ ...ok, evaluationPeriods: '2017' }).evaluationPeriods).toBe(
      'cwProblemSpanWeek',
    );
    expect(
      validateAlarmForm({ ...ok, period: '10', highResolution: true, evaluationPeriods: '8641' })
        .evaluationPeriods,
    ).toBe('cwProblemSpanDay');
  });

  test('datapoints to alarm: empty, or 1 to the evaluation periods', () => {
    const three = { ...ok, evaluationPeriods: '3' };
    expect(
      validateAlarmForm({ ...three, datapointsToAlarm: '' }).datapointsToAlarm,
    ).toBeUndefined();
    expect(
      validateAlarmForm({ ...three, datapointsToAlarm: '3' }).datapointsToAlarm,
    ).toBeUndefined();
    expect(validateAlarmForm({ ...three, datapointsToAlarm: '4' }).datapointsToAlarm).toBe(
      'cwProblemDatapointsOver',
    );
    expect(validateAlarmForm({ ...three, datapointsToAlarm: '0' }).datapointsToAlarm).toBe(
      'cwProblemDatapoints',
    );
  });

  test('an SNS topic is an ARN', () => {
    const arn = 'arn:aws:sns:us-east-1:123456789012:alerts';
    expect(validateAlarmForm({ ...ok, topicArn: arn }).topicArn).toBeUndefined();
    expect(validateAlarmForm({ ...ok, topicArn: 'alerts' }).topicArn).toBe('cwProblemArn');
    expect(validateAlarmForm({ ...ok, topicArn: `${arn} x` }).topicArn).toBe('cwProblemArn');
  });

  test('the PutMetricAlarm input, and the preview only once the numbers are numbers', () => {
    const form = {
      ...ok,
      name: ' web cpu ',
      evaluationPeriods: '3',
      datapointsToAlarm: '2',
      topicArn: 'arn:aws:sns:us-east-1:123456789012:alerts',
    };
    expect(alarmInput(form, cpu)).toEqual({
      alarmName: 'web cpu',
      namespace: 'AWS/EC2',
      metricName: 'CPUUtilization',
      dimensions: cpu.dimensions,
      statistic: 'Average',
      period: 300,
      evaluationPeriods: 3,
      datapointsToAlarm: 2,
      threshold: 80,
      comparisonOperator: 'GreaterThanThreshold',
      alarmActions: ['arn:aws:sns:us-east-1:123456789012:alerts'],
      actionsEnabled: true,
    });
    const preview = formCondition(form, cpu);
    expect(preview && conditionSentence(preview, en)).toBe(
      'Alarm when CPUUtilization average > 80 % for 2 of 3 periods of 5 minutes',
    );
    expect(formCondition({ ...form, threshold: 'x' }, cpu)).toBeNull();
  });
});

test('dimensions typed as Name=Value lines', () => {
  expect(parseDimensions('InstanceId=i-1\n\n AutoScalingGroupName = web = a ')).toEqual({
    dimensions: [
      { name: 'InstanceId', value: 'i-1' },
      { name: 'AutoScalingGroupName', value: 'web = a' },
    ],
  });
  expect(parseDimensions('InstanceId=i-1\nnoequals').bad).toBe(2);
  expect(parseDimensions('=x').bad).toBe(1);
});

describe('detailed monitoring in the launch dialog', () => {
  const aws: AwsProfile = {
    id: 'a',
    kind: 'aws',
    name: 'a',
    accessKeyId: 'AKID',
    region: 'us-east-1',
  };
  const euca: EucalyptusProfile = {
    id: 'e',
    kind: 'eucalyptus',
    name: 'lab',
    accessKeyId: 'AKID',
    host: '10.0.0.5',
    port: 8773,
    https: false,
    ec2Path: '/services/compute',
    s3Path: '/services/objectstorage',
    s3Host: '',
    region: 'eucalyptus',
    signatureVersion: 4,
    apiVersion: '2013-02-01',
  };
  const form = { ...emptyLaunchForm('ami-1'), monitoring: true };

  test('RunInstances Monitoring.Enabled and both command lines', () => {
    expect(runInput(form, aws).monitoring).toBe(true);
    expect(runInput({ ...form, monitoring: false }, aws).monitoring).toBeUndefined();
    expect(commandLine(form, aws)).toContain(' --monitoring Enabled=true');
    expect(commandLine(form, euca)).toContain(' --monitor');
    expect(commandLine({ ...form, monitoring: false }, euca)).not.toContain('--monitor');
  });

  test('a preset keeps it; one saved before it existed launches without it', () => {
    expect(launchFormFrom(JSON.parse(JSON.stringify(form))).monitoring).toBe(true);
    expect(launchFormFrom({ imageId: 'ami-1' }).monitoring).toBe(false);
  });
});
