import { DuckDBInstance } from '@duckdb/node-api';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Conversation, Lookups } from '../../../src/core/schema/conversation.ts';
import { normalizePageUrl, type CustomPropertyType, type OracleSchema } from './report-sql.ts';

export interface OracleDatabase {
  instance: DuckDBInstance;
  connection: DuckDBConnection;
  schema: OracleSchema;
  close(): void;
}

const STRING_COLUMNS = [
  'id', 'channel', 'status', 'inboxId', 'assigneeId', 'chatflowId', 'pageUrl', 'ticketId',
  'subject', 'contactName', 'contactEmail',
] as const;
const TIME_COLUMNS = ['createdAt', 'firstResponseAt', 'closedAt'] as const;

/** One SQL type per custom property; a property whose values mix types cannot be a column. */
function inferCustomProperties(conversations: readonly Conversation[]): Record<string, CustomPropertyType> {
  const seen = new Map<string, Set<string>>();
  for (const conversation of conversations) {
    for (const [name, value] of Object.entries(conversation.properties)) {
      if (!seen.has(name)) seen.set(name, new Set());
      if (value !== null) seen.get(name)!.add(typeof value);
    }
  }
  const result: Record<string, CustomPropertyType> = {};
  for (const [name, types] of seen) {
    if (types.size > 1) result[name] = 'mixed';
    else if (types.has('number')) result[name] = 'DOUBLE';
    else if (types.has('boolean')) result[name] = 'BOOLEAN';
    else result[name] = 'VARCHAR';
  }
  return result;
}

export const quoteIdent = (name: string): string => '"' + name.replaceAll('"', '""') + '"';

/**
 * Loads conversations (epoch-ms BIGINT times) and lookups into a fresh in-memory DuckDB. The only
 * thing computed in JS is `pageUrlNormalized`, because the contract defines it as what WHATWG
 * `new URL()` says.
 */
export async function loadOracleDatabase(conversations: readonly Conversation[], lookups: Lookups): Promise<OracleDatabase> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  // Naive TIMESTAMPs from epoch_ms() are read as UTC; local time only ever comes from timezone().
  await connection.run(`SET TimeZone = 'UTC'`);
  // Thousands of tiny queries: scheduling work across threads costs more than it saves.
  await connection.run(`SET threads = 1`);

  const customProperties = inferCustomProperties(conversations);
  const customNames = Object.keys(customProperties).filter((name) => customProperties[name] !== 'mixed');
  const columns = [
    ...STRING_COLUMNS.map((c) => `${quoteIdent(c)} VARCHAR`),
    ...TIME_COLUMNS.map((c) => `${quoteIdent(c)} BIGINT`),
    `"pageUrlNormalized" VARCHAR`,
    ...customNames.map((name) => `${quoteIdent('properties.' + name)} ${customProperties[name]}`),
  ];
  await connection.run(`CREATE TABLE conversations (${columns.join(', ')})`);

  const appender = await connection.createAppender('conversations');
  for (const c of conversations) {
    for (const column of STRING_COLUMNS) {
      const value = c[column];
      if (value === null) appender.appendNull();
      else appender.appendVarchar(value);
    }
    for (const column of TIME_COLUMNS) {
      const value = c[column];
      if (value === null) appender.appendNull();
      else appender.appendBigInt(BigInt(value));
    }
    if (c.pageUrl === null) appender.appendNull();
    else appender.appendVarchar(normalizePageUrl(c.pageUrl));
    for (const name of customNames) {
      const value = c.properties[name];
      if (value === null || value === undefined) appender.appendNull();
      else if (typeof value === 'number') appender.appendDouble(value);
      else if (typeof value === 'boolean') appender.appendBoolean(value);
      else appender.appendVarchar(value);
    }
    appender.endRow();
  }
  appender.flushSync();
  appender.closeSync();

  for (const [table, entries] of [
    ['assignees', lookups.assignees],
    ['inboxes', lookups.inboxes],
    ['chatflows', lookups.chatflows],
  ] as const) {
    await connection.run(`CREATE TABLE ${table} (id VARCHAR, name VARCHAR)`);
    const lookupAppender = await connection.createAppender(table);
    for (const entry of entries) {
      lookupAppender.appendVarchar(entry.id);
      lookupAppender.appendVarchar(entry.name);
      lookupAppender.endRow();
    }
    lookupAppender.flushSync();
    lookupAppender.closeSync();
  }

  return {
    instance,
    connection,
    schema: { customProperties },
    close() {
      connection.closeSync();
      instance.closeSync();
    },
  };
}
