import { accumulate, combine, isQuantile, type GroupStats } from './aggregate.ts';
import { columnAccess, numberAt } from './columns.ts';
import { groupRows, type Grouping } from './group-rows.ts';
import type { ReportSpec } from './schema/report-spec.ts';
import { selectRows } from './select-rows.ts';
import type { ConversationTable } from './table.ts';
import { assertTimeZone } from './time-buckets.ts';
import type { Aggregate, DateRange, GroupKey, ReportContext } from './types.ts';

export const ALL_KEY = '__all__';

export class InvalidMeasureError extends Error {
  override name = 'InvalidMeasureError';
}

/** The grouped, aggregated rows of one period, before they become report rows. */
export interface GroupedPeriod {
  selected: Uint32Array;
  dimension: Grouping;
  series: Grouping | null;
  /** Group id of a (dimension d, series s) cell: d * seriesCount + s. */
  seriesCount: number;
  stats: GroupStats;
}

function singleGroup(rows: number): Grouping {
  return { ids: new Int32Array(rows), keys: [ALL_KEY], labels: ['All conversations'], isDate: false, alwaysShown: 1 };
}

/** Measure values of the selected rows, NaN for null. */
function measureValues(table: ConversationTable, spec: ReportSpec, selected: Uint32Array): Float64Array | null {
  const { measure } = spec;
  if (measure.op === 'count') return null;
  const access = columnAccess(table, measure.property);
  const values = new Float64Array(selected.length);
  if (access.kind === 'number') {
    for (let k = 0; k < selected.length; k++) values[k] = numberAt(access, selected[k]!);
    return values;
  }
  if (access.kind === 'dict' && access.values.every((value) => value === null || typeof value === 'number')) {
    const numeric = Float64Array.from(access.values, (value) => (typeof value === 'number' ? value : Number.NaN));
    for (let k = 0; k < selected.length; k++) values[k] = numeric[access.codes[selected[k]!]!]!;
    return values;
  }
  throw new InvalidMeasureError(`"${measure.op}" needs a numeric property; "${measure.property}" is not numeric.`);
}

export function groupPeriod(table: ConversationTable, spec: ReportSpec, range: DateRange, timeZone: string): GroupedPeriod {
  const selected = selectRows(table, spec, range);
  const options = { timeBucket: spec.timeBucket, range, timeZone };
  const dimension = spec.dimension ? groupRows(table, spec.dimension, selected, options) : singleGroup(selected.length);
  const series = spec.breakdown ? groupRows(table, spec.breakdown, selected, options) : null;
  const seriesCount = series ? series.keys.length : 1;
  let ids = dimension.ids;
  if (series) {
    ids = new Int32Array(selected.length);
    for (let k = 0; k < selected.length; k++) ids[k] = dimension.ids[k]! * seriesCount + series.ids[k]!;
  }
  const values = measureValues(table, spec, selected);
  const stats = accumulate(ids, dimension.keys.length * seriesCount, values, isQuantile(spec.measure));
  return { selected, dimension, series, seriesCount, stats };
}

export function keyId(key: GroupKey | undefined): string {
  return key === null || key === undefined ? 'null' : `${typeof key}:${String(key)}`;
}

function compareLabels(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareKeys(a: GroupKey, b: GroupKey): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  if (typeof a === typeof b) return a < b ? -1 : 1;
  return compareLabels(typeof a, typeof b);
}

/** Nulls last, whatever the direction (as SQL engines such as DuckDB do by default). */
function compareNullableNumbers(a: number | null, b: number | null, direction: 1 | -1): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return (a - b) * direction;
}

interface Ranked {
  id: number;
  key: GroupKey;
  label: string;
  total: Aggregate;
}

type Order = NonNullable<ReportSpec['sort']>;

function sorter(order: Order | undefined, isDate: boolean): (a: Ranked, b: Ranked) => number {
  const effective: Order = order ?? (isDate ? { by: 'key', direction: 'asc' } : { by: 'value', direction: 'desc' });
  const direction = effective.direction === 'asc' ? 1 : -1;
  return (a, b) => {
    let result = 0;
    if (effective.by === 'value') result = compareNullableNumbers(a.total.value, b.total.value, direction);
    else if (effective.by === 'label') result = compareLabels(a.label, b.label) * direction;
    else result = a.key === null || b.key === null ? compareKeys(a.key, b.key) : compareKeys(a.key, b.key) * direction;
    return result || compareLabels(a.label, b.label) || compareKeys(a.key, b.key);
  };
}

/** Top N by value, ties by label: the contract's rule for `limit`, whatever the display order. */
const byValueThenLabel = sorter({ by: 'value', direction: 'desc' }, false);

export interface ReportPlan {
  period: GroupedPeriod;
  /** Dimension groups shown, in display order (the Other row excluded). */
  dimensions: Ranked[];
  /** Dimension groups folded into Other (empty when there is no Other row). */
  folded: Ranked[];
  /** Series groups shown, in display order ([] without a breakdown). */
  series: Ranked[];
}

function cellsOf(period: GroupedPeriod, d: number): number[] {
  const cells: number[] = [];
  for (let s = 0; s < period.seriesCount; s++) cells.push(d * period.seriesCount + s);
  return cells;
}

function validateContext(context: ReportContext): void {
  const { from, to } = context.range;
  if (!Number.isFinite(from) || !Number.isFinite(to)) throw new RangeError('The date range needs finite epoch-ms `from` and `to`.');
  assertTimeZone(context.timeZone);
}

export function planReport(table: ConversationTable, spec: ReportSpec, context: ReportContext): ReportPlan {
  validateContext(context);
  const period = groupPeriod(table, spec, context.range, context.timeZone);
  const { dimension, series, stats, seriesCount } = period;
  let dimensions: Ranked[] = [];
  dimension.keys.forEach((key, id) => {
    const total = combine(stats, cellsOf(period, id), spec.measure);
    if (total.count > 0 || id < dimension.alwaysShown) dimensions.push({ id, key, label: dimension.labels[id]!, total });
  });
  let folded: Ranked[] = [];
  if (spec.limit !== undefined && !dimension.isDate && dimensions.length > spec.limit) {
    dimensions.sort(byValueThenLabel);
    folded = dimensions.slice(spec.limit);
    dimensions = dimensions.slice(0, spec.limit);
  }
  dimensions.sort(sorter(spec.sort, dimension.isDate));
  const shownSeries: Ranked[] = [];
  if (series) {
    series.keys.forEach((key, s) => {
      const cells: number[] = [];
      for (let d = 0; d < dimension.keys.length; d++) cells.push(d * seriesCount + s);
      const total = combine(stats, cells, spec.measure);
      if (total.count > 0) shownSeries.push({ id: s, key, label: series.labels[s]!, total });
    });
    shownSeries.sort(sorter(undefined, series.isDate));
  }
  return { period, dimensions, folded, series: shownSeries };
}

export function previousRange(range: DateRange): DateRange {
  return { from: range.from - (range.to - range.from), to: range.from };
}
