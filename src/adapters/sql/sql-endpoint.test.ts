/**
 * The SqlDataSource talking to a small HTTP endpoint (the `url` option) that runs statements on a
 * real DuckDB, as a host's server would: results equal the browser engine's, failures are retried.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { computeReport, createTable, drillDown, templates, type ConversationTable, type ReportContext } from '../../core/index.ts';
import { generateConversations } from '../../sample/generate-conversations.ts';
import { SqlDataSource } from '../sql-data-source.ts';
import { resultProblems } from './testing/compare-results.ts';
import { createTestDatabase, type TestDatabase } from './testing/duckdb-database.ts';

describe('SqlDataSource through an HTTP endpoint', () => {
  let db: TestDatabase;
  let server: Server;
  let url: string;
  let table: ConversationTable;
  let failNext = 0;
  const seen: { authorization: string | undefined; body: { dialect: string; sql: string; params: unknown[] } }[] = [];
  const { conversations, lookups } = generateConversations({ n: 2000, seed: 11 });
  const context: ReportContext = { range: { from: Date.UTC(2026, 8, 1), to: Date.UTC(2026, 10, 1) }, timeZone: 'Europe/Amsterdam', compare: 'previous-period' };
  const signal = new AbortController().signal;

  before(async () => {
    db = await createTestDatabase(conversations);
    table = createTable(conversations, lookups);
    server = createServer((request, response) => {
      let text = '';
      request.on('data', (chunk) => (text += chunk));
      request.on('end', async () => {
        if (failNext > 0) {
          failNext--;
          response.writeHead(503).end();
          return;
        }
        const body = JSON.parse(text);
        seen.push({ authorization: request.headers.authorization, body });
        try {
          const rows = await db.execute(body.sql, body.params, signal);
          response.writeHead(200, { 'Content-Type': 'application/json' });
          response.end(JSON.stringify({ rows }, (_key, value) => (typeof value === 'bigint' ? Number(value) : value)));
        } catch (error) {
          response.writeHead(400).end(String(error));
        }
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/report-sql`;
  });
  after(() => {
    server?.close();
    db?.close();
  });

  const make = () =>
    new SqlDataSource({
      dialect: 'duckdb',
      schema: { table: 'conversations', customProperties: db.customProperties },
      url,
      headers: () => ({ Authorization: 'Bearer session-token' }),
      lookups,
      backoffMs: 1,
    });

  test('every chat template equals computeReport, with the host headers on each request', async () => {
    const source = make();
    for (const spec of templates.chatOverview.reports) {
      const got = await source.query(spec, context, signal);
      assert.deepEqual(resultProblems(got, computeReport(table, spec, context)), [], spec.id);
    }
    assert.ok(seen.length >= templates.chatOverview.reports.length);
    assert.ok(seen.every((request) => request.authorization === 'Bearer session-token' && request.body.dialect === 'duckdb'));
  });

  test('drills return the same conversations', async () => {
    const spec = templates.chatOverview.reports[0]!;
    const first = computeReport(table, spec, context).rows[0]!;
    const drilled = await make().drill(spec, context, { key: first.key }, signal);
    assert.deepEqual(drilled.map((c) => c.id).sort(), drillDown(table, spec, context, { key: first.key }).map((c) => c.id).sort());
  });

  test('a 503 is retried, then the answer is used', async () => {
    failNext = 2;
    const spec = templates.emailOverview.reports[4]!;
    const got = await make().query(spec, context, signal);
    assert.equal(failNext, 0);
    assert.deepEqual(resultProblems(got, computeReport(table, spec, context)), []);
  });

  test('load yields nothing, and an aborted signal sends no request', async () => {
    const source = make();
    const pages = [];
    for await (const page of source.load({ range: context.range, signal })) pages.push(page);
    assert.deepEqual(pages, []);
    const before = seen.length;
    const controller = new AbortController();
    controller.abort();
    await assert.rejects(source.query(templates.chatOverview.reports[0]!, context, controller.signal), { name: 'AbortError' });
    assert.equal(seen.length, before);
  });

  test('a statement the endpoint refuses fails with the status', async () => {
    const source = new SqlDataSource({ dialect: 'duckdb', schema: { table: 'missing_table' }, url, retries: 0 });
    await assert.rejects(source.query(templates.chatOverview.reports[0]!, context, signal), /400/);
  });
});
