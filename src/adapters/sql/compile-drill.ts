import { ALL_KEY, OTHER_KEY, bucketBoundaries, bucketStart } from '../../core/index.ts';
import type { ReportSpec } from '../../core/schema/report-spec.ts';
import type { DrillPoint, GroupKey, ReportContext } from '../../core/types.ts';
import { SqlBuilder, validateReportInput, type SqlSetup } from './compile-report.ts';
import { SQL_BUILT_IN_COLUMNS, type SqlExpr } from './sql-schema.ts';
import type { SqlStatement } from './sql-dialect.ts';

export interface CompiledDrill {
  statement: SqlStatement;
  /** Result column alias → custom property name. */
  customColumns: ReadonlyMap<string, string>;
}

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
 * The conversations behind one row of the report, as one statement: the report's range and
 * filters, the row's group (or every group folded into Other) and series. Oldest first, then by id;
 * at most `maxRows` (no limit when undefined).
 */
export function compileDrill(setup: SqlSetup, specInput: ReportSpec, context: ReportContext, point: DrillPoint, maxRows: number | undefined): CompiledDrill {
  const spec = validateReportInput(specInput, context);
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

  const columns = SQL_BUILT_IN_COLUMNS.map((name) => `${schema.column(name)} AS ${d.quote(name)}`);
  const customColumns = new Map<string, string>();
  schema.customNames.forEach((name, index) => {
    const alias = `p${index}`;
    customColumns.set(alias, name);
    columns.push(`${schema.customColumn(name)!.sql} AS ${d.quote(alias)}`);
  });
  if (maxRows !== undefined && (!Number.isSafeInteger(maxRows) || maxRows < 1)) throw new RangeError(`maxDrillRows must be a whole number ≥ 1, got ${maxRows}`);
  const sql = `${ctes.length > 0 ? `WITH ${ctes.join(',\n')}\n` : ''}SELECT ${columns.join(', ')}
FROM ${schema.table}
WHERE ${conditions.join('\n  AND ')}
ORDER BY ${schema.column('createdAt')} ASC, ${schema.column('id')} ASC${maxRows === undefined ? '' : `\nLIMIT ${maxRows}`}`;
  return { statement: { dialect: d.name, sql, params: b.params.values }, customColumns };
}
