import { UnknownPropertyError } from '../../core/index.ts';
import type { SqlDialect } from './sql-dialect.ts';

/** Columns of the built-in Conversation fields. Times are epoch milliseconds (BIGINT / Int64). */
export const SQL_BUILT_IN_COLUMNS = [
  'id', 'channel', 'status', 'inboxId', 'assigneeId', 'createdAt', 'firstResponseAt', 'closedAt',
  'chatflowId', 'pageUrl', 'ticketId', 'subject', 'contactName', 'contactEmail',
] as const;

export type SqlBuiltInColumn = (typeof SQL_BUILT_IN_COLUMNS)[number];

export type SqlPropertyType = 'text' | 'number' | 'boolean';

export interface SqlCustomProperty {
  type: SqlPropertyType;
  /** Default: the property's name as specs write it, `properties.<name>`. */
  column?: string;
}

/**
 * Where the conversations live. Column names default to the kit's field names ("createdAt"); a
 * view over your own table is the easiest way to match them. Every name here is checked against a
 * strict pattern and quoted; nothing from a report spec ever becomes an identifier.
 */
export interface SqlSchema {
  /** Table or view, optionally with its schema: "conversations", "analytics.conversations". */
  table: string;
  /** Other names for built-in columns. */
  columns?: Partial<Record<SqlBuiltInColumn, string>>;
  /**
   * Column holding `normalizePageUrl(pageUrl)` (WHATWG origin + path), which page-URL reports group
   * by; fill it when you load the data. Default "pageUrlNormalized". `null` groups by the raw URL
   * with its query string and fragment cut off, which differs from the browser for URLs with
   * upper-case hosts, default ports or no path.
   */
  pageUrlGroupColumn?: string | null;
  /** Custom properties a report may use (`properties.<name>` in specs), with their SQL type. Others read as null everywhere. */
  customProperties?: Record<string, SqlCustomProperty>;
}

/** Letters, digits, `_`, `.`, `-`; a letter or `_` first. Quoted anyway, so a keyword is fine too. */
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_.-]{0,127}$/;
const TABLE_PART = /^[A-Za-z_][A-Za-z0-9_]{0,127}$/;

export class InvalidSqlSchemaError extends Error {
  override name = 'InvalidSqlSchemaError';
}

function identifier(name: unknown, what: string): string {
  if (typeof name !== 'string' || !IDENTIFIER.test(name))
    throw new InvalidSqlSchemaError(`${what} must be a column name of letters, digits, "_", "." or "-", got ${JSON.stringify(name)}.`);
  return name;
}

export type ExprKind = 'text' | 'number' | 'boolean' | 'date' | 'null';

/** A property as SQL: the expression and what it holds. Dates are epoch ms and can be bucketed. */
export interface SqlExpr {
  sql: string;
  kind: ExprKind;
}

const TEXT_COLUMNS = new Set<string>(['id', 'channel', 'status', 'inboxId', 'assigneeId', 'chatflowId', 'pageUrl', 'ticketId', 'subject', 'contactName', 'contactEmail']);
const DATE_COLUMNS = new Set<string>(['createdAt', 'firstResponseAt', 'closedAt']);
const CUSTOM_PREFIX = 'properties.';

/** The schema with every identifier checked and quoted for one dialect. */
export class ResolvedSqlSchema {
  readonly table: string;
  readonly #columns = new Map<string, string>();
  readonly #custom = new Map<string, SqlExpr>();
  readonly #pageUrlGroup: string | null;
  readonly customNames: readonly string[];

  constructor(
    schema: SqlSchema,
    readonly dialect: SqlDialect,
  ) {
    if (typeof schema?.table !== 'string') throw new InvalidSqlSchemaError('The SQL schema needs a table name.');
    const parts = schema.table.split('.');
    if (parts.length > 3 || !parts.every((part) => TABLE_PART.test(part)))
      throw new InvalidSqlSchemaError(`The table must be a name such as "conversations" or "analytics.conversations", got ${JSON.stringify(schema.table)}.`);
    this.table = parts.map((part) => dialect.quote(part)).join('.');
    for (const name of SQL_BUILT_IN_COLUMNS) {
      const column = Object.hasOwn(schema.columns ?? {}, name) ? schema.columns![name] : name;
      this.#columns.set(name, dialect.quote(identifier(column, `The column of "${name}"`)));
    }
    const group = schema.pageUrlGroupColumn === undefined ? 'pageUrlNormalized' : schema.pageUrlGroupColumn;
    this.#pageUrlGroup = group === null ? null : dialect.quote(identifier(group, 'pageUrlGroupColumn'));
    const custom = schema.customProperties ?? {};
    for (const name of Object.keys(custom)) {
      const declared = custom[name]!;
      if (!['text', 'number', 'boolean'].includes(declared?.type))
        throw new InvalidSqlSchemaError(`Custom property ${JSON.stringify(name)} needs a type: "text", "number" or "boolean".`);
      const column = identifier(declared.column ?? CUSTOM_PREFIX + name, `The column of custom property ${JSON.stringify(name)}`);
      this.#custom.set(name, { sql: dialect.quote(column), kind: declared.type });
    }
    this.customNames = Object.freeze([...this.#custom.keys()]);
  }

  column(name: (typeof SQL_BUILT_IN_COLUMNS)[number]): string {
    return this.#columns.get(name)!;
  }

  customColumn(name: string): SqlExpr | undefined {
    return this.#custom.get(name);
  }

  /**
   * A property of a spec as SQL. Built-ins and derived ones come from the catalog; a custom one is
   * looked up among the declared properties (its name never reaches the SQL), and one not declared
   * is null everywhere, as it is in the browser for a property no record has.
   */
  property(name: string, grouping = false): SqlExpr {
    const c = (column: (typeof SQL_BUILT_IN_COLUMNS)[number]) => this.column(column);
    if (name === 'pageUrl' && grouping)
      return { sql: this.#pageUrlGroup ?? this.dialect.stripQueryAndFragment(c('pageUrl')), kind: 'text' };
    if (TEXT_COLUMNS.has(name)) return { sql: c(name as SqlBuiltInColumn), kind: 'text' };
    if (DATE_COLUMNS.has(name)) return { sql: c(name as SqlBuiltInColumn), kind: 'date' };
    switch (name) {
      case 'responseTime':
        return { sql: `(${c('firstResponseAt')} - ${c('createdAt')})`, kind: 'number' };
      case 'timeToClose':
        return { sql: `(${c('closedAt')} - ${c('createdAt')})`, kind: 'number' };
      case 'hasTicket':
        return { sql: `(${c('ticketId')} IS NOT NULL)`, kind: 'boolean' };
    }
    if (name.startsWith(CUSTOM_PREFIX)) {
      const declared = this.#custom.get(name.slice(CUSTOM_PREFIX.length));
      return declared ?? { sql: 'NULL', kind: 'null' };
    }
    throw new UnknownPropertyError(name);
  }
}
