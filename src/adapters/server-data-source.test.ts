/**
 * ServerDataSource: report requests (never SQL) to a handler, with the HTTP sources' rules: retries
 * on 5xx and network errors, a timeout per attempt, abort at once, no retry of a 4xx, and answers
 * checked before use. The handler behind the scripted fetch is the real one, on a real DuckDB.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { computeReport, createTable, drillDown, templates, type ReportContext } from '../core/index.ts';
import { generateConversations } from '../sample/generate-conversations.ts';
import { createReportHandler } from '../server/index.ts';
import { ServerDataSource } from './server-data-source.ts';
import { resultProblems } from './sql/testing/compare-results.ts';
import { createTestDatabase, type TestDatabase } from './sql/testing/duckdb-database.ts';
import { FakeClock, json, scriptedFetch, type FetchCall, type Reply } from './testing/fake-http.ts';

const { conversations, lookups } = generateConversations({ n: 800, seed: 3 });
const context: ReportContext = { range: { from: Date.UTC(2026, 8, 1), to: Date.UTC(2026, 10, 1) }, timeZone: 'UTC' };
const spec = templates.chatOverview.reports[0]!;

describe('ServerDataSource', () => {
  let db: TestDatabase;
  let handler: (request: Request) => Promise<Response>;
  before(async () => {
    db = await createTestDatabase(conversations);
    handler = createReportHandler({ dialect: 'duckdb', schema: { table: 'conversations' }, execute: db.execute, authorize: async () => ({ userId: 'u' }), lookups: async () => lookups });
  });
  after(() => db?.close());

  /**
   * The handler behind a fetch whose first answers come from `first`. With `fake`, virtual time
   * (timeouts and backoffs at once) and scripted answers only: a fake clock cannot wait for an engine.
   */
  function make(first: (call: FetchCall, index: number) => Reply | undefined, fake = false) {
    const clock = new FakeClock();
    const { fetch, calls } = scriptedFetch(async (call, index) => first(call, index) ?? handler(new Request(call.url, { method: call.method, headers: call.headers, body: call.body ?? null })));
    const timing = fake ? { sleep: clock.sleep, now: () => clock.now, random: () => 0.5, timeoutMs: 1_000 } : { backoffMs: 1 };
    const source = new ServerDataSource({ url: 'http://reports.example/api/reports', headers: () => ({ Authorization: 'Bearer t' }), fetch, ...timing });
    return { source, calls, clock };
  }
  const signal = new AbortController().signal;

  test('sends report requests, never SQL, and gives the engine\'s answers', async () => {
    const { source, calls } = make(() => undefined);
    const table = createTable(conversations, lookups);
    assert.deepEqual(resultProblems(await source.query(spec, context, signal), computeReport(table, spec, context)), []);
    const key = computeReport(table, spec, context).rows[0]!.key;
    const page = await source.drill(spec, context, { key }, { offset: 2, limit: 3 }, signal);
    const want = drillDown(table, spec, context, { key }, { offset: 2, limit: 3 });
    assert.deepEqual({ ...page, rows: page.rows.map((c) => c.id) }, { ...want, rows: want.rows.map((c) => c.id) });
    assert.equal((await source.lookups(signal)).assignees.length, lookups.assignees.length);
    for (const call of calls) {
      const body = JSON.parse(call.body!);
      assert.ok(['query', 'drill', 'lookups'].includes(body.op));
      assert.doesNotMatch(call.body!, /SELECT|"sql"/);
      assert.equal(call.headers.get('Authorization'), 'Bearer t');
      assert.equal(call.headers.get('Content-Type'), 'application/json');
    }
  });

  test('a 503 and a network error are retried; a 4xx is not', async () => {
    const flaky = make((_call, index) => (index === 0 ? json({}, 503) : index === 1 ? new TypeError('socket hang up') : undefined));
    assert.equal((await flaky.source.query(spec, context, signal)).reportId, spec.id);
    assert.equal(flaky.calls.length, 3);
    const refused = make(() => json({ error: { code: 'unknown-property', message: 'Unknown property "x".' } }, 400));
    // The server's reason reaches the user, not only its status.
    await assert.rejects(refused.source.query(spec, context, signal), /answered 400[^:]*: Unknown property "x"\.$/);
    assert.equal(refused.calls.length, 1);
  });

  test('a hanging server times out and is retried; an abort stops at once with no further request', async () => {
    const answer = computeReport(createTable(conversations, lookups), spec, context);
    const hanging = make((_call, index) => (index === 0 ? 'hang' : json(answer)), true);
    assert.equal((await hanging.source.query(spec, context, signal)).reportId, spec.id);
    assert.ok(hanging.clock.fired.includes(1_000));
    const controller = new AbortController();
    const stuck = make(() => 'hang', true);
    const pending = stuck.source.query(spec, context, controller.signal);
    await new Promise((resolve) => setImmediate(resolve));
    controller.abort();
    await assert.rejects(pending, { name: 'AbortError' });
    assert.equal(stuck.calls.length, 1);
    const aborted = make(() => undefined);
    await assert.rejects(aborted.source.query(spec, context, controller.signal), { name: 'AbortError' });
    assert.equal(aborted.calls.length, 0);
  });

  test('an answer that is not a result or a page is refused; drill rows are validated', async () => {
    const odd = make((call) => (JSON.parse(call.body!).op === 'query' ? json({ rows: 'nope' }) : json({ total: 1, offset: 0, rows: [{ id: 'x' }, { ...conversations[0], id: 'ok' }] })));
    await assert.rejects(odd.source.query(spec, context, signal), /not a report result/);
    const page = await odd.source.drill(spec, context, { key: 'a' }, {}, signal);
    assert.deepEqual(page.rows.map((c) => c.id), ['ok']);
  });
});
