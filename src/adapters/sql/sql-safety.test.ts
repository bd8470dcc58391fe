/**
 * No injection: values only ever travel as parameters, and identifiers come only from the property
 * catalog and the host's schema, checked and quoted. Property tests with hostile names and values.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { InvalidMeasureError, UnknownPropertyError, reportSpecSchema, type Filter, type ReportContext, type ReportSpec, type ReportSpecInput } from '../../core/index.ts';
import { generateConversations } from '../../sample/generate-conversations.ts';
import { InvalidSqlSchemaError, SqlDataSource, type SqlDialectName, type SqlSchema } from '../sql-data-source.ts';
import { createTestDatabase, type TestDatabase } from './testing/duckdb-database.ts';

const spec = (input: Omit<ReportSpecInput, 'title' | 'chartType'>): ReportSpec => reportSpecSchema.parse({ title: input.id, chartType: 'table', ...input });
const context: ReportContext = { range: { from: Date.UTC(2026, 0, 1), to: Date.UTC(2026, 11, 1) }, timeZone: 'Europe/Amsterdam', compare: 'previous-period' };
const signal = new AbortController().signal;
const dialects: SqlDialectName[] = ['duckdb', 'postgres', 'clickhouse'];
const schema: SqlSchema = { table: 'conversations', customProperties: { plan: { type: 'text' }, score: { type: 'number' } } };

function source(dialect: SqlDialectName, extra: Partial<SqlSchema> = {}): SqlDataSource {
  return new SqlDataSource({ dialect, schema: { ...schema, ...extra }, execute: async () => [] });
}

/** Identifiers in a statement: "…" (or `…` in ClickHouse). */
function identifiers(sql: string, dialect: SqlDialectName): string[] {
  const pattern = dialect === 'clickhouse' ? /`((?:[^`\\]|\\.)*)`/g : /"((?:[^"]|"")*)"/g;
  return [...sql.matchAll(pattern)].map((match) => match[1]!);
}

const ALLOWED = new Set([
  'conversations', 'id', 'channel', 'status', 'inboxId', 'assigneeId', 'createdAt', 'firstResponseAt', 'closedAt', 'chatflowId',
  'pageUrl', 'ticketId', 'subject', 'contactName', 'contactEmail', 'pageUrlNormalized', 'properties.plan', 'properties.score', 'p0', 'p1', 'C',
]);

const hostileText = fc.oneof(
  fc.constantFrom("'; DROP TABLE conversations; --", '"; DROP TABLE conversations; --', '`x`', '$1', '{p1:String}', '%', '_', '\\', '\u0000', 'ä"\'`', ''),
  fc.string({ unit: 'binary', maxLength: 40 }),
);

describe('values are parameters', () => {
  for (const dialect of dialects) {
    test(`${dialect}: a filter value never changes the SQL text, only the parameters`, async () => {
      const s = source(dialect);
      await fc.assert(
        fc.asyncProperty(hostileText, fc.constantFrom<Filter['operator']>('is', 'isNot', 'in', 'notIn', 'contains'), async (value, operator) => {
          const filter = (v: string): Filter => ({ property: 'subject', operator, value: operator === 'in' || operator === 'notIn' ? [v, 'x'] : v });
          const hostile = await s.compileQuery(spec({ id: 'r', dimension: 'assigneeId', measure: { op: 'count' }, filters: [filter(value)] }), context);
          const plain = await s.compileQuery(spec({ id: 'r', dimension: 'assigneeId', measure: { op: 'count' }, filters: [filter('placeholder-value')] }), context);
          const sameShape = value !== 'x' && value !== 'placeholder-value' && (operator !== 'contains' || value.toLowerCase() !== 'placeholder-value');
          if (sameShape) assert.equal(hostile.sql, plain.sql);
          assert.ok(hostile.params.includes(operator === 'contains' ? value.toLowerCase() : value));
        }),
        { numRuns: 60 },
      );
    });

    test(`${dialect}: lookup names and time zones are parameters too`, async () => {
      const named = new SqlDataSource({
        dialect,
        schema,
        execute: async () => [],
        lookups: { assignees: [{ id: "a'1", name: "'); DROP TABLE conversations; --" }], inboxes: [], chatflows: [] },
      });
      const statement = await named.compileQuery(spec({ id: 'r', dimension: 'assigneeId', measure: { op: 'count' }, limit: 2 }), context);
      assert.ok(!statement.sql.includes('DROP'));
      assert.ok(statement.params.includes("'); DROP TABLE conversations; --"));
      const zone = 'Europe/Amsterdam';
      const weekly = await named.compileQuery(spec({ id: 'r', dimension: 'createdAt', timeBucket: 'week', measure: { op: 'count' } }), { ...context, timeZone: zone });
      assert.ok(!weekly.sql.includes(zone));
      assert.ok(weekly.params.includes(zone));
    });
  }
});

describe('identifiers come from the catalog and the schema', () => {
  for (const dialect of dialects) {
    test(`${dialect}: any property name in a spec yields only known identifiers`, async () => {
      const s = source(dialect);
      await fc.assert(
        fc.asyncProperty(hostileText, async (name) => {
          const property = `properties.${name}`;
          const statement = await s.compileQuery(
            spec({
              id: 'r',
              dimension: property,
              breakdown: 'properties.plan',
              measure: { op: 'avg', property },
              filters: [{ property, operator: 'isNot', value: 'v' }, { property, operator: 'contains', value: 'v' }],
              limit: 3,
            }),
            context,
          );
          for (const identifier of identifiers(statement.sql, dialect)) assert.ok(ALLOWED.has(identifier), `unexpected identifier ${JSON.stringify(identifier)}`);
        }),
        { numRuns: 60 },
      );
    });
  }

  test('a property no schema declares reads as null, as in the browser; one that is not a property at all is refused', async () => {
    const s = source('duckdb');
    const undeclared = await s.compileQuery(spec({ id: 'r', dimension: 'properties.__proto__', measure: { op: 'count' } }), context);
    assert.ok(!undeclared.sql.includes('__proto__'));
    await assert.rejects(s.compileQuery(spec({ id: 'r', dimension: 'constructor', measure: { op: 'count' } }), context), UnknownPropertyError);
    await assert.rejects(s.compileQuery(spec({ id: 'r', dimension: 'status"; DROP TABLE x; --', measure: { op: 'count' } }), context), UnknownPropertyError);
    await assert.rejects(s.compileQuery(spec({ id: 'r', measure: { op: 'sum', property: 'subject' } }), context), InvalidMeasureError);
  });

  test('schema names are checked when the source is made', () => {
    for (const bad of ['conversations; DROP TABLE x', 'a"b', 'a.b.c.d', '', '1table', 'a`b']) assert.throws(() => source('postgres', { table: bad }), InvalidSqlSchemaError, bad);
    assert.throws(() => source('duckdb', { columns: { assigneeId: 'agent"; --' } }), InvalidSqlSchemaError);
    assert.throws(() => source('clickhouse', { customProperties: { 'x`y': { type: 'text' } } }), InvalidSqlSchemaError);
    assert.throws(() => source('duckdb', { customProperties: { plan: { type: 'text', column: 'plan) OR (1=1' } } }), InvalidSqlSchemaError);
    assert.throws(() => source('duckdb', { customProperties: { plan: { type: 'json' as 'text' } } }), InvalidSqlSchemaError);
    assert.throws(() => source('duckdb', { pageUrlGroupColumn: 'x y' }), InvalidSqlSchemaError);
    assert.throws(() => new SqlDataSource({ dialect: 'mysql' as SqlDialectName, schema, execute: async () => [] }), TypeError);
    assert.throws(() => new SqlDataSource({ dialect: 'duckdb', schema } as never), TypeError);
    // The raw-SQL endpoint mode is gone: a `url` alone is no way to run statements.
    assert.throws(() => new SqlDataSource({ dialect: 'duckdb', schema, url: '/report-sql' } as never), /ServerDataSource/);
  });

  test('a bad time zone, range or spec is refused before any SQL is made', async () => {
    const s = source('duckdb');
    const count = spec({ id: 'r', measure: { op: 'count' } });
    await assert.rejects(s.compileQuery(count, { ...context, timeZone: "UTC'); DROP TABLE x; --" }), RangeError);
    await assert.rejects(s.compileQuery(count, { ...context, range: { from: Number.NaN, to: 1 } }), RangeError);
    await assert.rejects(s.compileQuery({ ...count, limit: -1 }, context), TypeError);
    await assert.rejects(s.compileQuery({ ...count, filters: [{ property: 'x', operator: 'between', value: [2, 1] }] }, context), TypeError);
  });
});

describe('hostile data and specs on a real DuckDB', () => {
  let db: TestDatabase;
  before(async () => {
    const { conversations } = generateConversations({ n: 300, seed: 3 });
    conversations[0]!.subject = "'; DROP TABLE conversations; --";
    conversations[1]!.assigneeId = '"); DROP TABLE conversations; --';
    db = await createTestDatabase(conversations);
  });
  after(() => db?.close());

  test('values round-trip as data and the table survives', async () => {
    const s = new SqlDataSource({ dialect: 'duckdb', schema: { table: 'conversations', customProperties: db.customProperties }, execute: db.execute });
    const wide = { range: { from: 0, to: Date.UTC(2030, 0, 1) }, timeZone: 'UTC' };
    const bySubject = await s.query(spec({ id: 'r', dimension: 'assigneeId', measure: { op: 'count' }, filters: [{ property: 'subject', operator: 'is', value: "'; DROP TABLE conversations; --" }] }), wide, signal);
    assert.equal(bySubject.matched, 1);
    const hostileKey = '"); DROP TABLE conversations; --';
    const drilled = await s.drill(spec({ id: 'r', dimension: 'assigneeId', measure: { op: 'count' } }), wide, { key: hostileKey }, {}, signal);
    assert.deepEqual(drilled.rows.map((c) => c.assigneeId), [hostileKey]);
    // A search is a value too: wildcards and quotes match only themselves.
    const searched = await s.drill(spec({ id: 'r', measure: { op: 'count' } }), wide, { key: '__all__' }, { search: "%'); DROP TABLE conversations; --" }, signal);
    assert.deepEqual(searched, { total: 0, offset: 0, rows: [] });
    const reader = await db.connection.runAndReadAll('SELECT count(*) AS n FROM conversations');
    assert.equal(Number(reader.getRowObjectsJS()[0]!.n), 300);
  });
});
