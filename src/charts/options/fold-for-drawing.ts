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

const DATE_PROPERTIES = new Set(['createdAt', 'closedAt', 'firstResponseAt']);

/** Distinct categories of the result (dimension keys). */
export function categoryCount(result: ReportResult): number {
  return new Set(result.rows.map((row) => keyId(row.key))).size;
}

function keyId(key: GroupKey): string {
  return `${typeof key}:${String(key)}`;
}

/** True when a chart of `result` would draw more categories than it should. */
export function needsFolding(result: ReportResult, spec: ReportSpec): boolean {
  if (spec.dimension === undefined || DATE_PROPERTIES.has(spec.dimension) || spec.chartType === 'heatmap') return false;
  return categoryCount(result) > drawnCategoryLimit(spec.chartType);
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
export function foldForDrawing(result: ReportResult, spec: ReportSpec): ReportResult {
  const keep = drawnCategoryLimit(spec.chartType) - 1;
  const totals = new Map<string, { key: GroupKey; label: string; value: number; count: number }>();
  for (const row of result.rows) {
    const id = keyId(row.key);
    const total = totals.get(id) ?? { key: row.key, label: row.label, value: 0, count: 0 };
    total.value += row.value ?? 0;
    total.count += row.count;
    totals.set(id, total);
  }
  const ranked = [...totals.entries()].sort(([, a], [, b]) => b.value - a.value || b.count - a.count || a.label.localeCompare(b.label));
  const kept = new Set(ranked.slice(0, keep).map(([id]) => id));
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
        label: 'Other',
        value: null,
        count: 0,
        ...(row.series === undefined ? {} : { series: row.series, ...(row.seriesLabel === undefined ? {} : { seriesLabel: row.seriesLabel }) }),
      };
      other.set(seriesId, folded);
    }
    folded.count += row.count;
    if (row.value !== null) {
      if (op === 'count' || op === 'sum') folded.value = (folded.value ?? 0) + row.value;
      else if (op === 'min') folded.value = folded.value === null ? row.value : Math.min(folded.value, row.value);
      else if (op === 'max') folded.value = folded.value === null ? row.value : Math.max(folded.value, row.value);
    }
  }
  return { ...result, rows: [...rows, ...other.values()] };
}
