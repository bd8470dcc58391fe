import type { DuckDBConnection } from '@duckdb/node-api';
import type { Filter, ReportSpec, TimeBucket } from '../../../src/core/schema/report-spec.ts';
import type { DateRange, GroupKey, ReportContext } from '../../../src/core/types.ts';

/**
 * An independent SQL reading of DESIGN.md "Computing": every report is grouped and aggregated by
 * DuckDB over the table `conversations` (times as epoch-ms BIGINT) and the lookup tables
 * `assignees`, `inboxes`, `chatflows`. Nothing here is shared with the engine under test.
 */

export type CustomPropertyType = 'VARCHAR' | 'DOUBLE' | 'BOOLEAN' | 'mixed';

export interface OracleSchema {
  customProperties: Record<string, CustomPropertyType>;
}

export interface OracleOptions {
  /**
   * How "label ascending" compares text. The contract does not say; `en` (ICU, what
   * `localeCompare` does) is what a reader expects, `binary` is code-point order.
   */
  collation: 'en' | 'binary';
  /** Label the engine gives a null group; only matters for ordering and limit ties. */
  nullLabel?: (property: string) => string;
}

export const OTHER = '__other__';

/** The contract's definition, verbatim: WHATWG origin + pathname, or the string as it is. */
export function normalizePageUrl(raw: string): string {
  try {
    const url = new URL(raw);
    return url.origin + url.pathname;
  } catch {
    return raw;
  }
}

type Kind = 'string' | 'number' | 'boolean' | 'date';

interface PropertySql {
  sql: string;
  kind: Kind;
  lookup?: 'assignees' | 'inboxes' | 'chatflows';
}

const q = (name: string): string => '"' + name.replaceAll('"', '""') + '"';
const str = (value: string): string => "'" + value.replaceAll("'", "''") + "'";

const DATE_PROPERTIES = new Set(['createdAt', 'closedAt', 'firstResponseAt']);
const STRING_PROPERTIES = new Set(['id', 'channel', 'status', 'ticketId', 'subject', 'contactName', 'contactEmail', 'pageUrl']);
const LOOKUPS: Record<string, PropertySql['lookup']> = {
  assigneeId: 'assignees',
  inboxId: 'inboxes',
  chatflowId: 'chatflows',
};

/**
 * SQL for a property. `grouping` matters only for `pageUrl`: grouped by its normalized form,
 * filtered on the raw URL.
 */
export function propertySql(name: string, schema: OracleSchema, grouping = false): PropertySql {
  if (DATE_PROPERTIES.has(name)) return { sql: q(name), kind: 'date' };
  if (name === 'responseTime') return { sql: `("firstResponseAt" - "createdAt")`, kind: 'number' };
  if (name === 'timeToClose') return { sql: `("closedAt" - "createdAt")`, kind: 'number' };
  if (name === 'hasTicket') return { sql: `("ticketId" IS NOT NULL)`, kind: 'boolean' };
  if (name === 'pageUrl' && grouping) return { sql: q('pageUrlNormalized'), kind: 'string' };
  const lookup = LOOKUPS[name];
  if (lookup) return { sql: q(name), kind: 'string', lookup };
  if (STRING_PROPERTIES.has(name)) return { sql: q(name), kind: 'string' };
  if (name.startsWith('properties.')) {
    const type = schema.customProperties[name.slice('properties.'.length)];
    if (type === 'mixed') throw new Error(`oracle: ${name} mixes value types`);
    // A property no conversation carries is null everywhere.
    if (type === undefined) return { sql: 'CAST(NULL AS VARCHAR)', kind: 'string' };
    return { sql: q(name), kind: type === 'DOUBLE' ? 'number' : type === 'BOOLEAN' ? 'boolean' : 'string' };
  }
  throw new Error(`oracle: unknown property ${name}`);
}

function literal(value: unknown): string {
  if (value === null) return 'NULL';
  if (typeof value === 'string') return str(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number' && Number.isFinite(value)) return `CAST(${String(value)} AS DOUBLE)`;
  throw new Error(`oracle: cannot write ${JSON.stringify(value)} as SQL`);
}

/** One filter as a predicate that is TRUE or FALSE, never NULL (a NULL in WHERE would drop the row). */
export function filterSql(filter: Filter, schema: OracleSchema): string {
  const e = propertySql(filter.property, schema).sql;
  const v = filter.value;
  const list = (): string[] => (Array.isArray(v) ? v.map(literal) : []);
  switch (filter.operator) {
    case 'is':
      return `coalesce(${e} = ${literal(v)}, FALSE)`;
    case 'isNot':
      return `(${e} IS NULL OR coalesce(${e} <> ${literal(v)}, TRUE))`;
    case 'in':
      return list().length === 0 ? 'FALSE' : `coalesce(${e} IN (${list().join(', ')}), FALSE)`;
    case 'notIn':
      return list().length === 0 ? 'TRUE' : `(${e} IS NULL OR coalesce(${e} NOT IN (${list().join(', ')}), TRUE))`;
    case 'known':
      return `(${e} IS NOT NULL)`;
    case 'unknown':
      return `(${e} IS NULL)`;
    case 'gt':
      return `coalesce(${e} > ${literal(v)}, FALSE)`;
    case 'gte':
      return `coalesce(${e} >= ${literal(v)}, FALSE)`;
    case 'lt':
      return `coalesce(${e} < ${literal(v)}, FALSE)`;
    case 'lte':
      return `coalesce(${e} <= ${literal(v)}, FALSE)`;
    case 'between': {
      const [min, max] = v as [number, number];
      return `coalesce(${e} BETWEEN ${literal(min)} AND ${literal(max)}, FALSE)`;
    }
    case 'contains':
      return `coalesce(contains(lower(CAST(${e} AS VARCHAR)), lower(${literal(v)})), FALSE)`;
  }
}

function measureSql(spec: ReportSpec, column: string): string {
  const m = spec.measure;
  if (m.op === 'count') return 'CAST(count(*) AS DOUBLE)';
  const v = `CAST(${column} AS DOUBLE)`;
  switch (m.op) {
    case 'avg':
      return `avg(${v})`;
    case 'median':
      return `quantile_cont(${v}, 0.5)`;
    case 'p90':
      return `quantile_cont(${v}, 0.9)`;
    case 'min':
      return `min(${v})`;
    case 'max':
      return `max(${v})`;
    case 'sum':
      return `sum(${v})`;
    case 'share':
      // The fraction among non-null values: avg of 1/0 skips the NULLs, and is NULL when all are.
      return `avg(CASE WHEN ${column} IS NULL THEN NULL WHEN ${column} = ${literal(m.value)} THEN 1.0 ELSE 0.0 END)`;
  }
}

const INTERVALS: Record<TimeBucket, string> = {
  hour: 'INTERVAL 1 HOUR',
  day: 'INTERVAL 1 DAY',
  week: 'INTERVAL 7 DAY',
  month: 'INTERVAL 1 MONTH',
  quarter: 'INTERVAL 3 MONTH',
};

/** Naive local timestamp of the start of the bucket holding an epoch-ms instant (DuckDB weeks start Monday). */
function localStart(msSql: string, bucket: TimeBucket, timeZone: string): string {
  return `date_trunc('${bucket}', timezone(${str(timeZone)}, epoch_ms(${msSql})::TIMESTAMPTZ))`;
}

function labelSql(keySql: string, prop: PropertySql, lookupAlias: string, nullLabel: string): string {
  let value: string;
  if (prop.lookup) value = `coalesce(${lookupAlias}.name, ${keySql})`;
  else if (prop.kind === 'number')
    value = `CASE WHEN ${keySql} = trunc(${keySql}) AND abs(${keySql}) < 1e15 THEN CAST(CAST(${keySql} AS BIGINT) AS VARCHAR) ELSE CAST(${keySql} AS VARCHAR) END`;
  else if (prop.kind === 'boolean') value = `CASE WHEN ${keySql} THEN 'true' ELSE 'false' END`;
  else value = `CAST(${keySql} AS VARCHAR)`;
  return `CASE WHEN ${keySql} IS NULL THEN ${str(nullLabel)} ELSE ${value} END`;
}

const defaultNullLabel = (property: string): string => (property === 'assigneeId' ? 'Unassigned' : 'Unknown');

export function previousRange(range: DateRange): DateRange {
  return { from: range.from - (range.to - range.from), to: range.from };
}

/**
 * The SQL of one report, as one statement: the current period's rows (with the ids behind each,
 * for drill-down), the total and, with compare, the previous period. CTE names carry a prefix so
 * both periods sit in one WITH (the previous "Other" row needs both).
 */
export class ReportSql {
  readonly dimension: PropertySql | undefined;
  readonly series: PropertySql | undefined;
  readonly bucket: TimeBucket;
  readonly isDate: boolean;
  private readonly collate: string;
  private readonly nullLabel: (property: string) => string;

  constructor(
    readonly spec: ReportSpec,
    readonly context: ReportContext,
    readonly schema: OracleSchema,
    options: OracleOptions,
  ) {
    this.dimension = spec.dimension === undefined ? undefined : propertySql(spec.dimension, schema, true);
    this.series = spec.breakdown === undefined ? undefined : propertySql(spec.breakdown, schema, true);
    if (this.series?.kind === 'date') throw new Error('oracle: a date breakdown is not covered by the contract');
    this.isDate = this.dimension?.kind === 'date';
    this.bucket = spec.timeBucket ?? 'day';
    this.collate = options.collation === 'en' ? ' COLLATE en' : '';
    this.nullLabel = options.nullLabel ?? defaultNullLabel;
    if (spec.limit !== undefined && (this.isDate || this.series)) {
      throw new Error('oracle: limit with a date dimension or a breakdown is not covered by the contract');
    }
  }

  get folds(): boolean {
    return this.spec.limit !== undefined;
  }

  private where(range: DateRange): string {
    const parts = [`${q(this.spec.dateProperty)} >= ${range.from}`, `${q(this.spec.dateProperty)} < ${range.to}`];
    if (this.spec.channel !== undefined) parts.push(`coalesce("channel" = ${str(this.spec.channel)}, FALSE)`);
    for (const filter of this.spec.filters) parts.push(filterSql(filter, this.schema));
    return parts.join('\n    AND ');
  }

  /**
   * CTEs `<p>cur` (matched conversations: id, kraw, s, v), `<p>m` (id, group key k, s, v), `<p>g`
   * (per group, with labels and ids), and with a limit `<p>ranked` / `<p>folded`.
   */
  ctes(p: string, range: DateRange): string {
    const { spec } = this;
    const measureArg = spec.measure.op === 'count' ? 'NULL' : propertySql(spec.measure.property, this.schema).sql;
    const dim = this.dimension;
    const tz = this.context.timeZone;
    const kRaw = dim === undefined ? 'CAST(NULL AS VARCHAR)' : dim.sql;
    const sRaw = this.series === undefined ? 'CAST(NULL AS VARCHAR)' : this.series.sql;
    const out: string[] = [];
    out.push(`${p}cur AS (
  SELECT id, ${kRaw} AS kraw, ${sRaw} AS s, ${measureArg} AS v
  FROM conversations
  WHERE ${this.where(range)}
)`);
    if (dim?.kind === 'date') {
      const bucket = this.bucket;
      const first = localStart(String(range.from), bucket, tz);
      const last = localStart(String(range.to - 1), bucket, tz);
      // Local bucket starts from the one holding `from` to the one holding `to - 1`, widened to
      // the data (a date dimension other than dateProperty can leave the range).
      out.push(`${p}ls AS (
  SELECT unnest(generate_series(
    least(${first}, coalesce(${localStart('lo', bucket, tz)}, ${first})),
    greatest(${last}, coalesce(${localStart('hi', bucket, tz)}, ${last})),
    ${INTERVALS[bucket]})) AS l
  FROM (SELECT min(kraw) AS lo, max(kraw) AS hi FROM ${p}cur)
)`);
      // Key = first instant whose local bucket is l. DuckDB resolves a repeated local time to its
      // later occurrence and a skipped one with the offset before the change, so try instants
      // within ±2 h of its answer and keep the earliest that really lies in the bucket. A local
      // start that no instant has (a skipped hour) gets no key and so no bucket.
      out.push(`${p}bk AS (
  SELECT l, min(c) AS key, bool_or(l BETWEEN ${first} AND ${last}) AS in_range
  FROM (SELECT l, epoch_ms(timezone(${str(tz)}, l)) + r.k * 1800000 AS c FROM ${p}ls, range(-4, 5) r(k))
  WHERE ${localStart('c', bucket, tz)} = l
  GROUP BY l
)`);
      // Local buckets are runs of consecutive instants in the zones under test, so an instant
      // belongs to the bucket with the latest first instant not after it.
      out.push(`${p}m AS (
  SELECT ${p}cur.id, CAST(${p}bk.key AS DOUBLE) AS k, s, v
  FROM ${p}cur ASOF LEFT JOIN ${p}bk ON ${p}cur.kraw >= ${p}bk.key
)`);
    } else {
      out.push(`${p}m AS (SELECT id, kraw AS k, s, v FROM ${p}cur)`);
    }
    const kLabel =
      dim === undefined
        ? 'CAST(NULL AS VARCHAR)'
        : dim.kind === 'date'
          ? 'CAST(k AS VARCHAR)'
          : labelSql('k', dim, 'lk', this.nullLabel(spec.dimension!));
    const sLabel = this.series === undefined ? 'CAST(NULL AS VARCHAR)' : labelSql('s', this.series, 'ls', this.nullLabel(spec.breakdown!));
    const kJoin = dim?.lookup ? `LEFT JOIN ${dim.lookup} lk ON lk.id = g.k` : '';
    const sJoin = this.series?.lookup ? `LEFT JOIN ${this.series.lookup} ls ON ls.id = g.s` : '';
    out.push(`${p}g AS (
  SELECT g.*, ${kLabel} AS label, ${sLabel} AS slabel
  FROM (SELECT k, s, CAST(count(*) AS BIGINT) AS n, ${measureSql(spec, 'v')} AS val, string_agg(id, chr(30)) AS ids FROM ${p}m GROUP BY k, s) g
  ${kJoin} ${sJoin}
)`);
    if (this.folds) {
      out.push(`${p}ranked AS (
  SELECT k, label, row_number() OVER (ORDER BY val DESC NULLS LAST, label${this.collate} ASC) AS rn FROM ${p}g
)`);
      out.push(`${p}folded AS (
  SELECT m.id, m.v, r.rn > ${spec.limit} AS is_other, CASE WHEN r.rn > ${spec.limit} THEN NULL ELSE m.k END AS k,
         CASE WHEN r.rn > ${spec.limit} THEN 'Other' ELSE r.label END AS label
  FROM ${p}m m JOIN ${p}ranked r ON r.k IS NOT DISTINCT FROM m.k
)`);
    }
    return out.join(',\n');
  }

  /** Rows of the current period, numbered in the contract's default order. */
  private rowsSelect(): string {
    const order = this.isDate
      ? `is_other, k ASC NULLS LAST, slabel${this.collate}`
      : `is_other, val DESC NULLS LAST, label${this.collate} ASC, slabel${this.collate} ASC`;
    let body: string;
    if (this.folds) {
      body = `SELECT is_other, k, NULL AS s, any_value(label) AS label, CAST(NULL AS VARCHAR) AS slabel, CAST(count(*) AS BIGINT) AS n,
       ${measureSql(this.spec, 'v')} AS val, FALSE AS filler, string_agg(id, chr(30)) AS ids
FROM c_folded GROUP BY is_other, k`;
    } else {
      const emptyValue = this.spec.measure.op === 'count' ? 'CAST(0 AS DOUBLE)' : 'CAST(NULL AS DOUBLE)';
      const fillers = this.isDate
        ? `UNION ALL
SELECT FALSE, CAST(key AS DOUBLE), NULL, CAST(key AS VARCHAR), NULL, CAST(0 AS BIGINT), ${emptyValue}, TRUE, CAST(NULL AS VARCHAR)
FROM c_bk WHERE in_range AND CAST(key AS DOUBLE) NOT IN (SELECT k FROM c_g WHERE k IS NOT NULL)`
        : '';
      body = `SELECT FALSE AS is_other, k, s, label, slabel, n, val, FALSE AS filler, ids FROM c_g
${fillers}`;
    }
    return `SELECT 'row' AS part, row_number() OVER (ORDER BY ${order}) AS ord, * FROM (${body})`;
  }

  /** The whole report in one statement; `part` tells the pieces apart. */
  query(): string {
    const current = this.ctes('c_', this.context.range);
    const compare = this.context.compare === 'previous-period';
    const parts: string[] = [];
    const noIds = 'CAST(NULL AS VARCHAR)';
    const noKey = `NULL, NULL, NULL, NULL`;
    if (this.dimension !== undefined) parts.push(this.rowsSelect());
    parts.push(`SELECT 'total' AS part, 0 AS ord, FALSE AS is_other, NULL AS k, NULL AS s, NULL AS label, NULL AS slabel,
       CAST(count(*) AS BIGINT) AS n, ${measureSql(this.spec, 'v')} AS val, FALSE AS filler, ${noIds} AS ids FROM c_cur`);
    let ctes = current;
    if (compare) {
      ctes += ',\n' + this.ctes('p_', previousRange(this.context.range));
      parts.push(`SELECT 'previousTotal', 0, FALSE, ${noKey}, CAST(count(*) AS BIGINT), ${measureSql(this.spec, 'v')}, FALSE, ${noIds} FROM p_cur`);
      if (this.dimension !== undefined && !this.isDate) {
        parts.push(`SELECT 'previousRow', 0, FALSE, k, s, NULL, NULL, n, val, FALSE, ${noIds} FROM p_g`);
        if (this.folds) {
          // The contract does not say whether Other's previous covers every key not kept now or
          // only the keys folded now; both readings are returned.
          parts.push(`SELECT 'previousOtherNotKept', 0, TRUE, ${noKey}, CAST(count(*) AS BIGINT), ${measureSql(this.spec, 'v')}, FALSE, ${noIds}
FROM p_m WHERE NOT EXISTS (SELECT 1 FROM c_ranked r WHERE r.rn <= ${this.spec.limit} AND r.k IS NOT DISTINCT FROM p_m.k)`);
          parts.push(`SELECT 'previousOtherFolded', 0, TRUE, ${noKey}, CAST(count(*) AS BIGINT), ${measureSql(this.spec, 'v')}, FALSE, ${noIds}
FROM p_m WHERE EXISTS (SELECT 1 FROM c_ranked r WHERE r.rn > ${this.spec.limit} AND r.k IS NOT DISTINCT FROM p_m.k)`);
        }
      }
    }
    return `WITH ${ctes}\n${parts.join('\nUNION ALL\n')}`;
  }
}

// ---------------------------------------------------------------------------------------------
// Running it

export interface OracleAggregate {
  value: number | null;
  count: number;
}

export interface OracleRow extends OracleAggregate {
  key: GroupKey;
  series: GroupKey;
  label: string;
  seriesLabel: string | null;
  isOther: boolean;
  /** An empty date bucket the contract requires (count 0). */
  filler: boolean;
  /** The conversations behind the row (what drillDown must return), joined by U+001E; split on demand. */
  joinedIds: string;
  previous?: OracleAggregate;
  /** For the Other row: the previous period read as "only the keys folded now". */
  previousFoldedOnly?: OracleAggregate;
}

export interface OracleResult {
  rows: OracleRow[];
  total: OracleAggregate & { previous?: OracleAggregate };
  matched: number;
  isDate: boolean;
  sql: ReportSql;
}

const toNumber = (value: unknown): number | null =>
  value === null || value === undefined ? null : typeof value === 'bigint' ? Number(value) : (value as number);

function toKey(kind: Kind | undefined, value: unknown): GroupKey {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'boolean') return value;
  if (kind === 'number' || kind === 'date') return Number(value);
  return value as string;
}

/** Identity of a row across the two implementations: booleans as the strings "true"/"false". */
export function keyId(key: GroupKey | undefined, series: GroupKey | undefined): string {
  const canon = (k: GroupKey | undefined) => (k === undefined ? null : typeof k === 'boolean' ? String(k) : k);
  return JSON.stringify([canon(key), canon(series)]);
}

export async function runOracleReport(
  connection: DuckDBConnection,
  schema: OracleSchema,
  spec: ReportSpec,
  context: ReportContext,
  options: OracleOptions,
): Promise<OracleResult> {
  const sql = new ReportSql(spec, context, schema, options);
  const reader = await connection.runAndReadAll(sql.query());
  const parts = reader.getRowObjectsJS() as Record<string, unknown>[];
  const aggregate = (r: Record<string, unknown>): OracleAggregate => ({ value: toNumber(r.val), count: toNumber(r.n)! });
  const emptyValue = spec.measure.op === 'count' ? 0 : null;

  const rows: OracleRow[] = parts
    .filter((r) => r.part === 'row')
    .sort((a, b) => toNumber(a.ord)! - toNumber(b.ord)!)
    .map((r) => ({
      key: r.is_other ? OTHER : toKey(sql.dimension?.kind, r.k),
      series: toKey(sql.series?.kind, r.s),
      label: r.label as string,
      seriesLabel: (r.slabel as string | null) ?? null,
      ...aggregate(r),
      isOther: r.is_other === true,
      filler: r.filler === true,
      joinedIds: (r.ids as string | null) ?? '',
    }));
  const total: OracleResult['total'] = aggregate(parts.find((r) => r.part === 'total')!);

  if (context.compare === 'previous-period') {
    total.previous = aggregate(parts.find((r) => r.part === 'previousTotal')!);
    if (!sql.isDate && sql.dimension !== undefined) {
      const previous = new Map<string, OracleAggregate>();
      for (const r of parts.filter((p) => p.part === 'previousRow')) {
        previous.set(keyId(toKey(sql.dimension.kind, r.k), toKey(sql.series?.kind, r.s)), aggregate(r));
      }
      for (const row of rows) {
        if (!row.isOther) row.previous = previous.get(keyId(row.key, row.series)) ?? { value: emptyValue, count: 0 };
      }
      const other = rows.find((row) => row.isOther);
      if (other) {
        const read = (part: string): OracleAggregate => {
          const a = aggregate(parts.find((r) => r.part === part)!);
          return a.count === 0 ? { value: emptyValue, count: 0 } : a;
        };
        other.previous = read('previousOtherNotKept');
        other.previousFoldedOnly = read('previousOtherFolded');
      }
    }
  }
  return { rows, total, matched: total.count, isDate: sql.isDate, sql };
}

/** Ids behind a row of the oracle's result (none for a key it does not have). */
export function oracleDrillIds(result: OracleResult, point: { key: GroupKey; series?: GroupKey }): string[] {
  const id = keyId(point.key, result.sql.series === undefined ? null : (point.series ?? null));
  const joined = result.rows.find((row) => keyId(row.key, row.series) === id)?.joinedIds ?? '';
  return joined === '' ? [] : joined.split('\x1e').sort();
}
