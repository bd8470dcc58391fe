import { resolveDrillPage } from '../core/index.ts';
import type { Lookups } from '../core/schema/conversation.ts';
import type { DrillPageRequest } from '../core/schema/drill-page.ts';
import type { ReportSpec } from '../core/schema/report-spec.ts';
import type { DrillPage, DrillPoint, ReportContext, ReportResult } from '../core/types.ts';
import { throwIfAborted, type DataPage, type DataSource, type LoadRequest } from './data-source.ts';
import { resolveLookups, type LookupsOption } from './resolve-lookups.ts';
import { assembleDrillPage } from './sql/assemble-drill.ts';
import { assembleReport } from './sql/assemble-report.ts';
import { compileDrill } from './sql/compile-drill.ts';
import { compileReport, type SqlSetup } from './sql/compile-report.ts';
import { sqlDialects, type SqlDialectName, type SqlStatement, type SqlValue } from './sql/sql-dialect.ts';
import { ResolvedSqlSchema, type SqlSchema } from './sql/sql-schema.ts';

export type { SqlDialectName, SqlStatement, SqlValue } from './sql/sql-dialect.ts';
export { InvalidSqlSchemaError, SQL_BUILT_IN_COLUMNS, type SqlBuiltInColumn, type SqlCustomProperty, type SqlPropertyType, type SqlSchema } from './sql/sql-schema.ts';

/** Runs one statement on the host's engine and resolves with its rows as plain objects keyed by column name. */
export type SqlExecutor = (sql: string, params: SqlValue[], signal: AbortSignal) => Promise<readonly Record<string, unknown>[]>;

export interface SqlDataSourceOptions {
  dialect: SqlDialectName;
  schema: SqlSchema;
  /**
   * Runs the SQL where the data lives: an engine inside the page (DuckDB-WASM) or one your own
   * code reaches. There is no endpoint mode: a page that sends SQL lets anyone with the page run
   * any SQL. For a database on a server, use `createReportHandler` (`conversation-reports/server`)
   * there and `ServerDataSource` here: the browser sends report requests, never SQL.
   */
  execute: SqlExecutor;
  /** Names for assignee, inbox and chatflow ids, used in labels (and in the order of tied rows). */
  lookups?: LookupsOption;
  /** Most conversations one drill page returns, whatever the page asks. Default 10 000; `Infinity` for no cap. */
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
 * // DuckDB-WASM in the page, holding the conversations in a table.
 * const source = new SqlDataSource({
 *   dialect: 'duckdb',
 *   schema: { table: 'conversations', customProperties: { plan: { type: 'text' } } },
 *   execute: async (sql, params) => (await connection.prepare(sql)).query(...params).then((t) => t.toArray()),
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
    if (typeof options.execute !== 'function')
      throw new TypeError('SqlDataSource needs `execute` (a function that runs SQL in an engine inside the page). For a server database use ServerDataSource with createReportHandler.');
    this.#execute = options.execute;
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

  /** The statement `drill` runs for a point and page. */
  async compileDrill(spec: ReportSpec, context: ReportContext, point: DrillPoint, page?: DrillPageRequest, signal: AbortSignal = new AbortController().signal): Promise<SqlStatement> {
    return compileDrill(await this.#setup(signal), spec, context, point, this.#capped(page)).statement;
  }

  async query(spec: ReportSpec, context: ReportContext, signal: AbortSignal): Promise<ReportResult> {
    const setup = await this.#setup(signal);
    const { statement, shape } = compileReport(setup, spec, context);
    const rows = await this.#run(statement, signal);
    return assembleReport(rows, shape, setup.lookups);
  }

  async drill(spec: ReportSpec, context: ReportContext, point: DrillPoint, page: DrillPageRequest | undefined, signal: AbortSignal): Promise<DrillPage> {
    const setup = await this.#setup(signal);
    const compiled = compileDrill(setup, spec, context, point, this.#capped(page));
    return assembleDrillPage(await this.#run(compiled.statement, signal), compiled, this.#schema);
  }

  /** The page with its limit capped by `maxDrillRows`. */
  #capped(page: DrillPageRequest | undefined): DrillPageRequest {
    const limit = resolveDrillPage(page).limit;
    return { ...page, limit: this.#maxDrillRows === undefined ? limit : Math.min(limit, this.#maxDrillRows) };
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
