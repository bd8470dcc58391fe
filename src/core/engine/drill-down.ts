import { derivedContext, resolveSpec } from '../table/derived-columns.ts';
import { groupIdsOf } from './group-rows.ts';
import { PeriodBatch, keyId, planReport, type ReportPlan } from './report-plan.ts';
import { tableCache } from './report-cache.ts';
import { pageOfRows, resolveDrillPage } from './drill-page.ts';
import { firstRows, rowTests } from './drill-first-rows.ts';
import type { DrillPageRequest } from '../schema/drill-page.ts';
import type { ReportSpec } from '../schema/report-spec.ts';
import { conversationReader, type ConversationTable } from '../table/table.ts';
import { OTHER_KEY, type DrillPage, type DrillPoint, type ReportContext } from '../types.ts';

/**
 * One page of the conversations counted in one row of `computeReport(table, spec, context)`: its
 * key (or every key folded into Other) and, with a breakdown, its series. `page` picks the slice,
 * order and search (default: the first 50, oldest first, ties by id); `total` counts them all.
 */
export function drillDown(table: ConversationTable, spec: ReportSpec, context: ReportContext, point: DrillPoint, page?: DrillPageRequest): DrillPage {
  // Checked first, so that a bad page fails before any work.
  const request = resolveDrillPage(page);
  if (request.sort.by === 'createdAt' && request.search === '' && request.limit !== Infinity && tableCache(table).createdSorted) {
    const first = firstPage(table, spec, context, point, request.offset, request.limit, request.sort.direction === 'desc');
    if (first) return first;
  }
  return pageOfRows(table, drillRows(table, spec, context, point), page);
}

/**
 * A page in creation order without listing the whole group: the total from the report's own counts
 * (its cube when it has one), the rows by walking from one end until the page is full. Null when
 * the report has neither a selection nor a cube to test rows with.
 */
function firstPage(table: ConversationTable, spec: ReportSpec, context: ReportContext, point: DrillPoint, offset: number, limit: number, descending: boolean): DrillPage | null {
  const resolved = resolveSpec(table, spec, derivedContext(context));
  const plan = planReport(table, resolved, context, new PeriodBatch(table, context.timeZone));
  const target = pointCells(plan, point);
  const { period } = plan;
  let total = 0;
  if (target)
    for (const d of target.dimensions)
      for (let s = 0; s < period.seriesCount; s++) if (target.series < 0 || s === target.series) total += period.stats.count[d * period.seriesCount + s]!;
  if (!target || total === 0) return { total: 0, offset, rows: [] };
  const keep = new Uint8Array(period.dimension.keys.length);
  for (const d of target.dimensions) keep[d] = 1;
  const tests = rowTests(table, resolved, context.range, context.timeZone, plan, keep, target.series);
  if (!tests) return null;
  const read = conversationReader(table);
  return { total, offset, rows: Array.from(firstRows(table, tests, offset, limit, descending), (row) => read(row)) };
}

/**
 * The dimension groups behind `point` (its key, or every key folded into Other) and its series id
 * (−1 without a breakdown); null when the series is not one of the report's.
 */
function pointCells(plan: ReportPlan, point: DrillPoint): { dimensions: number[]; series: number } | null {
  const { period } = plan;
  const dimensions: number[] = [];
  if (point.key === OTHER_KEY && plan.folded.length > 0) for (const d of plan.folded) dimensions.push(d.id);
  else {
    // Keys that crossed a DOM boundary may come back as text ("1711839600000").
    const target = keyId(point.key);
    const asText = `string:${String(point.key)}`;
    period.dimension.keys.forEach((key, d) => {
      const id = keyId(key);
      if (id === target || (typeof key === 'number' && `string:${key}` === asText)) dimensions.push(d);
    });
  }
  let series = -1;
  if (period.series && point.series !== undefined) {
    const target = keyId(point.series);
    series = period.series.keys.findIndex((key) => keyId(key) === target);
    if (series < 0) return null;
  }
  return { dimensions, series };
}

/** The rows (table row numbers, in creation order) that `drillDown` turns into conversations. */
export function drillRows(table: ConversationTable, spec: ReportSpec, context: ReportContext, point: DrillPoint): Uint32Array {
  const plan = planReport(table, resolveSpec(table, spec, derivedContext(context)), context, new PeriodBatch(table, context.timeZone, true));
  const { period } = plan;
  const target = pointCells(plan, point);
  if (!target) return new Uint32Array(0);
  const { dimension, series } = period;
  const selected = period.selected!;
  const dimensionIds = groupIdsOf(dimension, selected);
  const seriesIds = target.series >= 0 ? series!.ids! : null;
  const keep = new Uint8Array(dimension.keys.length);
  for (const d of target.dimensions) keep[d] = 1;
  const rows = new Uint32Array(selected.length);
  const n = seriesIds ? pickCellRows(rows, selected, dimensionIds, keep, seriesIds, target.series) : pickRows(rows, selected, dimensionIds, keep);
  const picked = rows.subarray(0, n);
  // Selections are ascending row numbers; rows are in creation order unless the table was built by hand.
  if (!tableCache(table).createdSorted) {
    const created = table.createdAt.values;
    picked.sort((a, b) => created[a]! - created[b]! || a - b);
  }
  return picked;
}

// Loop-only functions (see aggregate.ts): a loop compiled while it runs keeps its compiled code.

/** The selected rows whose group is kept, branch-free: every row is written, the kept ones advance. */
function pickRows(out: Uint32Array, selected: Uint32Array, ids: Int32Array, keep: Uint8Array): number {
  let n = 0;
  for (let k = 0; k < selected.length; k++) {
    out[n] = selected[k]!;
    n += keep[ids[k]!]!;
  }
  return n;
}

function pickCellRows(out: Uint32Array, selected: Uint32Array, ids: Int32Array, keep: Uint8Array, seriesIds: Int32Array, seriesId: number): number {
  let n = 0;
  for (let k = 0; k < selected.length; k++) {
    out[n] = selected[k]!;
    n += keep[ids[k]!]! & +(seriesIds[k] === seriesId);
  }
  return n;
}
