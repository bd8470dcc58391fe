import { emptyStats, unpackPairs, type MeasureSource, type MeasureStats } from './aggregate.ts';
import { columnAccess } from '../table/columns.ts';
import { compileFilters, filterKey, filtersOf } from './filters.ts';
import { groupRows, type Grouping } from './group-rows.ts';
import { perTableCache, tableCache } from './report-cache.ts';
import type { ReportSpec } from '../schema/report-spec.ts';
import type { Codes, ConversationTable } from '../table/table.ts';
import type { DateRange } from '../types.ts';

/**
 * Reports whose filters are all categorical (channel, status, inbox, assignee, custom categories…)
 * and whose dimension is categorical (or a createdAt bucket) need no list of selected rows: one
 * pass over the date range counts the conversations per combination of the filter columns' codes
 * and the dimension's code (a small "cube"), and each report then adds up the cells its filters
 * let through. Chat and email reports by assignee read the same cube, and a filter added later
 * (assignee is X) is answered from it without touching a row. Which cube a report reads depends on
 * the report alone, so its figures are the same to the last bit in any batch. Filters that let few
 * rows through go the row-list way instead, unless a cube already built has one cell per group
 * (then its sums are the row list's, added in the same order).
 */

/** Most cells a cube may have; past this, the report goes the row-list way. */
const MAX_CELLS = 0xffff;

/** A categorical column the cube is keyed on: row-indexed codes below `size`. */
export interface CubeKey {
  name: string;
  codes: Codes;
  size: number;
  /** createdAt buckets over a run: the first row of each bucket and the run's end (code b is rows runs[b] … runs[b + 1] − 1). */
  runs?: () => Uint32Array;
}

/** What the cube counts over: a run of rows (createdAt in range, rows in creation order) or a date test. */
export type CubeBase = { kind: 'run'; lo: number; hi: number } | { kind: 'dates'; values: Float64Array; from: number; to: number };

/** How one report reads a cube. */
export interface CubeRead {
  /** Cube identity: the base and the key columns (the same for every report that shares the cube). */
  key: string;
  base: CubeBase;
  keys: CubeKey[];
  /** Per key: the codes every filter on that column lets through (1), or null when unfiltered. */
  masks: (Uint8Array | null)[];
  /** Index in `keys` of the dimension, −1 for none (one group). */
  dimension: number;
  /** Dimension code → group id (page URLs by their normalized form); null when codes are groups. */
  fold: Uint32Array | null;
  grouping: Grouping;
}

export interface Cube {
  /** Bytes of its arrays (for the table cache's budget). */
  bytes: number;
  keys: CubeKey[];
  strides: number[];
  cells: number;
  count: Float64Array;
  /** Per measure property: non-null values per cell. */
  measures: Map<string, MeasureStats & { extent: boolean }>;
}

/** Past this, the least recently used cubes go. A cube is small: at most 65 535 cells. */
const CUBE_BUDGET = 32 * 1024 * 1024;

/**
 * A table's cubes per (date property, range, key columns): counts and sums per combination of
 * codes, whatever the filters' values, so a filter changed to another value is answered from them.
 */
export const tableCubes = perTableCache<Cube>(CUBE_BUDGET, (cube) => cube.bytes);

function lowerBound(values: Float64Array, target: number, lo = 0, hi = values.length): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid]! < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Where each createdAt bucket's rows start in the run [lo, hi), and hi: the same split as `bucketCodes`. */
function bucketRuns(created: Float64Array, bounds: readonly number[], lo: number, hi: number): Uint32Array {
  const buckets = Math.max(bounds.length - 1, 0);
  const runs = new Uint32Array(buckets + 1).fill(hi);
  let start = lo;
  for (let b = 0; b < buckets && start < hi; b++) {
    runs[b] = start;
    start = b + 1 >= buckets ? hi : lowerBound(created, bounds[b + 1]!, start, hi);
  }
  return runs;
}

/** Bucket ids of the createdAt buckets as a row-indexed code column over the run [lo, hi). */
function bucketCodes(created: Float64Array, bounds: readonly number[], lo: number, hi: number): Codes {
  const buckets = Math.max(bounds.length - 1, 0);
  const codes = buckets <= 0x100 ? new Uint8Array(hi) : buckets <= 0x10000 ? new Uint16Array(hi) : new Uint32Array(hi);
  let start = lo;
  for (let b = 0; b < buckets && start < hi; b++) {
    const end = b + 1 >= buckets ? hi : lowerBound(created, bounds[b + 1]!, start, hi);
    codes.fill(b, start, end);
    start = end;
  }
  return codes;
}

/**
 * How `spec` reads a cube over `range`, or null when it cannot (a filter or dimension that is not
 * categorical, a breakdown, a quantile, too many cells) or should not (filters so selective that
 * listing their rows is cheaper, unless `built` says the cube is there already): then the row-list
 * path computes it.
 */
export function cubeRead(table: ConversationTable, spec: ReportSpec, range: DateRange, timeZone: string, built?: (key: string) => boolean): CubeRead | null {
  if (spec.breakdown || (spec.measure.op !== 'count' && spec.measure.op !== 'sum' && spec.measure.op !== 'avg' && spec.measure.op !== 'min' && spec.measure.op !== 'max'))
    return null;
  const filters = filtersOf(spec);
  let compiled;
  try {
    compiled = compileFilters(table, filters);
  } catch {
    return null; // the row path reports the error
  }
  const dateProperty = spec.dateProperty ?? 'createdAt';
  const cache = tableCache(table);
  let base: CubeBase;
  if (dateProperty === 'createdAt' && cache.createdSorted) {
    const created = table.createdAt.values;
    const lo = range.to > range.from ? lowerBound(created, range.from) : 0;
    const hi = range.to > range.from ? lowerBound(created, range.to) : 0;
    base = { kind: 'run', lo, hi };
  } else base = { kind: 'dates', values: table[dateProperty].values, from: range.from, to: range.to };

  const byName = new Map<string, { key: CubeKey; mask: Uint8Array | null }>();
  for (let f = 0; f < filters.length; f++) {
    const filter = compiled[f]!;
    if (filter.kind !== 'mask') return null;
    const name = filters[f]!.property;
    const entry = byName.get(name);
    if (entry) {
      const mask = entry.mask!;
      for (let c = 0; c < mask.length; c++) mask[c]! &= filter.mask[c]!;
    } else byName.set(name, { key: { name, codes: filter.codes, size: filter.mask.length }, mask: filter.mask.slice() });
  }

  let grouping: Grouping;
  let dimensionName: string | null = null;
  let fold: Uint32Array | null = null;
  const options = { timeBucket: spec.timeBucket, range, timeZone };
  if (!spec.dimension) grouping = { keys: ['__all__'], labels: ['All conversations'], isDate: false, alwaysShown: 1 };
  else {
    const access = columnAccess(table, spec.dimension);
    if (access.kind === 'dict') {
      grouping = groupRows(table, spec.dimension, EMPTY_ROWS, options, false);
      dimensionName = spec.dimension;
      fold = access.groupOf ?? null;
      if (!byName.has(dimensionName)) byName.set(dimensionName, { key: { name: dimensionName, codes: access.codes, size: access.values.length }, mask: null });
    } else if (access.kind === 'number' && access.isDate && spec.dimension === 'createdAt' && base.kind === 'run' && !access.minus) {
      // Every row of the run is in one of the range's buckets: bucket ids are a code column.
      grouping = groupRows(table, 'createdAt', EMPTY_ROWS, options);
      const bucket = spec.timeBucket ?? 'day';
      dimensionName = `createdAt@${bucket}@${timeZone}`;
      const bounds = grouping.keys as number[];
      const end = range.to;
      const { lo, hi } = base;
      const cacheKey = `${dimensionName}|${range.from}|${range.to}`;
      byName.set(dimensionName, {
        key: {
          name: dimensionName,
          size: Math.max(bounds.length, 1),
          // Made when the cube is built, not when a report is only being planned.
          get codes(): Codes {
            return cachedBucketCodes(table, [...bounds, end], lo, hi, cacheKey);
          },
          runs: () => bucketRuns(table.createdAt.values, [...bounds, end], lo, hi),
        },
        mask: null,
      });
    } else return null;
  }

  // Key columns in a canonical order, so every report with the same columns names the same cube.
  const names = [...byName.keys()].sort();
  const keys = names.map((name) => byName.get(name)!.key);
  let cells = 1;
  for (const key of keys) cells *= key.size;
  if (cells > MAX_CELLS) return null;
  // The range itself, not only its rows: bucket ids count from the bucket holding `from`.
  const baseKey = `${base.kind === 'run' ? 'createdAt' : dateProperty} ${range.from}-${range.to}`;
  const key = `${baseKey}#${names.join('|')}`;
  // The row list filters in key order (select-rows.ts): its first pass is the first filter's.
  const firstName = filters.map((filter) => ({ name: filter.property, key: filterKey(filter) })).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))[0]?.name ?? '';
  const oneCellPerGroup = !fold && names.every((name) => name === dimensionName || byName.get(name)!.mask?.reduce((sum, pass) => sum + pass, 0) === 1);
  // A cube already built answers a selective report too (a dashboard narrowed to one assignee after
  // showing them all) when each group is one of its cells: a cell's sums add its rows in row order,
  // as the row list would, so the figures are the same to the last bit either way.
  if (!(oneCellPerGroup && built?.(key)) && selective(base, [...byName.values()], firstName)) return null;
  return {
    key,
    base,
    keys,
    masks: names.map((name) => byName.get(name)!.mask),
    dimension: dimensionName === null ? -1 : names.indexOf(dimensionName),
    fold,
    grouping,
  };
}

const EMPTY_ROWS = new Uint32Array(0);

/** Rows of the base looked at to guess how many pass the filters. */
const SAMPLE = 1024;
/** Below this share of the base passing, listing the rows that pass beats a cube's pass over all of them… */
const SELECTIVE_SHARE = 1 / 4;
/** …when the row list's first pass (its first filter in key order) already keeps less than this. */
const FIRST_PASS_SHARE = 1 / 3;

/**
 * Whether the filters let through so few rows of the base (sampled at even steps) that the row list
 * is the cheaper way: a cube reads every row of the base, a row list only a code column once and
 * then the rows that pass (one assignee of twenty). Depends on the table, spec and range alone,
 * like the rest of the choice, so a report's figures never depend on what else was computed.
 */
function selective(base: CubeBase, entries: { key: CubeKey; mask: Uint8Array | null }[], firstName: string): boolean {
  const filtered = entries.filter((entry) => entry.mask !== null);
  const first = filtered.find((entry) => entry.key.name === firstName);
  if (filtered.length === 0 || !first) return false;
  const lo = base.kind === 'run' ? base.lo : 0;
  const length = base.kind === 'run' ? base.hi - base.lo : base.values.length;
  if (length < SAMPLE) return false;
  let inBase = 0;
  let passing = 0;
  let passingFirst = 0;
  for (let j = 0; j < SAMPLE; j++) {
    const i = lo + Math.floor(((j + 0.5) * length) / SAMPLE);
    if (base.kind === 'dates' && !(base.values[i]! >= base.from && base.values[i]! < base.to)) continue;
    inBase++;
    if (first.mask![first.key.codes[i]!] === 1) passingFirst++;
    if (filtered.every(({ key, mask }) => mask![key.codes[i]!] === 1)) passing++;
  }
  return inBase > 0 && passing < inBase * SELECTIVE_SHARE && passingFirst < inBase * FIRST_PASS_SHARE;
}

function cachedBucketCodes(table: ConversationTable, bounds: number[], lo: number, hi: number, key: string): Codes {
  const cache = tableCache(table);
  let codes = cache.bucketCodes.get(key);
  if (!codes) {
    codes = bucketCodes(table.createdAt.values, bounds, lo, hi);
    if (cache.bucketCodes.size >= 8) cache.bucketCodes.delete(cache.bucketCodes.keys().next().value!);
    cache.bucketCodes.set(key, codes);
  }
  return codes;
}

/** Cell ids (below 65 536 with the sink): two bytes a row to write and read back. */
let scratch = new Uint16Array(0);

// One small loop per code width: each sees one kind of typed array, so its element loads stay
// monomorphic whichever columns a cube is keyed on.
function setU8(out: Uint16Array, codes: Uint8Array, lo: number, length: number): void {
  for (let k = 0; k < length; k++) out[k] = codes[lo + k]!;
}
function setU16(out: Uint16Array, codes: Uint16Array, lo: number, length: number): void {
  for (let k = 0; k < length; k++) out[k] = codes[lo + k]!;
}
function setU32(out: Uint16Array, codes: Uint32Array, lo: number, length: number): void {
  for (let k = 0; k < length; k++) out[k] = codes[lo + k]!;
}
function addU8(out: Uint16Array, codes: Uint8Array, lo: number, length: number, stride: number): void {
  for (let k = 0; k < length; k++) out[k]! += codes[lo + k]! * stride;
}
function addU16(out: Uint16Array, codes: Uint16Array, lo: number, length: number, stride: number): void {
  for (let k = 0; k < length; k++) out[k]! += codes[lo + k]! * stride;
}
function addU32(out: Uint16Array, codes: Uint32Array, lo: number, length: number, stride: number): void {
  for (let k = 0; k < length; k++) out[k]! += codes[lo + k]! * stride;
}
/** The commonest cube, two one-byte columns (channel × assignee, channel × chatflow…), in one pass. */
function setU8U8(out: Uint16Array, a: Uint8Array, b: Uint8Array, stride: number, lo: number, length: number): void {
  for (let k = 0; k < length; k++) out[k] = a[lo + k]! + b[lo + k]! * stride;
}
/** Rows whose date is outside [from, to) (or null) go to the sink cell. */
function sinkOutside(out: Uint16Array, dates: Float64Array, from: number, to: number, length: number, sink: number): void {
  for (let k = 0; k < length; k++) {
    const t = dates[k]!;
    if (!(t >= from && t < to)) out[k] = sink;
  }
}

/** The cell of every row of the base (rows outside a date test go to cell `sink`). */
function cellIds(keys: CubeKey[], strides: number[], base: CubeBase, sink: number): { ids: Uint16Array; lo: number; length: number } {
  const lo = base.kind === 'run' ? base.lo : 0;
  const length = base.kind === 'run' ? base.hi - base.lo : base.values.length;
  if (scratch.length < length) scratch = new Uint16Array(length);
  const out = scratch;
  const codes = keys.map((key) => key.codes);
  let j = 0;
  if (codes.length === 0) out.fill(0, 0, length);
  else if (codes.length >= 2 && codes[0] instanceof Uint8Array && codes[1] instanceof Uint8Array) {
    setU8U8(out, codes[0], codes[1], strides[1]!, lo, length);
    j = 2;
  }
  for (; j < codes.length; j++) {
    const column = codes[j]!;
    const stride = strides[j]!;
    if (j === 0) {
      if (column instanceof Uint8Array) setU8(out, column, lo, length);
      else if (column instanceof Uint16Array) setU16(out, column, lo, length);
      else setU32(out, column, lo, length);
    } else if (column instanceof Uint8Array) addU8(out, column, lo, length, stride);
    else if (column instanceof Uint16Array) addU16(out, column, lo, length, stride);
    else addU32(out, column, lo, length, stride);
  }
  if (base.kind === 'dates') sinkOutside(out, base.values, base.from, base.to, length, sink);
  return { ids: out, lo, length };
}

// The hot loops below are each alone in a function that does nothing after its loop. V8 compiles
// such a loop on the fly (on-stack replacement) while it runs; code after the loop that never ran
// before has no type feedback, so the compiled code bailed out there on every call and the next
// call ran its loop in the interpreter again. A loop-only function keeps its compiled loop.

/** Rows per cell into four interleaved banks (consecutive rows of one cell do not wait on each other). */
function countInto(banks: Uint32Array, ids: Uint16Array, length: number, cells: number): void {
  const c1 = cells;
  const c2 = cells * 2;
  const c3 = cells * 3;
  const tail = length - (length % 4);
  for (let k = 0; k < tail; k += 4) {
    banks[ids[k]!]!++;
    banks[c1 + ids[k + 1]!]!++;
    banks[c2 + ids[k + 2]!]!++;
    banks[c3 + ids[k + 3]!]!++;
  }
  for (let k = tail; k < length; k++) banks[ids[k]!]!++;
}

/**
 * Rows per cell of a run keyed on two columns, counted straight from the codes: no cell id written
 * and read back (the commonest count-only cube: channel × chatflow, channel × page, channel × day).
 */
function countPairInto(banks: Uint32Array, a: Uint8Array, b: Codes, stride: number, lo: number, length: number, cells: number): void {
  const c1 = cells;
  const c2 = cells * 2;
  const c3 = cells * 3;
  const end = lo + length - (length % 4);
  for (let i = lo; i < end; i += 4) {
    banks[a[i]! + b[i]! * stride]!++;
    banks[c1 + a[i + 1]! + b[i + 1]! * stride]!++;
    banks[c2 + a[i + 2]! + b[i + 2]! * stride]!++;
    banks[c3 + a[i + 3]! + b[i + 3]! * stride]!++;
  }
  for (let i = end; i < lo + length; i++) banks[a[i]! + b[i]! * stride]!++;
}

/**
 * Rows per cell of a date test keyed on three one-byte columns (closed by assignee: assignee ×
 * channel × status), four banks: the rows without such a date all go to the sink, and would wait on
 * each other's increment in one counter. The codes have at least `dates.length` rows (see `buildCube`).
 */
function countDatesTripleInto(
  banks: Uint32Array,
  dates: Float64Array,
  from: number,
  to: number,
  a: Uint8Array,
  b: Uint8Array,
  c: Uint8Array,
  sb: number,
  sc: number,
  sink: number,
  total: number,
): void {
  const length = dates.length;
  const end = length - (length % 4);
  // In range is 1, else 0 (NaN, no such date, fails both tests), and picks the cell or the sink by
  // arithmetic: a branch on it is mispredicted at every row without a date (a tenth of them, at
  // random), which cost a third of the pass.
  for (let i = 0; i < end; i += 4) {
    let t = dates[i]!;
    banks[sink + (+(t >= from) & +(t < to)) * (a[i]! + b[i]! * sb + c[i]! * sc - sink)]!++;
    t = dates[i + 1]!;
    banks[total + sink + (+(t >= from) & +(t < to)) * (a[i + 1]! + b[i + 1]! * sb + c[i + 1]! * sc - sink)]!++;
    t = dates[i + 2]!;
    banks[2 * total + sink + (+(t >= from) & +(t < to)) * (a[i + 2]! + b[i + 2]! * sb + c[i + 2]! * sc - sink)]!++;
    t = dates[i + 3]!;
    banks[3 * total + sink + (+(t >= from) & +(t < to)) * (a[i + 3]! + b[i + 3]! * sb + c[i + 3]! * sc - sink)]!++;
  }
  for (let i = end; i < length; i++) {
    const t = dates[i]!;
    banks[sink + (+(t >= from) & +(t < to)) * (a[i]! + b[i]! * sb + c[i]! * sc - sink)]!++;
  }
}

/** Rows per cell of a run keyed on three one-byte columns (open emails by inbox: channel × inbox × status), four banks. */
function countTripleInto(banks: Uint32Array, a: Uint8Array, b: Uint8Array, c: Uint8Array, sb: number, sc: number, lo: number, length: number, cells: number): void {
  const c1 = cells;
  const c2 = cells * 2;
  const c3 = cells * 3;
  const end = lo + length - (length % 4);
  for (let i = lo; i < end; i += 4) {
    banks[a[i]! + b[i]! * sb + c[i]! * sc]!++;
    banks[c1 + a[i + 1]! + b[i + 1]! * sb + c[i + 1]! * sc]!++;
    banks[c2 + a[i + 2]! + b[i + 2]! * sb + c[i + 2]! * sc]!++;
    banks[c3 + a[i + 3]! + b[i + 3]! * sb + c[i + 3]! * sc]!++;
  }
  for (let i = end; i < lo + length; i++) banks[a[i]! + b[i]! * sb + c[i]! * sc]!++;
}

/** `pairInto` for a run keyed on two columns, the cell read straight from the codes. */
function pairDirectInto(
  acc: Float64Array,
  a: Uint8Array,
  b: Codes,
  stride: number,
  lo: number,
  length: number,
  first: Float64Array,
  second: Float64Array,
  minus: Float64Array,
): void {
  for (let i = lo; i < lo + length; i++) {
    const base = (a[i]! + b[i]! * stride) * 5;
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

/** Rows per code of a run keyed on one column, four banks. */
function countSingleInto(banks: Uint32Array, a: Codes, lo: number, length: number, cells: number): void {
  const c1 = cells;
  const c2 = cells * 2;
  const c3 = cells * 3;
  const end = lo + length - (length % 4);
  for (let i = lo; i < end; i += 4) {
    banks[a[i]!]!++;
    banks[c1 + a[i + 1]!]!++;
    banks[c2 + a[i + 2]!]!++;
    banks[c3 + a[i + 3]!]!++;
  }
  for (let i = end; i < lo + length; i++) banks[a[i]!]!++;
}

function mergeBanks(banks: Uint32Array, cells: number): Float64Array {
  const count = new Float64Array(cells);
  for (let g = 0; g < cells; g++) count[g] = banks[g]! + banks[cells + g]! + banks[2 * cells + g]! + banks[3 * cells + g]!;
  return count;
}

/** Per bucket, four banks of `width` counters each (as `countSingleInto` fills them) added into cell order. */
function mergeBucketBanks(banks: Uint32Array, cells: number, width: number): Float64Array {
  const count = new Float64Array(cells);
  for (let cell = 0; cell < cells; cell++) {
    const at = (cell - (cell % width)) * 4 + (cell % width);
    count[cell] = banks[at]! + banks[at + width]! + banks[at + 2 * width]! + banks[at + 3 * width]!;
  }
  return count;
}

function countCells(ids: Uint16Array, length: number, cells: number): Float64Array {
  const banks = new Uint32Array(cells * 4);
  countInto(banks, ids, length, cells);
  return mergeBanks(banks, cells);
}

/** Per cell: n and sum side by side (acc[2c], acc[2c + 1]) of `values − minus`, nulls (NaN) skipped. */
function sumDifferenceInto(acc: Float64Array, ids: Uint16Array, lo: number, length: number, values: Float64Array, minus: Float64Array): void {
  for (let k = 0; k < length; k++) {
    const v = values[lo + k]! - minus[lo + k]!;
    if (v === v) {
      const at = ids[k]! * 2;
      acc[at]!++;
      acc[at + 1]! += v;
    }
  }
}

function sumValuesInto(acc: Float64Array, ids: Uint16Array, lo: number, length: number, values: Float64Array): void {
  for (let k = 0; k < length; k++) {
    const v = values[lo + k]!;
    if (v === v) {
      const at = ids[k]! * 2;
      acc[at]!++;
      acc[at + 1]! += v;
    }
  }
}

function extentInto(min: Float64Array, max: Float64Array, ids: Uint16Array, lo: number, length: number, values: Float64Array, minus: Float64Array | null): void {
  for (let k = 0; k < length; k++) {
    const v = minus ? values[lo + k]! - minus[lo + k]! : values[lo + k]!;
    if (v !== v) continue;
    const g = ids[k]!;
    if (v < min[g]!) min[g] = v;
    if (v > max[g]!) max[g] = v;
  }
}

/** Non-null values of one measure per cell, in row order; min and max only when asked. */
function measureCells(ids: Uint16Array, lo: number, length: number, cells: number, measure: MeasureSource, extent: boolean): MeasureStats {
  const stats = emptyStats(cells);
  const { values, minus } = measure;
  const acc = new Float64Array(cells * 2);
  if (minus) sumDifferenceInto(acc, ids, lo, length, values, minus);
  else sumValuesInto(acc, ids, lo, length, values);
  for (let g = 0; g < cells; g++) {
    stats.n[g] = acc[2 * g]!;
    stats.sum[g] = acc[2 * g + 1]!;
  }
  if (extent) extentInto(stats.min, stats.max, ids, lo, length, values, minus);
  return stats;
}

/** Per cell: count, nulls1, sum1, nulls2, sum2 side by side (see `unpackPairs`), so one row touches one cache line. */
function pairInto(acc: Float64Array, ids: Uint16Array, lo: number, length: number, first: Float64Array, second: Float64Array, minus: Float64Array): void {
  for (let k = 0; k < length; k++) {
    const i = lo + k;
    const base = ids[k]! * 5;
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
 * Rows per cell and two measures that share their `minus` (response time and time to close, both
 * minus createdAt) in one pass.
 */
function countAndPairCells(
  ids: Uint16Array | null,
  direct: { a: Uint8Array; b: Codes; stride: number } | null,
  lo: number,
  length: number,
  cells: number,
  first: Float64Array,
  second: Float64Array,
  minus: Float64Array,
) {
  const acc = new Float64Array(cells * 5);
  if (direct) pairDirectInto(acc, direct.a, direct.b, direct.stride, lo, length, first, second, minus);
  else pairInto(acc, ids!, lo, length, first, second, minus);
  return unpackPairs(acc, cells);
}

/**
 * Builds the cube of `read` with the row counts and the sums of `measures` (property → source):
 * one pass that finds each row's cell, then one that adds (count and two durations together).
 */
export function buildCube(read: CubeRead, measures: ReadonlyMap<string, MeasureSource>, extent: ReadonlySet<string>): Cube {
  const { keys, base } = read;
  const strides: number[] = [];
  let cells = 1;
  for (const key of keys) {
    strides.push(cells);
    cells *= key.size;
  }
  const sink = cells;
  const total = cells + (base.kind === 'dates' ? 1 : 0);
  const buckets = keys[1]?.runs;
  if (measures.size === 0 && base.kind === 'run' && keys.length === 2 && buckets) {
    // Rows are in creation order: each bucket is a run of rows, counted by the other column alone.
    const banks = new Uint32Array(cells * 4);
    const runs = buckets();
    const width = strides[1]!;
    for (let b = 0; b + 1 < runs.length; b++) countSingleInto(banks.subarray(b * width * 4), keys[0]!.codes, runs[b]!, runs[b + 1]! - runs[b]!, width);
    return { bytes: cells * 8, keys, strides, cells, count: mergeBucketBanks(banks, cells, width), measures: new Map() };
  }
  // The commonest shapes are counted straight from the codes, without writing cell ids first.
  const codes = keys.map((key) => key.codes);
  const [first, second, third] = codes;
  if (measures.size === 0 && base.kind === 'run' && keys.length === 1) {
    const banks = new Uint32Array(cells * 4);
    countSingleInto(banks, first!, base.lo, base.hi - base.lo, cells);
    return { bytes: cells * 8, keys, strides, cells, count: mergeBanks(banks, cells), measures: new Map() };
  }
  if (measures.size === 0 && base.kind === 'run' && keys.length === 2 && first instanceof Uint8Array) {
    const banks = new Uint32Array(cells * 4);
    countPairInto(banks, first, second!, strides[1]!, base.lo, base.hi - base.lo, cells);
    return { bytes: cells * 8, keys, strides, cells, count: mergeBanks(banks, cells), measures: new Map() };
  }
  if (measures.size === 0 && base.kind === 'run' && keys.length === 3 && first instanceof Uint8Array && second instanceof Uint8Array && third instanceof Uint8Array) {
    const banks = new Uint32Array(cells * 4);
    countTripleInto(banks, first, second, third, strides[1]!, strides[2]!, base.lo, base.hi - base.lo, cells);
    return { bytes: cells * 8, keys, strides, cells, count: mergeBanks(banks, cells), measures: new Map() };
  }
  if (
    measures.size === 0 &&
    base.kind === 'dates' &&
    keys.length === 3 &&
    first instanceof Uint8Array &&
    second instanceof Uint8Array &&
    third instanceof Uint8Array &&
    Math.min(first.length, second.length, third.length) >= base.values.length
  ) {
    const banks = new Uint32Array(total * 4);
    countDatesTripleInto(banks, base.values, base.from, base.to, first, second, third, strides[1]!, strides[2]!, sink, total);
    return { bytes: total * 8, keys, strides, cells, count: mergeBanks(banks, total), measures: new Map() };
  }
  const pending = [...measures];
  const pair = pending.filter(([property, source]) => source.minus && !extent.has(property));
  const pairs = pair.length >= 2 && pair[0]![1].minus === pair[1]![1].minus;
  const direct = pairs && pending.length === 2 && base.kind === 'run' && keys.length === 2 && first instanceof Uint8Array ? { a: first, b: second!, stride: strides[1]! } : null;
  const { ids, lo, length } = direct ? { ids: null, lo: base.kind === 'run' ? base.lo : 0, length: base.kind === 'run' ? base.hi - base.lo : 0 } : cellIds(keys, strides, base, sink);
  const cube: Cube = { bytes: 0, keys, strides, cells, count: new Float64Array(0), measures: new Map() };
  if (pairs) {
    const [[p1, s1], [p2, s2]] = pair as [[string, MeasureSource], [string, MeasureSource]];
    const fused = countAndPairCells(ids, direct, lo, length, total, s1.values, s2.values, s1.minus!);
    cube.count = fused.count;
    cube.measures.set(p1, { ...fused.first, extent: false });
    cube.measures.set(p2, { ...fused.second, extent: false });
  } else cube.count = countCells(ids!, length, total);
  for (const [property, source] of pending) {
    if (cube.measures.has(property)) continue;
    const wantExtent = extent.has(property);
    cube.measures.set(property, { ...measureCells(ids!, lo, length, total, source, wantExtent), extent: wantExtent });
  }
  cube.bytes = total * 8 * (1 + 4 * cube.measures.size);
  return cube;
}

/** Adds a measure the cube was not built with (a report the batch was not told about). */
export function addCubeMeasure(cube: Cube, read: CubeRead, property: string, source: MeasureSource, extent: boolean): void {
  const total = cube.count.length;
  const { ids, lo, length } = cellIds(cube.keys, cube.strides, read.base, cube.cells);
  cube.measures.set(property, { ...measureCells(ids, lo, length, total, source, extent), extent });
  cube.bytes += total * 8 * 4;
}

/** Per group of `read`: the rows and the measure over the cells its filters let through. */
export function readCube(
  cube: Cube,
  read: CubeRead,
  property: string | null,
): { groups: number; count: Float64Array; stats: MeasureStats | null; matched: number } {
  const { keys, masks, dimension, fold, grouping } = read;
  const groups = grouping.keys.length;
  const count = new Float64Array(groups);
  const measure = property === null ? null : cube.measures.get(property)!;
  const stats = measure ? emptyStats(groups) : null;
  const codes = new Int32Array(keys.length);
  let matched = 0;
  for (let cell = 0; cell < cube.cells; cell++) {
    const rows = cube.count[cell]!;
    if (rows === 0) continue;
    let rest = cell;
    let pass = true;
    for (let j = 0; j < keys.length; j++) {
      const code = rest % keys[j]!.size;
      rest = (rest - code) / keys[j]!.size;
      codes[j] = code;
      if (masks[j] && !masks[j]![code]) pass = false;
    }
    if (!pass) continue;
    const code = dimension < 0 ? 0 : codes[dimension]!;
    const g = fold ? fold[code]! : code;
    count[g]! += rows;
    matched += rows;
    if (stats && measure) {
      stats.n[g]! += measure.n[cell]!;
      stats.sum[g]! += measure.sum[cell]!;
      if (measure.min[cell]! < stats.min[g]!) stats.min[g] = measure.min[cell]!;
      if (measure.max[cell]! > stats.max[g]!) stats.max[g] = measure.max[cell]!;
    }
  }
  return { groups, count, stats, matched };
}
