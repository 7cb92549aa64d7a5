// The Alarms tab's own dialogs: choose the metric for a new alarm, delete, and an alarm's history.

import { useEffect, useState } from 'preact/hooks';
import type { AlarmHistoryItem, MetricId } from '../../cloud/cloudwatch';
import { ConfirmListDialog } from '../components/confirm-list-dialog';
import { Dialog } from '../components/dialog';
import { ErrorMessage } from '../components/error-message';
import { FeatureError } from '../components/feature-error';
import { Field, TextField } from '../components/field';
import { asError } from '../errors';
import { type MessageKey, t } from '../i18n';
import { localTime } from './alarm-columns';
import type { AlarmMetric } from './alarm-form';
import type { AlarmsModel } from './alarms-model';

/** "InstanceId=i-0abc" lines into dimensions; the line number of the first that is not one. */
export function parseDimensions(text: string): {
  dimensions: AlarmMetric['dimensions'];
  bad?: number;
} {
  const dimensions: AlarmMetric['dimensions'] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] ?? '').trim();
    if (!line) continue;
    const eq = line.indexOf('=');
    const name = eq < 0 ? '' : line.slice(0, eq).trim();
    const value = eq < 0 ? '' : line.slice(eq + 1).trim();
    // CloudWatch: names and values of 1–255 characters, at most 30 dimensions.
    if (!name || !value || name.length > 255 || value.length > 255 || dimensions.length >= 30)
      return { dimensions, bad: i + 1 };
    dimensions.push({ name, value });
  }
  return { dimensions };
}

const metricKey = (m: MetricId) =>
  `${m.namespace}\n${m.metricName}\n${m.dimensions.map((d) => `${d.name}=${d.value}`).join('\n')}`;

/** The metric of a new alarm: picked from ListMetrics, or typed (a metric with no data yet). */
export function PickMetricDialog({ model }: { model: AlarmsModel }) {
  const [metrics, setMetrics] = useState<MetricId[] | null>(null);
  const [loadError, setLoadError] = useState<ReturnType<typeof asError> | null>(null);
  const [namespace, setNamespace] = useState('AWS/EC2');
  const [metricName, setMetricName] = useState('CPUUtilization');
  const [dimensions, setDimensions] = useState('');
  const [problems, setProblems] = useState<
    Partial<Record<'namespace' | 'metricName' | 'dimensions', string>>
  >({});
  /** The namespace whose metrics are listed: AWS has thousands of metrics across namespaces. */
  const [listed, setListed] = useState('AWS/EC2');
  useEffect(() => {
    const stop = new AbortController();
    setMetrics(null);
    setLoadError(null);
    model.metrics(listed, stop.signal).then(
      (found) => !stop.signal.aborted && setMetrics(found),
      (e) => !stop.signal.aborted && setLoadError(asError(e)),
    );
    // Closing the dialog stops the listing between pages.
    return () => stop.abort();
  }, [model, listed]);

  function choose(key: string) {
    const metric = metrics?.find((m) => metricKey(m) === key);
    if (!metric) return;
    setNamespace(metric.namespace);
    setMetricName(metric.metricName);
    setDimensions(metric.dimensions.map((d) => `${d.name}=${d.value}`).join('\n'));
    setProblems({});
  }
  function next() {
    const parsed = parseDimensions(dimensions);
    const found: typeof problems = {};
    if (!namespace.trim() || namespace.trim().length > 255)
      found.namespace = t('cwProblemNamespace');
    if (!metricName.trim() || metricName.trim().length > 255)
      found.metricName = t('cwProblemMetricName');
    if (parsed.bad !== undefined) found.dimensions = t('cwProblemDimension', String(parsed.bad));
    setProblems(found);
    if (Object.keys(found).length) return;
    model.open({
      kind: 'create',
      metric: {
        namespace: namespace.trim(),
        metricName: metricName.trim(),
        dimensions: parsed.dimensions,
      },
    });
  }
  const sorted = metrics
    ? [...metrics].sort((a, b) => metricKey(a).localeCompare(metricKey(b)))
    : null;
  return (
    <Dialog
      title={t('cwPickMetricTitle')}
      wide
      onClose={() => model.open(null)}
      actions={
        <>
          <button type="button" onClick={() => model.open(null)}>
            {t('cancel')}
          </button>
          <button type="button" class="primary" onClick={next}>
            {t('cwNext')}
          </button>
        </>
      }
    >
      <Field id="alarm-metric-list" label={t('cwMetricsWithData', listed)}>
        {loadError ? (
          <ErrorMessage error={loadError} />
        ) : (
          <select
            id="alarm-metric-list"
            size={6}
            disabled={!sorted}
            onChange={(e) => choose(e.currentTarget.value)}
          >
            {sorted?.length === 0 && <option disabled>{t('cwNoMetrics')}</option>}
            {sorted?.map((m) => {
              const key = metricKey(m);
              return (
                <option key={key} value={key}>
                  {[
                    m.namespace,
                    m.metricName,
                    ...m.dimensions.map((d) => `${d.name}=${d.value}`),
                  ].join(' · ')}
                </option>
              );
            })}
          </select>
        )}
      </Field>
      <TextField
        id="alarm-namespace"
        label={t('cwNamespace')}
        value={namespace}
        onValue={setNamespace}
        error={problems.namespace}
      />
      <div class="toolbar">
        <button
          type="button"
          disabled={!namespace.trim() || namespace.trim() === listed}
          onClick={() => setListed(namespace.trim())}
        >
          {t('cwListNamespace')}
        </button>
      </div>
      <TextField
        id="alarm-metric-name"
        label={t('cwMetricName')}
        value={metricName}
        onValue={setMetricName}
        error={problems.metricName}
      />
      <Field
        id="alarm-dimensions"
        label={t('cwDimensions')}
        hint={t('cwDimensionsHint')}
        error={problems.dimensions}
      >
        <textarea
          id="alarm-dimensions"
          rows={3}
          spellcheck={false}
          value={dimensions}
          onInput={(e) => setDimensions(e.currentTarget.value)}
        />
      </Field>
    </Dialog>
  );
}

export function DeleteAlarmsDialog({ model, names }: { model: AlarmsModel; names: string[] }) {
  return (
    <ConfirmListDialog
      title={t('cwDeleteTitle')}
      confirm={t('cwDeleteYes', String(names.length))}
      question={t('cwDeleteConfirm')}
      items={names}
      onConfirm={() => model.remove(names)}
      onClose={() => model.open(null)}
      error={model.dialogError.value}
    />
  );
}

const HISTORY_TYPES: Record<string, MessageKey> = {
  ConfigurationUpdate: 'cwHistoryConfiguration',
  StateUpdate: 'cwHistoryState',
  Action: 'cwHistoryAction',
};

export function AlarmHistoryDialog(props: {
  model: AlarmsModel;
  alarmName: string;
  items: AlarmHistoryItem[] | null;
}) {
  const { model, alarmName, items } = props;
  const error = model.dialogError.value;
  return (
    <Dialog
      title={t('cwHistoryTitle', alarmName)}
      wide
      onClose={() => model.open(null)}
      actions={
        <button type="button" onClick={() => model.open(null)}>
          {t('close')}
        </button>
      }
    >
      <FeatureError error={error} feature={t('cwFeatureHistory')} />
      {!items && !error && <p class="muted">{t('loading')}</p>}
      {items?.length === 0 && <p class="muted">{t('cwHistoryNone')}</p>}
      {items && items.length > 0 && (
        <table class="alarm-history" aria-label={t('cwHistoryTitle', alarmName)}>
          <thead>
            <tr>
              <th>{t('cwHistoryTime')}</th>
              <th>{t('cwHistoryType')}</th>
              <th>{t('cwHistorySummary')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item, i) => (
              <tr key={`${item.timestamp}-${i}`}>
                <td>{localTime(item.timestamp)}</td>
                <td>
                  {HISTORY_TYPES[item.historyItemType]
                    ? t(HISTORY_TYPES[item.historyItemType] as MessageKey)
                    : item.historyItemType}
                </td>
                <td>{item.historySummary}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Dialog>
  );
}
