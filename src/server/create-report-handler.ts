import { builtInProperties } from '../core/table/properties.ts';
import type { Lookups, LookupsInput } from '../core/schema/conversation.ts';
import { filterSchema, type Filter, type ReportSpec } from '../core/schema/report-spec.ts';
import { normalizeLookups } from '../core/table/table.ts';
import { bucketBoundaries } from '../core/time/time-buckets.ts';
import { DEFAULT_DRILL_LIMIT } from '../core/engine/drill-page.ts';
import type { ReportContext } from '../core/types.ts';
import { assembleDrillPage } from '../adapters/sql/assemble-drill.ts';
import { assembleReport } from '../adapters/sql/assemble-report.ts';
import { compileDrill } from '../adapters/sql/compile-drill.ts';
import { compileReport, type SqlSetup } from '../adapters/sql/compile-report.ts';
import { sqlDialects, type SqlDialectName, type SqlStatement, type SqlValue } from '../adapters/sql/sql-dialect.ts';
import { ResolvedSqlSchema, type SqlSchema } from '../adapters/sql/sql-schema.ts';
import { readBody } from './read-body.ts';
import { ReportRequestError, errorResponse } from './report-error.ts';
import { droppedKey, reportRequestSchema, type ReportRequest } from './report-request.ts';

/** Who asks, and the rows they may see: `scope` filters are ANDed into every statement. */
export interface ReportAuth {
  userId: string;
  scope?: Filter[];
}

export interface ReportHandlerLimits {
  /** Longest a statement may run; then the answer is 504 and the statement is aborted. Default 10 000. */
  timeoutMs?: number;
  /** Most rows one drill page returns, whatever the request asks. Default 1 000. */
  maxDrillLimit?: number;
  /** Largest request body. Default 65 536 bytes. */
  maxBodyBytes?: number;
  /** Longest date range a request may ask for (the previous period comes on top). Default 3 660 days. */
  maxRangeDays?: number;
}

export interface ReportHandlerOptions {
  dialect: SqlDialectName;
  schema: SqlSchema;
  /**
   * Runs one statement with its bound parameters and resolves with the rows. Abort the statement
   * when `signal` aborts (the client went away, or the timeout passed): `pg_cancel_backend`,
   * DuckDB's `interrupt()`, ClickHouse's `KILL QUERY` or the driver's own cancel.
   */
  execute(sql: string, params: SqlValue[], signal: AbortSignal): Promise<readonly Record<string, unknown>[]>;
  /** The user behind the request (session, token…), or null to answer 401. */
  authorize(request: Request): Promise<ReportAuth | null>;
  /** Names for ids (assignees with their teams, inboxes, chatflows) as this user may see them. */
  lookups?(auth: ReportAuth): Promise<Lookups | LookupsInput>;
  limits?: ReportHandlerLimits;
  /** Told about every failure answered with a 5xx (engine errors, timeouts), for the host's logs. */
  onError?(error: unknown, request: Request): void;
}

const DAY = 86_400_000;

function positive(name: string, value: number | undefined, fallback: number): number {
  const resolved = value ?? fallback;
  if (!(Number.isSafeInteger(resolved) && resolved > 0)) throw new RangeError(`limits.${name} must be a whole number > 0, got ${String(value)}`);
  return resolved;
}

const BUILT_IN_NAMES: ReadonlySet<string> = new Set(builtInProperties.map((p) => p.name));

/** Every property a request names: dimension, breakdown, measure, filters, drill sort. */
function propertiesOf(request: Extract<ReportRequest, { spec: unknown }>): string[] {
  const { spec } = request;
  const names = [spec.dateProperty, ...spec.filters.map((f) => f.property)];
  if (spec.dimension !== undefined) names.push(spec.dimension);
  if (spec.breakdown !== undefined) names.push(spec.breakdown);
  if (spec.measure.op !== 'count') names.push(spec.measure.property);
  if (request.op === 'drill' && request.page?.sort) names.push(request.page.sort.by);
  return names;
}

/** The spec with the scope's filters ANDed in front of its own: a filter can only narrow, never widen. */
function scoped(spec: ReportSpec, scope: readonly Filter[]): ReportSpec {
  return scope.length === 0 ? spec : { ...spec, filters: [...scope, ...spec.filters] };
}

/** A failure in compiling (the request's fault) told apart from one in running (the engine's). */
function asBadRequest(error: unknown): ReportRequestError {
  if (error instanceof ReportRequestError) return error;
  const name = error instanceof Error ? error.name : '';
  const known = ['UnknownPropertyError', 'InvalidMeasureError', 'InvalidFilterError', 'TooManyBucketsError', 'MissingBusinessHoursError', 'InvalidDrillPageError', 'UnsupportedPushDownError', 'TypeError', 'RangeError'];
  if (error instanceof Error && known.includes(name)) return new ReportRequestError(400, 'invalid-report', error.message);
  throw error;
}

/**
 * The server half of the SQL push-down (`conversation-reports/server`): a fetch-style handler that
 * answers report requests from `ServerDataSource`. It validates the body with the kit's schemas
 * (unknown keys, unknown properties, bad zones and over-long ranges are refused), compiles it into
 * exactly one statement with bound parameters, ANDs the user's `scope` into it, runs it with a
 * timeout and the client's abort, and answers the same ReportResult / DrillPage the browser engine
 * gives. Errors are `{ error: { code, message } }`: 4xx for the request, 5xx with a generic message
 * for the engine; never SQL text or a stack.
 */
export function createReportHandler(options: ReportHandlerOptions): (request: Request) => Promise<Response> {
  if (!Object.hasOwn(sqlDialects, options?.dialect ?? '')) throw new TypeError(`Unknown SQL dialect ${JSON.stringify(options?.dialect)}: use "duckdb", "postgres" or "clickhouse".`);
  if (typeof options.execute !== 'function') throw new TypeError('createReportHandler needs `execute(sql, params, signal)`.');
  if (typeof options.authorize !== 'function') throw new TypeError('createReportHandler needs `authorize(request)`: every request must belong to a user.');
  const schema = new ResolvedSqlSchema(options.schema, sqlDialects[options.dialect]);
  const limits = options.limits ?? {};
  const timeoutMs = positive('timeoutMs', limits.timeoutMs, 10_000);
  const maxDrillLimit = positive('maxDrillLimit', limits.maxDrillLimit, 1_000);
  const maxBodyBytes = positive('maxBodyBytes', limits.maxBodyBytes, 65_536);
  const maxRangeMs = positive('maxRangeDays', limits.maxRangeDays, 3_660) * DAY;
  const declared = new Set(schema.customNames.map((name) => `properties.${name}`));

  async function names(auth: ReportAuth): Promise<Lookups> {
    return normalizeLookups(options.lookups ? await options.lookups(auth) : undefined);
  }

  /** Runs the one statement under the timeout and the client's signal. */
  async function run(statement: SqlStatement, request: Request): Promise<readonly Record<string, unknown>[]> {
    const timeout = new AbortController();
    const signal = AbortSignal.any([request.signal, timeout.signal]);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const expired = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        const error = new ReportRequestError(504, 'timeout', `The report took longer than ${timeoutMs} ms.`);
        timeout.abort(error);
        reject(error);
      }, timeoutMs);
    });
    const gone = new Promise<never>((_, reject) => {
      const onAbort = () => reject(new ReportRequestError(499, 'client-closed', 'The client went away.'));
      if (request.signal.aborted) onAbort();
      else request.signal.addEventListener('abort', onAbort, { once: true });
    });
    try {
      // The engine's answer, or the timeout, or the client leaving: whichever comes first.
      const rows = await Promise.race([options.execute(statement.sql, statement.params, signal), expired, gone]);
      if (!Array.isArray(rows)) throw new TypeError('execute must resolve with an array of rows.');
      return rows;
    } finally {
      clearTimeout(timer);
    }
  }

  async function answer(request: Request): Promise<Response> {
    if (request.method !== 'POST') throw new ReportRequestError(405, 'method-not-allowed', 'Send report requests with POST.');
    // JSON only: a cross-site form cannot send it without a preflight the browser asks first.
    const type = request.headers.get('Content-Type') ?? '';
    if (!/^application\/json\s*(;|$)/i.test(type)) throw new ReportRequestError(415, 'unsupported-media-type', 'Send the report request as application/json.');
    const auth = await options.authorize(request);
    if (!auth) throw new ReportRequestError(401, 'unauthorized', 'Sign in to see reports.');
    const scope = auth.scope ?? [];
    if (!Array.isArray(scope) || !scope.every((filter) => filterSchema.safeParse(filter).success)) throw new TypeError('authorize returned a scope that is not a list of filters.');

    const text = await readBody(request, maxBodyBytes);
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      throw new ReportRequestError(400, 'invalid-json', 'The request body is not JSON.');
    }
    const op = (raw as { op?: unknown } | null)?.op;
    if (op !== 'query' && op !== 'drill' && op !== 'lookups') throw new ReportRequestError(400, 'invalid-request', 'op must be "query", "drill" or "lookups".');
    const parsed = reportRequestSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new ReportRequestError(400, 'invalid-request', `${issue.path.join('.') || 'body'}: ${issue.message}`);
    }
    const dropped = droppedKey(raw, parsed.data);
    if (dropped) throw new ReportRequestError(400, 'unknown-field', `Unknown field "${dropped}".`);
    const body = parsed.data;
    if (body.op === 'lookups') return json(await names(auth));

    for (const name of propertiesOf(body))
      if (!BUILT_IN_NAMES.has(name) && !declared.has(name)) throw new ReportRequestError(400, 'unknown-property', `Unknown property "${name}".`);
    const context = body.context as ReportContext;
    if (context.range.to - context.range.from > maxRangeMs)
      throw new ReportRequestError(400, 'range-too-long', `The date range is longer than ${Math.round(maxRangeMs / DAY)} days.`);
    const spec = scoped(body.spec, scope);
    const setup: SqlSetup = { schema, lookups: await names(auth) };
    if (body.op === 'query') {
      let compiled;
      try {
        // A date dimension's buckets are counted before any SQL runs (at most 10 000).
        if (spec.dimension === 'createdAt' || spec.dimension === 'closedAt' || spec.dimension === 'firstResponseAt')
          bucketBoundaries(context.range.from, context.range.to, spec.timeBucket ?? 'day', context.timeZone);
        compiled = compileReport(setup, spec, context);
      } catch (error) {
        throw asBadRequest(error);
      }
      return json(assembleReport(await run(compiled.statement, request), compiled.shape, setup.lookups));
    }
    const page = { ...body.page, limit: Math.min(body.page?.limit ?? DEFAULT_DRILL_LIMIT, maxDrillLimit) };
    let compiled;
    try {
      compiled = compileDrill(setup, spec, context, body.point, page);
    } catch (error) {
      throw asBadRequest(error);
    }
    return json(assembleDrillPage(await run(compiled.statement, request), compiled, schema));
  }

  return async (request) => {
    try {
      return await answer(request);
    } catch (error) {
      if (error instanceof ReportRequestError) {
        if (error.status >= 500) options.onError?.(error, request);
        return errorResponse(error.status, error.code, error.message, error.status === 405 ? { Allow: 'POST' } : {});
      }
      options.onError?.(error, request);
      // The engine's message may hold SQL or data: the client gets a generic one.
      return errorResponse(500, 'server-error', 'The report could not be computed.');
    }
  };
}

function json(value: unknown): Response {
  return Response.json(value, { headers: { 'Cache-Control': 'no-store' } });
}
