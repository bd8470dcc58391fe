import { minimumOf, selectInPlace } from './quantile.ts';
import type { Codes } from '../table/table.ts';

/**
 * Quantiles of few groups from per-group radix histograms, without gathering every value.
 *
 * The cost of a quantile over a million rows is the passes over them: reading the rows, the
 * measure columns and the group codes once is the floor, and every array of a million values
 * written and read again costs about as much again. So:
 *
 * 1. one pass (`build`) computes, per value, an order-preserving key from the leading bits of the
 *    double and counts it in a histogram of 1023 buckets per group, plus one for the rows without
 *    a value (cell = group · 1024 + bucket, 4 KiB per group); it keeps each row's cell (2 bytes)
 *    and the sum per group, and gives the rows per group, so no other pass counts them. Which bits make the bucket (a window of the key) comes from a small
 *    sample, so that the buckets are narrow where the values are; values outside the window go
 *    to the first or last bucket. No q is needed yet: the median and p90 share this pass;
 * 2. per asked q, the histograms tell in which bucket each group's rank falls (and the total's,
 *    from the histograms summed: every group uses the same buckets), and a scan of the 2-byte
 *    cells copies the values of those buckets only (a few in a thousand rows);
 * 3. selection within them finishes.
 *
 * Exact whatever the data or the sample: a bucket holds every value with its key, and buckets are
 * in value order, so a misleading sample only makes the chosen bucket larger.
 *
 * Used for few groups (a dimension's codes or ids, no folding), so that the histograms stay small.
 */
export const HISTOGRAM_MAX_GROUPS = 64;
/**
 * From this many selected rows on. Below it, gathering the values by group costs no more and they
 * fit in the cache anyway.
 */
export const HISTOGRAM_MIN_ROWS = 131_072;

/** Buckets per group (a row's cell is group · 1024 + bucket, in a Uint16): 1023 for values, the last for rows without one (NaN is null). */
const BUCKET_BITS = 10;
const BUCKETS = 1 << BUCKET_BITS;
const NULL_BUCKET = BUCKETS - 1;
/** The highest bucket of a value. */
const TOP = BUCKETS - 2;
/** The sample that places the window: blocks of consecutive selected rows spread over the selection. */
const SAMPLE_BLOCKS = 64;
const SAMPLE_BLOCK = 64;

/** What a pass reads: the selected rows, a group per row (dictionary code, or an id per selected row), and the measure (values − minus; NaN is null). */
export interface HistogramInput {
  rows: Uint32Array;
  codes: Codes | null;
  ids: Int32Array | null;
  values: Float64Array;
  minus: Float64Array | null;
}

/** n and sum per group; min and max are not computed (NaN): the caller must not take them as known. */
export interface HistogramStats {
  n: Float64Array;
  sum: Float64Array;
  min: Float64Array;
  max: Float64Array;
}

// A double's high 32 bits through a shared buffer (little-endian: word 1 is the high word).
const bits = new Float64Array(1);
const words = new Int32Array(bits.buffer);

/** The high 32 bits of a double as an unsigned key in value order: negatives flipped, positives with the sign bit set. */
function keyOf(value: number): number {
  bits[0] = value;
  const h = words[1]!;
  return (h ^ ((h >> 31) | 0x80000000)) >>> 0;
}

// Each hot loop is alone in its function (see aggregate.ts for why), and written per input shape:
// rows listed, or one run of consecutive rows (a date range over rows kept in creation order), which
// spares reading a row index per row; durations (values − minus) apart from plain values.

/** A row's bucket: (key >>> shift) − base, clamped to 0..TOP; window = [shift, base]. A row without a value counts in its group's NULL_BUCKET. */
function histogramByCodeInto(
  counts: Int32Array,
  sum: Float64Array,
  cells: Uint16Array,
  window: Int32Array,
  rows: Uint32Array,
  codes: Codes,
  values: Float64Array,
  minus: Float64Array | null,
): void {
  const total = rows.length;
  const shift = window[0]!;
  const base = window[1]!;
  for (let k = 0; k < total; k++) {
    const i = rows[k]!;
    const v = minus ? values[i]! - minus[i]! : values[i]!;
    const g = codes[i]! << BUCKET_BITS;
    if (v !== v) {
      counts[g | NULL_BUCKET]!++;
      cells[k] = g | NULL_BUCKET;
      continue;
    }
    bits[0] = v;
    const h = words[1]!;
    const cell = g | Math.min(Math.max(((h ^ ((h >> 31) | 0x80000000)) >>> shift) - base, 0), TOP);
    counts[cell]!++;
    sum[g >> BUCKET_BITS]! += v;
    cells[k] = cell;
  }
}

/**
 * As histogramByCodeInto, for the run of rows from `from` on (one cell per row), of a duration
 * (`values` − `minus`): a kernel of its own, since a `minus ?` test per row costs about a seventh
 * of the pass; two rows per iteration, which saves about as much again (the two rows' work
 * overlaps). `cells` has an even length (the caller passes an odd last row to histogramByCodeInto);
 * sums stay in row order.
 */
function histogramOfDurationRunInto(
  counts: Int32Array,
  sum: Float64Array,
  cells: Uint16Array,
  window: Int32Array,
  from: number,
  codes: Codes,
  values: Float64Array,
  minus: Float64Array,
): void {
  const total = cells.length;
  const shift = window[0]!;
  const base = window[1]!;
  for (let k = 0; k < total; k += 2) {
    const i = from + k;
    const j = i + 1;
    const v = values[i]! - minus[i]!;
    const w = values[j]! - minus[j]!;
    const g = codes[i]! << BUCKET_BITS;
    const g2 = codes[j]! << BUCKET_BITS;
    let cell = g | NULL_BUCKET;
    if (v === v) {
      bits[0] = v;
      const h = words[1]!;
      cell = g | Math.min(Math.max(((h ^ ((h >> 31) | 0x80000000)) >>> shift) - base, 0), TOP);
      sum[g >> BUCKET_BITS]! += v;
    }
    counts[cell]!++;
    cells[k] = cell;
    let cell2 = g2 | NULL_BUCKET;
    if (w === w) {
      bits[0] = w;
      const h = words[1]!;
      cell2 = g2 | Math.min(Math.max(((h ^ ((h >> 31) | 0x80000000)) >>> shift) - base, 0), TOP);
      sum[g2 >> BUCKET_BITS]! += w;
    }
    counts[cell2]!++;
    cells[k + 1] = cell2;
  }
}

/** As histogramOfDurationRunInto, for listed rows (`cells` as long as the even part of `rows`). */
function histogramOfDurationInto(
  counts: Int32Array,
  sum: Float64Array,
  cells: Uint16Array,
  window: Int32Array,
  rows: Uint32Array,
  codes: Codes,
  values: Float64Array,
  minus: Float64Array,
): void {
  const total = cells.length;
  const shift = window[0]!;
  const base = window[1]!;
  for (let k = 0; k < total; k += 2) {
    const i = rows[k]!;
    const j = rows[k + 1]!;
    const v = values[i]! - minus[i]!;
    const w = values[j]! - minus[j]!;
    const g = codes[i]! << BUCKET_BITS;
    const g2 = codes[j]! << BUCKET_BITS;
    let cell = g | NULL_BUCKET;
    if (v === v) {
      bits[0] = v;
      const h = words[1]!;
      cell = g | Math.min(Math.max(((h ^ ((h >> 31) | 0x80000000)) >>> shift) - base, 0), TOP);
      sum[g >> BUCKET_BITS]! += v;
    }
    counts[cell]!++;
    cells[k] = cell;
    let cell2 = g2 | NULL_BUCKET;
    if (w === w) {
      bits[0] = w;
      const h = words[1]!;
      cell2 = g2 | Math.min(Math.max(((h ^ ((h >> 31) | 0x80000000)) >>> shift) - base, 0), TOP);
      sum[g2 >> BUCKET_BITS]! += w;
    }
    counts[cell2]!++;
    cells[k + 1] = cell2;
  }
}

function histogramByIdInto(
  counts: Int32Array,
  sum: Float64Array,
  cells: Uint16Array,
  window: Int32Array,
  rows: Uint32Array,
  ids: Int32Array,
  values: Float64Array,
  minus: Float64Array | null,
): void {
  const total = rows.length;
  const shift = window[0]!;
  const base = window[1]!;
  for (let k = 0; k < total; k++) {
    const i = rows[k]!;
    const v = minus ? values[i]! - minus[i]! : values[i]!;
    const g = ids[k]! << BUCKET_BITS;
    if (v !== v) {
      counts[g | NULL_BUCKET]!++;
      cells[k] = g | NULL_BUCKET;
      continue;
    }
    bits[0] = v;
    const h = words[1]!;
    const cell = g | Math.min(Math.max(((h ^ ((h >> 31) | 0x80000000)) >>> shift) - base, 0), TOP);
    counts[cell]!++;
    sum[g >> BUCKET_BITS]! += v;
    cells[k] = cell;
  }
}

/**
 * The values of the marked cells: mark bit 1 appends to the row's group's segment of `out`
 * (cursor per group), bit 2 to `union`; union's length into length[0]. The cells are read two at
 * a time (`pairs`: cell 2p in the low half of word p), and both skipped when neither is marked, as
 * almost all are; a padding cell after an odd last row is never marked.
 */
function gatherCellsInto(
  out: Float64Array,
  cursor: Int32Array,
  union: Float64Array,
  length: Int32Array,
  mark: Uint8Array,
  pairs: Uint32Array,
  rows: Uint32Array,
  values: Float64Array,
  minus: Float64Array | null,
): void {
  const total = pairs.length;
  let u = 0;
  for (let p = 0; p < total; p++) {
    const two = pairs[p]!;
    const a = two & 0xffff;
    const b = two >>> 16;
    if ((mark[a]! | mark[b]!) === 0) continue;
    const ma = mark[a]!;
    if (ma !== 0) {
      const i = rows[2 * p]!;
      const v = minus ? values[i]! - minus[i]! : values[i]!;
      if (ma & 1) out[cursor[a >> BUCKET_BITS]!++] = v;
      if (ma & 2) union[u++] = v;
    }
    const mb = mark[b]!;
    if (mb !== 0) {
      const i = rows[2 * p + 1]!;
      const v = minus ? values[i]! - minus[i]! : values[i]!;
      if (mb & 1) out[cursor[b >> BUCKET_BITS]!++] = v;
      if (mb & 2) union[u++] = v;
    }
  }
  length[0] = u;
}

function gatherRunInto(
  out: Float64Array,
  cursor: Int32Array,
  union: Float64Array,
  length: Int32Array,
  mark: Uint8Array,
  pairs: Uint32Array,
  from: number,
  values: Float64Array,
  minus: Float64Array | null,
): void {
  const total = pairs.length;
  let u = 0;
  for (let p = 0; p < total; p++) {
    const two = pairs[p]!;
    const a = two & 0xffff;
    const b = two >>> 16;
    if ((mark[a]! | mark[b]!) === 0) continue;
    const ma = mark[a]!;
    if (ma !== 0) {
      const i = from + 2 * p;
      const v = minus ? values[i]! - minus[i]! : values[i]!;
      if (ma & 1) out[cursor[a >> BUCKET_BITS]!++] = v;
      if (ma & 2) union[u++] = v;
    }
    const mb = mark[b]!;
    if (mb !== 0) {
      const i = from + 2 * p + 1;
      const v = minus ? values[i]! - minus[i]! : values[i]!;
      if (mb & 1) out[cursor[b >> BUCKET_BITS]!++] = v;
      if (mb & 2) union[u++] = v;
    }
  }
  length[0] = u;
}

/** Sample values (NaN skipped) into `out`; returns how many. */
function sampleInto(out: Float64Array, blocks: number, block: number, rows: Uint32Array, values: Float64Array, minus: Float64Array | null): number {
  const total = rows.length;
  let m = 0;
  for (let b = 0; b < blocks; b++) {
    const from = Math.floor((b * (total - block)) / Math.max(1, blocks - 1));
    for (let k = from; k < from + block; k++) {
      const i = rows[k]!;
      const v = minus ? values[i]! - minus[i]! : values[i]!;
      if (v === v) out[m++] = v;
    }
  }
  return m;
}

/**
 * [shift, base] such that the sampled values from the 1st to the 99th percentile spread over as
 * many of the value buckets as the key allows, centred.
 */
function windowOf(rows: Uint32Array, values: Float64Array, minus: Float64Array | null): Int32Array {
  const block = Math.min(rows.length, SAMPLE_BLOCK);
  const sample = new Float64Array(SAMPLE_BLOCKS * block);
  const m = sampleInto(sample, block === 0 ? 0 : SAMPLE_BLOCKS, block, rows, values, minus);
  if (m === 0) return Int32Array.of(31, 0);
  const keys = new Uint32Array(m);
  for (let k = 0; k < m; k++) keys[k] = keyOf(sample[k]!);
  keys.sort();
  const lo = keys[Math.floor((m - 1) * 0.01)]!;
  const hi = keys[Math.ceil((m - 1) * 0.99)]!;
  // At least 1: keys shifted fit in 31 bits, so the kernels stay in small integers.
  let shift = 1;
  while (shift < 31 && (hi >>> shift) - (lo >>> shift) > TOP - 2) shift++;
  const span = (hi >>> shift) - (lo >>> shift);
  return Int32Array.of(shift, (lo >>> shift) - ((TOP - span) >> 1));
}

/**
 * Where rank floor(q·(n − 1)) falls in the value buckets' counts: its bucket, the values before
 * it, and the next non-empty bucket when interpolation needs the next value and it lies there
 * (else −1).
 */
function locate(counts: Float64Array, n: number, q: number): { bucket: number; below: number; next: number } {
  const position = q * (n - 1);
  const rank = Math.floor(position);
  let bucket = 0;
  let below = 0;
  while (below + counts[bucket]! <= rank) below += counts[bucket++]!;
  let next = -1;
  if (position > rank && rank + 1 >= below + counts[bucket]!) {
    next = bucket + 1;
    while (counts[next] === 0) next++;
  }
  return { bucket, below, next };
}

/**
 * quantile_cont at q of n values, from `values` (those of the located bucket, then those of the
 * next one when located so) and the count of values below them.
 */
function fromBuckets(values: Float64Array, below: number, n: number, q: number): number {
  const position = q * (n - 1);
  const rank = Math.floor(position);
  const at = rank - below;
  selectInPlace(values, at);
  const low = values[at]!;
  if (position === rank) return low;
  return low + (minimumOf(values, at + 1, values.length) - low) * (position - rank);
}

/** The selected rows as one run of consecutive rows (its first), or −1 when they are not. */
function runStart(rows: Uint32Array): number {
  return rows.length > 0 && rows[rows.length - 1]! - rows[0]! === rows.length - 1 ? rows[0]! : -1;
}

/**
 * Quantiles of the groups of one selection and of unions of them, from per-group histograms
 * (above). One scan of the cells per q gives every group's quantile and the total's; other unions
 * scan once each.
 */
export class HistogramQuantiles {
  readonly #input: HistogramInput;
  readonly #groups: number;
  /** Rows per cell (group · BUCKETS + bucket). */
  readonly #counts: Int32Array;
  readonly #cells: Uint16Array;
  readonly #n: Float64Array;
  readonly #singles = new Map<number, Float64Array>();
  readonly #totals = new Map<number, number | null>();

  private constructor(input: HistogramInput, groups: number, counts: Int32Array, cells: Uint16Array, n: Float64Array) {
    this.#input = input;
    this.#groups = groups;
    this.#counts = counts;
    this.#cells = cells;
    this.#n = n;
  }

  /**
   * The pass: histograms, each row's cell, and per group the rows (`count`, nulls included), n
   * and sum (min and max are NaN: not computed).
   */
  static build(input: HistogramInput, groups: number): { quantiles: HistogramQuantiles; stats: HistogramStats; count: Float64Array } {
    if (groups > HISTOGRAM_MAX_GROUPS) throw new RangeError(`Histogram quantiles take at most ${HISTOGRAM_MAX_GROUPS} groups, not ${groups}.`);
    const { rows, codes, ids, values, minus } = input;
    const window = windowOf(rows, values, minus);
    const counts = new Int32Array(groups * BUCKETS);
    const sum = new Float64Array(groups);
    // Even, for the gathering scan's pairs of cells: a padding cell in no bucket it could ask for.
    const cells = new Uint16Array(rows.length + (rows.length & 1));
    if (rows.length & 1) cells[rows.length] = NULL_BUCKET;
    const from = runStart(rows);
    if (ids) histogramByIdInto(counts, sum, cells, window, rows, ids, values, minus);
    else if (!minus) histogramByCodeInto(counts, sum, cells, window, rows, codes!, values, null);
    else {
      const pairs = rows.length & ~1;
      if (from >= 0) histogramOfDurationRunInto(counts, sum, cells.subarray(0, pairs), window, from, codes!, values, minus);
      else histogramOfDurationInto(counts, sum, cells.subarray(0, pairs), window, rows, codes!, values, minus);
      if (pairs < rows.length) histogramByCodeInto(counts, sum, cells.subarray(pairs), window, rows.subarray(pairs), codes!, values, minus);
    }
    const n = new Float64Array(groups);
    const count = new Float64Array(groups);
    for (let g = 0; g < groups; g++) {
      let total = 0;
      for (let b = 0; b < NULL_BUCKET; b++) total += counts[g * BUCKETS + b]!;
      n[g] = total;
      count[g] = total + counts[g * BUCKETS + NULL_BUCKET]!;
    }
    const unknown = new Float64Array(groups).fill(Number.NaN);
    return { quantiles: new HistogramQuantiles(input, groups, counts, cells, n), stats: { n, sum, min: unknown, max: unknown.slice() }, count };
  }

  /** quantile_cont at q of the values of `members` (group ids); null when they hold none. */
  quantile(members: readonly number[], q: number): number | null {
    const n = this.#n;
    if (members.length === 1) {
      const g = members[0]!;
      if (!(n[g]! > 0)) return null;
      if (!this.#singles.has(q)) this.#everyGroup(q);
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
    if (all) {
      if (!this.#totals.has(q)) this.#everyGroup(q);
      return this.#totals.get(q)!;
    }
    const mark = new Uint8Array(this.#groups * BUCKETS);
    const plan = this.#markUnion(mark, member, count, q);
    const union = new Float64Array(plan.size);
    this.#gather(mark, new Float64Array(0), new Int32Array(this.#groups), union);
    return fromBuckets(union, plan.below, count, q);
  }

  /** Marks (bit 2) the cells of the `member` groups in the bucket(s) holding the union's rank; returns how many values they hold and how many lie below. */
  #markUnion(mark: Uint8Array, member: Uint8Array, count: number, q: number): { size: number; below: number } {
    const counts = this.#counts;
    const summed = new Float64Array(NULL_BUCKET);
    for (let g = 0; g < this.#groups; g++) if (member[g] === 1) for (let b = 0; b < NULL_BUCKET; b++) summed[b]! += counts[g * BUCKETS + b]!;
    const { bucket, below, next } = locate(summed, count, q);
    for (let g = 0; g < this.#groups; g++) {
      if (member[g] === 0) continue;
      mark[g * BUCKETS + bucket]! |= 2;
      if (next >= 0) mark[g * BUCKETS + next]! |= 2;
    }
    return { size: summed[bucket]! + (next >= 0 ? summed[next]! : 0), below };
  }

  /** One scan of the cells: every group's quantile at q, and the total's. */
  #everyGroup(q: number): void {
    const groups = this.#groups;
    const counts = this.#counts;
    const n = this.#n;
    const mark = new Uint8Array(groups * BUCKETS);
    const starts = new Int32Array(groups + 1);
    const below = new Float64Array(groups);
    const own = new Float64Array(NULL_BUCKET);
    let total = 0;
    for (let g = 0; g < groups; g++) {
      starts[g + 1] = starts[g]!;
      total += n[g]!;
      if (n[g] === 0) continue;
      own.set(counts.subarray(g * BUCKETS, g * BUCKETS + NULL_BUCKET));
      const at = locate(own, n[g]!, q);
      below[g] = at.below;
      mark[g * BUCKETS + at.bucket] = 1;
      starts[g + 1]! += own[at.bucket]!;
      if (at.next >= 0) {
        mark[g * BUCKETS + at.next] = 1;
        starts[g + 1]! += own[at.next]!;
      }
    }
    const plan = total > 0 ? this.#markUnion(mark, new Uint8Array(groups).fill(1), total, q) : { size: 0, below: 0 };
    const out = new Float64Array(starts[groups]!);
    const union = new Float64Array(plan.size);
    this.#gather(mark, out, starts.slice(0, groups), union);
    const singles = new Float64Array(groups).fill(Number.NaN);
    for (let g = 0; g < groups; g++) if (n[g]! > 0) singles[g] = fromBuckets(out.subarray(starts[g]!, starts[g + 1]!), below[g]!, n[g]!, q);
    this.#singles.set(q, singles);
    this.#totals.set(q, total > 0 ? fromBuckets(union, plan.below, total, q) : null);
  }

  #gather(mark: Uint8Array, out: Float64Array, cursor: Int32Array, union: Float64Array): void {
    const { rows, values, minus } = this.#input;
    const from = runStart(rows);
    const length = new Int32Array(1);
    const cells = this.#cells;
    const pairs = new Uint32Array(cells.buffer, cells.byteOffset, cells.length >> 1);
    if (from >= 0) gatherRunInto(out, cursor, union, length, mark, pairs, from, values, minus);
    else gatherCellsInto(out, cursor, union, length, mark, pairs, rows, values, minus);
  }
}
