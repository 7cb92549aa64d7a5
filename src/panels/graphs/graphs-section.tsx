// The graphs of one instance or volume in its details pane: range switcher, Refresh, the note
// for basic monitoring, and per graph its chart, "No data in this range" or the cloud's refusal.
// Loaded on demand (lazy-graphs.tsx) with uPlot, so the tab's own code stays small.

import { useEffect, useMemo, useState } from 'preact/hooks';
import { metricWindow } from '../../cloud/cloudwatch/metric-range';
import { browserDeps } from '../browser-deps';
import { ErrorMessage } from '../components/error-message';
import { lazyComponent } from '../components/lazy-component';
import { type MessageKey, t } from '../i18n';
import {
  dimensionFor,
  type GraphSpec,
  type GraphTarget,
  namespaceFor,
  queryId,
} from './graph-specs';
import { createGraphsModel, type GraphsModel } from './graphs-model';
import { type ChartSeries, MetricChart } from './metric-chart';
import './graphs.css';

// The Alarms tab's dialog, fetched when a graph's Create alarm… is first pressed.
const CreateAlarmDialog = lazyComponent(() =>
  import('../alarms/create-alarm-dialog').then((m) => m.CreateAlarmDialog),
);

const RANGE_KEYS: Record<string, MessageKey> = {
  '1h': 'cwgRange1h',
  '6h': 'cwgRange6h',
  '24h': 'cwgRange24h',
  '7d': 'cwgRange7d',
  '14d': 'cwgRange14d',
};

function uiLocale(): string {
  return document.documentElement.lang || navigator.language;
}

export function GraphsSection({ target }: { target: GraphTarget }) {
  const model = useMemo(
    () => createGraphsModel(browserDeps, target),
    // A new instance or volume, or monitoring switched on or off, is a new set of graphs.
    [target.kind, target.id, target.detailed],
  );
  useEffect(() => model.dispose, [model]);
  const [alarmFor, setAlarmFor] = useState<GraphSpec | null>(null);
  const [created, setCreated] = useState('');
  const state = model.state.value;
  // The alarm watches what the graph shows: its statistic over the period of the range shown.
  const period =
    state.kind === 'ready' || state.kind === 'failed'
      ? state.window.period
      : metricWindow(model.range.value, Date.now(), target.detailed).period;
  return (
    <section class="graphs" aria-label={t('cwgTitle')}>
      <div class="graphs-toolbar">
        <label class="switcher">
          <span>{t('cwgRange')}</span>
          <select
            class="graphs-range"
            value={model.range.value}
            onChange={(e) => model.setRange(e.currentTarget.value as typeof model.range.value)}
          >
            {model.ranges.map((r) => (
              <option key={r} value={r}>
                {t(RANGE_KEYS[r] as MessageKey)}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => void model.refresh()}>
          {t('refresh')}
        </button>
        {state.kind === 'loading' && <span class="muted">{t('loading')}</span>}
      </div>
      {!target.detailed && state.kind !== 'no-cloudwatch' && state.kind !== 'unsupported' && (
        <p class="muted graphs-note">{t('cwgBasicMonitoring')}</p>
      )}
      {created && (
        <p class="notice ok" role="status">
          {t('cwNoticeCreated', created)}
        </p>
      )}
      {state.kind === 'no-cloudwatch' && <p class="muted">{t('cwgNoCloudWatch')}</p>}
      {state.kind === 'unsupported' && <p class="muted">{t('cwgUnsupported')}</p>}
      {(state.kind === 'ready' || state.kind === 'failed' || state.kind === 'loading') && (
        <div class="graphs-grid">
          {model.specs.map((spec) => (
            <Graph
              key={spec.id}
              spec={spec}
              model={model}
              onCreateAlarm={() => {
                setCreated('');
                setAlarmFor(spec);
              }}
            />
          ))}
        </div>
      )}
      {alarmFor && (
        <CreateAlarmDialog
          deps={browserDeps}
          metric={{
            namespace: namespaceFor(target),
            // A graph of two metrics (in and out) alarms on its first; the dialog can change it.
            metricName: alarmFor.metricNames[0] ?? '',
            dimensions: [dimensionFor(target)],
            unit: alarmFor.unit,
          }}
          defaults={{
            statistic: alarmFor.stat,
            period,
            ...(alarmFor.alarmThreshold === undefined
              ? {}
              : { threshold: alarmFor.alarmThreshold }),
            comparison: 'GreaterThanThreshold',
          }}
          onClose={() => setAlarmFor(null)}
          onCreated={setCreated}
        />
      )}
    </section>
  );
}

function Graph({
  spec,
  model,
  onCreateAlarm,
}: {
  spec: GraphSpec;
  model: GraphsModel;
  onCreateAlarm: () => void;
}) {
  const state = model.state.value;
  const title = t(spec.title);
  let body = <p class="muted graph-loading">{t('loading')}</p>;
  if (state.kind === 'failed') body = <ErrorMessage error={state.error} />;
  if (state.kind === 'ready') {
    const results = spec.metricNames.map((_, i) => state.series.get(queryId(spec, i)));
    const refused = results.find((r) => r?.error)?.error;
    const series: ChartSeries[] = spec.metricNames.map((label, i) => ({
      label,
      points: results[i]?.points ?? [],
    }));
    if (refused) body = <ErrorMessage error={refused} />;
    else if (series.every((s) => s.points.length === 0))
      body = <p class="muted graph-empty">{t('cwgNoData')}</p>;
    else
      body = (
        <MetricChart
          title={title}
          series={series}
          unit={spec.unit}
          start={state.window.start}
          end={state.window.end}
          rangeSeconds={model.rangeSeconds()}
          locale={uiLocale()}
        />
      );
  }
  return (
    <figure class="graph" data-graph={spec.id}>
      <figcaption>
        <span class="graph-title">{title}</span>
        <span class="muted graph-stat">
          {spec.stat}
          {spec.metricNames.map((name, i) => (
            <span key={name} class={`graph-key graph-key-${i + 1}`}>
              {name}
            </span>
          ))}
        </span>
        <button type="button" class="graph-alarm" onClick={onCreateAlarm}>
          {t('cwgCreateAlarm')}
        </button>
      </figcaption>
      {body}
    </figure>
  );
}
