import { chartTypes, type ChartType, type ReportSpec } from '../schema/report-spec.ts';

/**
 * Why a chart type cannot show a report as configured:
 * - `needsDimension`: the type draws one mark per category (a line through points, slices), so a
 *   report with no dimension would be a single dot or a full circle that says nothing;
 * - `needsBreakdown`: a heatmap is a grid of dimension × breakdown (hour × weekday);
 * - `hasDimension`: a KPI is one number, so the categories would silently disappear;
 * - `hasBreakdown`: the type shows one series (slices of one whole, one number), so the second
 *   grouping would silently disappear;
 * - `notPartOfWhole`: slices must add up to a whole, which counts and sums do and averages,
 *   medians, percentiles, minimums and maximums do not.
 */
export type ChartTypeReason = 'needsDimension' | 'needsBreakdown' | 'hasDimension' | 'hasBreakdown' | 'notPartOfWhole';

export interface ChartTypeAvailability {
  available: boolean;
  /** Every reason the type cannot be used; empty when it can. */
  reasons: ChartTypeReason[];
}

/**
 * Which chart types can show a report's current dimension, breakdown and measure, and why the
 * others cannot. Bar, column and table show anything. Line and area need a dimension, of any kind:
 * a line over categories still reads left to right, and the source's editing flow turns a report
 * by assignee into a line chart. Pie and donut need a dimension, no breakdown and an additive
 * measure. A KPI needs neither dimension nor breakdown.
 */
export function chartTypeAvailability(
  spec: Pick<ReportSpec, 'dimension' | 'breakdown' | 'measure'>,
): Record<ChartType, ChartTypeAvailability> {
  const hasDimension = Boolean(spec.dimension);
  const hasBreakdown = Boolean(spec.breakdown);
  const additive = spec.measure.op === 'count' || spec.measure.op === 'sum';
  const rules: Record<ChartType, ChartTypeReason[]> = {
    bar: [],
    column: [],
    table: [],
    line: hasDimension ? [] : ['needsDimension'],
    area: hasDimension ? [] : ['needsDimension'],
    pie: [],
    donut: [],
    heatmap: [...(hasDimension ? [] : (['needsDimension'] as const)), ...(hasBreakdown ? [] : (['needsBreakdown'] as const))],
    kpi: [...(hasDimension ? (['hasDimension'] as const) : []), ...(hasBreakdown ? (['hasBreakdown'] as const) : [])],
  };
  for (const type of ['pie', 'donut'] as const) {
    if (!hasDimension) rules[type].push('needsDimension');
    if (hasBreakdown) rules[type].push('hasBreakdown');
    if (!additive) rules[type].push('notPartOfWhole');
  }
  const availability = {} as Record<ChartType, ChartTypeAvailability>;
  for (const type of chartTypes) availability[type] = { available: rules[type].length === 0, reasons: rules[type] };
  return availability;
}
