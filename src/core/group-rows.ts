import type { PropertyValue } from './schema/conversation.ts';
import type { TimeBucket } from './schema/report-spec.ts';
import { columnAccess, numberAt } from './columns.ts';
import { labeller, nullLabel } from './labels.ts';
import type { ConversationTable } from './table.ts';
import { bucketBoundaries, bucketLabel, bucketStart } from './time-buckets.ts';
import type { DateRange, GroupKey } from './types.ts';

/** Selected rows assigned to dense groups of one property. */
export interface Grouping {
  /** Group id of each selected row, in selection order. */
  ids: Int32Array;
  keys: GroupKey[];
  labels: string[];
  isDate: boolean;
  /** Date groups: ids below this are the range's buckets, shown even when empty. */
  alwaysShown: number;
}

export interface GroupOptions {
  timeBucket?: TimeBucket | undefined;
  range: DateRange;
  timeZone: string;
}

/** Dense ids for values met row by row (numbers and free text), null included. */
function groupByValue(
  selected: Uint32Array,
  read: (i: number) => PropertyValue,
  label: (value: PropertyValue) => string,
): Grouping {
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

function groupByBucket(
  selected: Uint32Array,
  values: Float64Array,
  minus: Float64Array | undefined,
  bucket: TimeBucket,
  options: GroupOptions,
  nullName: string,
): Grouping {
  const { range, timeZone } = options;
  const bounds = bucketBoundaries(range.from, range.to, bucket, timeZone);
  const inRange = Math.max(bounds.length - 1, 0);
  const keys: GroupKey[] = bounds.slice(0, inRange);
  const first = bounds[0] ?? 0;
  const last = bounds[inRange] ?? 0;
  const width = inRange > 0 ? (last - first) / inRange : 1;
  const extra = new Map<number | null, number>();
  const ids = new Int32Array(selected.length);
  for (let k = 0; k < selected.length; k++) {
    const i = selected[k]!;
    const t = minus ? values[i]! - minus[i]! : values[i]!;
    if (t >= first && t < last) {
      // Buckets are nearly uniform (DST and month lengths aside): guess, then step to the right one.
      let b = Math.min(inRange - 1, Math.floor((t - first) / width));
      while (t < bounds[b]!) b--;
      while (t >= bounds[b + 1]!) b++;
      ids[k] = b;
      continue;
    }
    const key = Number.isNaN(t) ? null : bucketStart(t, bucket, timeZone);
    let id = extra.get(key);
    if (id === undefined) {
      id = keys.length;
      keys.push(key);
      extra.set(key, id);
    }
    ids[k] = id;
  }
  const labels = keys.map((key) => (key === null ? nullName : bucketLabel(key as number, bucket, timeZone)));
  return { ids, keys, labels, isDate: true, alwaysShown: inRange };
}

/** Groups the selected rows by `property` (dimension or breakdown). */
export function groupRows(table: ConversationTable, property: string, selected: Uint32Array, options: GroupOptions): Grouping {
  const access = columnAccess(table, property);
  const label = labeller(table, property);
  switch (access.kind) {
    case 'dict': {
      const { codes, groupOf } = access;
      const values = access.groupValues ?? access.values;
      const ids = new Int32Array(selected.length);
      if (groupOf) for (let k = 0; k < selected.length; k++) ids[k] = groupOf[codes[selected[k]!]!]!;
      else for (let k = 0; k < selected.length; k++) ids[k] = codes[selected[k]!]!;
      const keys = values.map((value) => value as GroupKey);
      return { ids, keys, labels: keys.map((key) => label(key)), isDate: false, alwaysShown: 0 };
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
      return groupByValue(selected, (i) => access.values[i] ?? null, label);
  }
}
