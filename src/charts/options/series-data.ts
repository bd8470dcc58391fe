import type { GroupKey } from '../../core/types.ts';

/** Above this many points a line's data goes to ECharts as a typed array, down-sampled with LTTB. */
export const TYPED_ARRAY_THRESHOLD = 2_000;

/**
 * A line or area series of many points, as ECharts takes large data: one Float64Array of
 * `[x0, y0, x1, y1, …]` where x is the category index and y the value (NaN for none, which breaks
 * the line as `null` does). ECharts stores it as it is instead of reading an object per point.
 * Such data items carry no `key`, so the series names them by position: `pointKeys[dataIndex]`
 * (the categories' keys, shared by every series of the chart) and `seriesKey`.
 */
export interface TypedSeriesFields {
  data: Float64Array;
  pointKeys: readonly GroupKey[];
  seriesKey?: GroupKey;
}

/** `[index, value]` pairs of `values`, flattened; null becomes NaN. */
export function typedLineData(values: readonly (number | null | undefined)[]): Float64Array {
  const data = new Float64Array(values.length * 2);
  for (let index = 0; index < values.length; index++) {
    const value = values[index];
    data[2 * index] = index;
    data[2 * index + 1] = typeof value === 'number' ? value : Number.NaN;
  }
  return data;
}

/** A data point of an option, however its series holds data: what a click or a key press reports. */
export interface OptionPoint {
  key: GroupKey;
  series?: GroupKey;
  value: number | null;
  spoken?: string;
}

function isTyped(data: unknown): data is Float64Array {
  return ArrayBuffer.isView(data) && !(data instanceof DataView);
}

/** Number of data points of one series option (object items or a flattened typed array). */
export function pointCount(series: { data?: unknown }): number {
  const data = series.data;
  if (isTyped(data)) return Math.floor(data.length / 2);
  return Array.isArray(data) ? data.length : 0;
}

/**
 * The point at `dataIndex` of a series option: its own item when items are objects with a key, or
 * the key by position when the data is a typed array (see {@link TypedSeriesFields}). Null for a
 * point that maps to no report row.
 */
export function pointAt(series: { data?: unknown; pointKeys?: readonly GroupKey[]; seriesKey?: GroupKey }, dataIndex: number): OptionPoint | null {
  const data = series.data;
  if (isTyped(data)) {
    const keys = series.pointKeys;
    if (!keys || dataIndex < 0 || dataIndex >= keys.length) return null;
    const value = data[2 * dataIndex + 1];
    const point: OptionPoint = { key: keys[dataIndex]!, value: typeof value === 'number' && value === value ? value : null };
    if (series.seriesKey !== undefined) point.series = series.seriesKey;
    return point;
  }
  const item = Array.isArray(data) ? data[dataIndex] : undefined;
  if (!item || typeof item !== 'object' || !('key' in item)) return null;
  return item as OptionPoint;
}
