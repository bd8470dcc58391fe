import { parseConversations } from '../core/index.ts';
import type { Conversation, Lookups } from '../core/schema/conversation.ts';
import type { ReportSpec } from '../core/schema/report-spec.ts';
import type { DrillPoint, ReportContext, ReportResult } from '../core/types.ts';
import { throwIfAborted, type DataPage, type DataSource, type LoadRequest } from './data-source.ts';
import { HttpRequestError } from './errors.ts';
import { requestJson, resolveHttpOptions, type HttpOptions, type ResolvedHttpOptions } from './request-json.ts';
import { resolveLookups, type LookupsOption } from './resolve-lookups.ts';
import { assembleReport, toBoolean, toNumber } from './sql/assemble-report.ts';
import { compileDrill } from './sql/compile-drill.ts';
import { compileReport, type SqlSetup } from './sql/compile-report.ts';
import { sqlDialects, type SqlDialectName, type SqlStatement, type SqlValue } from './sql/sql-dialect.ts';
import { ResolvedSqlSchema, SQL_BUILT_IN_COLUMNS, type SqlSchema } from './sql/sql-schema.ts';

export type { SqlDialectName, SqlStatement, SqlValue } from './sql/sql-dialect.ts';
export { InvalidSqlSchemaError, SQL_BUILT_IN_COLUMNS, type SqlBuiltInColumn, type SqlCustomProperty, type SqlPropertyType, type SqlSchema } from './sql/sql-schema.ts';

/** Runs one statement on the host's engine and resolves with its rows as plain objects keyed by column name. */
export type SqlExecutor = (sql: string, params: SqlValue[], signal: AbortSignal) => Promise<readonly Record<string, unknown>[]>;

export interface SqlDataSourceOptions extends HttpOptions {
  dialect: SqlDialectName;
  schema: SqlSchema;
  /** Runs the SQL where the data lives. Give this, or `url`. */
  execute?: SqlExecutor;
  /**
   * An endpoint that receives `POST { dialect, sql, params }` and answers with the rows (a JSON
   * array, or `{ rows: [...] }`). It must run only statements this adapter makes, for instance by
   * running them read-only, as a role that can only SELECT the conversations table.
   */
  url?: string | URL;
  /** Headers for `url` (the host's session or token); called before every attempt. */
  headers?: () => HeadersInit | undefined | Promise<HeadersInit | undefined>;
  /** Names for assignee, inbox and chatflow ids, used in labels (and in the order of tied rows). */
  lookups?: LookupsOption;
  /** Most conversations a drill returns (the oldest first). Default 10 000; `Infinity` for all. */
  maxDrillRows?: number;
}

/**
 * Push-down for data that outgrows the browser: each report becomes one SQL statement (DuckDB,
 * PostgreSQL or ClickHouse) that the host runs on its own engine, and the rows come back as the
 * same ReportResult the in-browser engine computes: date range, filters with their null rules,
 * group-by and breakdown, time buckets in the zone (DST-correct, keyed by the first instant of the
 * local bucket), quantiles, limit with Other, and the previous period.
 *
 * Values travel as bound parameters. Identifiers come from the property catalog and the schema
 * given here, checked against a strict pattern and quoted; a spec cannot name a column. `load()`
 * yields nothing: the dashboard calls `query` and `drill` when a source has them.
 *
 * @example
 * ```ts
 * const source = new SqlDataSource({
 *   dialect: 'postgres',
 *   schema: { table: 'support.conversation_report', customProperties: { plan: { type: 'text' } } },
 *   url: '/api/report-sql', // POST { sql, params } → rows, run read-only on the server
 * });
 * dashboard.dataSource = source;
 * ```
 */
export class SqlDataSource implements DataSource {
  readonly dialect: SqlDialectName;
  readonly #schema: ResolvedSqlSchema;
  readonly #options: SqlDataSourceOptions;
  readonly #execute: SqlExecutor;
  readonly #maxDrillRows: number | undefined;
  #lookups: Promise<Lookups> | null = null;

  constructor(options: SqlDataSourceOptions) {
    const dialect = sqlDialects[options?.dialect];
    if (!Object.hasOwn(sqlDialects, options?.dialect ?? '')) throw new TypeError(`Unknown SQL dialect ${JSON.stringify(options?.dialect)}: use "duckdb", "postgres" or "clickhouse".`);
    this.dialect = dialect.name;
    this.#schema = new ResolvedSqlSchema(options.schema, dialect);
    this.#options = options;
    const maxRows = options.maxDrillRows ?? 10_000;
    if (maxRows !== Infinity && (!Number.isSafeInteger(maxRows) || maxRows < 1)) throw new RangeError(`maxDrillRows must be a whole number ≥ 1 or Infinity, got ${maxRows}`);
    this.#maxDrillRows = maxRows === Infinity ? undefined : maxRows;
    if (options.execute) this.#execute = options.execute;
    else if (options.url !== undefined) this.#execute = urlExecutor(options.url, options, resolveHttpOptions(options));
    else throw new TypeError('SqlDataSource needs `execute` (a function that runs SQL) or `url` (an endpoint that does).');
  }

  /** Nothing to load into the browser: reports are computed by `query`. */
  async *load({ signal }: LoadRequest): AsyncGenerator<DataPage, void, undefined> {
    throwIfAborted(signal);
  }

  async lookups(signal: AbortSignal): Promise<Lookups> {
    return this.#names(signal);
  }

  /** The statement `query` runs for a report, for logging, caching or running it yourself. */
  async compileQuery(spec: ReportSpec, context: ReportContext, signal: AbortSignal = new AbortController().signal): Promise<SqlStatement> {
    return compileReport(await this.#setup(signal), spec, context).statement;
  }

  /** The statement `drill` runs for a point. */
  async compileDrill(spec: ReportSpec, context: ReportContext, point: DrillPoint, signal: AbortSignal = new AbortController().signal): Promise<SqlStatement> {
    return compileDrill(await this.#setup(signal), spec, context, point, this.#maxDrillRows).statement;
  }

  async query(spec: ReportSpec, context: ReportContext, signal: AbortSignal): Promise<ReportResult> {
    const setup = await this.#setup(signal);
    const { statement, shape } = compileReport(setup, spec, context);
    const rows = await this.#run(statement, signal);
    return assembleReport(rows, shape, setup.lookups);
  }

  async drill(spec: ReportSpec, context: ReportContext, point: DrillPoint, signal: AbortSignal): Promise<Conversation[]> {
    const setup = await this.#setup(signal);
    const { statement, customColumns } = compileDrill(setup, spec, context, point, this.#maxDrillRows);
    const rows = await this.#run(statement, signal);
    const records = rows.map((row) => {
      const properties: Record<string, unknown> = Object.create(null);
      for (const [alias, name] of customColumns) {
        const type = this.#schema.customColumn(name)?.kind;
        const value = type === 'number' ? toNumber(row[alias]) : type === 'boolean' ? toBoolean(row[alias]) : row[alias] == null ? null : String(row[alias]);
        if (value !== null) properties[name] = value;
      }
      const record: Record<string, unknown> = { properties };
      for (const column of SQL_BUILT_IN_COLUMNS) {
        const value = row[column];
        record[column] = column === 'createdAt' || column === 'firstResponseAt' || column === 'closedAt' ? toNumber(value) : value ?? null;
      }
      return record;
    });
    // Validated like every other source's records: rows the database holds but the kit would reject are left out.
    return parseConversations(records).conversations;
  }

  async #setup(signal: AbortSignal): Promise<SqlSetup> {
    return { schema: this.#schema, lookups: await this.#names(signal) };
  }

  #names(signal: AbortSignal): Promise<Lookups> {
    throwIfAborted(signal);
    if (!this.#lookups) {
      const pending = resolveLookups(this.#options.lookups, signal);
      // A failed or aborted fetch is not kept: the next report tries again.
      pending.catch(() => {
        if (this.#lookups === pending) this.#lookups = null;
      });
      this.#lookups = pending;
    }
    return this.#lookups;
  }

  async #run(statement: SqlStatement, signal: AbortSignal): Promise<readonly Record<string, unknown>[]> {
    throwIfAborted(signal);
    const rows = await this.#execute(statement.sql, statement.params, signal);
    throwIfAborted(signal);
    if (!Array.isArray(rows)) throw new TypeError('The SQL executor must resolve with an array of rows.');
    return rows;
  }
}

function urlExecutor(url: string | URL, options: SqlDataSourceOptions, http: ResolvedHttpOptions): SqlExecutor {
  const target = new URL(url, typeof location === 'undefined' ? undefined : location.href);
  return async (sql, params, signal) => {
    const headers = options.headers;
    try {
      const { body } = await requestJson(
        {
          url: target,
          method: 'POST',
          body: JSON.stringify({ dialect: options.dialect, sql, params }),
          headers: async () => {
            const extra = new Headers((await headers?.()) ?? undefined);
            extra.set('Content-Type', 'application/json');
            return extra;
          },
        },
        http,
        signal,
      );
      const rows = Array.isArray(body) ? body : (body as { rows?: unknown } | null)?.rows;
      if (!Array.isArray(rows)) throw new TypeError('The SQL endpoint must answer with a JSON array of rows, or { rows: [...] }.');
      return rows as Record<string, unknown>[];
    } catch (error) {
      if (error instanceof HttpRequestError) throw new Error(`The report query failed: ${error.message}`, { cause: error });
      throw error;
    }
  };
}
