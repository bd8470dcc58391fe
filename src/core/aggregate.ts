import { quantileInPlace } from './quantile.ts';
import type { Measure } from './schema/report-spec.ts';
import type { Aggregate } from './types.ts';

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
}

const quantiles: Partial<Record<Measure['op'], number>> = { median: 0.5, p90: 0.9 };

export function isQuantile(measure: Measure): boolean {
  return quantiles[measure.op] !== undefined;
}

/**
 * Accumulates `values` (NaN = null; omitted for count) into `groups` groups by `ids`.
 */
export function accumulate(ids: Int32Array, groups: number, values: Float64Array | null, keepValues: boolean): GroupStats {
  const count = new Float64Array(groups);
  const n = new Float64Array(groups);
  const sum = new Float64Array(groups);
  const min = new Float64Array(groups).fill(Number.POSITIVE_INFINITY);
  const max = new Float64Array(groups).fill(Number.NEGATIVE_INFINITY);
  const rows = ids.length;
  if (!values) {
    for (let k = 0; k < rows; k++) count[ids[k]!]!++;
    return { groups, count, n, sum, min, max };
  }
  for (let k = 0; k < rows; k++) {
    const g = ids[k]!;
    count[g]!++;
    const value = values[k]!;
    if (value !== value) continue;
    n[g]!++;
    sum[g]! += value;
    if (value < min[g]!) min[g] = value;
    if (value > max[g]!) max[g] = value;
  }
  if (!keepValues) return { groups, count, n, sum, min, max };
  const offsets = new Uint32Array(groups + 1);
  for (let g = 0; g < groups; g++) offsets[g + 1] = offsets[g]! + n[g]!;
  const buffer = new Float64Array(offsets[groups]!);
  const cursor = offsets.slice(0, groups);
  for (let k = 0; k < rows; k++) {
    const value = values[k]!;
    if (value === value) buffer[cursor[ids[k]!]!++] = value;
  }
  return { groups, count, n, sum, min, max, offsets, buffer };
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

function quantileOf(stats: GroupStats, members: number[], q: number, n: number): number | null {
  const { offsets, buffer } = stats;
  if (!offsets || !buffer) throw new Error('Quantile requested without kept values.');
  if (members.length === 1) {
    const g = members[0]!;
    // Selection reorders in place; the segment's multiset, which is all later calls need, stays.
    return quantileInPlace(buffer.subarray(offsets[g]!, offsets[g + 1]!), q);
  }
  const values = new Float64Array(n);
  let at = 0;
  for (const g of members) {
    values.set(buffer.subarray(offsets[g]!, offsets[g + 1]!), at);
    at += offsets[g + 1]! - offsets[g]!;
  }
  return quantileInPlace(values, q);
}
