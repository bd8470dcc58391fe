import { ALL_KEY, NULL_LABELS, OTHER_KEY, OTHER_LABEL, alignPreviousBuckets, bucketBoundaries, bucketStart, previousRange } from '../../core/index.ts';
import { derivedValueLabel } from '../../core/table/labels.ts';
import { rowOrder } from '../../core/engine/report-plan.ts';
import type { Lookups } from '../../core/schema/conversation.ts';
import type { ReportSpec, TimeBucket } from '../../core/schema/report-spec.ts';
import { bucketLabel } from '../../core/time/time-buckets.ts';
import type { Aggregate, GroupKey, ReportResult, ReportRow } from '../../core/types.ts';
import type { ReportShape } from './compile-report.ts';
import type { SqlExpr } from './sql-schema.ts';

const ALL_LABEL = 'All conversations';

/** Drivers differ: BIGINT may come back as bigint (DuckDB), text (node-postgres) or a number. */
export function toNumber(value: unknown): number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'string' && value.trim() !== '') {
    const number = Number(value);
    return Number.isNaN(number) ? null : number;
  }
  return null;
}

export function toBoolean(value: unknown): boolean | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'boolean') return value;
  if (value === 1 || value === 't' || value === 'true' || value === 1n) return true;
  if (value === 0 || value === 'f' || value === 'false' || value === 0n) return false;
  return null;
}

/** A group value as the browser engine keys it. */
function groupKey(expr: SqlExpr, value: unknown, instant: unknown, bucket: TimeBucket, timeZone: string): GroupKey {
  switch (expr.kind) {
    case 'date': {
      const at = toNumber(instant);
      return at === null ? null : bucketStart(at, bucket, timeZone);
    }
    case 'number':
      return toNumber(value);
    case 'boolean':
      return toBoolean(value);
    case 'null':
      return null;
    case 'text':
      return value === null || value === undefined ? null : String(value);
  }
}

export function keyId(key: GroupKey | undefined): string {
  return key === null || key === undefined ? 'null' : `${typeof key}:${String(key)}`;
}

function labeller(property: string, expr: SqlExpr, lookups: Lookups, bucket: TimeBucket, timeZone: string): (key: GroupKey) => string {
  const list =
    property === 'assigneeId'
      ? lookups.assignees
      : property === 'inboxId'
        ? lookups.inboxes
        : property === 'chatflowId'
          ? lookups.chatflows
          : property === 'teamId'
            ? (lookups.teams ?? [])
            : [];
  const names = new Map(list.map((entry) => [entry.id, entry.name]));
  const empty = NULL_LABELS[property] ?? 'Unknown';
  return (key) => {
    if (key === null) return empty;
    if (expr.kind === 'date') return bucketLabel(key as number, bucket, timeZone);
    if (typeof key === 'boolean') return key ? 'Yes' : 'No';
    const derived = derivedValueLabel(property, key);
    if (derived !== undefined) return derived;
    return names.get(String(key)) ?? String(key);
  };
}

/** The statement gave two groups that the browser engine keys as one. */
export class DuplicateGroupError extends Error {
  override name = 'DuplicateGroupError';
  constructor(key: GroupKey) {
    super(`The SQL statement returned two groups for the key ${JSON.stringify(key)}; refusing to keep one of them.`);
  }
}

/** Parts by id; two parts with one id are an error, never one silently kept. */
function uniqueBy(parts: readonly Part[], id: (part: Part) => string): Map<string, Part> {
  const map = new Map<string, Part>();
  for (const part of parts) {
    const key = id(part);
    if (map.has(key)) throw new DuplicateGroupError(key);
    map.set(key, part);
  }
  return map;
}

interface Group {
  key: GroupKey;
  label: string;
  total: Aggregate;
  inRange: boolean;
}

interface Part {
  part: string;
  period: number;
  k: unknown;
  s: unknown;
  kt: unknown;
  st: unknown;
  n: number;
  nv: number;
  val: number | null;
  rn: number | null;
}

function readPart(row: Record<string, unknown>): Part {
  return {
    part: String(row.part),
    period: toNumber(row.period) ?? 1,
    k: row.k,
    s: row.s,
    kt: row.kt,
    st: row.st,
    n: toNumber(row.n) ?? 0,
    nv: toNumber(row.nv) ?? 0,
    val: toNumber(row.val),
    rn: toNumber(row.rn),
  };
}

/**
 * Turns the rows of a compiled report statement into the ReportResult the browser engine would give
 * for the same data: the same keys, labels, empty date buckets, order, Other row and previous values.
 */
export function assembleReport(rows: readonly Record<string, unknown>[], shape: ReportShape, lookups: Lookups): ReportResult {
  const { spec, context, dimension, series, bucket, folds } = shape;
  const { timeZone } = context;
  const isCount = spec.measure.op === 'count';
  const empty = (): Aggregate => ({ value: isCount ? 0 : null, count: 0 });
  const aggregate = (part: Part | undefined): Aggregate => (part && part.n > 0 ? { value: isCount ? part.n : part.val, count: part.n } : empty());
  const compare = context.compare === 'previous-period';
  const isDate = dimension?.kind === 'date';
  const parts = rows.map(readPart);
  const of = (name: string, period = 1) => parts.filter((part) => part.part === name && part.period === period);

  const dimensionKey = (part: Part) => (dimension ? groupKey(dimension, part.k, part.kt, bucket, timeZone) : ALL_KEY);
  const seriesKey = (part: Part) => (series ? groupKey(series, part.s, part.st, bucket, timeZone) : null);
  const cellId = (k: GroupKey, s: GroupKey) => `${keyId(k)}|${keyId(s)}`;
  const cells = uniqueBy(of('cell'), (part) => cellId(dimensionKey(part), seriesKey(part)));
  const previousCells = uniqueBy(of('cell', 0), (part) => cellId(dimensionKey(part), seriesKey(part)));

  const totalPart = of('total')[0];
  const total: ReportResult['total'] = aggregate(totalPart);
  if (compare) total.previous = aggregate(of('total', 0)[0]);
  const result: ReportResult = { reportId: spec.id, rows: [], total, matched: total.count };
  if (!isCount) result.excluded = total.count - (totalPart?.nv ?? 0);
  if (!dimension) {
    // One row for everything, as the browser engine gives a report without a dimension (KPIs).
    const row: ReportRow = { key: ALL_KEY, label: ALL_LABEL, value: total.value, count: total.count };
    if (compare) row.previous = { ...total.previous! };
    result.rows.push(row);
    return result;
  }

  const label = labeller(spec.dimension!, dimension, lookups, bucket, timeZone);
  const groups = new Map<string, Group>();
  const fromStatement = new Set<string>();
  const addGroup = (key: GroupKey, totalOf: Aggregate, inRange: boolean, statementGroup: boolean) => {
    const id = keyId(key);
    if (statementGroup) {
      // Two groups of the statement for one key cannot be merged for every measure (a median of
      // medians is not the median): the statement grouped differently from the engine.
      if (fromStatement.has(id)) throw new DuplicateGroupError(key);
      fromStatement.add(id);
    }
    const existing = groups.get(id);
    if (existing) existing.total = totalOf;
    else groups.set(id, { key, label: label(key), total: totalOf, inRange });
  };
  if (isDate) {
    const bounds = bucketBoundaries(context.range.from, context.range.to, bucket, timeZone);
    for (const key of bounds.slice(0, -1)) addGroup(key, empty(), true, false);
  }
  for (const part of series ? of('dim') : of('cell')) addGroup(dimensionKey(part), aggregate(part), false, true);

  let shown = [...groups.values()].filter((group) => group.total.count > 0 || group.inRange);
  let folded: Group[] = [];
  if (folds && spec.limit !== undefined && shown.length > spec.limit) {
    // The kept rows are the statement's ranking, so that the Other row aggregates exactly the rest.
    const kept = new Set(of('rank').filter((part) => (part.rn ?? Infinity) <= spec.limit!).map((part) => keyId(groupKey(dimension, part.k, null, bucket, timeZone))));
    folded = shown.filter((group) => !kept.has(keyId(group.key)));
    shown = shown.filter((group) => kept.has(keyId(group.key)));
  }
  shown.sort(rowOrder(spec.sort, isDate));

  const seriesLabel = series ? labeller(spec.breakdown!, series, lookups, bucket, timeZone) : null;
  if (series) uniqueBy(of('series'), (part) => keyId(seriesKey(part)));
  const shownSeries: (Group | null)[] = series
    ? of('series')
        .map((part): Group => {
          const key = seriesKey(part);
          return { key, label: seriesLabel!(key), total: aggregate(part), inRange: false };
        })
        .filter((group) => group.total.count > 0)
        .sort(rowOrder(undefined, series.kind === 'date'))
    : [null];

  const withSeries = (row: ReportRow, s: Group | null): ReportRow => (s ? { ...row, series: s.key, seriesLabel: s.label } : row);
  const previousOf = (part: Part | undefined): Aggregate => (part && part.n > 0 ? aggregate(part) : empty());
  // A date bucket's previous value is the previous range's bucket at the same position (see core/engine/previous-buckets.ts).
  const previousBucket = new Map<string, number>();
  if (compare && isDate) {
    const current = bucketBoundaries(context.range.from, context.range.to, bucket, timeZone).slice(0, -1);
    const before = previousRange(context.range);
    const previous = bucketBoundaries(before.from, before.to, bucket, timeZone).slice(0, -1);
    alignPreviousBuckets(current.length, previous.length).forEach((p, i) => {
      if (p >= 0) previousBucket.set(keyId(current[i]!), previous[p]!);
    });
  }
  for (const group of shown) {
    for (const s of shownSeries) {
      const id = cellId(group.key, s?.key ?? null);
      const cell = cells.get(id);
      if ((cell?.n ?? 0) === 0 && !(isDate && group.inRange)) continue;
      const row = withSeries({ key: group.key, label: group.label, ...aggregate(cell) }, s);
      if (compare && !isDate) row.previous = previousOf(previousCells.get(id));
      const previousKey = previousBucket.get(keyId(group.key));
      if (previousKey !== undefined && group.inRange) {
        row.previous = previousOf(previousCells.get(cellId(previousKey, s?.key ?? null)));
        row.previousKey = previousKey;
      }
      result.rows.push(row);
    }
  }
  if (folded.length > 0) {
    const others = uniqueBy(of('other'), (part) => keyId(seriesKey(part)));
    const previousOthers = uniqueBy(of('other', 0), (part) => keyId(seriesKey(part)));
    for (const s of shownSeries) {
      const part = others.get(keyId(s?.key ?? null));
      if (!part || part.n === 0) continue;
      const row = withSeries({ key: OTHER_KEY, label: OTHER_LABEL, ...aggregate(part) }, s);
      if (compare) row.previous = previousOf(previousOthers.get(keyId(s?.key ?? null)));
      result.rows.push(row);
    }
  }
  return result;
}
