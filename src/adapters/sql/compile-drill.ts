import { ALL_KEY, OTHER_KEY, bucketBoundaries, bucketStart, resolveDrillPage } from '../../core/index.ts';
import type { DrillPageRequest } from '../../core/schema/drill-page.ts';
import type { ReportSpec } from '../../core/schema/report-spec.ts';
import type { DrillPoint, GroupKey, ReportContext } from '../../core/types.ts';
import { SqlBuilder, validateReportInput, type SqlSetup } from './compile-report.ts';
import { SQL_BUILT_IN_COLUMNS, type SqlExpr } from './sql-schema.ts';
import type { SqlStatement, SqlType } from './sql-dialect.ts';

export interface CompiledDrill {
  statement: SqlStatement;
  /** Result column alias → custom property name. */
  customColumns: ReadonlyMap<string, string>;
  offset: number;
}

/** Searched by a drill page's `search`, as in the browser. */
const SEARCHED = ['subject', 'contactName', 'contactEmail', 'id'] as const;
const DATE_COLUMNS: ReadonlySet<string> = new Set(['createdAt', 'firstResponseAt', 'closedAt']);
/** "All the rest" after an offset: engines differ on LIMIT ALL, all take the largest BIGINT. */
const MAX_ROWS = '9223372036854775807';

/**
 * A point key as the group value it names, or undefined when it can name none. Keys that crossed a
 * DOM boundary may come back as text ("1711839600000"), which the browser engine accepts for number
 * keys only.
 */
function numericKey(key: GroupKey): number | undefined {
  if (typeof key === 'number') return key;
  if (typeof key === 'string' && key !== '' && String(Number(key)) === key) return Number(key);
  return undefined;
}

/** The rows of one group of `expr`: its bucket for dates, equality otherwise, IS NULL for the null group. */
function groupCondition(b: SqlBuilder, expr: SqlExpr, key: GroupKey): string {
  if (key === null) return expr.kind === 'null' ? 'TRUE' : `(${expr.sql} IS NULL)`;
  switch (expr.kind) {
    case 'date': {
      const start = numericKey(key);
      const { bucket, timeZone } = { bucket: b.spec.timeBucket ?? 'day', timeZone: b.context.timeZone };
      // Only a bucket's first instant names it; the bucket is then the instants up to the next one.
      if (start === undefined || bucketStart(start, bucket, timeZone) !== start) return 'FALSE';
      const end = bucketBoundaries(start, start + 1, bucket, timeZone)[1]!;
      return `(${expr.sql} >= ${b.params.number(start)} AND ${expr.sql} < ${b.params.number(end)})`;
    }
    case 'number': {
      const value = numericKey(key);
      return value === undefined ? 'FALSE' : `coalesce(${b.dialect.cast(expr.sql, 'double')} = ${b.params.add(value, 'double')}, FALSE)`;
    }
    case 'boolean':
      return typeof key === 'boolean' ? `coalesce(${expr.sql} = ${b.params.add(key, 'boolean')}, FALSE)` : 'FALSE';
    case 'text':
      return typeof key === 'string' ? `coalesce(${expr.sql} = ${b.params.text(key)}, FALSE)` : 'FALSE';
    case 'null':
      return 'FALSE';
  }
}

/**
 * One page of the conversations behind one row of the report, as one statement: the report's range
 * and filters, the row's group (or every group folded into Other) and series, the page's search,
 * then a row `cr_part = 'total'` with the count of them all (`cr_n`) and the page's rows
 * (`cr_part = 'row'`, `cr_n` their position) in the page's order: the sort property (nulls last),
 * ties by id. `page` is checked as the browser engine checks it.
 */
export function compileDrill(setup: SqlSetup, specInput: ReportSpec, context: ReportContext, point: DrillPoint, pageInput: DrillPageRequest | undefined): CompiledDrill {
  const spec = validateReportInput(specInput, context);
  const page = resolveDrillPage(pageInput);
  const b = new SqlBuilder(setup, spec, context);
  const { schema } = setup;
  const d = b.dialect;
  const ctes: string[] = [];
  const conditions = [b.where(context.range)];

  if (spec.dimension === undefined) {
    if (point.key !== ALL_KEY) conditions.push('FALSE');
  } else {
    const dimension = b.property(spec.dimension, true);
    if (point.key === OTHER_KEY && b.folds()) {
      ctes.push(`current_rows AS (\n  SELECT ${b.groupValue(dimension)} AS b_k, ${b.measureValue()} AS b_v\n  FROM ${schema.table}\n  WHERE ${b.where(context.range)}\n)`, ...b.rankingCtes('current_rows'));
      const limit = b.params.number(spec.limit!);
      // Other exists only when there are more groups than the limit; otherwise "__other__" is just a value.
      conditions.push(
        `(CASE WHEN (SELECT count(*) FROM ranked) > ${limit} THEN NOT ${b.kept(b.groupValue(dimension))} ELSE ${groupCondition(b, dimension, OTHER_KEY)} END)`,
      );
    } else {
      conditions.push(groupCondition(b, dimension, point.key));
    }
  }
  if (spec.breakdown !== undefined && point.series !== undefined) conditions.push(groupCondition(b, b.property(spec.breakdown, true), point.series));
  if (page.search !== '') {
    // Lower-cased here as in the browser, so the needle is plain text: no LIKE, no wildcard to escape.
    const needle = b.params.text(page.search);
    const hits = SEARCHED.map((name) => `coalesce(${d.contains(d.lower(schema.column(name)), needle)}, FALSE)`);
    conditions.push(`(${hits.join(' OR ')})`);
  }

  // Output columns, each cast to one type so that the total row's NULLs share it in every engine.
  const outputs: { alias: string; sql: string; type: SqlType }[] = SQL_BUILT_IN_COLUMNS.map((name) => ({
    alias: name,
    sql: schema.column(name),
    type: DATE_COLUMNS.has(name) ? 'bigint' : 'text',
  }));
  const customColumns = new Map<string, string>();
  schema.customNames.forEach((name, index) => {
    const alias = `p${index}`;
    const column = schema.customColumn(name)!;
    customColumns.set(alias, name);
    outputs.push({ alias, sql: column.sql, type: column.kind === 'number' ? 'double' : column.kind === 'boolean' ? 'boolean' : 'text' });
  });
  const sortExpr = b.property(page.sort.by);
  const collate = d.collateBinary;
  const sortKey = sortExpr.kind === 'null' ? b.nullOf('text') : sortExpr.sql;
  const direction = page.sort.direction === 'asc' ? 'ASC' : 'DESC';
  const order = `${sortExpr.kind === 'text' ? `cr_sort${collate}` : 'cr_sort'} ${direction} NULLS LAST, ${d.quote('id')}${collate} ASC`;
  const window = page.limit === Infinity ? (page.offset > 0 ? `\n  LIMIT ${MAX_ROWS} OFFSET ${page.offset}` : '') : `\n  LIMIT ${page.limit} OFFSET ${page.offset}`;
  ctes.push(`matched AS (
  SELECT ${outputs.map((o) => `${d.cast(o.sql, o.type)} AS ${d.quote(o.alias)}`).join(', ')}, ${sortKey} AS cr_sort
  FROM ${schema.table}
  WHERE ${conditions.join('\n    AND ')}
)`);
  ctes.push(`drill_page AS (
  SELECT * FROM matched
  ORDER BY ${order}${window}
)`);
  // Business spans need CTEs of their own, before the ones that use them.
  ctes.unshift(...b.propertyCtes);
  const names = outputs.map((o) => d.quote(o.alias)).join(', ');
  const nulls = outputs.map((o) => `${b.nullOf(o.type)} AS ${d.quote(o.alias)}`).join(', ');
  const sql = `WITH ${ctes.join(',\n')}
SELECT 'total' AS cr_part, ${d.cast('count(*)', 'bigint')} AS cr_n, ${nulls} FROM matched
UNION ALL
SELECT 'row' AS cr_part, ${d.cast(`row_number() OVER (ORDER BY ${order})`, 'bigint')} AS cr_n, ${names} FROM drill_page`;
  return { statement: { dialect: d.name, sql, params: b.params.values }, customColumns, offset: page.offset };
}
