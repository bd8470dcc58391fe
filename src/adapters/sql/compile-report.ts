import { InvalidMeasureError, NULL_LABELS, previousRange, reportSpecSchema } from '../../core/index.ts';
import type { Lookups } from '../../core/schema/conversation.ts';
import type { Filter, ReportSpec, TimeBucket } from '../../core/schema/report-spec.ts';
import type { DateRange, ReportContext } from '../../core/types.ts';
import { SqlParams, type SqlDialect, type SqlStatement, type SqlType } from './sql-dialect.ts';
import { derivedSql } from './derived-sql.ts';
import { BusinessSql } from './business-sql.ts';
import type { ExprKind, ResolvedSqlSchema, SqlExpr } from './sql-schema.ts';

/** Everything a compiled statement needs besides the spec and context. */
export interface SqlSetup {
  schema: ResolvedSqlSchema;
  lookups: Lookups;
}

/** What the assembler needs to know about how the statement grouped the rows. */
export interface ReportShape {
  spec: ReportSpec;
  context: ReportContext;
  dimension: SqlExpr | null;
  series: SqlExpr | null;
  bucket: TimeBucket;
  /** The limit folds rows into Other (a non-date dimension with a limit). */
  folds: boolean;
}

export interface CompiledReport {
  statement: SqlStatement;
  shape: ReportShape;
}

const TRUE = 'TRUE';
const FALSE = 'FALSE';

/** Checks a spec (it may come from a stored dashboard or a URL) and the context, as the engine does. */
export function validateReportInput(spec: ReportSpec, context: ReportContext): ReportSpec {
  const parsed = reportSpecSchema.safeParse(spec);
  if (!parsed.success) throw new TypeError(`The report spec is invalid: ${parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`).join('; ')}`);
  const { from, to } = context?.range ?? {};
  if (!Number.isFinite(from) || !Number.isFinite(to)) throw new RangeError('The date range needs finite epoch-ms `from` and `to`.');
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: context.timeZone });
  } catch {
    throw new RangeError(`Unknown time zone "${context.timeZone}": use an IANA name such as "Europe/Amsterdam".`);
  }
  return parsed.data;
}

/** Builds the pieces of SQL shared by report and drill statements. */
export class SqlBuilder {
  readonly dialect: SqlDialect;
  readonly params: SqlParams;

  /** The instant SLA states of conversations still waiting are judged at, fixed once per statement. */
  readonly now: number;

  constructor(
    readonly setup: SqlSetup,
    readonly spec: ReportSpec,
    readonly context: ReportContext,
  ) {
    this.dialect = setup.schema.dialect;
    this.params = new SqlParams(this.dialect);
    this.now = context.sla?.now ?? Date.now();
  }

  #business: BusinessSql | undefined;

  /** CTEs the properties used so far need (business spans), to come before every other one. */
  get propertyCtes(): string[] {
    return [...(this.#business?.ctes.values() ?? [])];
  }

  /** A property as SQL: the (v2) derived ones here, the rest from the schema. */
  property(name: string, grouping = false): SqlExpr {
    const { schema, lookups } = this.setup;
    const business = () => (this.#business ??= new BusinessSql(this.dialect, this.params, schema, this.now));
    return derivedSql({ schema, dialect: this.dialect, params: this.params, lookups, context: this.context, now: this.now, business }, name) ?? schema.property(name, grouping);
  }

  get zone(): string {
    return this.params.text(this.context.timeZone);
  }

  nullOf(type: SqlType): string {
    return this.dialect.cast('NULL', type);
  }

  /** The SQL type a grouped value of this kind is carried as. */
  typeOf(kind: ExprKind): SqlType {
    return kind === 'number' ? 'double' : kind === 'boolean' ? 'boolean' : kind === 'date' ? 'bigint' : 'text';
  }

  /** A property's value, typed, for grouping: date properties give their local bucket start. */
  groupValue(expr: SqlExpr): string {
    if (expr.kind === 'date') return this.dialect.localBucket(expr.sql, this.spec.timeBucket ?? 'day', this.zone);
    if (expr.kind === 'null') return this.nullOf('text');
    return this.dialect.cast(expr.sql, this.typeOf(expr.kind));
  }

  /** Text of a value as JavaScript's String() writes it (exact for whole numbers below 10^15). */
  textOf(expr: SqlExpr, value = expr.sql): string {
    const d = this.dialect;
    if (expr.kind === 'text') return value;
    if (expr.kind === 'boolean') return `CASE WHEN ${value} THEN ${this.params.text('true')} ELSE ${this.params.text('false')} END`;
    if (expr.kind === 'null') return this.nullOf('text');
    const double = d.cast(value, 'double');
    return `CASE WHEN ${double} = floor(${double}) AND abs(${double}) < 1e15 THEN ${d.cast(d.cast(double, 'bigint'), 'text')} ELSE ${d.cast(double, 'text')} END`;
  }

  /** `dateProperty` in [from, to) and every filter, the `channel` shorthand included. */
  where(range: DateRange): string {
    const date = this.property(this.spec.dateProperty).sql;
    const parts = [`${date} >= ${this.params.number(range.from)}`, `${date} < ${this.params.number(range.to)}`];
    const filters: Filter[] = [...(this.spec.filters ?? [])];
    if (this.spec.channel !== undefined) filters.unshift({ property: 'channel', operator: 'is', value: this.spec.channel });
    for (const filter of filters) parts.push(this.filter(filter));
    return parts.join('\n    AND ');
  }

  /** A value a filter compares with, when it can equal a value of this kind; undefined when it never can. */
  #operand(kind: ExprKind, value: unknown): string | undefined {
    if (value === null || value === undefined) return undefined;
    switch (kind) {
      case 'text':
        return typeof value === 'string' ? this.params.text(value) : undefined;
      case 'number':
      case 'date':
        return typeof value === 'number' && Number.isFinite(value) ? this.params.number(value) : undefined;
      case 'boolean':
        return typeof value === 'boolean' ? this.params.add(value, 'boolean') : undefined;
      case 'null':
        return undefined;
    }
  }

  /**
   * One filter as a predicate that is TRUE or FALSE, never NULL. A null value never satisfies
   * is/in/between/gt/gte/lt/lte/contains and always satisfies isNot/notIn/unknown; a value of
   * another type than the property's never equals it.
   */
  filter(filter: Filter): string {
    const expr = this.property(filter.property);
    const e = expr.sql;
    const { operator, value } = filter;
    const numeric = expr.kind === 'number' || expr.kind === 'date';
    const compare = (op: string): string => {
      const operand = numeric ? this.#operand(expr.kind, value) : undefined;
      return operand === undefined ? FALSE : `coalesce(${e} ${op} ${operand}, ${FALSE})`;
    };
    const list = (): string[] =>
      (Array.isArray(value) ? value : []).flatMap((item: unknown) => {
        const operand = this.#operand(expr.kind, item);
        return operand === undefined ? [] : [operand];
      });
    switch (operator) {
      case 'known':
        return expr.kind === 'null' ? FALSE : `(${e} IS NOT NULL)`;
      case 'unknown':
        return expr.kind === 'null' ? TRUE : `(${e} IS NULL)`;
      case 'is': {
        const operand = this.#operand(expr.kind, value);
        return operand === undefined ? FALSE : `coalesce(${e} = ${operand}, ${FALSE})`;
      }
      case 'isNot': {
        const operand = this.#operand(expr.kind, value);
        return operand === undefined ? TRUE : `(${e} IS NULL OR ${e} <> ${operand})`;
      }
      case 'in': {
        const operands = list();
        return operands.length === 0 ? FALSE : `coalesce(${e} IN (${operands.join(', ')}), ${FALSE})`;
      }
      case 'notIn': {
        const operands = list();
        return operands.length === 0 ? TRUE : `(${e} IS NULL OR ${e} NOT IN (${operands.join(', ')}))`;
      }
      case 'gt':
        return compare('>');
      case 'gte':
        return compare('>=');
      case 'lt':
        return compare('<');
      case 'lte':
        return compare('<=');
      case 'between': {
        const [min, max] = Array.isArray(value) ? value : [];
        const low = numeric ? this.#operand(expr.kind, min) : undefined;
        const high = numeric ? this.#operand(expr.kind, max) : undefined;
        return low === undefined || high === undefined ? FALSE : `coalesce(${e} >= ${low} AND ${e} <= ${high}, ${FALSE})`;
      }
      case 'contains': {
        if (typeof value !== 'string' || expr.kind === 'null') return FALSE;
        // Lower-cased here, so the needle is plain text: no LIKE, no wildcard to escape.
        const needle = this.params.text(value.toLowerCase());
        return `coalesce(${this.dialect.contains(this.dialect.lower(this.textOf(expr)), needle)}, ${FALSE})`;
      }
    }
  }

  /** The measured value of a row, as a double (NULL for count; 1/0 for share, NULL where the property is). */
  measureValue(): string {
    const { measure } = this.spec;
    if (measure.op === 'count') return this.nullOf('double');
    const expr = this.property(measure.property);
    if (measure.op === 'share') {
      if (expr.kind === 'null') return this.nullOf('double');
      const operand = this.#operand(expr.kind, measure.value);
      const one = this.dialect.cast('1', 'double');
      const zero = this.dialect.cast('0', 'double');
      return `(CASE WHEN ${expr.sql} IS NULL THEN ${this.nullOf('double')}${operand === undefined ? '' : ` WHEN ${expr.sql} = ${operand} THEN ${one}`} ELSE ${zero} END)`;
    }
    if (expr.kind === 'text' || expr.kind === 'boolean')
      throw new InvalidMeasureError(`"${measure.op}" needs a numeric property; "${measure.property}" is not numeric.`);
    return expr.kind === 'null' ? this.nullOf('double') : this.dialect.cast(expr.sql, 'double');
  }

  /** The aggregate over `b_v` (the measured value) of a group. */
  aggregate(): string {
    const { measure } = this.spec;
    const d = this.dialect;
    switch (measure.op) {
      case 'count':
        return d.cast('count(*)', 'double');
      case 'avg':
        return d.cast('avg(b_v)', 'double');
      case 'sum':
        return d.cast('sum(b_v)', 'double');
      case 'min':
        return d.cast('min(b_v)', 'double');
      case 'max':
        return d.cast('max(b_v)', 'double');
      case 'median':
        return d.cast(d.quantile(0.5, 'b_v'), 'double');
      case 'p90':
        return d.cast(d.quantile(0.9, 'b_v'), 'double');
      case 'share':
        // The fraction among non-null values: the average of 1/0, NULLs skipped, NULL when all are.
        return d.cast('avg(b_v)', 'double');
    }
  }

  /** The label a row gets in the browser (lookup name, "Yes"/"No", the value, or the null group's name), to break ties of the limit. */
  label(property: string, expr: SqlExpr, value: string): string {
    const list =
      property === 'assigneeId'
        ? this.setup.lookups.assignees
        : property === 'inboxId'
          ? this.setup.lookups.inboxes
          : property === 'chatflowId'
            ? this.setup.lookups.chatflows
            : property === 'teamId'
              ? (this.setup.lookups.teams ?? [])
              : [];
    const names = new Map(list.map((entry) => [entry.id, entry.name]));
    let text: string;
    if (expr.kind === 'boolean') text = `CASE WHEN ${value} THEN ${this.params.text('Yes')} ELSE ${this.params.text('No')} END`;
    else if (names.size > 0) {
      const cases = [...names].map(([id, name]) => `WHEN ${this.params.text(id)} THEN ${this.params.text(name)}`);
      text = `CASE ${value} ${cases.join(' ')} ELSE ${value} END`;
    } else text = this.textOf(expr, value);
    return `CASE WHEN ${value} IS NULL THEN ${this.params.text(NULL_LABELS[property] ?? 'Unknown')} ELSE ${text} END`;
  }

  /**
   * CTEs `dims` and `ranked` over `source` (rows with group value `b_k` and measured `b_v`, current
   * period only). No output name repeats an input name: ClickHouse would read it as the alias.
   */
  rankingCtes(source: string): string[] {
    const dimension = this.property(this.spec.dimension!, true);
    const collate = this.dialect.collateBinary;
    return [
      `dims AS (\n  SELECT b_k AS dk, ${this.aggregate()} AS dval\n  FROM ${source}\n  GROUP BY b_k\n)`,
      `ranked AS (\n  SELECT dk AS rk, row_number() OVER (ORDER BY dval DESC NULLS LAST, ${this.label(this.spec.dimension!, dimension, 'dk')}${collate} ASC, dk ASC NULLS LAST) AS rank_no\n  FROM dims\n)`,
    ];
  }

  /** Whether a group value is among the `limit` kept rows (needs the `ranked` CTE). */
  kept(k: string): string {
    const limit = this.params.number(this.spec.limit!);
    return `(CASE WHEN ${k} IS NULL THEN (SELECT count(*) FROM ranked WHERE rank_no <= ${limit} AND rk IS NULL) > 0 ELSE ${k} IN (SELECT rk FROM ranked WHERE rank_no <= ${limit} AND rk IS NOT NULL) END)`;
  }

  folds(): boolean {
    if (this.spec.limit === undefined || this.spec.dimension === undefined) return false;
    return this.property(this.spec.dimension, true).kind !== 'date';
  }
}

/**
 * One statement for one report: the groups of the range (and of the previous period), the totals,
 * and with a limit the ranking and the Other rows. The result's rows carry a `part` column; the
 * adapter assembles them into a ReportResult exactly as the browser engine orders and labels rows.
 */
export function compileReport(setup: SqlSetup, specInput: ReportSpec, context: ReportContext): CompiledReport {
  const spec = validateReportInput(specInput, context);
  const b = new SqlBuilder(setup, spec, context);
  const { schema } = setup;
  const d = b.dialect;
  const dimension = spec.dimension === undefined ? null : b.property(spec.dimension, true);
  const series = spec.breakdown === undefined ? null : b.property(spec.breakdown, true);
  const isDate = dimension?.kind === 'date';
  const compare = context.compare === 'previous-period';
  const folds = b.folds();
  const date = b.property(spec.dateProperty).sql;

  const range = compare ? { from: previousRange(context.range).from, to: context.range.to } : context.range;
  const period = compare ? `CASE WHEN ${date} >= ${b.params.number(context.range.from)} THEN 1 ELSE 0 END` : '1';
  const instant = (expr: SqlExpr | null) => (expr?.kind === 'date' ? d.cast(expr.sql, 'bigint') : b.nullOf('bigint'));
  const base = `base AS (
  SELECT ${period} AS b_period,
    ${dimension ? b.groupValue(dimension) : b.nullOf('text')} AS b_k,
    ${instant(dimension)} AS b_kt,
    ${series ? b.groupValue(series) : b.nullOf('text')} AS b_s,
    ${instant(series)} AS b_st,
    ${b.measureValue()} AS b_v
  FROM ${schema.table}
  WHERE ${b.where(range)}
)`;

  // Date groups are told apart by their earliest instant (the adapter turns it into the bucket's
  // key), so the local-time value itself is not returned.
  const kOut = dimension && !isDate ? 'b_k' : b.nullOf(dimension ? b.typeOf(dimension.kind) : 'text');
  const kNull = dimension && !isDate ? b.nullOf(b.typeOf(dimension.kind)) : kOut;
  const sOut = series && series.kind !== 'date' ? 'b_s' : b.nullOf(series ? b.typeOf(series.kind) : 'text');
  const sNull = series && series.kind !== 'date' ? b.nullOf(b.typeOf(series.kind)) : sOut;
  const n = d.cast('count(*)', 'bigint');
  const nv = d.cast('count(b_v)', 'bigint');
  const val = b.aggregate();
  const noInstant = b.nullOf('bigint');
  const select = (part: string, p: string, k: string, s: string, kt: string, st: string, rest: string) =>
    `SELECT '${part}' AS part, ${p} AS period, ${k} AS k, ${s} AS s, ${kt} AS kt, ${st} AS st, ${rest}`;
  const counts = `${n} AS n, ${nv} AS nv, ${val} AS val, ${noInstant} AS rn`;
  const minKt = isDate ? d.cast('min(b_kt)', 'bigint') : noInstant;
  const minSt = series?.kind === 'date' ? d.cast('min(b_st)', 'bigint') : noInstant;

  const ctes = [base];
  const parts: string[] = [];
  if (dimension) {
    // With a comparison, period 0 groups the previous range by its own local buckets; the adapter
    // pairs them with the current ones by position (see core/engine/previous-buckets.ts).
    parts.push(`${select('cell', 'b_period', kOut, sOut, minKt, minSt, counts)}\nFROM base\nGROUP BY b_period, b_k, b_s`);
    if (series) parts.push(`${select('dim', '1', kOut, sNull, minKt, noInstant, counts)}\nFROM base WHERE b_period = 1\nGROUP BY b_k`);
  }
  if (series) parts.push(`${select('series', '1', kNull, sOut, noInstant, minSt, counts)}\nFROM base WHERE b_period = 1\nGROUP BY b_s`);
  parts.push(`${select('total', 'b_period', kNull, sNull, noInstant, noInstant, counts)}\nFROM base\nGROUP BY b_period`);
  if (folds) {
    ctes.push(`current_rows AS (SELECT b_k, b_v FROM base WHERE b_period = 1)`, ...b.rankingCtes('current_rows'));
    parts.push(`${select('rank', '1', 'rk', sNull, noInstant, noInstant, `${b.nullOf('bigint')} AS n, ${b.nullOf('bigint')} AS nv, ${b.nullOf('double')} AS val, ${d.cast('rank_no', 'bigint')} AS rn`)}\nFROM ranked`);
    parts.push(`${select('other', 'b_period', kNull, sOut, noInstant, minSt, counts)}\nFROM base WHERE NOT ${b.kept('b_k')}\nGROUP BY b_period, b_s`);
  }
  const sql = `WITH ${[...b.propertyCtes, ...ctes].join(',\n')}\n${parts.join('\nUNION ALL\n')}`;
  return {
    statement: { dialect: d.name, sql, params: b.params.values },
    shape: { spec, context, dimension, series, bucket: spec.timeBucket ?? 'day', folds },
  };
}
