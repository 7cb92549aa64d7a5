// The graphs of one instance or volume: the remembered range, one read of every metric for it
// (GetMetricData, or GetMetricStatistics per metric on older clouds), and what each graph shows.

import { signal } from '@preact/signals';
import type { MetricQuery } from '../../cloud/cloudwatch/get-metric-data';
import { hasNoCloudWatch } from '../../cloud/cloudwatch/has-no-cloudwatch';
import {
  GRAPH_RANGES,
  type GraphRange,
  isGraphRange,
  type MetricWindow,
  metricWindow,
  RANGE_SECONDS,
} from '../../cloud/cloudwatch/metric-range';
import { readMetrics, type SeriesResult } from '../../cloud/cloudwatch/read-metrics';
import { endpointFor } from '../../cloud/endpoints';
import type { CloudErrorData } from '../../cloud/errors';
import type { Profile } from '../../cloud/profile';
import { isUnsupportedAction } from '../../cloud/unsupported';
import { graphPrefs } from '../../storage/items';
import type { CurrentProfile } from '../current-profile';
import { asError } from '../errors';
import type { ModelDeps } from '../model-deps';
import {
  dimensionFor,
  type GraphSpec,
  type GraphTarget,
  graphsFor,
  namespaceFor,
  queryId,
} from './graph-specs';

export type GraphsState =
  | { kind: 'loading' }
  /** The profile has no CloudWatch endpoint (an S3-only profile). */
  | { kind: 'no-cloudwatch' }
  /** The cloud answered that it has neither GetMetricData nor GetMetricStatistics. */
  | { kind: 'unsupported'; error: CloudErrorData }
  /** The read was refused as a whole: each graph shows why. */
  | { kind: 'failed'; error: CloudErrorData; window: MetricWindow }
  | {
      kind: 'ready';
      window: MetricWindow;
      /** Per query id (graph-specs queryId). */
      series: ReadonlyMap<string, SeriesResult>;
      /** performance.now() when the answers were in (the graphs bench times from it). */
      answeredAt: number;
    };

// Clouds (profile and region) that answered GetMetricData is not supported: asked by
// GetMetricStatistics at once from then on, for as long as the page lives.
const statisticsOnly = new Set<string>();

const cloudKey = (profile: Profile) => `${profile.id}\n${profile.region}`;

/** One query per metric of every graph of the target, all with the window's period. */
export function queriesFor(target: GraphTarget, period: number): MetricQuery[] {
  const dimension = dimensionFor(target);
  return graphsFor(target).flatMap((spec: GraphSpec) =>
    spec.metricNames.map((metricName, i) => ({
      id: queryId(spec, i),
      metric: { namespace: namespaceFor(target), metricName, dimensions: [dimension] },
      stat: spec.stat,
      period,
    })),
  );
}

export function createGraphsModel(
  deps: ModelDeps,
  target: GraphTarget,
  options: { now?: () => number } = {},
) {
  const now = options.now ?? Date.now;
  const range = signal<GraphRange>('1h');
  const state = signal<GraphsState>({ kind: 'loading' });
  let current: CurrentProfile | null = null;
  let running: AbortController | null = null;
  let disposed = false;
  let rangeChosen = false;
  // The first load waits for the remembered range, so it does not read the default one first.
  let prefsRead = false;

  async function load() {
    running?.abort();
    if (!current || disposed) return;
    const { profile, signer } = current;
    if (!endpointFor(profile, 'monitoring')) {
      state.value = { kind: 'no-cloudwatch' };
      return;
    }
    const controller = new AbortController();
    running = controller;
    const window = metricWindow(range.value, now(), target.detailed);
    state.value = { kind: 'loading' };
    try {
      const result = await readMetrics(
        profile,
        signer,
        { queries: queriesFor(target, window.period), start: window.start, end: window.end },
        { signal: controller.signal, statisticsOnly: statisticsOnly.has(cloudKey(profile)) },
      );
      if (controller.signal.aborted) return;
      if (result.via === 'GetMetricStatistics') statisticsOnly.add(cloudKey(profile));
      const refused = result.series.find((s) => s.error)?.error;
      // Every metric refused as "no such action": the cloud has no CloudWatch reads at all.
      if (refused && result.series.every((s) => isUnsupportedAction(s.error))) {
        state.value = { kind: 'unsupported', error: refused };
        return;
      }
      state.value = {
        kind: 'ready',
        window,
        series: new Map(result.series.map((s) => [s.id, s])),
        answeredAt: performance.now(),
      };
    } catch (thrown) {
      if (controller.signal.aborted) return;
      const error = asError(thrown);
      state.value = isUnsupportedAction(error)
        ? { kind: 'unsupported', error }
        : // A Eucalyptus cloud without CloudWatch answers its path with 404.
          hasNoCloudWatch(profile, error)
          ? { kind: 'no-cloudwatch' }
          : { kind: 'failed', error, window };
    }
  }

  const watch = deps.profiles((next) => {
    current = next;
    if (prefsRead) void load();
  });
  current = watch.current.value;

  // The remembered range replaces the default once read, unless the user chose one meanwhile.
  const ready = graphPrefs
    .get()
    .then((prefs) => {
      if (disposed || rangeChosen) return;
      const stored = isGraphRange(prefs.range) ? prefs.range : range.value;
      if (stored !== range.value) range.value = stored;
    })
    .catch(() => undefined)
    .then(() => {
      prefsRead = true;
      return load();
    });

  return {
    target,
    specs: graphsFor(target),
    ranges: GRAPH_RANGES,
    range,
    state,
    /** Resolves after the first load has started from the remembered range (tests wait). */
    ready,
    rangeSeconds: () => RANGE_SECONDS[range.value],
    setRange(next: GraphRange) {
      rangeChosen = true;
      if (next === range.value) return;
      range.value = next;
      void graphPrefs.update((prefs) => ({ ...prefs, range: next }));
      void load();
    },
    refresh: () => load(),
    dispose() {
      disposed = true;
      running?.abort();
      watch.dispose();
    },
  };
}

export type GraphsModel = ReturnType<typeof createGraphsModel>;
