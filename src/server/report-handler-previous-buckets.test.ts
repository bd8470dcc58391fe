/**
 * (v2) The previous period over time through the server half: createReportHandler on a real DuckDB,
 * spoken to over HTTP by ServerDataSource, gives each date bucket the previous period's bucket at
 * the same position (`previous`, `previousKey`), equal to the browser engine's.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { computeReport, createTable, reportSpecSchema, type ReportContext } from '../core/index.ts';
import { generateConversations } from '../sample/generate-conversations.ts';
import { ServerDataSource } from '../adapters/server-data-source.ts';
import { resultProblems } from '../adapters/sql/testing/compare-results.ts';
import { createTestDatabase, type TestDatabase } from '../adapters/sql/testing/duckdb-database.ts';
import { createReportHandler, toNodeListener } from './index.ts';

const { conversations, lookups } = generateConversations({ n: 2000, seed: 4, end: Date.UTC(2026, 10, 20), days: 150 });
// October in Amsterdam, 31 days and the fall-back hour: 1 October pairs with 31 August.
const context: ReportContext = { range: { from: Date.UTC(2026, 8, 30, 22), to: Date.UTC(2026, 9, 31, 23) }, timeZone: 'Europe/Amsterdam', compare: 'previous-period' };
const specs = [
  reportSpecSchema.parse({ id: 'days', title: 'Volume over time', chartType: 'line', dimension: 'createdAt', timeBucket: 'day', measure: { op: 'count' } }),
  reportSpecSchema.parse({ id: 'weeks', title: 'Response time over time', chartType: 'area', dimension: 'createdAt', timeBucket: 'week', measure: { op: 'median', property: 'responseTime' } }),
];

let db: TestDatabase;
let server: Server;
let url: string;

before(async () => {
  db = await createTestDatabase(conversations);
  const handler = createReportHandler({
    dialect: 'duckdb',
    schema: { table: 'conversations', customProperties: db.customProperties },
    execute: db.execute,
    authorize: async () => ({ userId: 'admin' }),
    lookups: async () => lookups,
  });
  server = createServer(toNodeListener(handler));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/reports`;
});
after(() => {
  server?.close();
  db?.close();
});

test('the server pairs each date bucket with the previous period’s, as the engine does', async () => {
  const source = new ServerDataSource({ url, backoffMs: 1 });
  const table = createTable(conversations, lookups);
  for (const spec of specs) {
    const got = await source.query(spec, context, new AbortController().signal);
    assert.deepEqual(resultProblems(got, computeReport(table, spec, context)), [], spec.id);
    assert.ok(got.rows.some((row) => row.previousKey !== undefined && (row.previous?.count ?? 0) > 0), `${spec.id}: rows carry their previous bucket`);
  }
  const days = await source.query(specs[0]!, context, new AbortController().signal);
  assert.equal(days.rows[0]!.previousKey, Date.UTC(2026, 7, 30, 22));
});
