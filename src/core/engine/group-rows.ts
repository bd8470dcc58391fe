import type { PropertyValue } from '../schema/conversation.ts';
import type { TimeBucket } from '../schema/report-spec.ts';
import { columnAccess, numberAt } from '../table/columns.ts';
import { labeller, nullLabel } from '../table/labels.ts';
import { tableCache } from './report-cache.ts';
import type { Codes, ConversationTable } from '../table/table.ts';
import { bucketBoundaries, bucketLabel, fromWall, nextWall, toWall, truncateWall } from '../time/time-buckets.ts';
import type { DateRange, GroupKey } from '../types.ts';

/** The groups of one property over a selection: what they are called, whatever the rows. */
export interface GroupInfo {
  keys: GroupKey[];
  labels: string[];
  isDate: boolean;
  /** Date groups: ids below this are the range's buckets, shown even when empty. */
  alwaysShown: number;
}

/**
 * Selected rows assigned to dense groups of one property. A plain categorical property needs no
 * per-row ids at all: its dictionary codes are the group ids, read straight from the column.
 */
export interface Grouping extends GroupInfo {
  /** Group id of each selected row, in selection order (absent when `codes` gives it). */
  ids?: Int32Array;
  /** Row-indexed codes that are the group ids themselves, or map to them through `fold`. */
  codes?: Codes;
  /** Code → group id, where several codes make one group (page URLs by their normalized form). */
  fold?: Uint32Array;
}

export interface GroupOptions {
  timeBucket?: TimeBucket | undefined;
  range: DateRange;
  timeZone: string;
}

/** Dense ids for values met row by row (numbers and free text), null included. */
function groupByValue(selected: Uint32Array, read: (i: number) => PropertyValue, label: (value: PropertyValue) => string): Grouping {
  const idOf = new Map<PropertyValue, number>();
  const keys: GroupKey[] = [];
  const ids = new Int32Array(selected.length);
  for (let k = 0; k < selected.length; k++) {
    const value = read(selected[k]!);
    let id = idOf.get(value);
    if (id === undefined) {
      id = keys.length;
      keys.push(value);
      idOf.set(value, id);
    }
    ids[k] = id;
  }
  return { ids, keys, labels: keys.map((key) => label(key)), isDate: false, alwaysShown: 0 };
}

interface Buckets {
  bounds: Float64Array;
  labels: string[];
}

const bucketCache = new Map<string, Buckets>();
const BUCKET_CACHE_SIZE = 64;

/** Bucket boundaries and labels of a range: a few Intl calls a bucket, so kept between calls. */
function rangeBuckets(range: DateRange, bucket: TimeBucket, timeZone: string): Buckets {
  const key = `${bucket}|${timeZone}|${range.from}|${range.to}`;
  let buckets = bucketCache.get(key);
  if (!buckets) {
    const bounds = Float64Array.from(bucketBoundaries(range.from, range.to, bucket, timeZone));
    const labels = Array.from(bounds.subarray(0, Math.max(bounds.length - 1, 0)), (start) => bucketLabel(start, bucket, timeZone));
    buckets = { bounds, labels };
    if (bucketCache.size >= BUCKET_CACHE_SIZE) bucketCache.delete(bucketCache.keys().next().value!);
    bucketCache.set(key, buckets);
  }
  return buckets;
}

function groupByBucket(
  selected: Uint32Array,
  values: Float64Array,
  minus: Float64Array | undefined,
  bucket: TimeBucket,
  options: GroupOptions,
  nullName: string,
): Grouping {
  const { range, timeZone } = options;
  const { bounds, labels: rangeLabels } = rangeBuckets(range, bucket, timeZone);
  const inRange = Math.max(bounds.length - 1, 0);
  const keys: GroupKey[] = Array.from(bounds.subarray(0, inRange));
  const labels = rangeLabels.slice();
  const first = bounds[0] ?? 0;
  const last = bounds[inRange] ?? 0;
  const width = inRange > 0 ? (last - first) / inRange : 1;
  // Buckets outside the range (a closedAt dimension over a createdAt range): each found once, as
  // an interval, so the zone is asked once per bucket rather than once per row.
  const extraStarts: number[] = [];
  const extraEnds: number[] = [];
  const extraIds: number[] = [];
  let nullId = -1;
  const ids = new Int32Array(selected.length);
  let b = 0;
  for (let k = 0; k < selected.length; k++) {
    const i = selected[k]!;
    const t = minus ? values[i]! - minus[i]! : values[i]!;
    if (t >= first && t < last) {
      // Sorted input walks forward bucket by bucket; otherwise guess from the mean width and step.
      if (!(t >= bounds[b]! && t < bounds[b + 1]!)) {
        b = Math.min(inRange - 1, Math.floor((t - first) / width));
        while (t < bounds[b]!) b--;
        while (t >= bounds[b + 1]!) b++;
      }
      ids[k] = b;
      continue;
    }
    if (t !== t) {
      if (nullId < 0) {
        nullId = keys.length;
        keys.push(null);
        labels.push(nullName);
      }
      ids[k] = nullId;
      continue;
    }
    let lo = 0;
    let hi = extraStarts.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (extraEnds[mid]! <= t) lo = mid + 1;
      else hi = mid;
    }
    if (lo < extraStarts.length && extraStarts[lo]! <= t) {
      ids[k] = extraIds[lo]!;
      continue;
    }
    const wall = truncateWall(toWall(t, timeZone), bucket);
    const start = fromWall(wall, timeZone);
    const end = fromWall(nextWall(wall, bucket), timeZone);
    const id = keys.length;
    keys.push(start);
    labels.push(bucketLabel(start, bucket, timeZone));
    extraStarts.splice(lo, 0, start);
    extraEnds.splice(lo, 0, end);
    extraIds.splice(lo, 0, id);
    ids[k] = id;
  }
  return { ids, keys, labels, isDate: true, alwaysShown: inRange };
}

function cachedLabeller(table: ConversationTable, property: string): (value: PropertyValue) => string {
  const cache = tableCache(table);
  let label = cache.labels.get(property);
  if (!label) {
    label = labeller(table, property);
    cache.labels.set(property, label);
  }
  return label;
}

/**
 * Groups the selected rows by `property` (dimension or breakdown). With `needIds`, every row gets
 * an explicit group id even where the dictionary codes would do (breakdowns combine two of them).
 */
export function groupRows(table: ConversationTable, property: string, selected: Uint32Array, options: GroupOptions, needIds = true): Grouping {
  const access = columnAccess(table, property);
  const label = cachedLabeller(table, property);
  switch (access.kind) {
    case 'dict': {
      const { codes, groupOf } = access;
      const values = access.groupValues ?? access.values;
      const keys = values.map((value) => value as GroupKey);
      const info = { keys, labels: keys.map((key) => label(key)), isDate: false, alwaysShown: 0 };
      if (!needIds) return groupOf ? { ...info, codes, fold: groupOf } : { ...info, codes };
      const ids = new Int32Array(selected.length);
      if (groupOf) for (let k = 0; k < selected.length; k++) ids[k] = groupOf[codes[selected[k]!]!]!;
      else for (let k = 0; k < selected.length; k++) ids[k] = codes[selected[k]!]!;
      return { ...info, ids };
    }
    case 'number':
      if (access.isDate) return groupByBucket(selected, access.values, access.minus, options.timeBucket ?? 'day', options, nullLabel(property));
      return groupByValue(
        selected,
        (i) => {
          const value = numberAt(access, i);
          return Number.isNaN(value) ? null : value;
        },
        label,
      );
    case 'text':
      return groupByValue(selected, access.at, label);
  }
}

/** Group ids per selected row, whatever form the grouping took. */
export function groupIdsOf(grouping: Grouping, selected: Uint32Array): Int32Array {
  if (grouping.ids) return grouping.ids;
  const codes = grouping.codes!;
  const ids = new Int32Array(selected.length);
  const fold = grouping.fold;
  if (fold) for (let k = 0; k < selected.length; k++) ids[k] = fold[codes[selected[k]!]!]!;
  else for (let k = 0; k < selected.length; k++) ids[k] = codes[selected[k]!]!;
  return ids;
}
