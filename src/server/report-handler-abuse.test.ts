/**
 * The handler under abuse, on a real DuckDB: a slow statement is cut by the timeout and interrupted
 * in the engine; a client that goes away interrupts its statement; a thousand random bodies get a
 * 4xx or a valid answer, never a 5xx.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { templates, type ReportContext } from '../core/index.ts';
import { generateConversations } from '../sample/generate-conversations.ts';
import { createTestDatabase, type TestDatabase } from '../adapters/sql/testing/duckdb-database.ts';
import type { SqlValue } from '../adapters/sql/sql-dialect.ts';
import { createReportHandler, toNodeListener } from './index.ts';

const { conversations, lookups } = generateConversations({ n: 1500, seed: 5 });
const context: ReportContext = { range: { from: Date.UTC(2026, 8, 1), to: Date.UTC(2026, 10, 1) }, timeZone: 'Europe/Amsterdam' };
const spec = templates.chatOverview.reports[0]!;
const authorize = async () => ({ userId: 'u', scope: [{ property: 'channel', operator: 'is' as const, value: 'chat' }] });

/** Runs a statement made slow on purpose (ten billion row pairs counted first); records how it ended. */
function slowExecutor(db: TestDatabase) {
  const runs: { signal: AbortSignal; settled: Promise<'resolved' | 'rejected'> }[] = [];
  let started: () => void = () => {};
  const firstStart = new Promise<void>((resolve) => (started = resolve));
  const execute = (sql: string, params: SqlValue[], signal: AbortSignal) => {
    const running = db.execute(`SELECT * FROM (${sql}) AS q WHERE (SELECT count(*) FROM range(100000) a, range(100000) b WHERE a.range + b.range > 0) > 0`, params, signal);
    runs.push({ signal, settled: running.then(() => 'resolved' as const, () => 'rejected' as const) });
    started();
    return running;
  };
  return { execute, runs, firstStart };
}

describe('the handler under abuse', () => {
  let db: TestDatabase;
  before(async () => {
    db = await createTestDatabase(conversations);
  });
  after(() => db?.close());

  test('a slow statement hits the timeout: 504, and the engine stops it', async () => {
    const slow = slowExecutor(db);
    const handler = createReportHandler({ dialect: 'duckdb', schema: { table: 'conversations' }, execute: slow.execute, authorize, limits: { timeoutMs: 300 } });
    const response = await handler(new Request('http://localhost/', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ op: 'query', spec, context }) }));
    assert.equal(response.status, 504);
    assert.deepEqual(await response.json(), { error: { code: 'timeout', message: 'The report took longer than 300 ms.' } });
    assert.equal(slow.runs.length, 1);
    assert.equal(slow.runs[0]!.signal.aborted, true);
    // Interrupted, not left running: the statement itself ends, with an error.
    assert.equal(await slow.runs[0]!.settled, 'rejected');
  });

  test('a client that goes away aborts its statement', async () => {
    const slow = slowExecutor(db);
    const handler = createReportHandler({ dialect: 'duckdb', schema: { table: 'conversations' }, execute: slow.execute, authorize, limits: { timeoutMs: 600_000 } });
    const server: Server = createServer(toNodeListener(handler));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const port = (server.address() as AddressInfo).port;
      const client = httpRequest({ host: '127.0.0.1', port, method: 'POST', path: '/reports', headers: { 'Content-Type': 'application/json' } });
      client.on('error', () => {});
      client.end(JSON.stringify({ op: 'query', spec, context }));
      await slow.firstStart;
      client.destroy();
      assert.equal(await slow.runs[0]!.settled, 'rejected');
      assert.equal(slow.runs[0]!.signal.aborted, true);
    } finally {
      server.close();
    }
  });

  test('1 000 random bodies: every answer is a 4xx with an error, or a valid result; never a 5xx', async () => {
    let engineErrors = 0;
    const handler = createReportHandler({
      dialect: 'duckdb',
      schema: { table: 'conversations', customProperties: { plan: { type: 'text' }, score: { type: 'number' } } },
      execute: db.execute,
      authorize,
      lookups: async () => lookups,
      onError: () => engineErrors++,
    });
    const property = fc.constantFrom('assigneeId', 'inboxId', 'channel', 'status', 'createdAt', 'closedAt', 'responseTime', 'timeToClose', 'hasTicket', 'pageUrl', 'subject', 'teamId', 'createdHour', 'createdWeekday', 'firstResponseSla', 'properties.plan', 'properties.score', 'properties.nope', '__proto__', 'constructor', 'x"; DROP TABLE conversations; --');
    const value = fc.oneof(fc.string({ maxLength: 12 }), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(fc.oneof(fc.string({ maxLength: 6 }), fc.integer()), { maxLength: 3 }));
    const filter = fc.record({ property, operator: fc.constantFrom('is', 'isNot', 'in', 'notIn', 'known', 'unknown', 'gt', 'gte', 'lt', 'lte', 'between', 'contains', 'like'), value }, { requiredKeys: ['property', 'operator'] });
    const measure = fc.oneof(
      fc.constant({ op: 'count' }),
      fc.record({ op: fc.constantFrom('avg', 'median', 'p90', 'min', 'max', 'sum'), property }),
      fc.record({ op: fc.constant('share'), property, value: fc.oneof(fc.string({ maxLength: 6 }), fc.boolean(), fc.integer()) }),
    );
    const specs = fc.record(
      {
        id: fc.string({ minLength: 1, maxLength: 8 }),
        title: fc.string({ minLength: 1, maxLength: 8 }),
        chartType: fc.constantFrom('bar', 'line', 'table', 'kpi', 'heatmap', 'pie3d'),
        channel: fc.constantFrom('chat', 'email', 'fax'),
        dimension: property,
        breakdown: property,
        timeBucket: fc.constantFrom('hour', 'day', 'week', 'month', 'quarter', 'year'),
        measure,
        filters: fc.array(filter, { maxLength: 3 }),
        dateProperty: fc.constantFrom('createdAt', 'closedAt', 'firstResponseAt', 'subject'),
        sort: fc.record({ by: fc.constantFrom('value', 'label', 'key'), direction: fc.constantFrom('asc', 'desc') }),
        limit: fc.oneof(fc.integer({ min: -2, max: 12 }), fc.double()),
      },
      { requiredKeys: ['id', 'title', 'chartType', 'measure'] },
    );
    const instant = fc.oneof(fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2027, 0, 1) }), fc.double(), fc.constant(8.7e15));
    const contexts = fc.record(
      {
        range: fc.record({ from: instant, to: instant }),
        timeZone: fc.constantFrom('UTC', 'Europe/Amsterdam', 'America/Santiago', 'Australia/Lord_Howe', 'Mars/Base', ''),
        compare: fc.constantFrom('previous-period', 'last-year'),
      },
      { requiredKeys: ['range', 'timeZone'] },
    );
    const page = fc.record({ offset: fc.oneof(fc.nat(3000), fc.integer({ min: -5, max: -1 }), fc.double()), limit: fc.oneof(fc.nat(2000), fc.constant(1e9)), sort: fc.record({ by: property, direction: fc.constantFrom('asc', 'desc', 'up') }), search: fc.string({ maxLength: 8 }) }, { requiredKeys: [] });
    const point = fc.record({ key: fc.oneof(fc.string({ maxLength: 8 }), fc.integer(), fc.boolean(), fc.constant(null), fc.constant('__other__'), fc.constant('__all__')), series: fc.oneof(fc.string({ maxLength: 4 }), fc.constant(null)) }, { requiredKeys: ['key'] });
    const body = fc.oneof(
      fc.record({ op: fc.constant('query'), spec: specs, context: contexts }),
      fc.record({ op: fc.constant('drill'), spec: specs, context: contexts, point, page }, { requiredKeys: ['op', 'spec', 'context', 'point'] }),
      fc.record({ op: fc.constantFrom('lookups', 'sql', 'query'), sql: fc.constant('SELECT 1') }, { requiredKeys: ['op'] }),
      fc.jsonValue({ maxDepth: 3 }),
    );
    await fc.assert(
      fc.asyncProperty(body, async (input) => {
        const response = await handler(new Request('http://localhost/', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(input) }));
        const answer = (await response.json()) as Record<string, unknown>;
        if (response.status === 200) {
          assert.ok(Array.isArray(answer.rows) || Array.isArray(answer.assignees), JSON.stringify(answer).slice(0, 200));
          if (Array.isArray(answer.rows) && 'offset' in answer) assert.ok((answer.rows as { channel: string }[]).every((c) => c.channel === 'chat'), 'scope kept');
        } else {
          assert.ok(response.status >= 400 && response.status < 500, `${response.status} ${JSON.stringify(answer)} for ${JSON.stringify(input).slice(0, 400)}`);
          const error = answer.error as { code: unknown; message: unknown };
          assert.equal(typeof error.code, 'string');
          assert.equal(typeof error.message, 'string');
        }
      }),
      { numRuns: 1000, seed: 20261207 },
    );
    assert.equal(engineErrors, 0);
  });
});
