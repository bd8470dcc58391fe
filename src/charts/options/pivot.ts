import type { ReportSpec } from '../../core/schema/report-spec.ts';
import type { GroupKey, ReportResult } from '../../core/types.ts';
import { categoryLabel, hasBreakdown, seriesLabel } from './value-format.ts';
import type { FormatSettings } from './value-format.ts';

export interface PivotCategory {
  key: GroupKey;
  label: string;
}

export interface PivotSeries {
  /** `undefined` when the report has no breakdown: the click then drills into the whole category. */
  key: GroupKey | undefined;
  name: string;
  /** One value per category, in category order; `null` where the series has no row or no value. */
  values: (number | null)[];
}

export interface Pivot {
  categories: PivotCategory[];
  series: PivotSeries[];
  breakdown: boolean;
}

/**
 * Rows → a category × series grid, keeping the order the core sorted them in (first appearance).
 * Charts need every series to cover every category so that stacks line up.
 */
export function pivotResult(
  result: ReportResult,
  spec: ReportSpec,
  fmt: FormatSettings,
  missing: 0 | null,
): Pivot {
  const breakdown = hasBreakdown(result, spec);
  const categories: PivotCategory[] = [];
  const categoryIndex = new Map<GroupKey, number>();
  const seriesIndex = new Map<GroupKey | undefined, number>();
  const cells: { category: number; series: number; value: number | null }[] = [];
  const names: { key: GroupKey | undefined; name: string }[] = [];

  for (const row of result.rows) {
    let category = categoryIndex.get(row.key);
    if (category === undefined) {
      category = categories.length;
      categoryIndex.set(row.key, category);
      categories.push({ key: row.key, label: categoryLabel(row, spec, fmt) });
    }
    // A breakdown row without a series value belongs to the null series, like any other null group.
    const key = breakdown ? (row.series ?? null) : undefined;
    let series = seriesIndex.get(key);
    if (series === undefined) {
      series = names.length;
      seriesIndex.set(key, series);
      names.push({ key, name: breakdown ? seriesLabel(row, spec, fmt) : spec.title });
    }
    cells.push({ category, series, value: typeof row.value === 'number' && Number.isFinite(row.value) ? row.value : null });
  }

  const series: PivotSeries[] = names.map(({ key, name }) => ({ key, name, values: categories.map(() => null) }));
  const present = names.map(() => new Set<number>());
  for (const cell of cells) {
    const values = series[cell.series]!.values;
    const previous = values[cell.category] ?? null;
    present[cell.series]!.add(cell.category);
    // Two rows for one cell only come from inconsistent input; adding them keeps counts truthful.
    values[cell.category] = previous === null ? cell.value : cell.value === null ? previous : previous + cell.value;
  }
  // A row whose measure is null (say, no conversation answered yet) stays null; only absent rows get `missing`.
  series.forEach((entry, index) => {
    entry.values.forEach((_, category) => {
      if (!present[index]!.has(category)) entry.values[category] = missing;
    });
  });
  return { categories, series, breakdown };
}
