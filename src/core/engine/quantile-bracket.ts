import { minimumOf, quantileInPlace, selectInPlace } from './quantile.ts';
import type { Codes } from '../table/table.ts';

/**
 * Quantiles of few groups in one pass over the selected rows, without gathering every value.
 *
 * The cost of a quantile over a million rows is memory traffic: reading the rows, the measure
 * columns and the group codes once is the floor, and every array of a million values written and
 * read again (values gathered by group, then bucketed) costs about as much again. So:
 *
 * 1. a sample (every S-th selected row, ~64k values) gives each group a bracket [lo, hi] that holds
 *    its quantile's rank with a wide margin (Floyd–Rivest's idea, per group);
 * 2. one pass over the rows takes n, sum, min and max per group, counts the values below each
 *    group's bracket, and copies only the values inside it (a few per cent) — for every group and
 *    for the total (all groups together) at once;
 * 3. selection inside each bracket finishes. Exact: when a bracket missed (the sample misled, or
 *    the next value for interpolation lies above it), that group is computed exactly by gathering
 *    its values, as before.
 *
 * Used for few groups (a dimension's codes or ids, no folding), where the per-group brackets and
 * counters stay in the L1 cache.
 */
export const BRACKET_MAX_GROUPS = 64;
/**
 * From this many selected rows on. Below it the sample would be most of the rows and the fixed
 * costs (sample, brackets, room for every row) outweigh gathering the values, which then fit in
 * the cache anyway.
 */
export const BRACKET_MIN_ROWS = 131_072;
/** About this many sampled values in all, in blocks of consecutive rows (prefetched, unlike a stride). */
const SAMPLE_TARGET = 65_536;
const SAMPLE_BLOCK = 1024;
/** Half-width of a bracket in standard deviations of the sample rank. */
const MARGIN_SD = 5;
/** Groups with fewer sampled values than this get no bracket: all their values are copied. */
const MIN_SAMPLE = 64;

/** What a pass reads: the selected rows, a group per row (dictionary code, or an id per selected row), and the measure (values − minus; NaN is null). */
export interface BracketInput {
  rows: Uint32Array;
  codes: Codes | null;
  ids: Int32Array | null;
  values: Float64Array;
  minus: Float64Array | null;
}

/** Per group, side by side: n, sum, min, max, values below the bracket. */
const SLOTS = 5;

// Each hot loop is alone in its function, with nothing after it (see aggregate.ts for why), and
// written per input shape.

function sampleByCodeInto(sampleValues: Float64Array, sampleGroups: Int32Array, blocks: number, block: number, rows: Uint32Array, codes: Codes, values: Float64Array, minus: Float64Array | null): number {
  const total = rows.length;
  let m = 0;
  for (let b = 0; b < blocks; b++) {
    const from = Math.floor((b * (total - block)) / Math.max(1, blocks - 1));
    for (let k = from; k < from + block; k++) {
      const i = rows[k]!;
      const v = minus ? values[i]! - minus[i]! : values[i]!;
      if (v !== v) continue;
      sampleValues[m] = v;
      sampleGroups[m] = codes[i]!;
      m++;
    }
  }
  return m;
}

function sampleByIdInto(sampleValues: Float64Array, sampleGroups: Int32Array, blocks: number, block: number, rows: Uint32Array, ids: Int32Array, values: Float64Array, minus: Float64Array | null): number {
  const total = rows.length;
  let m = 0;
  for (let b = 0; b < blocks; b++) {
    const from = Math.floor((b * (total - block)) / Math.max(1, blocks - 1));
    for (let k = from; k < from + block; k++) {
      const i = rows[k]!;
      const v = minus ? values[i]! - minus[i]! : values[i]!;
      if (v !== v) continue;
      sampleValues[m] = v;
      sampleGroups[m] = ids[k]!;
      m++;
    }
  }
  return m;
}

/**
 * The pass: per group n, sum, min, max and the count below its bracket into `acc`; the values
 * inside a group's bracket appended to `out` with their group in `outGroups`; those inside the
 * total's bracket (union[0..1]) appended to `unionOut`. Branch-free where the data decides (a
 * value is below its bracket about half the time): every value is written, the cursor advances
 * only for those inside, so `out` has room for every row. counts: out's length, unionOut's, the
 * values below the total's bracket.
 */
function bracketByCodeInto(
  acc: Float64Array,
  lo: Float64Array,
  hi: Float64Array,
  out: Float64Array,
  outGroups: Uint8Array,
  union: Float64Array,
  unionOut: Float64Array,
  counts: Int32Array,
  rows: Uint32Array,
  codes: Codes,
  values: Float64Array,
  minus: Float64Array | null,
): void {
  const total = rows.length;
  const unionLo = union[0]!;
  const unionHi = union[1]!;
  let m = 0;
  let mu = 0;
  let unionBelow = 0;
  for (let k = 0; k < total; k++) {
    const i = rows[k]!;
    const v = minus ? values[i]! - minus[i]! : values[i]!;
    if (v !== v) continue;
    const g = codes[i]!;
    const a = g * SLOTS;
    acc[a]!++;
    acc[a + 1]! += v;
    if (v < acc[a + 2]!) acc[a + 2] = v;
    if (v > acc[a + 3]!) acc[a + 3] = v;
    const l = lo[g]!;
    acc[a + 4]! += +(v < l);
    out[m] = v;
    outGroups[m] = g;
    m += +(v >= l) & +(v <= hi[g]!);
    unionOut[mu] = v;
    mu += +(v >= unionLo) & +(v <= unionHi);
    unionBelow += +(v < unionLo);
  }
  counts[0] = m;
  counts[1] = mu;
  counts[2] = unionBelow;
}

function bracketByIdInto(
  acc: Float64Array,
  lo: Float64Array,
  hi: Float64Array,
  out: Float64Array,
  outGroups: Uint8Array,
  union: Float64Array,
  unionOut: Float64Array,
  counts: Int32Array,
  rows: Uint32Array,
  ids: Int32Array,
  values: Float64Array,
  minus: Float64Array | null,
): void {
  const total = rows.length;
  const unionLo = union[0]!;
  const unionHi = union[1]!;
  let m = 0;
  let mu = 0;
  let unionBelow = 0;
  for (let k = 0; k < total; k++) {
    const i = rows[k]!;
    const v = minus ? values[i]! - minus[i]! : values[i]!;
    if (v !== v) continue;
    const g = ids[k]!;
    const a = g * SLOTS;
    acc[a]!++;
    acc[a + 1]! += v;
    if (v < acc[a + 2]!) acc[a + 2] = v;
    if (v > acc[a + 3]!) acc[a + 3] = v;
    const l = lo[g]!;
    acc[a + 4]! += +(v < l);
    out[m] = v;
    outGroups[m] = g;
    m += +(v >= l) & +(v <= hi[g]!);
    unionOut[mu] = v;
    mu += +(v >= unionLo) & +(v <= unionHi);
    unionBelow += +(v < unionLo);
  }
  counts[0] = m;
  counts[1] = mu;
  counts[2] = unionBelow;
}

/** Groups the values of `out` (group per value in `outGroups`) into per-group segments of `into` from starts[g]. */
function segmentInto(into: Float64Array, cursor: Int32Array, out: Float64Array, outGroups: Uint8Array, m: number): void {
  for (let k = 0; k < m; k++) into[cursor[outGroups[k]!]!++] = out[k]!;
}

/** Every non-null value of the groups in `member`, copied to `out`; returns how many. */
function gatherByCodeInto(out: Float64Array, member: Uint8Array, rows: Uint32Array, codes: Codes, values: Float64Array, minus: Float64Array | null): number {
  const total = rows.length;
  let m = 0;
  for (let k = 0; k < total; k++) {
    const i = rows[k]!;
    const v = minus ? values[i]! - minus[i]! : values[i]!;
    if (v === v && member[codes[i]!] === 1) out[m++] = v;
  }
  return m;
}

function gatherByIdInto(out: Float64Array, member: Uint8Array, rows: Uint32Array, ids: Int32Array, values: Float64Array, minus: Float64Array | null): number {
  const total = rows.length;
  let m = 0;
  for (let k = 0; k < total; k++) {
    const i = rows[k]!;
    const v = minus ? values[i]! - minus[i]! : values[i]!;
    if (v === v && member[ids[k]!] === 1) out[m++] = v;
  }
  return m;
}

/** A bracket around sorted position q·(s − 1) of a sample of s values (which it reorders). */
function bracketOf(sample: Float64Array, q: number): { lo: number; hi: number } {
  const s = sample.length;
  if (s < MIN_SAMPLE) return { lo: Number.NEGATIVE_INFINITY, hi: Number.POSITIVE_INFINITY };
  const center = q * (s - 1);
  const spread = MARGIN_SD * Math.sqrt(s * Math.max(q * (1 - q), 0.01)) + 2;
  const from = Math.floor(center - spread);
  const to = Math.ceil(center + spread);
  let lo = Number.NEGATIVE_INFINITY;
  let hi = Number.POSITIVE_INFINITY;
  if (from > 0) {
    selectInPlace(sample, from);
    lo = sample[from]!;
  }
  if (to < s - 1) {
    // Selection left everything from `from` on at or above it: select `to` within that part.
    const upper = from > 0 ? sample.subarray(from) : sample;
    const at = from > 0 ? to - from : to;
    selectInPlace(upper, at);
    hi = upper[at]!;
  }
  return { lo, hi };
}

/**
 * quantile_cont at q from a bracket's values (`inside` of them, `below` values under the bracket,
 * n in all), or undefined when the bracket does not hold the positions needed.
 */
function fromBracket(bracket: Float64Array, below: number, n: number, q: number): number | undefined {
  const position = q * (n - 1);
  const rank = Math.floor(position);
  const fraction = position - rank;
  const at = rank - below;
  if (at < 0 || at >= bracket.length || (fraction > 0 && at + 1 >= bracket.length)) return undefined;
  selectInPlace(bracket, at);
  const low = bracket[at]!;
  if (fraction === 0) return low;
  return low + (minimumOf(bracket, at + 1, bracket.length) - low) * fraction;
}

export interface BracketStats {
  n: Float64Array;
  sum: Float64Array;
  min: Float64Array;
  max: Float64Array;
}

/**
 * Quantiles of the groups of one selection and of their total, by brackets (above). One pass per
 * q gives every group's quantile and the total's; other unions of groups gather their values.
 */
export class BracketQuantiles {
  readonly #input: BracketInput;
  readonly #groups: number;
  #n: Float64Array | null = null;
  readonly #singles = new Map<number, Float64Array>();
  readonly #totals = new Map<number, number | null>();

  private constructor(input: BracketInput, groups: number) {
    this.#input = input;
    this.#groups = groups;
  }

  /** n, sum, min and max per group, from the pass that also computes every group's quantile at q (and the total's). */
  static build(input: BracketInput, groups: number, q: number): { quantiles: BracketQuantiles; stats: BracketStats } {
    const quantiles = new BracketQuantiles(input, groups);
    const stats = quantiles.#pass(q);
    quantiles.#n = stats.n;
    return { quantiles, stats };
  }

  /** quantile_cont at q of the values of `members` (group ids); null when they hold none. */
  quantile(members: readonly number[], q: number): number | null {
    const n = this.#n!;
    if (members.length === 1) {
      const g = members[0]!;
      if (!(n[g]! > 0)) return null;
      if (!this.#singles.has(q)) this.#pass(q);
      return this.#singles.get(q)![g]!;
    }
    const member = new Uint8Array(this.#groups);
    let count = 0;
    for (const g of members) {
      if (member[g] === 1) continue;
      member[g] = 1;
      count += n[g]!;
    }
    if (count === 0) return null;
    // Every group with values is a member: the total, computed with the single groups.
    let all = true;
    for (let g = 0; g < this.#groups; g++) if (n[g]! > 0 && member[g] === 0) all = false;
    if (!all) return this.#exact(member, count, q);
    if (!this.#totals.has(q)) this.#pass(q);
    return this.#totals.get(q)!;
  }

  /** Sample, brackets, the pass, selection: every group's quantile at q and the total's. */
  #pass(q: number): BracketStats {
    const groups = this.#groups;
    const { rows, codes, ids, values, minus } = this.#input;
    // 1. The sample, split by group: blocks of consecutive rows spread over the selection.
    const block = Math.min(rows.length, SAMPLE_BLOCK);
    // About a sixteenth of the rows, at most SAMPLE_TARGET values.
    const blocks = block === 0 ? 0 : Math.max(1, Math.min(Math.floor(rows.length / block / 16), Math.ceil(SAMPLE_TARGET / block)));
    const sampleValues = new Float64Array(blocks * block);
    const sampleGroups = new Int32Array(blocks * block);
    const m = ids
      ? sampleByIdInto(sampleValues, sampleGroups, blocks, block, rows, ids, values, minus)
      : sampleByCodeInto(sampleValues, sampleGroups, blocks, block, rows, codes!, values, minus);
    const perGroup = new Uint32Array(groups + 1);
    for (let k = 0; k < m; k++) perGroup[sampleGroups[k]! + 1]!++;
    for (let g = 0; g < groups; g++) perGroup[g + 1]! += perGroup[g]!;
    const byGroup = new Float64Array(m);
    const fill = perGroup.slice(0, groups);
    for (let k = 0; k < m; k++) byGroup[fill[sampleGroups[k]!]!++] = sampleValues[k]!;
    // 2. Brackets.
    const lo = new Float64Array(groups);
    const hi = new Float64Array(groups);
    for (let g = 0; g < groups; g++) {
      const bracket = bracketOf(byGroup.subarray(perGroup[g]!, perGroup[g + 1]!), q);
      lo[g] = bracket.lo;
      hi[g] = bracket.hi;
    }
    const totalBracket = bracketOf(sampleValues.subarray(0, m), q);
    const union = Float64Array.of(totalBracket.lo, totalBracket.hi);
    // Room for every row: only the pages written to (a few per cent) are ever touched.
    const out = new Float64Array(rows.length);
    const outGroups = new Uint8Array(rows.length);
    const unionOut = new Float64Array(rows.length);
    const counts = new Int32Array(3);
    const acc = new Float64Array(groups * SLOTS);
    for (let g = 0; g < groups; g++) {
      acc[g * SLOTS + 2] = Number.POSITIVE_INFINITY;
      acc[g * SLOTS + 3] = Number.NEGATIVE_INFINITY;
    }
    // 3. The pass, then the values inside the brackets grouped.
    if (ids) bracketByIdInto(acc, lo, hi, out, outGroups, union, unionOut, counts, rows, ids, values, minus);
    else bracketByCodeInto(acc, lo, hi, out, outGroups, union, unionOut, counts, rows, codes!, values, minus);
    const inside = new Int32Array(groups + 1);
    for (let k = 0; k < counts[0]!; k++) inside[outGroups[k]! + 1]!++;
    for (let g = 0; g < groups; g++) inside[g + 1]! += inside[g]!;
    const grouped = new Float64Array(counts[0]!);
    segmentInto(grouped, inside.slice(0, groups), out, outGroups, counts[0]!);
    // 4. Selection inside the brackets; a missed bracket is computed exactly.
    const stats: BracketStats = { n: new Float64Array(groups), sum: new Float64Array(groups), min: new Float64Array(groups), max: new Float64Array(groups) };
    const singles = new Float64Array(groups).fill(Number.NaN);
    let total = 0;
    for (let g = 0; g < groups; g++) {
      const a = g * SLOTS;
      const n = acc[a]!;
      stats.n[g] = n;
      stats.sum[g] = acc[a + 1]!;
      stats.min[g] = acc[a + 2]!;
      stats.max[g] = acc[a + 3]!;
      total += n;
      if (n === 0) continue;
      const value = fromBracket(grouped.subarray(inside[g]!, inside[g + 1]!), acc[a + 4]!, n, q);
      singles[g] = value ?? this.#exact(Uint8Array.from({ length: groups }, (_, h) => (h === g ? 1 : 0)), n, q)!;
    }
    this.#singles.set(q, singles);
    let totalValue: number | null = null;
    if (total > 0) {
      const value = fromBracket(unionOut.subarray(0, counts[1]!), counts[2]!, total, q);
      totalValue = value ?? this.#exact(new Uint8Array(groups).fill(1), total, q);
    }
    this.#totals.set(q, totalValue);
    return stats;
  }

  /** The quantile of the `member` groups (n values) by gathering their values: for unions other than the total, and missed brackets. */
  #exact(member: Uint8Array, n: number, q: number): number | null {
    const { rows, codes, ids, values, minus } = this.#input;
    const out = new Float64Array(n);
    const m = ids ? gatherByIdInto(out, member, rows, ids, values, minus) : gatherByCodeInto(out, member, rows, codes!, values, minus);
    return quantileInPlace(out.subarray(0, m), q);
  }
}
