// Create alarm…: one dialog for the Alarms tab and for a graph's "Create alarm…". It follows the
// current profile through `deps`, checks the form before sending, previews the condition in a
// sentence, and keeps what was typed when the cloud refuses it.

import { useEffect, useMemo, useState } from 'preact/hooks';
import { COMPARISON_OPERATORS, putMetricAlarm, STATISTICS } from '../../cloud/cloudwatch';
import type { CloudErrorData } from '../../cloud/errors';
import { queryCall } from '../../cloud/query';
import { Dialog, DialogActions } from '../components/dialog';
import { Checkbox, Field, TextField } from '../components/field';
import { asError } from '../errors';
import { t } from '../i18n';
import type { ModelDeps } from '../model-deps';
import {
  type AlarmDefaults,
  type AlarmForm,
  type AlarmMetric,
  type AlarmProblems,
  alarmInput,
  formCondition,
  hasProblems,
  initialAlarmForm,
  validateAlarmForm,
} from './alarm-form';
import { comparisonChoice, conditionSentence, statisticWord } from './alarm-words';

export interface CreateAlarmDialogProps {
  deps: ModelDeps;
  metric: AlarmMetric;
  defaults?: AlarmDefaults;
  onClose: () => void;
  onCreated?: (alarmName: string) => void;
}

/** "AWS/EC2 CPUUtilization InstanceId=i-0abc": the metric as one line of text. */
export function metricLabel(metric: AlarmMetric): string {
  const dims = metric.dimensions.map((d) => `${d.name}=${d.value}`).join(', ');
  return [metric.namespace, metric.metricName, dims].filter(Boolean).join(' · ');
}

export function CreateAlarmDialog(props: CreateAlarmDialogProps) {
  const { deps, metric } = props;
  const watch = useMemo(() => deps.profiles(() => undefined), [deps]);
  useEffect(() => () => watch.dispose(), [watch]);
  const [form, setForm] = useState<AlarmForm>(() => initialAlarmForm(metric, props.defaults));
  const [problems, setProblems] = useState<AlarmProblems>({});
  const [error, setError] = useState<CloudErrorData | null>(null);
  const [busy, setBusy] = useState(false);

  const set = (change: Partial<AlarmForm>) => {
    setForm({ ...form, ...change });
    const cleared = { ...problems };
    for (const key of Object.keys(change)) delete cleared[key as keyof AlarmForm];
    setProblems(cleared);
  };
  const message = (field: keyof AlarmForm) => {
    const key = problems[field];
    return key ? t(key) : undefined;
  };
  const condition = formCondition(form, metric);

  async function submit() {
    const found = validateAlarmForm(form);
    setProblems(found);
    if (hasProblems(found)) return;
    const current = watch.current.value;
    if (!current) return;
    setBusy(true);
    setError(null);
    try {
      const input = alarmInput(form, metric);
      await queryCall('monitoring', putMetricAlarm, current.profile, current.signer, input);
      props.onCreated?.(input.alarmName);
      props.onClose();
    } catch (e) {
      // The dialog stays open with everything typed, and the cloud's words under it.
      setError(asError(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog
      title={t('cwCreateAlarmTitle')}
      wide
      onClose={props.onClose}
      error={error}
      actions={
        <DialogActions
          onCancel={props.onClose}
          confirm={t('cwCreateAlarmButton')}
          disabled={busy || !watch.current.value}
          onConfirm={() => void submit()}
        />
      }
    >
      <p class="alarm-metric">
        <span class="muted">{t('cwMetric')}: </span>
        <span data-testid="alarm-metric">{metricLabel(metric)}</span>
      </p>
      <TextField
        id="alarm-name"
        label={t('cwAlarmName')}
        value={form.name}
        onValue={(name) => set({ name })}
        error={message('name')}
      />
      <TextField
        id="alarm-description"
        label={t('cwAlarmDescription')}
        value={form.description}
        onValue={(description) => set({ description })}
        error={message('description')}
      />
      <div class="alarm-condition">
        <Field id="alarm-statistic" label={t('cwStatistic')}>
          <select
            id="alarm-statistic"
            value={form.statistic}
            onChange={(e) => set({ statistic: e.currentTarget.value })}
          >
            {STATISTICS.map((s) => (
              <option key={s} value={s}>
                {statisticWord(s)}
              </option>
            ))}
          </select>
        </Field>
        <Field id="alarm-comparison" label={t('cwComparison')}>
          <select
            id="alarm-comparison"
            value={form.comparison}
            onChange={(e) => set({ comparison: e.currentTarget.value })}
          >
            {COMPARISON_OPERATORS.map((op) => (
              <option key={op} value={op}>
                {comparisonChoice(op)}
              </option>
            ))}
          </select>
        </Field>
        <TextField
          id="alarm-threshold"
          label={t('cwThreshold')}
          value={form.threshold}
          onValue={(threshold) => set({ threshold })}
          error={message('threshold')}
          hint={metric.unit && metric.unit !== 'None' ? metric.unit : undefined}
        />
        <TextField
          id="alarm-period"
          label={t('cwPeriodSeconds')}
          value={form.period}
          onValue={(period) => set({ period })}
          error={message('period')}
          hint={t('cwPeriodHint')}
        />
        <TextField
          id="alarm-evaluation-periods"
          label={t('cwEvaluationPeriods')}
          value={form.evaluationPeriods}
          onValue={(evaluationPeriods) =>
            set({ evaluationPeriods, datapointsToAlarm: form.datapointsToAlarm })
          }
          error={message('evaluationPeriods')}
        />
        <TextField
          id="alarm-datapoints"
          label={t('cwDatapointsToAlarm')}
          value={form.datapointsToAlarm}
          onValue={(datapointsToAlarm) => set({ datapointsToAlarm })}
          error={message('datapointsToAlarm')}
          hint={t('cwDatapointsHint')}
        />
      </div>
      <Checkbox
        id="alarm-high-resolution"
        label={t('cwHighResolution')}
        checked={form.highResolution}
        onChecked={(highResolution) => set({ highResolution, period: form.period })}
      />
      <TextField
        id="alarm-topic"
        label={t('cwTopicArn')}
        value={form.topicArn}
        onValue={(topicArn) => set({ topicArn })}
        error={message('topicArn')}
        hint={t('cwTopicArnHint')}
        placeholder={t('cwTopicArnPlaceholder')}
      />
      <p class="alarm-preview" role="status" data-testid="alarm-preview">
        {condition ? conditionSentence(condition) : t('cwPreviewIncomplete')}
      </p>
    </Dialog>
  );
}
