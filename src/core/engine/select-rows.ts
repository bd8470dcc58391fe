import type { DateRange } from '../types.ts';
import type { Filter, ReportSpec } from '../schema/report-spec.ts';
import { compileFilters, filterKey, filtersOf, refineRows } from './filters.ts';
import { cachedSelection, identityRows, storeSelection, tableCache, type TableCache } from './report-cache.ts';
import type { ConversationTable } from '../table/table.ts';

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

function dateRows(table: ConversationTable, cache: TableCache, dateProperty: ReportSpec['dateProperty'], range: DateRange): Uint32Array {
  const key = `${dateProperty}|${range.from}|${range.to}`;
  const cached = cachedSelection(cache, key);
  if (cached) return cached;
  const dates = table[dateProperty].values;
  const { from, to } = range;
  let rows: Uint32Array;
  if (dateProperty === 'createdAt' && cache.createdSorted) {
    // Rows are in creation order: the range is one run of rows, found by two binary searches.
    rows = to > from ? identityRows(table, cache).subarray(lowerBound(dates, from), lowerBound(dates, to)) : new Uint32Array(0);
  } else {
    const out = new Uint32Array(table.size);
    rows = shrink(out, rowsInRange(out, dates, from, to));
  }
  storeSelection(cache, key, rows);
  return rows;
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

/** Drops the unused tail: a copy when it saves more than half, else a view. */
function shrink(rows: Uint32Array, count: number): Uint32Array {
  return count < rows.length / 2 ? rows.slice(0, count) : rows.subarray(0, count);
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
  let rows = dateRows(table, cache, dateProperty, range);
  let key = `${dateProperty}|${range.from}|${range.to}`;
  let previous = '';
  for (const { filter, key: part } of filters) {
    if (part === previous) continue; // the same filter twice changes nothing
    previous = part;
    key += `&${part}`;
    const cached = cachedSelection(cache, key);
    if (cached) {
      rows = cached;
      continue;
    }
    rows = refine(table, rows, filter);
    storeSelection(cache, key, rows);
  }
  return rows;
}

function refine(table: ConversationTable, rows: Uint32Array, filter: Filter): Uint32Array {
  const compiled = compileFilters(table, [filter])[0]!;
  if (compiled.kind === 'mask' && compiled.passes === 'all') return rows;
  if (compiled.kind === 'mask' && compiled.passes === 'none') return new Uint32Array(0);
  const out = new Uint32Array(rows.length);
  return shrink(out, refineRows(rows, compiled, out));
}
