import { combine } from './aggregate.ts';
import { PeriodBatch, groupPeriod, keyId, planReport, previousRange, validateContext, type GroupedPeriod } from './report-plan.ts';
import { alignPreviousBuckets } from './previous-buckets.ts';
import { derivedContext, resolveSpec, type DerivedContext } from '../table/derived-columns.ts';
import type { ReportSpec } from '../schema/report-spec.ts';
import type { ConversationTable } from '../table/table.ts';
import { OTHER_KEY, type Aggregate, type GroupKey, type ReportContext, type ReportResult, type ReportRow } from '../types.ts';

export const OTHER_LABEL = 'Other';

function allCells(period: GroupedPeriod): number[] {
  return Array.from({ length: period.stats.groups }, (_, g) => g);
}

/** (dimension key, series key) → cell id in a period, for matching the previous period by key. */
function cellsByKey(period: GroupedPeriod): Map<string, number> {
  const cells = new Map<string, number>();
  period.dimension.keys.forEach((dimensionKey, d) => {
    for (let s = 0; s < period.seriesCount; s++) {
      const seriesKey = period.series ? period.series.keys[s] : undefined;
      cells.set(`${keyId(dimensionKey)}|${keyId(seriesKey)}`, d * period.seriesCount + s);
    }
  });
  return cells;
}

/**
 * Computes one report over the table: the rows in `spec.dateProperty` ∈ [from, to) that pass every
 * filter, grouped by dimension (and breakdown), measured, ordered and limited as DESIGN.md says.
 */
export function computeReport(table: ConversationTable, spec: ReportSpec, context: ReportContext): ReportResult {
  return computeWithBatch(table, resolveSpec(table, spec, derivedContext(context)), context, new PeriodBatch(table, context.timeZone));
}

/**
 * Several reports over one table and context, sharing the work: reports with the same date
 * property and filters select their rows once, reports grouped by the same property group them
 * once, measures of the same property are summed once. Each result equals what `computeReport`
 * gives for that spec alone. Throws on the first spec that cannot be computed; use `ReportBatch`
 * to get one outcome per spec instead.
 */
export function computeReports(table: ConversationTable, specs: readonly ReportSpec[], context: ReportContext): ReportResult[] {
  const batch = new ReportBatch(table, context);
  batch.plan(specs);
  return specs.map((spec) => batch.compute(spec));
}

/** A batch of reports over one table and context whose specs are computed one at a time, sharing work. */
export class ReportBatch {
  readonly #batch: PeriodBatch;
  /** One `now` for every report of the batch (SLA states of conversations still waiting). */
  readonly #derived: DerivedContext;
  constructor(
    readonly table: ConversationTable,
    readonly context: ReportContext,
  ) {
    validateContext(context);
    this.#batch = new PeriodBatch(table, context.timeZone);
    this.#derived = derivedContext(context);
  }

  #resolve(spec: ReportSpec): ReportSpec | null {
    try {
      return resolveSpec(this.table, spec, this.#derived);
    } catch {
      return null; // that report fails on its own, with its own error, in compute()
    }
  }

  /** Announces the specs about to be computed, so shared passes can serve all of them at once. */
  plan(specs: readonly ReportSpec[]): void {
    const ranges = [this.context.range, ...(this.context.compare === 'previous-period' ? [previousRange(this.context.range)] : [])];
    this.#batch.plan(
      specs.map((spec) => this.#resolve(spec)).filter((spec): spec is ReportSpec => spec !== null),
      ranges,
    );
  }

  /** The report for `spec`; throws like `computeReport` when it cannot be computed. */
  compute(spec: ReportSpec): ReportResult {
    return computeWithBatch(this.table, resolveSpec(this.table, spec, this.#derived), this.context, this.#batch);
  }
}

function computeWithBatch(table: ConversationTable, spec: ReportSpec, context: ReportContext, batch: PeriodBatch): ReportResult {
  const plan = planReport(table, spec, context, batch);
  const { period } = plan;
  const { stats, seriesCount, dimension } = period;
  const seriesList = period.series ? plan.series : [null];
  const empty = (): Aggregate => ({ value: spec.measure.op === 'count' ? 0 : null, count: 0 });

  const previous = context.compare === 'previous-period' ? groupPeriod(table, spec, previousRange(context.range), context.timeZone, batch) : null;
  const previousCells = previous ? cellsByKey(previous) : null;
  const previousOf = (dimensionKey: GroupKey, seriesKey: GroupKey | undefined): Aggregate => {
    const cell = previousCells?.get(`${keyId(dimensionKey)}|${keyId(seriesKey)}`);
    return previous && cell !== undefined && previous.stats.count[cell]! > 0 ? combine(previous.stats, [cell], spec.measure) : empty();
  };
  // Date buckets meet their previous bucket by position, not by key (see previous-buckets.ts).
  const alignedBucket = previous && dimension.isDate ? alignPreviousBuckets(dimension.alwaysShown, previous.dimension.alwaysShown) : null;

  const rows: ReportRow[] = [];
  const withSeries = (row: ReportRow, s: (typeof seriesList)[number]): ReportRow =>
    s ? { ...row, series: s.key, seriesLabel: s.label } : row;

  for (const d of plan.dimensions) {
    for (const s of seriesList) {
      const cell = d.id * seriesCount + (s?.id ?? 0);
      if (stats.count[cell] === 0 && !(dimension.isDate && d.id < dimension.alwaysShown)) continue;
      const aggregate = stats.count[cell] === 0 ? empty() : combine(stats, [cell], spec.measure);
      const row = withSeries({ key: d.key, label: d.label, ...aggregate }, s);
      if (alignedBucket) {
        const p = d.id < alignedBucket.length ? alignedBucket[d.id]! : -1;
        if (p >= 0) {
          const previousKey = previous!.dimension.keys[p] as number;
          row.previous = previousOf(previousKey, s?.key);
          row.previousKey = previousKey;
        }
      } else if (previousCells) row.previous = previousOf(d.key, s?.key);
      rows.push(row);
    }
  }

  if (plan.folded.length > 0) {
    const keptKeys = new Set(plan.dimensions.map((d) => keyId(d.key)));
    for (const s of seriesList) {
      const cells = plan.folded.map((d) => d.id * seriesCount + (s?.id ?? 0));
      const aggregate = combine(stats, cells, spec.measure);
      if (aggregate.count === 0) continue;
      const row = withSeries({ key: OTHER_KEY, label: OTHER_LABEL, ...aggregate }, s);
      if (previous && previousCells) {
        const others: number[] = [];
        previous.dimension.keys.forEach((key, d) => {
          if (keptKeys.has(keyId(key))) return;
          if (s) {
            const ps = previous.series?.keys.findIndex((k) => keyId(k) === keyId(s.key)) ?? -1;
            if (ps >= 0) others.push(d * previous.seriesCount + ps);
          } else others.push(d);
        });
        const aggregatePrevious = combine(previous.stats, others, spec.measure);
        row.previous = aggregatePrevious.count > 0 ? aggregatePrevious : empty();
      }
      rows.push(row);
    }
  }

  const total: ReportResult['total'] = combine(stats, allCells(period), spec.measure);
  if (previous) total.previous = combine(previous.stats, allCells(previous), spec.measure);
  const result: ReportResult = { reportId: spec.id, rows, total, matched: period.matched };
  if (spec.measure.op !== 'count') result.excluded = result.matched - stats.n.reduce((sum, n) => sum + n, 0);
  return result;
}
