import type { DateRange } from '../types.ts';
import type { Filter, ReportSpec } from '../schema/report-spec.ts';
import { compileFilters, filterKey, filtersOf, refineRows } from './filters.ts';
import { cachedSelection, identityRows, storeSelection, tableCache, type TableCache } from './report-cache.ts';
import type { Codes, ConversationTable } from '../table/table.ts';

/** First index whose value is ≥ target in an ascending array. */
function lowerBound(values: Float64Array, target: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid]! < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First position in `rows` (ascending, in creation order) whose date is ≥ target. */
function lowerBoundRows(rows: Uint32Array, dates: Float64Array, target: number): number {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (dates[rows[mid]!]! < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The rows of a date range alone: a view of the identity rows when rows are in creation order. */
function dateRows(table: ConversationTable, cache: TableCache, dateProperty: ReportSpec['dateProperty'], range: DateRange): Uint32Array {
  const dates = table[dateProperty].values;
  const { from, to } = range;
  if (dateProperty === 'createdAt' && cache.createdSorted) {
    // Rows are in creation order: the range is one run of rows, found by two binary searches.
    return to > from ? identityRows(table, cache).subarray(lowerBound(dates, from), lowerBound(dates, to)) : new Uint32Array(0);
  }
  return copyOut(rowsInRange(scratchFor(table.size), dates, from, to));
}

/**
 * Rows whose date is in [from, to), branch-free; NaN (null) fails both comparisons. Alone in its
 * function so that the loop, compiled while it runs, is not thrown away at its exit (see aggregate.ts).
 */
function rowsInRange(out: Uint32Array, dates: Float64Array, from: number, to: number): number {
  let n = 0;
  for (let i = 0; i < dates.length; i++) {
    const t = dates[i]!;
    out[n] = i;
    n += +(t >= from) & +(t < to);
  }
  return n;
}

/** Of `rows` (in `out`'s first `count`), those whose date is in [from, to), in place. */
function keepInRange(out: Uint32Array, count: number, dates: Float64Array, from: number, to: number): number {
  let n = 0;
  for (let k = 0; k < count; k++) {
    const i = out[k]!;
    const t = dates[i]!;
    out[n] = i;
    n += +(t >= from) & +(t < to);
  }
  return n;
}

/** Rows lo … lo + length − 1 whose code the mask lets through (a run of rows needs no list to walk). */
function runMasked(out: Uint32Array, lo: number, length: number, codes: Codes, mask: Uint8Array): number {
  let n = 0;
  if (codes instanceof Uint8Array)
    for (let i = lo; i < lo + length; i++) {
      out[n] = i;
      n += mask[codes[i]!]!;
    }
  else
    for (let i = lo; i < lo + length; i++) {
      out[n] = i;
      n += mask[codes[i]!]!;
    }
  return n;
}

/** One output buffer for every pass: results are copied out at their size, so nothing is allocated at the table's size. */
let scratch = new Uint32Array(0);

function scratchFor(size: number): Uint32Array {
  if (scratch.length < size) scratch = new Uint32Array(size);
  return scratch;
}

function copyOut(count: number): Uint32Array {
  return scratch.slice(0, count);
}

/**
 * Indices of the rows in a report, ascending: `spec.dateProperty` in [from, to) and every filter
 * holds. Cached per table: filters are put in a canonical order and each prefix is kept, so reports
 * that share the date property and some filters share the work (chat reports all start from the
 * same "channel is chat" rows), and a dashboard that recomputes after one change reuses the rest.
 */
export function selectRows(
  table: ConversationTable,
  spec: Pick<ReportSpec, 'filters' | 'channel' | 'dateProperty'>,
  range: DateRange,
): Uint32Array {
  const cache = tableCache(table);
  const dateProperty = spec.dateProperty ?? 'createdAt';
  const filters = [...filtersOf(spec)].map((filter) => ({ filter, key: filterKey(filter) }));
  filters.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  // The same filter twice changes nothing.
  const distinct = filters.filter((entry, f) => f === 0 || entry.key !== filters[f - 1]!.key);
  const keys = [`${dateProperty}|${range.from}|${range.to}`];
  for (const { key } of distinct) keys.push(`${keys.at(-1)!}&${key}`);
  // Start from the longest selection already made.
  let done = keys.length - 1;
  let rows = cachedSelection(cache, keys[done]!);
  while (!rows && done > 0) rows = cachedSelection(cache, keys[--done]!);
  if (!rows) {
    const first = distinct[0] ? compileFilters(table, [distinct[0].filter])[0]! : null;
    const sorted = dateProperty === 'createdAt' && cache.createdSorted;
    const dates = table[dateProperty].values;
    const run = sorted && range.to > range.from ? { lo: lowerBound(dates, range.from), hi: lowerBound(dates, range.to) } : null;
    const allKey = first ? `*&${distinct[0]!.key}` : '';
    // The first filter over every row serves every date property and range (a dashboard's created,
    // closed and first-response reports narrowed to one assignee): worth it unless a createdAt range
    // is a small part of the table, where walking its run is cheaper.
    const everywhere =
      first?.kind === 'mask' && first.passes === 'some' && (!sorted || (run !== null && (run.hi - run.lo >= table.size / 2 || cachedSelection(cache, allKey) !== undefined)));
    if (everywhere) {
      let all = cachedSelection(cache, allKey);
      if (!all) storeSelection(cache, allKey, (all = copyOut(runMasked(scratchFor(table.size), 0, table.size, first.codes, first.mask))));
      if (run) rows = all.subarray(lowerBoundRows(all, dates, range.from), lowerBoundRows(all, dates, range.to));
      else {
        const out = scratchFor(all.length);
        out.set(all);
        rows = copyOut(keepInRange(out, all.length, dates, range.from, range.to));
      }
      done = 1;
    } else rows = dateRows(table, cache, dateProperty, range);
    storeSelection(cache, keys[done]!, rows);
  }
  for (let f = done; f < distinct.length; f++) {
    rows = refine(table, cache, rows, distinct[f]!.filter);
    storeSelection(cache, keys[f + 1]!, rows);
  }
  return rows;
}

function refine(table: ConversationTable, cache: TableCache, rows: Uint32Array, filter: Filter): Uint32Array {
  const compiled = compileFilters(table, [filter])[0]!;
  if (compiled.kind === 'mask' && compiled.passes === 'all') return rows;
  if (compiled.kind === 'mask' && compiled.passes === 'none') return new Uint32Array(0);
  const out = scratchFor(rows.length);
  if (compiled.kind === 'mask' && cache.identity && rows.buffer === cache.identity.buffer)
    return copyOut(runMasked(out, rows.byteOffset / Uint32Array.BYTES_PER_ELEMENT, rows.length, compiled.codes, compiled.mask));
  return copyOut(refineRows(rows, compiled, out));
}
