import {
  collectGroups,
  combine,
  countAndMeasurePair,
  countGroups,
  isQuantile,
  measureGroups,
  statsOfKept,
  type GroupSource,
  type GroupStats,
  type MeasureSource,
  type MeasureStats,
} from './aggregate.ts';
import { columnAccess } from '../table/columns.ts';
import { InvalidMeasureError } from '../errors.ts';
import type { HistogramQuantiles } from './quantile-histogram.ts';
import { quantileImplementation } from './quantile-registry.ts';
import { addCubeMeasure, buildCube, cubeRead, readCube, tableCubes, type CubeRead } from './cube.ts';
import { filterKey, filtersOf } from './filters.ts';
import { groupIdsOf, groupRows, type Grouping } from './group-rows.ts';
import { tableCache } from './report-cache.ts';
import type { Measure, ReportSpec } from '../schema/report-spec.ts';
import { selectRows } from './select-rows.ts';
import type { ConversationTable } from '../table/table.ts';
import { assertTimeZone } from '../time/time-buckets.ts';
import { isEpochMs, MAX_EPOCH_MS } from '../schema/timestamp.ts';
import type { Aggregate, DateRange, GroupKey, ReportContext } from '../types.ts';

export const ALL_KEY = '__all__';

export { InvalidMeasureError };

/** The grouped, aggregated rows of one period, before they become report rows. */
export interface GroupedPeriod {
  /** The rows in the period (absent when a cube answered without listing them). */
  selected?: Uint32Array;
  /** Their number. */
  matched: number;
  dimension: Grouping;
  series: Grouping | null;
  /** Group id of a (dimension d, series s) cell: d * seriesCount + s. */
  seriesCount: number;
  stats: GroupStats;
}

function singleGroup(rows: number): Grouping {
  return { ids: new Int32Array(rows), keys: [ALL_KEY], labels: ['All conversations'], isDate: false, alwaysShown: 1 };
}

/** A measure's values as a row-indexed source (coded numbers get a cached numeric view). */
function measureSource(table: ConversationTable, measure: Measure & { property: string }): MeasureSource {
  const access = columnAccess(table, measure.property);
  if (access.kind === 'number') return { values: access.values, minus: access.minus ?? null };
  if (access.kind === 'dict' && access.values.every((value) => value === null || typeof value === 'number')) {
    const cache = tableCache(table);
    let values = cache.numeric.get(measure.property);
    if (!values) {
      const numeric = Float64Array.from(access.values, (value) => (typeof value === 'number' ? value : Number.NaN));
      values = new Float64Array(access.codes.length);
      for (let i = 0; i < values.length; i++) values[i] = numeric[access.codes[i]!]!;
      cache.numeric.set(measure.property, values);
    }
    return { values, minus: null };
  }
  throw new InvalidMeasureError(`"${measure.op}" needs a numeric property; "${measure.property}" is not numeric.`);
}

/** A quantile measure's values: grouped in one buffer, or (few groups) histograms of them (quantile-histogram.ts). */
type KeptValues = { offsets: Uint32Array; buffer: Float64Array; quantileMemo?: Map<number, Float64Array> } | { histogram: HistogramQuantiles };

/** Whether a quantile over these rows and groups is read from histograms (quantile-histogram.ts). */
function byHistogram(selected: Uint32Array, groups: number): boolean {
  const { HISTOGRAM_MAX_GROUPS, HISTOGRAM_MIN_ROWS } = quantileImplementation();
  return groups <= HISTOGRAM_MAX_GROUPS && selected.length >= HISTOGRAM_MIN_ROWS;
}

/** Histograms of a quantile measure's values, with n and sum, and the rows per group (nulls included) of the same pass. */
function histogramValues(selected: Uint32Array, source: GroupSource, groups: number, values: MeasureSource): { kept: KeptValues; stats: MeasureStats; count: Float64Array } {
  const input = { rows: selected, codes: 'codes' in source ? source.codes : null, ids: 'ids' in source ? source.ids : null, values: values.values, minus: values.minus };
  const { quantiles, stats, count } = quantileImplementation().HistogramQuantiles.build(input, groups);
  return { kept: { histogram: quantiles }, stats, count };
}

/**
 * What quantiles of `measure` need, with n and sum per group, and min and max when `extent` says
 * so (histograms do not compute them). `capacity`: rows (or values) per group, for `collectGroups`.
 */
function keepValues(selected: Uint32Array, source: GroupSource, groups: number, values: MeasureSource, capacity: Float64Array): { kept: KeptValues; stats: MeasureStats; extent: boolean } {
  if (byHistogram(selected, groups)) return { ...histogramValues(selected, source, groups, values), extent: false };
  const kept = collectGroups(selected, source, groups, values, capacity);
  return { kept, stats: statsOfKept(kept, groups), extent: true };
}

interface GroupedCells {
  dimension: Grouping;
  series: Grouping | null;
  seriesCount: number;
  source: GroupSource;
  /** Cells the source counts into; more than `groups` when codes fold into groups. */
  rawGroups: number;
  fold: Uint32Array | null;
  groups: number;
  count?: Float64Array;
  measures: Map<string, { raw: MeasureStats; folded: MeasureStats; extent: boolean; kept?: KeptValues }>;
}

/** Adds per-code accumulators into per-group ones (min and max take the extremes). */
function foldArray(raw: Float64Array, fold: Uint32Array, groups: number, how: 'sum' | 'min' | 'max'): Float64Array {
  const out = new Float64Array(groups);
  if (how === 'min') out.fill(Number.POSITIVE_INFINITY);
  if (how === 'max') out.fill(Number.NEGATIVE_INFINITY);
  for (let c = 0; c < raw.length; c++) {
    const g = fold[c]!;
    if (how === 'sum') out[g]! += raw[c]!;
    else if (how === 'min') out[g] = Math.min(out[g]!, raw[c]!);
    else out[g] = Math.max(out[g]!, raw[c]!);
  }
  return out;
}

function foldMeasure(raw: MeasureStats, fold: Uint32Array | null, groups: number): MeasureStats {
  if (!fold) return raw;
  return {
    n: foldArray(raw.n, fold, groups, 'sum'),
    sum: foldArray(raw.sum, fold, groups, 'sum'),
    min: foldArray(raw.min, fold, groups, 'min'),
    max: foldArray(raw.max, fold, groups, 'max'),
  };
}

/**
 * One batch of reports over one table: selections, groupings and per-group sums are made once
 * and shared by every report that needs them. Reports on the same rows and dimension (volume,
 * response time and time to close by assignee) read the group of each row once; measures on the
 * same property (avg and median of responseTime) share one pass.
 */
export class PeriodBatch {
  readonly #groupings = new Map<string, GroupedCells>();
  /** Measure properties each grouping will be asked for in this batch (see `plan`). */
  readonly #planned = new Map<string, Set<string>>();
  /** Measure properties (and those needing min/max) each cube will be asked for (see `plan`). */
  readonly #cubePlans = new Map<string, { measures: Map<string, MeasureSource>; extent: Set<string> }>();
  /**
   * @param needRows Every period lists its rows (`selected`), as drilling needs; otherwise reports
   *   that a cube can answer (see cube.ts) are computed without listing them.
   */
  constructor(
    readonly table: ConversationTable,
    readonly timeZone: string,
    readonly needRows = false,
  ) {}

  readonly #built = (key: string): boolean => tableCubes(this.table).has(key);

  #cubeRead(spec: ReportSpec, range: DateRange): CubeRead | null {
    return this.needRows ? null : cubeRead(this.table, spec, range, this.timeZone, this.#built);
  }

  #cubePlan(read: CubeRead, spec: ReportSpec): void {
    let plan = this.#cubePlans.get(read.key);
    if (!plan) this.#cubePlans.set(read.key, (plan = { measures: new Map(), extent: new Set() }));
    const { measure } = spec;
    if (measure.op === 'count') return;
    let source: MeasureSource;
    try {
      source = measureSource(this.table, measure);
    } catch {
      return; // that report fails on its own, with its own error
    }
    plan.measures.set(measure.property, source);
    if (measure.op === 'min' || measure.op === 'max') plan.extent.add(measure.property);
  }

  #fromCube(read: CubeRead, spec: ReportSpec): GroupedPeriod {
    const { measure } = spec;
    const source = measure.op === 'count' ? null : measureSource(this.table, measure);
    const cubes = tableCubes(this.table);
    let cube = cubes.get(read.key);
    if (!cube) {
      this.#cubePlan(read, spec);
      const plan = this.#cubePlans.get(read.key)!;
      cube = buildCube(read, plan.measures, plan.extent);
      cubes.set(read.key, cube);
    }
    if (source && measure.op !== 'count') {
      const extent = measure.op === 'min' || measure.op === 'max';
      const have = cube.measures.get(measure.property);
      if (!have || (extent && !have.extent)) {
        addCubeMeasure(cube, read, measure.property, source, extent);
        cubes.set(read.key, cube);
      }
    }
    const { groups, count, stats, matched } = readCube(cube, read, measure.op === 'count' ? null : measure.property);
    const zero = stats ? null : new Float64Array(groups);
    return {
      matched,
      dimension: read.grouping,
      series: null,
      seriesCount: 1,
      stats: { groups, count, n: stats?.n ?? zero!, sum: stats?.sum ?? zero!, min: stats?.min ?? zero!, max: stats?.max ?? zero! },
    };
  }

  #keys(spec: ReportSpec, range: DateRange): string {
    const dateKey = `${spec.dateProperty ?? 'createdAt'}|${range.from}|${range.to}|${filtersOf(spec).map(filterKey).sort().join('&')}`;
    return `${dateKey}#${spec.dimension ?? ''}|${spec.timeBucket ?? ''}#${spec.breakdown ?? ''}|${this.timeZone}`;
  }

  /**
   * Tells the batch which reports are coming, so that a grouping's first pass can already sum
   * every measure later reports ask of it (volume, response time and time to close by assignee
   * then read the rows once).
   */
  plan(specs: readonly ReportSpec[], ranges: readonly DateRange[]): void {
    for (const spec of specs) {
      for (const range of ranges) {
        const read = this.#cubeRead(spec, range);
        if (read) this.#cubePlan(read, spec);
      }
      if (spec.measure.op === 'count') continue;
      for (const range of ranges) {
        const key = this.#keys(spec, range);
        let properties = this.#planned.get(key);
        if (!properties) this.#planned.set(key, (properties = new Set()));
        properties.add(spec.measure.property);
      }
    }
  }

  /** Count and two durations of one pass, when the plan has two durations on a plain categorical. */
  #fusedPass(key: string, cells: GroupedCells, selected: Uint32Array): void {
    const planned = this.#planned.get(key);
    if (!planned || cells.count || cells.fold || !('codes' in cells.source)) return;
    const durations: { property: string; source: MeasureSource }[] = [];
    for (const property of planned) {
      if (cells.measures.has(property)) continue;
      let access: ReturnType<typeof columnAccess>;
      try {
        access = columnAccess(this.table, property);
      } catch {
        continue; // that report fails on its own, with its own error
      }
      if (access.kind === 'number' && access.minus) durations.push({ property, source: { values: access.values, minus: access.minus } });
    }
    const [first, second] = durations;
    if (!first || !second || first.source.minus !== second.source.minus) return;
    const fused = countAndMeasurePair(selected, cells.source.codes, cells.groups, first.source.values, second.source.values, first.source.minus!);
    cells.count = fused.count;
    cells.measures.set(first.property, { raw: fused.stats[0], folded: fused.stats[0], extent: false });
    cells.measures.set(second.property, { raw: fused.stats[1], folded: fused.stats[1], extent: false });
  }

  period(spec: ReportSpec, range: DateRange): GroupedPeriod {
    const { table, timeZone } = this;
    const read = this.#cubeRead(spec, range);
    if (read) return this.#fromCube(read, spec);
    const selected = selectRows(table, spec, range);
    const options = { timeBucket: spec.timeBucket, range, timeZone };
    const groupKey = this.#keys(spec, range);
    let cells = this.#groupings.get(groupKey);
    if (!cells) {
      const dimension = spec.dimension ? groupRows(table, spec.dimension, selected, options, Boolean(spec.breakdown)) : singleGroup(selected.length);
      const series = spec.breakdown ? groupRows(table, spec.breakdown, selected, options) : null;
      const seriesCount = series ? series.keys.length : 1;
      const groups = dimension.keys.length * seriesCount;
      let source: GroupSource;
      let fold: Uint32Array | null = null;
      if (series) {
        const ids = new Int32Array(selected.length);
        const dimensionIds = groupIdsOf(dimension, selected);
        const seriesIds = series.ids!;
        for (let k = 0; k < selected.length; k++) ids[k] = dimensionIds[k]! * seriesCount + seriesIds[k]!;
        source = { ids };
      } else if (dimension.ids) source = { ids: dimension.ids };
      else {
        source = { codes: dimension.codes! };
        fold = dimension.fold ?? null;
      }
      const rawGroups = fold ? fold.length : groups;
      cells = { dimension, series, seriesCount, source, rawGroups, fold, groups, measures: new Map() };
      this.#groupings.set(groupKey, cells);
    }
    this.#fusedPass(groupKey, cells, selected);
    const { dimension, series, seriesCount, source, groups, rawGroups, fold } = cells;
    const { measure } = spec;
    if (!cells.count && !fold && measure.op !== 'count' && isQuantile(measure) && !cells.measures.has(measure.property) && byHistogram(selected, groups)) {
      // The histograms' pass counts the rows too: no counting pass of its own.
      const { kept, stats: raw, count } = histogramValues(selected, source, groups, measureSource(table, measure));
      cells.count = count;
      cells.measures.set(measure.property, { raw, folded: raw, extent: false, kept });
    }
    cells.count ??= fold ? foldArray(countGroups(selected, source, rawGroups), fold, groups, 'sum') : countGroups(selected, source, groups);
    const count = cells.count;
    if (measure.op === 'count') {
      const zero = new Float64Array(groups);
      return { selected, matched: selected.length, dimension, series, seriesCount, stats: { groups, count, n: zero, sum: zero, min: zero, max: zero } };
    }
    const values = measureSource(table, measure);
    const extent = measure.op === 'min' || measure.op === 'max';
    let stats = cells.measures.get(measure.property);
    if (!stats && isQuantile(measure) && !fold) {
      // The values a quantile needs give n, sum, min and max too, without another pass.
      const { kept, stats: raw, extent: known } = keepValues(selected, source, groups, values, count);
      stats = { raw, folded: raw, extent: known, kept };
      cells.measures.set(measure.property, stats);
    }
    if (!stats || (extent && !stats.extent)) {
      const raw = measureGroups(selected, source, rawGroups, values, extent);
      stats = { raw, folded: foldMeasure(raw, fold, groups), extent, ...(stats?.kept ? { kept: stats.kept } : {}) };
      cells.measures.set(measure.property, stats);
    }
    // Codes that fold into groups (page URLs) need their group per row to keep values together.
    if (isQuantile(measure))
      stats.kept ??= fold
        ? keepValues(selected, { ids: groupIdsOf(dimension, selected) }, groups, values, stats.folded.n).kept
        : keepValues(selected, source, rawGroups, values, stats.raw.n).kept;
    const { n, sum, min, max } = stats.folded;
    return { selected, matched: selected.length, dimension, series, seriesCount, stats: { groups, count, n, sum, min, max, ...(stats.kept ?? {}) } };
  }
}

export function groupPeriod(table: ConversationTable, spec: ReportSpec, range: DateRange, timeZone: string, batch?: PeriodBatch): GroupedPeriod {
  return (batch ?? new PeriodBatch(table, timeZone)).period(spec, range);
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

export type Order = NonNullable<ReportSpec['sort']>;

/** What a row order reads of a group. */
export interface Orderable {
  key: GroupKey;
  label: string;
  total: { value: number | null };
}

/**
 * The order of report rows, shared by the browser engine and the SQL adapter (whose results must
 * match): `order`, or by default date dimensions by key ascending and the rest by value descending;
 * nulls last whatever the direction; ties by label, then key.
 */
export function rowOrder<T extends Orderable>(order: Order | undefined, isDate: boolean): (a: T, b: T) => number {
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
const byValueThenLabel = rowOrder<Ranked>({ by: 'value', direction: 'desc' }, false);

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

export function validateContext(context: ReportContext): void {
  const { from, to } = context.range;
  if (!Number.isFinite(from) || !Number.isFinite(to)) throw new RangeError('The date range needs finite epoch-ms `from` and `to`.');
  if (!isEpochMs(from) || !isEpochMs(to)) throw new RangeError(`The date range must lie within the Date range (|t| ≤ ${MAX_EPOCH_MS} ms).`);
  if (to < from) throw new RangeError('The date range ends before it starts (`to` is earlier than `from`).');
  assertTimeZone(context.timeZone);
}

export function planReport(table: ConversationTable, spec: ReportSpec, context: ReportContext, batch?: PeriodBatch): ReportPlan {
  validateContext(context);
  const period = groupPeriod(table, spec, context.range, context.timeZone, batch);
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
  dimensions.sort(rowOrder(spec.sort, dimension.isDate));
  const shownSeries: Ranked[] = [];
  if (series) {
    series.keys.forEach((key, s) => {
      const cells: number[] = [];
      for (let d = 0; d < dimension.keys.length; d++) cells.push(d * seriesCount + s);
      const total = combine(stats, cells, spec.measure);
      if (total.count > 0) shownSeries.push({ id: s, key, label: series.labels[s]!, total });
    });
    shownSeries.sort(rowOrder(undefined, series.isDate));
  }
  return { period, dimensions, folded, series: shownSeries };
}

export function previousRange(range: DateRange): DateRange {
  return { from: range.from - (range.to - range.from), to: range.from };
}
