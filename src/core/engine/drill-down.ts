import { derivedContext, resolveSpec } from '../table/derived-columns.ts';
import { groupIdsOf } from './group-rows.ts';
import { PeriodBatch, keyId, planReport } from './report-plan.ts';
import { tableCache } from './report-cache.ts';
import { pageOfRows, resolveDrillPage } from './drill-page.ts';
import type { DrillPageRequest } from '../schema/drill-page.ts';
import type { ReportSpec } from '../schema/report-spec.ts';
import type { ConversationTable } from '../table/table.ts';
import { OTHER_KEY, type DrillPage, type DrillPoint, type ReportContext } from '../types.ts';

/**
 * One page of the conversations counted in one row of `computeReport(table, spec, context)`: its
 * key (or every key folded into Other) and, with a breakdown, its series. `page` picks the slice,
 * order and search (default: the first 50, oldest first, ties by id); `total` counts them all.
 */
export function drillDown(table: ConversationTable, spec: ReportSpec, context: ReportContext, point: DrillPoint, page?: DrillPageRequest): DrillPage {
  // Checked first, so that a bad page fails before any work.
  resolveDrillPage(page);
  return pageOfRows(table, drillRows(table, spec, context, point), page);
}

/** The rows (table row numbers, in creation order) that `drillDown` turns into conversations. */
export function drillRows(table: ConversationTable, spec: ReportSpec, context: ReportContext, point: DrillPoint): Uint32Array {
  const plan = planReport(table, resolveSpec(table, spec, derivedContext(context)), context, new PeriodBatch(table, context.timeZone, true));
  const { period } = plan;
  const wanted = new Set<number>();
  if (point.key === OTHER_KEY && plan.folded.length > 0) for (const d of plan.folded) wanted.add(d.id);
  else {
    // Keys that crossed a DOM boundary may come back as text ("1711839600000").
    const target = keyId(point.key);
    const asText = `string:${String(point.key)}`;
    period.dimension.keys.forEach((key, d) => {
      const id = keyId(key);
      if (id === target || (typeof key === 'number' && `string:${key}` === asText)) wanted.add(d);
    });
  }
  let seriesId = -1;
  if (period.series && point.series !== undefined) {
    const target = keyId(point.series);
    seriesId = period.series.keys.findIndex((key) => keyId(key) === target);
    if (seriesId < 0) return new Uint32Array(0);
  }
  const { dimension, series } = period;
  const selected = period.selected!;
  const dimensionIds = groupIdsOf(dimension, selected);
  const seriesIds = seriesId >= 0 ? series!.ids! : null;
  const keep = new Uint8Array(dimension.keys.length);
  for (const d of wanted) keep[d] = 1;
  const rows = new Uint32Array(selected.length);
  const n = seriesIds ? pickCellRows(rows, selected, dimensionIds, keep, seriesIds, seriesId) : pickRows(rows, selected, dimensionIds, keep);
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
