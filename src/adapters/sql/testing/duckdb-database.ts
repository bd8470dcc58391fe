/**
 * Test support (Node only): an in-memory DuckDB holding conversations the way the SqlDataSource
 * expects them by default, and an executor for it.
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { normalizePageUrl } from '../../../core/index.ts';
import type { Conversation } from '../../../core/schema/conversation.ts';
import type { SqlExecutor } from '../../sql-data-source.ts';
import type { SqlCustomProperty } from '../sql-schema.ts';
import { runInterruptibly } from '../../../server/duckdb-executor.ts';

export interface TestDatabase {
  connection: DuckDBConnection;
  execute: SqlExecutor;
  customProperties: Record<string, SqlCustomProperty>;
  /** Statements run so far. */
  statements: { sql: string; params: unknown[] }[];
  close(): void;
}

const TEXT = ['id', 'channel', 'status', 'inboxId', 'assigneeId', 'chatflowId', 'pageUrl', 'ticketId', 'subject', 'contactName', 'contactEmail'] as const;
const TIMES = ['createdAt', 'firstResponseAt', 'closedAt'] as const;

const quote = (name: string): string => `"${name.replaceAll('"', '""')}"`;

/** One SQL type per custom property; a property whose values mix types cannot be a column and is left out. */
export function customPropertiesOf(conversations: readonly Conversation[]): Record<string, SqlCustomProperty> {
  const types = new Map<string, Set<string>>();
  for (const conversation of conversations)
    for (const [name, value] of Object.entries(conversation.properties)) {
      if (!types.has(name)) types.set(name, new Set());
      if (value !== null) types.get(name)!.add(typeof value);
    }
  const result: Record<string, SqlCustomProperty> = {};
  for (const [name, seen] of types) {
    if (seen.size > 1) continue;
    result[name] = { type: seen.has('number') ? 'number' : seen.has('boolean') ? 'boolean' : 'text' };
  }
  return result;
}

export async function createTestDatabase(conversations: readonly Conversation[], table = 'conversations'): Promise<TestDatabase> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  // Not UTC on purpose: the SQL must not depend on the session's zone.
  await connection.run(`SET TimeZone = 'America/Los_Angeles'`);
  await connection.run('SET threads = 1');
  const customProperties = customPropertiesOf(conversations);
  const custom = Object.entries(customProperties);
  const sqlType = { text: 'VARCHAR', number: 'DOUBLE', boolean: 'BOOLEAN' } as const;
  await connection.run(
    `CREATE TABLE ${quote(table)} (${[
      ...TEXT.map((c) => `${quote(c)} VARCHAR`),
      ...TIMES.map((c) => `${quote(c)} BIGINT`),
      '"pageUrlNormalized" VARCHAR',
      ...custom.map(([name, p]) => `${quote('properties.' + name)} ${sqlType[p.type]}`),
    ].join(', ')})`,
  );
  const appender = await connection.createAppender(table);
  for (const c of conversations) {
    for (const column of TEXT) {
      const value = c[column];
      if (value === null) appender.appendNull();
      else appender.appendVarchar(value);
    }
    for (const column of TIMES) {
      const value = c[column];
      if (value === null) appender.appendNull();
      else appender.appendBigInt(BigInt(value));
    }
    if (c.pageUrl === null) appender.appendNull();
    else appender.appendVarchar(normalizePageUrl(c.pageUrl));
    for (const [name] of custom) {
      const value = Object.hasOwn(c.properties, name) ? c.properties[name] : null;
      if (value === null || value === undefined) appender.appendNull();
      else if (typeof value === 'number') appender.appendDouble(value);
      else if (typeof value === 'boolean') appender.appendBoolean(value);
      else appender.appendVarchar(value);
    }
    appender.endRow();
  }
  appender.flushSync();
  appender.closeSync();
  const statements: TestDatabase['statements'] = [];
  return {
    connection,
    customProperties,
    statements,
    execute: async (sql, params, signal) => {
      if (signal.aborted) throw signal.reason;
      statements.push({ sql, params: [...params] });
      // An abort interrupts the running statement (it then rejects), as a server's executor should.
      return runInterruptibly(connection, sql, params, signal);
    },
    close() {
      connection.closeSync();
      instance.closeSync();
    },
  };
}
