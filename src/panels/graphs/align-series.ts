// uPlot's data shape from a graph's series: one x array (seconds) shared by every series.

import type { MetricPoint } from '../../cloud/cloudwatch/read-metrics';

export interface ChartSeries {
  label: string;
  points: readonly MetricPoint[];
}

export type AlignedData = [number[], ...Array<Array<number | null>>];

/** One x value per time any series has a point; a series without one there has a gap (null). */
export function alignSeries(series: readonly ChartSeries[]): AlignedData {
  const times = [...new Set(series.flatMap((s) => s.points.map((p) => p.time)))].sort(
    (a, b) => a - b,
  );
  const index = new Map(times.map((time, i) => [time, i]));
  const columns = series.map((s) => {
    const column: Array<number | null> = new Array(times.length).fill(null);
    for (const p of s.points) column[index.get(p.time) as number] = p.value;
    return column;
  });
  return [times.map((t) => t / 1000), ...columns];
}
