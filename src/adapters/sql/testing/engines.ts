/**
 * Test support (Node only): the three SQL engines the push-down compiles for, each holding the same
 * conversations the way `SqlSchema`'s defaults expect them, behind one `execute(sql, params, signal)`
 * through the engine's real client: DuckDB through `@duckdb/node-api`, PostgreSQL through `pg` (a
 * throwaway cluster of Debian's `postgresql`), ClickHouse through `chdb` (in-process ClickHouse,
 * installed by `.ci/run`, not by `npm install`, for its ≈ 550 MB).
 *
 * An engine that is missing is skipped locally; an engine named in `CR_REQUIRE_ENGINES`
 * (comma-separated, as CI sets it) fails the test instead.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test, type TestContext } from 'node:test';
import { createTable, normalizePageUrl, type ConversationTable, type ReportContext, type ReportSpec } from '../../../core/index.ts';
import type { Conversation, Lookups } from '../../../core/schema/conversation.ts';
import { SqlDataSource, type SqlExecutor } from '../../sql-data-source.ts';
import type { SqlDialectName } from '../sql-dialect.ts';
import type { SqlCustomProperty } from '../sql-schema.ts';
import { createTestDatabase, customPropertiesOf } from './duckdb-database.ts';
import { startPostgres } from './postgres-server.ts';
import { resultAndDrillProblems } from './push-down-check.ts';

export interface TestEngine {
  dialect: SqlDialectName;
  version: string;
  /** The table holding the conversations (qualified when the engine needs it). */
  table: string;
  customProperties: Record<string, SqlCustomProperty>;
  execute: SqlExecutor;
  /** Statements run so far through `execute`. */
  statements: { sql: string; params: unknown[] }[];
  close(): Promise<void>;
}

export type EngineOrSkip = TestEngine | { skipped: string };

/** Engines CI requires: a missing one there is a failure, not a skip. */
export function requiredEngines(): Set<string> {
  return new Set((process.env.CR_REQUIRE_ENGINES ?? '').split(',').map((name) => name.trim()).filter(Boolean));
}

/** Skips the test when the engine could not start, or fails it when CI requires that engine. */
export function skipUnlessStarted(t: { skip(message?: string): void }, engine: EngineOrSkip | undefined, dialect: SqlDialectName): engine is TestEngine {
  if (engine && !('skipped' in engine)) return true;
  const reason = engine?.skipped ?? 'not started';
  if (requiredEngines().has(dialect)) throw new Error(`${dialect} is required here (CR_REQUIRE_ENGINES) but could not start: ${reason}`);
  t.skip(reason);
  return false;
}

const TEXT = ['id', 'channel', 'status', 'inboxId', 'assigneeId', 'chatflowId', 'pageUrl', 'ticketId', 'subject', 'contactName', 'contactEmail'] as const;
const TIMES = ['createdAt', 'firstResponseAt', 'closedAt'] as const;
const doubleQuote = (name: string) => `"${name.replaceAll('"', '""')}"`;
const backQuote = (name: string) => `\`${name.replaceAll('\\', '\\\\').replaceAll('`', '\\`')}\``;

/** Column name, SQL type key and value of each column of a conversation row, in table order. */
function columnsOf(custom: [string, SqlCustomProperty][]) {
  return [
    ...TEXT.map((c) => ({ name: c as string, type: 'text' as const, value: (r: Conversation) => r[c] })),
    ...TIMES.map((c) => ({ name: c as string, type: 'bigint' as const, value: (r: Conversation) => r[c] })),
    { name: 'pageUrlNormalized', type: 'text' as const, value: (r: Conversation) => (r.pageUrl === null ? null : normalizePageUrl(r.pageUrl)) },
    ...custom.map(([name, p]) => ({
      name: `properties.${name}`,
      type: p.type,
      value: (r: Conversation) => (Object.hasOwn(r.properties, name) ? (r.properties[name] ?? null) : null),
    })),
  ];
}

export async function startEngine(dialect: SqlDialectName, conversations: readonly Conversation[]): Promise<EngineOrSkip> {
  if (dialect === 'duckdb') {
    const db = await createTestDatabase(conversations);
    const [row] = await db.execute('SELECT version() AS v', [], new AbortController().signal);
    return { dialect, version: String(row?.v), table: 'conversations', customProperties: db.customProperties, execute: db.execute, statements: db.statements, close: async () => db.close() };
  }
  if (dialect === 'postgres') return startPostgresEngine(conversations);
  return startClickHouseEngine(conversations);
}

async function startPostgresEngine(conversations: readonly Conversation[]): Promise<EngineOrSkip> {
  const server = await startPostgres();
  if ('skipped' in server) return server;
  const client = server.client;
  const customProperties = customPropertiesOf(conversations);
  const pgType = { text: 'text', number: 'double precision', boolean: 'boolean', bigint: 'bigint' } as const;
  const columns = columnsOf(Object.entries(customProperties));
  try {
    await client.query(`CREATE TABLE conversations (${columns.map((c) => `${doubleQuote(c.name)} ${pgType[c.type]}`).join(', ')})`);
    const chunk = Math.floor(30_000 / columns.length);
    for (let start = 0; start < conversations.length; start += chunk) {
      const rows = conversations.slice(start, start + chunk);
      const params: unknown[] = [];
      const tuples = rows.map((r) => `(${columns.map((c) => `$${params.push(c.value(r))}::${pgType[c.type]}`).join(', ')})`);
      await client.query(`INSERT INTO conversations VALUES ${tuples.join(', ')}`, params);
    }
  } catch (error) {
    await server.stop();
    throw error;
  }
  const statements: TestEngine['statements'] = [];
  return {
    dialect: 'postgres',
    version: server.version,
    table: 'conversations',
    customProperties,
    statements,
    execute: async (sql, params, signal) => {
      statements.push({ sql, params: [...params] });
      return server.execute(sql, params, signal);
    },
    close: () => server.stop(),
  };
}

/** The parts of chdb's Session used here (chdb is not a dependency: CI installs it apart). */
interface ChdbSession {
  query(sql: string, format?: string): string;
  queryBindAsync(sql: string, params: object, options?: { format?: string; signal?: AbortSignal }): Promise<{ text(): string }>;
  close(): void;
}

let chdbSession: Promise<ChdbSession | { skipped: string }> | null = null;
let clickhouseDatabases = 0;

/** One in-process ClickHouse per test process: chdb keeps one engine per process anyway. */
function clickhouseSession(): Promise<ChdbSession | { skipped: string }> {
  chdbSession ??= (async () => {
    const name = 'chdb';
    try {
      const chdb = (await import(name)) as { Session: new () => ChdbSession };
      return new chdb.Session();
    } catch (error) {
      return { skipped: `chdb is not installed (npm install --no-save chdb@3.4.0): ${(error as Error).message.split('\n')[0]}` };
    }
  })();
  return chdbSession;
}

/** ClickHouse's `{pN:Type}` placeholders take named values; the compiler numbers them from 1. */
export function clickhouseParams(params: readonly unknown[]): Record<string, unknown> {
  const named: Record<string, unknown> = {};
  params.forEach((value, index) => (named[`p${index + 1}`] = value));
  return named;
}

/** JSONEachRow text as row objects. */
function readJsonLines(text: string): Record<string, unknown>[] {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

async function startClickHouseEngine(conversations: readonly Conversation[]): Promise<EngineOrSkip> {
  const session = await clickhouseSession();
  if ('skipped' in session) return session;
  const customProperties = customPropertiesOf(conversations);
  const columns = columnsOf(Object.entries(customProperties));
  const chType = { text: 'String', number: 'Float64', boolean: 'Bool', bigint: 'Int64' } as const;
  // A database per data set, so that several data sets live side by side in the one engine.
  const database = `cr_test_${++clickhouseDatabases}`;
  session.query(`DROP DATABASE IF EXISTS ${database}`);
  session.query(`CREATE DATABASE ${database}`);
  const table = `${database}.conversations`;
  session.query(`CREATE TABLE ${database}.conversations (${columns.map((c) => `${backQuote(c.name)} Nullable(${chType[c.type]})`).join(', ')}) ENGINE = MergeTree ORDER BY tuple()`);
  const chunk = 20_000;
  for (let start = 0; start < conversations.length; start += chunk) {
    const lines = conversations.slice(start, start + chunk).map((r) => JSON.stringify(Object.fromEntries(columns.map((c) => [c.name, c.value(r)]))));
    session.query(`INSERT INTO ${database}.conversations FORMAT JSONEachRow\n${lines.join('\n')}`);
  }
  const version = readJsonLines(session.query('SELECT version() AS v', 'JSONEachRow'))[0]?.v;
  const statements: TestEngine['statements'] = [];
  return {
    dialect: 'clickhouse',
    version: String(version),
    table,
    customProperties,
    statements,
    execute: async (sql, params, signal) => {
      if (signal.aborted) throw signal.reason;
      statements.push({ sql, params: [...params] });
      // Not UTC on purpose: the SQL must not depend on the session's zone.
      const result = await session.queryBindAsync(`${sql}\nSETTINGS session_timezone = 'America/Los_Angeles', max_ast_elements = 1000000, max_expanded_ast_elements = 5000000`, clickhouseParams(params), { format: 'JSONEachRow', signal });
      return readJsonLines(result.text());
    },
    close: async () => {
      session.query(`DROP DATABASE IF EXISTS ${database}`);
    },
  };
}

export const ENGINE_DIALECTS: readonly SqlDialectName[] = ['duckdb', 'postgres', 'clickhouse'];

/** What a test of an engine suite works with: the started engine, and both sides of the comparison. */
export interface EngineRun {
  engine: TestEngine;
  /** The browser engine's table over the same conversations. */
  table: ConversationTable;
  /** Push-down over the engine's table, without a drill row cap. */
  source: SqlDataSource;
}

export interface EngineSuite {
  /** A test on the started engine: skipped when it did not start (failed when CI requires it). */
  test(name: string, body: (run: EngineRun, t: TestContext) => unknown): void;
}

export interface EngineSuiteData {
  /** The parsed data set, loaded into the engine; it must parse without errors. */
  parsed: { conversations: readonly Conversation[]; errors: readonly unknown[] };
  lookups: Lookups;
}

/**
 * A `describe` block over one real engine holding `data`: starts the engine before its tests and
 * stops it after them, and builds the browser engine's table and a `SqlDataSource` to compare.
 */
export function engineSuite(dialect: SqlDialectName, name: string, data: EngineSuiteData, define: (suite: EngineSuite) => void): void {
  describe(name, () => {
    let engine: EngineOrSkip | undefined;
    let run: EngineRun | undefined;
    before(async () => {
      assert.deepEqual(data.parsed.errors, []);
      engine = await startEngine(dialect, data.parsed.conversations);
      if ('skipped' in engine) return;
      run = {
        engine,
        table: createTable(data.parsed.conversations, data.lookups),
        source: new SqlDataSource({ dialect, schema: { table: engine.table, customProperties: engine.customProperties }, execute: engine.execute, lookups: data.lookups, maxDrillRows: Infinity }),
      };
    });
    after(async () => {
      if (engine && !('skipped' in engine)) await engine.close();
    });
    define({
      test: (testName, body) =>
        test(testName, async (t) => {
          if (!skipUnlessStarted(t, engine, dialect)) return;
          await body(run!, t);
        }),
    });
  });
}

/**
 * One test per spec on the suite's engine: push-down gives the browser engine's result and drill
 * ids in every context (the first 20 differences shown).
 */
export function specTests(suite: EngineSuite, specs: readonly ReportSpec[], contexts: readonly (ReportContext & { name: string })[]): void {
  for (const s of specs)
    suite.test(s.id, async ({ source, table }) => {
      const problems = await resultAndDrillProblems(source, table, s, contexts);
      assert.deepEqual(problems.slice(0, 20), []);
    });
}
