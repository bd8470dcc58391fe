import { OTHER_KEY } from '../../core/types.ts';
import type { ReportSpec } from '../../core/schema/report-spec.ts';
import type { GroupKey, ReportResult, ReportRow } from '../../core/types.ts';

/**
 * How many categories a chart draws before the rest is folded into "Other" (DESIGN v2: a
 * non-date dimension returns every group; tiles draw a readable number). 20 000 assignees drawn
 * as 20 000 bars took 15 s and said nothing; the table view and the CSV export keep them all.
 */
export function drawnCategoryLimit(chartType: ReportSpec['chartType']): number {
  return chartType === 'pie' || chartType === 'donut' ? 12 : 50;
}

/** Series (a breakdown's values) drawn before the rest become one Other series: a legend stays readable. */
export const DRAWN_SERIES_LIMIT = 20;

const DATE_PROPERTIES = new Set(['createdAt', 'closedAt', 'firstResponseAt']);

/** Distinct categories of the result (dimension keys). */
export function categoryCount(result: ReportResult): number {
  return new Set(result.rows.map((row) => keyId(row.key))).size;
}

function keyId(key: GroupKey): string {
  return `${typeof key}:${String(key)}`;
}

function seriesCount(result: ReportResult): number {
  return new Set(result.rows.filter((row) => row.series !== undefined).map((row) => keyId(row.series!))).size;
}

/** True when the categories (not dates: every bucket is drawn, and bounded) are too many to draw. */
export function needsCategoryFolding(result: ReportResult, spec: ReportSpec): boolean {
  if (spec.dimension === undefined || DATE_PROPERTIES.has(spec.dimension) || spec.chartType === 'heatmap') return false;
  return categoryCount(result) > drawnCategoryLimit(spec.chartType);
}

/** True when a chart of `result` would draw more categories or series than it should. */
export function needsFolding(result: ReportResult, spec: ReportSpec): boolean {
  if (spec.chartType === 'heatmap') return false;
  return needsCategoryFolding(result, spec) || seriesCount(result) > DRAWN_SERIES_LIMIT;
}

/** The spec whose engine result is the folded one: exact for every measure (medians included). */
export function foldedSpec(spec: ReportSpec): ReportSpec {
  const limit = drawnCategoryLimit(spec.chartType) - 1;
  return { ...spec, limit: spec.limit === undefined ? limit : Math.min(spec.limit, limit) };
}

/**
 * The result folded here, for a result handed over by a host (no engine to ask): the categories
 * with the highest totals (ties by label) are kept and the rest summed into one Other row per
 * series. Counts always add up; values only for `count`, `sum`, `min` and `max` (an average or a
 * median of a group cannot be made from its parts, so Other's value is then unknown, null).
 */
export function foldForDrawing(result: ReportResult, spec: ReportSpec, otherLabel = 'Other'): ReportResult {
  const categories = needsCategoryFolding(result, spec) ? foldCategories(result, spec, otherLabel) : result;
  return seriesCount(categories) > DRAWN_SERIES_LIMIT ? foldSeries(categories, spec, otherLabel) : categories;
}

/** Adds `value` into `into` as the measure allows (count, sum, min, max); anything else stays unknown. */
function merge(into: ReportRow, value: number | null, op: ReportSpec['measure']['op']): void {
  if (value === null) return;
  if (op === 'count' || op === 'sum') into.value = (into.value ?? 0) + value;
  else if (op === 'min') into.value = into.value === null ? value : Math.min(into.value, value);
  else if (op === 'max') into.value = into.value === null ? value : Math.max(into.value, value);
}

function ranked<T extends { label: string; value: number; count: number }>(totals: Map<string, T>, keep: number): Set<string> {
  const order = [...totals.entries()].sort(([, a], [, b]) => b.value - a.value || b.count - a.count || a.label.localeCompare(b.label));
  return new Set(order.slice(0, keep).map(([id]) => id));
}

/** The top series kept, the others merged per category into one series keyed Other. */
function foldSeries(result: ReportResult, spec: ReportSpec, otherLabel: string): ReportResult {
  const totals = new Map<string, { label: string; value: number; count: number }>();
  for (const row of result.rows) {
    if (row.series === undefined) continue;
    const id = keyId(row.series);
    const total = totals.get(id) ?? { label: row.seriesLabel ?? String(row.series), value: 0, count: 0 };
    total.value += row.value ?? 0;
    total.count += row.count;
    totals.set(id, total);
  }
  const kept = ranked(totals, DRAWN_SERIES_LIMIT - 1);
  const rows: ReportRow[] = [];
  const other = new Map<string, ReportRow>();
  for (const row of result.rows) {
    if (row.series === undefined || kept.has(keyId(row.series))) {
      rows.push(row);
      continue;
    }
    const id = keyId(row.key);
    let folded = other.get(id);
    if (!folded) {
      folded = { key: row.key, label: row.label, value: null, count: 0, series: OTHER_KEY, seriesLabel: otherLabel };
      other.set(id, folded);
    }
    folded.count += row.count;
    merge(folded, row.value, spec.measure.op);
  }
  return { ...result, rows: [...rows, ...other.values()] };
}

function foldCategories(result: ReportResult, spec: ReportSpec, otherLabel: string): ReportResult {
  const keep = drawnCategoryLimit(spec.chartType) - 1;
  const totals = new Map<string, { key: GroupKey; label: string; value: number; count: number }>();
  for (const row of result.rows) {
    const id = keyId(row.key);
    const total = totals.get(id) ?? { key: row.key, label: row.label, value: 0, count: 0 };
    total.value += row.value ?? 0;
    total.count += row.count;
    totals.set(id, total);
  }
  const kept = ranked(totals, keep);
  const op = spec.measure.op;
  const rows: ReportRow[] = [];
  const other = new Map<string, ReportRow>();
  for (const row of result.rows) {
    if (kept.has(keyId(row.key))) {
      rows.push(row);
      continue;
    }
    const seriesId = row.series === undefined ? '' : keyId(row.series);
    let folded = other.get(seriesId);
    if (!folded) {
      folded = {
        key: OTHER_KEY,
        label: otherLabel,
        value: null,
        count: 0,
        ...(row.series === undefined ? {} : { series: row.series, ...(row.seriesLabel === undefined ? {} : { seriesLabel: row.seriesLabel }) }),
      };
      other.set(seriesId, folded);
    }
    folded.count += row.count;
    merge(folded, row.value, op);
  }
  return { ...result, rows: [...rows, ...other.values()] };
}
