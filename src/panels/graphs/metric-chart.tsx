// One uPlot chart: a graph's metrics over the window, its colours read from the page's CSS
// variables at every draw (so a switch to dark mode repaints in dark colours), axis labels in the
// UI language, and a readout of the point under the pointer. The plotted data is also on the
// element (data-plotted), so a test can check what was drawn.

import { useEffect, useRef, useState } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { alignSeries, type ChartSeries } from './align-series';
import { formatAxisTime, formatPointTime, formatValue } from './graph-format';

export type { ChartSeries };

export interface MetricChartProps {
  title: string;
  series: readonly ChartSeries[];
  unit: string;
  /** Epoch milliseconds: the x axis spans the whole window, data or not. */
  start: number;
  end: number;
  rangeSeconds: number;
  locale: string;
}

const HEIGHT = 150;
// Fonts with Japanese glyphs first after the system's, as the page's own CSS has them.
const FONT = '11px system-ui, "Hiragino Sans", "Noto Sans CJK JP", "Segoe UI", sans-serif';

function cssVar(element: Element, name: string, fallback: string): string {
  return getComputedStyle(element).getPropertyValue(name).trim() || fallback;
}

export function MetricChart(props: MetricChartProps) {
  const host = useRef<HTMLDivElement>(null);
  const [readout, setReadout] = useState('');
  const { series, unit, start, end, rangeSeconds, locale } = props;

  useEffect(() => {
    const element = host.current;
    if (!element) return;
    const data = alignSeries(series);
    const color = (i: number) => () =>
      cssVar(element, `--graph-${i + 1}`, i === 0 ? '#0b64c4' : '#c2410c');
    const fg = () => cssVar(element, '--fg-muted', '#57606a');
    const grid = () => cssVar(element, '--border', '#d0d7de');
    const axisStyle = { stroke: fg, font: FONT, grid: { stroke: grid, width: 1 } };
    const chart = new uPlot(
      {
        width: Math.max(element.clientWidth, 200),
        height: HEIGHT,
        legend: { show: false },
        scales: {
          x: { time: true, range: [start / 1000, end / 1000] },
          y: { range: (_u, _min, max) => [0, max > 0 ? max * 1.1 : 1] },
        },
        series: [
          {},
          ...series.map((s, i) => ({
            label: s.label,
            stroke: color(i),
            width: 1.5,
            spanGaps: false,
          })),
        ],
        axes: [
          {
            ...axisStyle,
            ticks: { stroke: grid },
            values: (_u: uPlot, splits: number[]) =>
              splits.map((s) => formatAxisTime(s * 1000, rangeSeconds, { locale })),
          },
          {
            ...axisStyle,
            ticks: { stroke: grid },
            size: 72,
            values: (_u: uPlot, splits: number[]) =>
              splits.map((v) => formatValue(v, unit, locale)),
          },
        ],
        hooks: {
          setCursor: [
            (u) => {
              const i = u.cursor.idx;
              const time = i === null || i === undefined ? undefined : u.data[0][i];
              if (i === null || i === undefined || time === undefined) return setReadout('');
              const values = series.map((s, k) => {
                const v = u.data[k + 1]?.[i];
                return `${s.label}: ${v === null || v === undefined ? '–' : formatValue(v, unit, locale)}`;
              });
              setReadout(`${formatPointTime(time * 1000, { locale })} · ${values.join(' · ')}`);
            },
          ],
        },
      },
      data,
      element,
    );
    // What uPlot holds, as it holds it ([seconds…], [values…]…): a test reads the drawn points.
    element.dataset.plotted = JSON.stringify(chart.data);
    const resize = new ResizeObserver(() => {
      const width = Math.max(element.clientWidth, 200);
      if (width !== chart.width) chart.setSize({ width, height: HEIGHT });
    });
    resize.observe(element);
    const scheme = matchMedia('(prefers-color-scheme: dark)');
    const repaint = () => chart.redraw(false, true);
    scheme.addEventListener('change', repaint);
    return () => {
      scheme.removeEventListener('change', repaint);
      resize.disconnect();
      chart.destroy();
    };
  }, [series, unit, start, end, rangeSeconds, locale]);

  return (
    <div class="metric-chart">
      <div
        ref={host}
        class="metric-chart-plot"
        role="img"
        aria-label={props.title}
        data-start={start / 1000}
        data-end={end / 1000}
      />
      <p class="graph-readout" aria-live="polite">
        {readout || '\u00a0'}
      </p>
    </div>
  );
}
