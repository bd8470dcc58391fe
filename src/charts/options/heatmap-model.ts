import type { ReportSpec } from '../../core/schema/report-spec.ts';
import type { GroupKey, ReportResult } from '../../core/types.ts';
import { hourLabel, weekdayName, weekdayOrder } from '../../i18n/week.ts';
import { pivotResult } from './pivot.ts';
import { categoryLabel, createValueFormatter, type FormatSettings } from './value-format.ts';

export interface HeatmapAxisEntry {
  key: GroupKey;
  /** Short, for the axis: "Mon", "9 AM". */
  label: string;
  /** Full, for tooltips, the table and screen readers: "Monday", "9:00 AM – 10:00 AM". */
  longLabel: string;
}

export interface HeatmapCell {
  /** Column (x, the dimension) and row (y, the breakdown). */
  x: number;
  y: number;
  value: number | null;
  text: string;
  /** What a screen reader says: "Monday, 9:00 AM – 10:00 AM: 12". */
  spoken: string;
}

/**
 * A report as a grid: columns are the dimension's groups, rows the breakdown's. Hours of the day
 * are all 24 in order and weekdays all 7 in the reader's order (the week starts on Sunday in
 * en-US, Monday in fr and nl), whether or not the data has them, so that every heatmap of a kind
 * has the same shape; other groups keep the core's order. Missing cells of a count are 0, of any
 * other measure null (no conversation to measure).
 */
export interface HeatmapModel {
  columns: HeatmapAxisEntry[];
  rows: HeatmapAxisEntry[];
  /** Row by row: `cells[y * columns.length + x]`. */
  cells: HeatmapCell[];
  /** Extent of the non-null values (0–0 when there are none). */
  min: number;
  max: number;
}

function fixedAxis(property: string | undefined, locale: string): HeatmapAxisEntry[] | null {
  if (property === 'createdHour')
    return Array.from({ length: 24 }, (_, hour) => ({ key: hour, label: hourLabel(hour, locale), longLabel: '' }));
  if (property === 'createdWeekday')
    return weekdayOrder(locale).map((day) => ({ key: day, label: weekdayName(day, locale, 'short'), longLabel: weekdayName(day, locale, 'long') }));
  return null;
}

export function buildHeatmapModel(result: ReportResult, spec: ReportSpec, settings: FormatSettings): HeatmapModel {
  const missing = settings.valueKind === 'count' ? 0 : null;
  const pivot = pivotResult(result, spec, settings, missing);
  const format = createValueFormatter(settings.valueKind, settings.locale);
  const longOf = (key: GroupKey, property: string | undefined, fallback: string) =>
    categoryLabel({ key, label: fallback, value: null, count: 0 }, { ...spec, dimension: property }, settings);

  const fromData = (entries: { key: GroupKey | undefined; label: string }[]): HeatmapAxisEntry[] =>
    entries.map((entry) => ({ key: entry.key ?? null, label: entry.label, longLabel: entry.label }));
  const columns = fixedAxis(spec.dimension, settings.locale) ?? fromData(pivot.categories);
  const rows =
    fixedAxis(spec.breakdown, settings.locale) ??
    (pivot.breakdown ? fromData(pivot.series.map((s) => ({ key: s.key, label: s.name }))) : [{ key: null, label: spec.title, longLabel: spec.title }]);
  for (const column of columns) if (!column.longLabel) column.longLabel = longOf(column.key, spec.dimension, column.label);
  for (const row of rows) if (!row.longLabel) row.longLabel = longOf(row.key, spec.breakdown, row.label);

  // Values by (column key, row key), from the pivot (which already merged duplicate rows).
  const values = new Map<string, number | null>();
  const id = (column: GroupKey | undefined, row: GroupKey | undefined) => JSON.stringify([column ?? null, row ?? null]);
  pivot.series.forEach((series) => {
    series.values.forEach((value, index) => values.set(id(pivot.categories[index]!.key, pivot.breakdown ? series.key : null), value));
  });

  const cells: HeatmapCell[] = [];
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  rows.forEach((row, y) => {
    columns.forEach((column, x) => {
      const known = values.get(id(column.key, row.key));
      const value = known === undefined ? missing : known;
      if (value !== null) {
        min = Math.min(min, value);
        max = Math.max(max, value);
      }
      const text = format(value);
      const where = pivot.breakdown || rows.length > 1 ? `${row.longLabel}, ${column.longLabel}` : column.longLabel;
      cells.push({ x, y, value, text, spoken: `${where}: ${text}` });
    });
  });
  if (min > max) min = max = 0;
  return { columns, rows, cells, min, max };
}
