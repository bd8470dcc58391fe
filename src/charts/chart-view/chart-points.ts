import type { EChartsCoreOption } from '../echarts.ts';
import { pointAt, pointCount } from '../options/series-data.ts';

/** A data point of an option, by its place: what the keyboard walks. */
export interface ChartPoint {
  seriesIndex: number;
  dataIndex: number;
  item: Record<string, unknown>;
}

function seriesOf(option: EChartsCoreOption | undefined): { data?: unknown; type?: unknown }[] {
  const raw = option?.series;
  return (Array.isArray(raw) ? raw : raw ? [raw] : []) as { data?: unknown; type?: unknown }[];
}

/** Every data point of the option in reading order: by category, then series. */
export function chartPoints(option: EChartsCoreOption | undefined): ChartPoint[] {
  const points: ChartPoint[] = [];
  // Items with a key, or (typed-array series of many points) keys by position: see series-data.ts.
  seriesOf(option).forEach((entry, seriesIndex) => {
    for (let dataIndex = 0, count = pointCount(entry); dataIndex < count; dataIndex++) {
      const item = pointAt(entry, dataIndex);
      if (item) points.push({ seriesIndex, dataIndex, item: item as unknown as Record<string, unknown> });
    }
  });
  return points.sort((a, b) => a.dataIndex - b.dataIndex || a.seriesIndex - b.seriesIndex);
}

/**
 * In a grid of cells (a heatmap: items whose value is `[column, row, value]`), where an arrow key
 * leads from point `at`: the neighbouring cell across or down, or `at` itself at the edge.
 * Undefined for other charts, which walk their points in reading order.
 */
export function gridMove(option: EChartsCoreOption | undefined, points: readonly { item: Record<string, unknown> }[], at: number, key: string): number | undefined {
  const series = seriesOf(option);
  if (at < 0 || series.length !== 1 || series[0]!.type !== 'heatmap') return undefined;
  const cellOf = (point: { item: Record<string, unknown> } | undefined) => {
    const value = point?.item.value;
    return Array.isArray(value) && typeof value[0] === 'number' && typeof value[1] === 'number' ? [value[0], value[1]] : null;
  };
  const here = cellOf(points[at]);
  if (!here) return undefined;
  const [dx, dy] = key === 'ArrowRight' ? [1, 0] : key === 'ArrowLeft' ? [-1, 0] : key === 'ArrowDown' ? [0, 1] : key === 'ArrowUp' ? [0, -1] : [0, 0];
  const target = points.findIndex((point) => {
    const cell = cellOf(point);
    return cell !== null && cell[0] === here[0]! + dx && cell[1] === here[1]! + dy;
  });
  return target < 0 ? at : target;
}
