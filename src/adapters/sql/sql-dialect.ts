import type { TimeBucket } from '../../core/schema/report-spec.ts';

export type SqlDialectName = 'duckdb' | 'postgres' | 'clickhouse';

/** A bound parameter. Nulls never travel: a comparison with null is decided when compiling. */
export type SqlValue = string | number | boolean;

export type SqlType = 'text' | 'double' | 'bigint' | 'boolean';

/** One statement and its parameters, in the order of their placeholders (`$1`…, or `{p1:…}` in ClickHouse). */
export interface SqlStatement {
  dialect: SqlDialectName;
  sql: string;
  params: SqlValue[];
}

/** What differs between the engines; everything else is the SQL they share. */
export interface SqlDialect {
  name: SqlDialectName;
  quote(identifier: string): string;
  typeName(type: SqlType): string;
  cast(expression: string, type: SqlType): string;
  placeholder(index: number, type: SqlType): string;
  lower(expression: string): string;
  /** `haystack` contains `needle` (both text), as a boolean that is NULL when haystack is. */
  contains(haystack: string, needle: string): string;
  /** Local start of the bucket holding an epoch-ms instant, in a zone given as a text expression. */
  localBucket(epochMs: string, bucket: TimeBucket, zone: string): string;
  /** Continuous quantile with linear interpolation (SQL `quantile_cont`). */
  quantile(q: number, value: string): string;
  /** Text order by code point, whatever the database's default collation. */
  collateBinary: string;
  /** Everything after the page URL's path, for grouping without a normalized column. */
  stripQueryAndFragment(expression: string): string;
}

const doubleQuote = (identifier: string): string => `"${identifier.replaceAll('"', '""')}"`;

const duckdb: SqlDialect = {
  name: 'duckdb',
  quote: doubleQuote,
  typeName: (type) => ({ text: 'VARCHAR', double: 'DOUBLE', bigint: 'BIGINT', boolean: 'BOOLEAN' })[type],
  cast: (expression, type) => `CAST(${expression} AS ${duckdb.typeName(type)})`,
  placeholder: (index, type) => `CAST($${index} AS ${duckdb.typeName(type)})`,
  lower: (expression) => `lower(${expression})`,
  contains: (haystack, needle) => `(strpos(${haystack}, ${needle}) > 0)`,
  // epoch_ms gives a naive UTC timestamp; timezone('UTC', …) makes it an instant whatever the
  // session's TimeZone, and timezone(zone, …) reads that instant's wall clock in the zone.
  localBucket: (epochMs, bucket, zone) => `date_trunc('${bucket}', timezone(${zone}, timezone('UTC', epoch_ms(CAST(${epochMs} AS BIGINT)))))`,
  quantile: (q, value) => `quantile_cont(${value}, ${q})`,
  collateBinary: '',
  stripQueryAndFragment: (expression) => `regexp_replace(${expression}, '[?#].*$', '')`,
};

const postgres: SqlDialect = {
  name: 'postgres',
  quote: doubleQuote,
  typeName: (type) => ({ text: 'text', double: 'double precision', bigint: 'bigint', boolean: 'boolean' })[type],
  cast: (expression, type) => `CAST(${expression} AS ${postgres.typeName(type)})`,
  placeholder: (index, type) => `$${index}::${postgres.typeName(type)}`,
  lower: (expression) => `lower(${expression})`,
  contains: (haystack, needle) => `(strpos(${haystack}, ${needle}) > 0)`,
  // Integer arithmetic on an interval keeps every millisecond exact (to_timestamp goes through a double).
  localBucket: (epochMs, bucket, zone) =>
    `date_trunc('${bucket}', ((TIMESTAMPTZ 'epoch' + ${epochMs} * INTERVAL '1 millisecond') AT TIME ZONE ${zone}))`,
  quantile: (q, value) => `percentile_cont(${q}) WITHIN GROUP (ORDER BY ${value})`,
  collateBinary: ' COLLATE "C"',
  stripQueryAndFragment: (expression) => `regexp_replace(${expression}, '[?#].*$', '')`,
};

const clickhouseTypes: Record<SqlType, string> = { text: 'String', double: 'Float64', bigint: 'Int64', boolean: 'Bool' };
const clickhouseBuckets: Record<Exclude<TimeBucket, 'hour'>, string> = {
  day: 'toStartOfDay',
  week: 'toMonday',
  month: 'toStartOfMonth',
  quarter: 'toStartOfQuarter',
};

const clickhouse: SqlDialect = {
  name: 'clickhouse',
  quote: (identifier) => `\`${identifier.replaceAll('\\', '\\\\').replaceAll('`', '\\`')}\``,
  typeName: (type) => clickhouseTypes[type],
  // Nullable, so that a NULL from one branch of a UNION and a value from another share a type.
  cast: (expression, type) => `CAST(${expression} AS Nullable(${clickhouseTypes[type]}))`,
  placeholder: (index, type) => `{p${index}:${clickhouseTypes[type]}}`,
  lower: (expression) => `lowerUTF8(${expression})`,
  contains: (haystack, needle) => `(positionUTF8(${haystack}, ${needle}) > 0)`,
  // toStartOfHour keeps the two wall-clock 01:00 hours of a fall-back night apart (and misplaces
  // half-hour zones such as Australia/Lord_Howe); the local wall-clock hour as text is one group per
  // local hour, as date_trunc on a local timestamp gives in DuckDB and PostgreSQL.
  localBucket: (epochMs, bucket, zone) =>
    bucket === 'hour'
      ? `formatDateTime(fromUnixTimestamp64Milli(toInt64(${epochMs}), ${zone}), '%Y-%m-%d %H')`
      : `${clickhouseBuckets[bucket]}(fromUnixTimestamp64Milli(toInt64(${epochMs}), ${zone}))`,
  quantile: (q, value) => `quantileExactInclusive(${q})(${value})`,
  collateBinary: '',
  stripQueryAndFragment: (expression) => `replaceRegexpOne(${expression}, '[?#].*$', '')`,
};

export const sqlDialects: Readonly<Record<SqlDialectName, SqlDialect>> = { duckdb, postgres, clickhouse };

/** Collects parameters; the same value of the same type is bound once and its placeholder reused. */
export class SqlParams {
  readonly values: SqlValue[] = [];
  readonly #placeholders = new Map<string, string>();

  constructor(readonly dialect: SqlDialect) {}

  add(value: SqlValue, type: SqlType): string {
    const ok =
      type === 'text'
        ? typeof value === 'string'
        : type === 'boolean'
          ? typeof value === 'boolean'
          : type === 'bigint'
            ? Number.isSafeInteger(value)
            : typeof value === 'number' && Number.isFinite(value);
    if (!ok) throw new TypeError(`A ${type} parameter cannot be ${JSON.stringify(value)}.`);
    const key = `${type}\u0000${String(value)}`;
    let placeholder = this.#placeholders.get(key);
    if (placeholder === undefined) {
      placeholder = this.dialect.placeholder(this.values.push(value), type);
      this.#placeholders.set(key, placeholder);
    }
    return placeholder;
  }

  /** A number as the narrowest exact type: whole numbers as bigint, so an index on a bigint column is usable. */
  number(value: number): string {
    return this.add(value, Number.isSafeInteger(value) ? 'bigint' : 'double');
  }

  text(value: string): string {
    return this.add(value, 'text');
  }
}
