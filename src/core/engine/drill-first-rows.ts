import { cubeRead, tableCubes } from './cube.ts';
import type { ReportPlan } from './report-plan.ts';
import type { Codes, ConversationTable } from '../table/table.ts';
import { textReader } from '../table/table.ts';
import type { ReportSpec } from '../schema/report-spec.ts';
import type { DateRange } from '../types.ts';

/**
 * The first rows of a drill in creation order (or its reverse), found by walking the rows from one
 * end and stopping once the page is full: the group is never listed whole. Rows are in creation
 * order (the caller checks), so the walk meets the conversations already sorted by createdAt;
 * only runs of equal times are put in id order.
 */

/** Whether row `i` (or the `k`-th selected row) is behind the drilled point. */
interface RowTests {
  /** Row numbers walked, in creation order: a run of rows, or a selection. */
  rows: { lo: number; hi: number } | Uint32Array;
  /** A date test on every row (a cube over closedAt…), or null. */
  dates: { values: Float64Array; from: number; to: number } | null;
  /** Categorical filters: row-indexed codes and the codes they let through. */
  masks: { codes: Codes; mask: Uint8Array }[];
  /** The row's dimension group: from row-indexed codes (folded or not), per selected position, or null for one group (0). */
  group: { codes: Codes; fold: Uint32Array | null } | { ids: Int32Array } | null;
  keep: Uint8Array;
  /** The breakdown's id per selected position and the one wanted, or null. */
  series: { ids: Int32Array; id: number } | null;
}

/** How to test rows for a plan: its selection when it listed one, else the cube read's masks. */
export function rowTests(table: ConversationTable, spec: ReportSpec, range: DateRange, timeZone: string, plan: ReportPlan, keep: Uint8Array, seriesId: number): RowTests | null {
  const { period } = plan;
  if (period.selected) {
    const { dimension, series } = period;
    const group = dimension.ids ? { ids: dimension.ids } : { codes: dimension.codes!, fold: dimension.fold ?? null };
    return { rows: period.selected, dates: null, masks: [], group, keep, series: seriesId >= 0 ? { ids: series!.ids!, id: seriesId } : null };
  }
  const read = cubeRead(table, spec, range, timeZone, (key) => tableCubes(table).has(key));
  if (!read) return null;
  const masks: RowTests['masks'] = [];
  read.keys.forEach((key, j) => {
    const mask = read.masks[j];
    if (mask) masks.push({ codes: key.codes, mask });
  });
  const { base } = read;
  const rows = base.kind === 'run' ? { lo: base.lo, hi: base.hi } : { lo: 0, hi: table.size };
  const dates = base.kind === 'dates' ? { values: base.values, from: base.from, to: base.to } : null;
  const group = read.dimension < 0 ? null : { codes: read.keys[read.dimension]!.codes, fold: read.fold };
  return { rows, dates, masks, group, keep, series: null };
}

/** Whether the `k`-th walked row, row number `i`, is behind the point. */
function passes(tests: RowTests, k: number, i: number): boolean {
  const { dates, masks, group, keep, series } = tests;
  if (dates) {
    const t = dates.values[i]!;
    if (!(t >= dates.from && t < dates.to)) return false;
  }
  for (let m = 0; m < masks.length; m++) if (!masks[m]!.mask[masks[m]!.codes[i]!]) return false;
  let g = 0;
  if (group && 'ids' in group) g = group.ids[k]!;
  else if (group) {
    const code = group.codes[i]!;
    g = group.fold ? group.fold[code]! : code;
  }
  if (!keep[g]) return false;
  return !series || series.ids[k] === series.id;
}

/**
 * Rows `offset … offset + limit` of the point in createdAt order (`desc`: newest first), ties by id:
 * walks from the oldest (or newest) row and stops at the end of the run of equal times that fills
 * the page.
 */
export function firstRows(table: ConversationTable, tests: RowTests, offset: number, limit: number, descending: boolean): Uint32Array {
  const need = offset + limit;
  const { rows } = tests;
  const listed = rows instanceof Uint32Array;
  const lo = listed ? 0 : rows.lo;
  const hi = listed ? rows.length : rows.hi;
  const rowAt = (k: number) => (listed ? rows[k]! : k);
  const created = table.createdAt.values;
  const found: number[] = [];
  let lastTime = Number.NaN;
  const step = descending ? -1 : 1;
  for (let k = descending ? hi - 1 : lo; k >= lo && k < hi; k += step) {
    const i = rowAt(k);
    // Past the page and past the run of equal times that ends it: nothing further can enter it.
    if (found.length >= need && created[i] !== lastTime) break;
    if (!passes(tests, k, i)) continue;
    found.push(i);
    lastTime = created[i]!;
  }
  const ordered = Uint32Array.from(found);
  const ids = textReader(table.id);
  for (let start = 0; start < ordered.length; ) {
    let stop = start + 1;
    while (stop < ordered.length && created[ordered[stop]!] === created[ordered[start]!]) stop++;
    if (stop - start > 1) {
      const run = Array.from(ordered.subarray(start, stop), (row) => ({ row, id: ids(row) ?? '' }));
      run.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      run.forEach((entry, r) => (ordered[start + r] = entry.row));
    }
    start = stop;
  }
  return ordered.subarray(Math.min(offset, ordered.length), Math.min(ordered.length, need));
}
