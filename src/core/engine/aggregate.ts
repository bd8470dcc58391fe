import { quantileImplementation } from './quantile-registry.ts';
import type { HistogramQuantiles } from './quantile-histogram.ts';
import type { Measure } from '../schema/report-spec.ts';
import type { Codes } from '../table/table.ts';
import type { Aggregate } from '../types.ts';

/** Per-group accumulators; quantile values are kept grouped in one buffer (a counting sort). */
export interface GroupStats {
  groups: number;
  /** Conversations per group. */
  count: Float64Array;
  /** Non-null measure values per group. */
  n: Float64Array;
  sum: Float64Array;
  min: Float64Array;
  max: Float64Array;
  /** Quantile measures: values of group g are buffer[offsets[g] .. offsets[g + 1]). */
  offsets?: Uint32Array;
  buffer?: Float64Array;
  /** Quantiles of single groups already selected, per q (NaN: not yet), shared by every report on these values. */
  quantileMemo?: Map<number, Float64Array>;
  /** Quantile measures over few groups: from per-group histograms instead of `offsets`/`buffer` (quantile-histogram.ts). */
  histogram?: HistogramQuantiles;
}

/** Non-null measure values per group, without the row count (shared by every measure of a property). */
export interface MeasureStats {
  n: Float64Array;
  sum: Float64Array;
  min: Float64Array;
  max: Float64Array;
}

/** Where a row's group id comes from: its dictionary code (row-indexed) or an id per selected row. */
export type GroupSource = { codes: Codes } | { ids: Int32Array };

/** A measure's values, row-indexed; a derived duration is `values[i] − minus[i]`. NaN is null. */
export interface MeasureSource {
  values: Float64Array;
  minus: Float64Array | null;
}

const quantiles: Partial<Record<Measure['op'], number>> = { median: 0.5, p90: 0.9 };

export function isQuantile(measure: Measure): boolean {
  return quantiles[measure.op] !== undefined;
}

/** The q of a quantile measure (0.5 for a median), undefined for other measures. */
export function quantileLevel(measure: Measure): number | undefined {
  return quantiles[measure.op];
}

// The kernels below are written out per input shape on purpose: one loop per shape keeps array
// accesses free of per-row calls and branches on loop constants, which is what lets a pass over a
// million rows run in about a millisecond. Each hot loop is alone in a function that does nothing
// after it: V8 compiles a long-running loop on the fly (on-stack replacement), and code after the
// loop that had never run had no type feedback, so the compiled code bailed out there on every call
// and the next call ran its loop in the interpreter again.

function countIdsInto(banks: Uint32Array, ids: Int32Array, total: number, groups: number): void {
  const g1 = groups;
  const g2 = groups * 2;
  const g3 = groups * 3;
  const tail = total - (total % 4);
  for (let k = 0; k < tail; k += 4) {
    banks[ids[k]!]!++;
    banks[g1 + ids[k + 1]!]!++;
    banks[g2 + ids[k + 2]!]!++;
    banks[g3 + ids[k + 3]!]!++;
  }
  for (let k = tail; k < total; k++) banks[ids[k]!]!++;
}

function countCodesInto(banks: Uint32Array, rows: Uint32Array, codes: Codes, total: number, groups: number): void {
  const g1 = groups;
  const g2 = groups * 2;
  const g3 = groups * 3;
  const tail = total - (total % 4);
  for (let k = 0; k < tail; k += 4) {
    banks[codes[rows[k]!]!]!++;
    banks[g1 + codes[rows[k + 1]!]!]!++;
    banks[g2 + codes[rows[k + 2]!]!]!++;
    banks[g3 + codes[rows[k + 3]!]!]!++;
  }
  for (let k = tail; k < total; k++) banks[codes[rows[k]!]!]!++;
}

/**
 * Conversations per group. Four interleaved banks of counters: consecutive rows of the same group
 * would otherwise wait on each other's increment (a store-to-load chain through one counter).
 */
export function countGroups(rows: Uint32Array, source: GroupSource, groups: number): Float64Array {
  const banks = new Uint32Array(groups * 4);
  if ('ids' in source) countIdsInto(banks, source.ids, rows.length, groups);
  else countCodesInto(banks, rows, source.codes, rows.length, groups);
  const count = new Float64Array(groups);
  for (let g = 0; g < groups; g++) count[g] = banks[g]! + banks[groups + g]! + banks[2 * groups + g]! + banks[3 * groups + g]!;
  return count;
}

/** n and sum per group side by side (acc[2g], acc[2g + 1]), nulls (NaN) skipped. */
function sumIdsInto(acc: Float64Array, rows: Uint32Array, ids: Int32Array, values: Float64Array, minus: Float64Array | null): void {
  const total = rows.length;
  for (let k = 0; k < total; k++) {
    const i = rows[k]!;
    const v = minus ? values[i]! - minus[i]! : values[i]!;
    if (v === v) {
      const at = ids[k]! * 2;
      acc[at]!++;
      acc[at + 1]! += v;
    }
  }
}

function sumDifferenceByCodeInto(acc: Float64Array, rows: Uint32Array, codes: Codes, values: Float64Array, minus: Float64Array): void {
  const total = rows.length;
  for (let k = 0; k < total; k++) {
    const i = rows[k]!;
    const v = values[i]! - minus[i]!;
    if (v === v) {
      const at = codes[i]! * 2;
      acc[at]!++;
      acc[at + 1]! += v;
    }
  }
}

function sumValuesByCodeInto(acc: Float64Array, rows: Uint32Array, codes: Codes, values: Float64Array): void {
  const total = rows.length;
  for (let k = 0; k < total; k++) {
    const i = rows[k]!;
    const v = values[i]!;
    if (v === v) {
      const at = codes[i]! * 2;
      acc[at]!++;
      acc[at + 1]! += v;
    }
  }
}

function extentInto(min: Float64Array, max: Float64Array, rows: Uint32Array, ids: Int32Array | null, codes: Codes | null, values: Float64Array, minus: Float64Array | null): void {
  const total = rows.length;
  for (let k = 0; k < total; k++) {
    const i = rows[k]!;
    const v = minus ? values[i]! - minus[i]! : values[i]!;
    if (v !== v) continue;
    const g = ids ? ids[k]! : codes![i]!;
    if (v < min[g]!) min[g] = v;
    if (v > max[g]!) max[g] = v;
  }
}

/**
 * Sums of non-null values per group (with their number); min and max only when asked. Each
 * group's values are added in row order, as every other path here adds them, so a report's
 * average is the same to the last bit whichever other reports shared its batch.
 */
export function measureGroups(rows: Uint32Array, source: GroupSource, groups: number, measure: MeasureSource, extent = false): MeasureStats {
  const n = new Float64Array(groups);
  const sum = new Float64Array(groups);
  const min = new Float64Array(groups).fill(Number.POSITIVE_INFINITY);
  const max = new Float64Array(groups).fill(Number.NEGATIVE_INFINITY);
  const { values, minus } = measure;
  const ids = 'ids' in source ? source.ids : null;
  const codes = 'codes' in source ? source.codes : null;
  const acc = new Float64Array(groups * 2);
  if (ids) sumIdsInto(acc, rows, ids, values, minus);
  else if (minus) sumDifferenceByCodeInto(acc, rows, codes!, values, minus);
  else sumValuesByCodeInto(acc, rows, codes!, values);
  for (let g = 0; g < groups; g++) {
    n[g] = acc[2 * g]!;
    sum[g] = acc[2 * g + 1]!;
  }
  if (extent) extentInto(min, max, rows, ids, codes, values, minus);
  return { n, sum, min, max };
}

function pairInto(acc: Float64Array, rows: Uint32Array, codes: Codes, first: Float64Array, second: Float64Array, minus: Float64Array): void {
  const total = rows.length;
  for (let k = 0; k < total; k++) {
    const i = rows[k]!;
    const base = codes[i]! * 5;
    const c = minus[i]!;
    const v = first[i]! - c;
    const w = second[i]! - c;
    acc[base]!++;
    if (v === v) acc[base + 2]! += v;
    else acc[base + 1]!++;
    if (w === w) acc[base + 4]! += w;
    else acc[base + 3]!++;
  }
}

/**
 * Conversations per group and sums of two measures that share their `minus` (response time and
 * time to close, both minus createdAt) in one pass: the row list, the group codes and createdAt
 * are read once for the three instead of three times.
 */
export function countAndMeasurePair(
  rows: Uint32Array,
  codes: Codes,
  groups: number,
  first: Float64Array,
  second: Float64Array,
  minus: Float64Array,
): { count: Float64Array; stats: [MeasureStats, MeasureStats] } {
  // Per group: count, nulls1, sum1, nulls2, sum2 side by side, so one row touches one cache line.
  const acc = new Float64Array(groups * 5);
  pairInto(acc, rows, codes, first, second, minus);
  const { count, first: a, second: b } = unpackPairs(acc, groups);
  return { count, stats: [a, b] };
}

/** The stats of `groups` groups before any value is counted. */
export function emptyStats(groups: number): MeasureStats {
  return {
    n: new Float64Array(groups),
    sum: new Float64Array(groups),
    min: new Float64Array(groups).fill(Number.POSITIVE_INFINITY),
    max: new Float64Array(groups).fill(Number.NEGATIVE_INFINITY),
  };
}

/**
 * Splits what a pass over two measures writes side by side per group (count, nulls1, sum1, nulls2,
 * sum2 at acc[5g…5g + 4]) into the count and the stats of each measure. The passes count the nulls,
 * not the values: a null is the rarer case, so most rows write three slots instead of five (about a
 * tenth off the pass), and n = count − nulls is exact (whole numbers far below 2^53).
 */
export function unpackPairs(acc: Float64Array, groups: number): { count: Float64Array; first: MeasureStats; second: MeasureStats } {
  const count = new Float64Array(groups);
  const first = emptyStats(groups);
  const second = emptyStats(groups);
  for (let g = 0; g < groups; g++) {
    count[g] = acc[g * 5]!;
    first.n[g] = acc[g * 5]! - acc[g * 5 + 1]!;
    first.sum[g] = acc[g * 5 + 2]!;
    second.n[g] = acc[g * 5]! - acc[g * 5 + 3]!;
    second.sum[g] = acc[g * 5 + 4]!;
  }
  return { count, first, second };
}

function collectByCodeInto(buffer: Float64Array, cursor: Uint32Array, rows: Uint32Array, codes: Codes, values: Float64Array, minus: Float64Array | null): void {
  const total = rows.length;
  for (let k = 0; k < total; k++) {
    const i = rows[k]!;
    const v = minus ? values[i]! - minus[i]! : values[i]!;
    if (v !== v) continue;
    buffer[cursor[codes[i]!]!++] = v;
  }
}

function collectByIdInto(buffer: Float64Array, cursor: Uint32Array, rows: Uint32Array, ids: Int32Array, values: Float64Array, minus: Float64Array | null): void {
  const total = rows.length;
  for (let k = 0; k < total; k++) {
    const i = rows[k]!;
    const v = minus ? values[i]! - minus[i]! : values[i]!;
    if (v !== v) continue;
    buffer[cursor[ids[k]!]!++] = v;
  }
}

/**
 * The non-null values grouped in one buffer (group g at offsets[g] … offsets[g + 1]), for
 * quantiles by selection: a counting sort by group in one gathering pass, no sorting of values.
 * `capacity` bounds each group's values: their exact number, or the group's row count (then the
 * segments are closed up afterwards, which spares a pass that counts the non-null values first).
 */
export function collectGroups(
  rows: Uint32Array,
  source: GroupSource,
  groups: number,
  measure: MeasureSource,
  capacity: Float64Array,
): { offsets: Uint32Array; buffer: Float64Array; quantileMemo: Map<number, Float64Array> } {
  const starts = new Uint32Array(groups + 1);
  for (let g = 0; g < groups; g++) starts[g + 1] = starts[g]! + capacity[g]!;
  const buffer = new Float64Array(starts[groups]!);
  const cursor = starts.slice(0, groups);
  const { values, minus } = measure;
  if ('ids' in source) collectByIdInto(buffer, cursor, rows, source.ids, values, minus);
  else collectByCodeInto(buffer, cursor, rows, source.codes, values, minus);
  const offsets = new Uint32Array(groups + 1);
  for (let g = 0; g < groups; g++) {
    offsets[g + 1] = offsets[g]! + (cursor[g]! - starts[g]!);
    if (offsets[g] !== starts[g]) buffer.copyWithin(offsets[g]!, starts[g]!, cursor[g]!);
  }
  return { offsets, buffer: buffer.subarray(0, offsets[groups]!), quantileMemo: new Map() };
}

/** Per group: n, sum, min and max side by side in `out` (4 per group), from its segment of `buffer`. */
function statsOfSegmentsInto(out: Float64Array, offsets: Uint32Array, buffer: Float64Array, groups: number): void {
  for (let g = 0; g < groups; g++) {
    let s = 0;
    let lo = Number.POSITIVE_INFINITY;
    let hi = Number.NEGATIVE_INFINITY;
    const end = offsets[g + 1]!;
    for (let k = offsets[g]!; k < end; k++) {
      const v = buffer[k]!;
      s += v;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    out[4 * g] = end - offsets[g]!;
    out[4 * g + 1] = s;
    out[4 * g + 2] = lo;
    out[4 * g + 3] = hi;
  }
}

/** n, sum, min and max per group from the values `collectGroups` kept: a sequential pass, no gathering. */
export function statsOfKept(kept: { offsets: Uint32Array; buffer: Float64Array }, groups: number): MeasureStats {
  const n = new Float64Array(groups);
  const sum = new Float64Array(groups);
  const min = new Float64Array(groups);
  const max = new Float64Array(groups);
  const out = new Float64Array(groups * 4);
  statsOfSegmentsInto(out, kept.offsets, kept.buffer, groups);
  for (let g = 0; g < groups; g++) {
    n[g] = out[4 * g]!;
    sum[g] = out[4 * g + 1]!;
    min[g] = out[4 * g + 2]!;
    max[g] = out[4 * g + 3]!;
  }
  return { n, sum, min, max };
}

/** The measure over the union of `members` (group ids). */
export function combine(stats: GroupStats, members: Iterable<number>, measure: Measure): Aggregate {
  let count = 0;
  let n = 0;
  let sum = 0;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  const list: number[] = [];
  for (const g of members) {
    count += stats.count[g]!;
    n += stats.n[g]!;
    sum += stats.sum[g]!;
    if (stats.min[g]! < min) min = stats.min[g]!;
    if (stats.max[g]! > max) max = stats.max[g]!;
    list.push(g);
  }
  return { count, value: valueOf(stats, list, measure, { count, n, sum, min, max }) };
}

function valueOf(
  stats: GroupStats,
  members: number[],
  measure: Measure,
  totals: { count: number; n: number; sum: number; min: number; max: number },
): number | null {
  if (measure.op === 'count') return totals.count;
  if (totals.n === 0) return null;
  switch (measure.op) {
    case 'sum':
      return totals.sum;
    case 'avg':
      return totals.sum / totals.n;
    case 'min':
      return totals.min;
    case 'max':
      return totals.max;
    default:
      return quantileOf(stats, members, quantiles[measure.op]!, totals.n);
  }
}

/** Where the values of several groups are copied for one selection (reused: a million values are 8 MB). */
let quantileScratch = new Float64Array(0);

function quantileOf(stats: GroupStats, members: number[], q: number, n: number): number | null {
  if (stats.histogram) return stats.histogram.quantile(members, q);
  const { offsets, buffer } = stats;
  if (!offsets || !buffer) throw new Error('Quantile requested without kept values.');
  const { quantileInPlace, quantileKeepsOrder } = quantileImplementation();
  if (members.length === 1) {
    const g = members[0]!;
    let memo = stats.quantileMemo?.get(q);
    if (stats.quantileMemo && !memo) stats.quantileMemo.set(q, (memo = new Float64Array(offsets.length - 1).fill(Number.NaN)));
    if (memo && memo[g] === memo[g]) return memo[g]!;
    // Selection reorders in place; the segment's multiset, which is all later calls need, stays.
    const value = quantileInPlace(buffer.subarray(offsets[g]!, offsets[g + 1]!), q);
    if (memo && value !== null) memo[g] = value;
    return value;
  }
  // Several consecutive groups (the total) whose values are only read, not reordered: in place.
  let consecutive = true;
  for (let k = 1; k < members.length; k++) if (members[k] !== members[k - 1]! + 1) consecutive = false;
  if (consecutive && quantileKeepsOrder(n)) return quantileInPlace(buffer.subarray(offsets[members[0]!]!, offsets[members[members.length - 1]! + 1]!), q);
  // Otherwise (Other, short inputs) copied together, since selection reorders what it works on and
  // each group's segment must stay its own for its row.
  if (quantileScratch.length < n) quantileScratch = new Float64Array(n);
  const values = quantileScratch.subarray(0, n);
  let at = 0;
  for (const g of members) {
    values.set(buffer.subarray(offsets[g]!, offsets[g + 1]!), at);
    at += offsets[g + 1]! - offsets[g]!;
  }
  return quantileInPlace(values, q);
}
