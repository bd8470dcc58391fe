/**
 * createReportHandler on a real DuckDB, mounted in node:http with toNodeListener and spoken to by
 * ServerDataSource as a page would: results and drill pages equal the browser engine's, the user's
 * scope holds whatever the request says, and every refusal is a 4xx with `{ error: { code, message } }`.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { computeReport, createTable, drillDown, templates, type Conversation, type ConversationTable, type Filter, type ReportContext } from '../core/index.ts';
import { generateConversations } from '../sample/generate-conversations.ts';
import { ServerDataSource } from '../adapters/server-data-source.ts';
import { resultProblems } from '../adapters/sql/testing/compare-results.ts';
import { createTestDatabase, type TestDatabase } from '../adapters/sql/testing/duckdb-database.ts';
import { createReportHandler, toNodeListener, type ReportHandlerOptions } from './index.ts';

const { conversations, lookups } = generateConversations({ n: 3000, seed: 21 });
const context: ReportContext = { range: { from: Date.UTC(2026, 8, 1), to: Date.UTC(2026, 10, 1) }, timeZone: 'Europe/Amsterdam', compare: 'previous-period' };
const signal = new AbortController().signal;
const inboxes = [...new Set(conversations.map((c) => c.inboxId))].sort();
const TEAM_INBOX = inboxes[0]!;
const teamScope: Filter[] = [{ property: 'inboxId', operator: 'in', value: [TEAM_INBOX] }];

/** Tokens to users: "lead" sees one inbox, "admin" everything, anything else nobody. */
const authorize: ReportHandlerOptions['authorize'] = async (request) => {
  const token = request.headers.get('Authorization');
  if (token === 'Bearer lead') return { userId: 'lead', scope: teamScope };
  if (token === 'Bearer admin') return { userId: 'admin' };
  return null;
};

async function listen(handler: (request: Request) => Promise<Response>): Promise<{ server: Server; url: string }> {
  const server = createServer(toNodeListener(handler));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/reports` };
}

describe('createReportHandler (DuckDB, over HTTP)', () => {
  let db: TestDatabase;
  let server: Server;
  let url: string;
  let all: ConversationTable;
  let scoped: ConversationTable;
  const seenAuthorization: (string | null)[] = [];

  before(async () => {
    db = await createTestDatabase(conversations);
    all = createTable(conversations, lookups);
    scoped = createTable(conversations.filter((c: Conversation) => c.inboxId === TEAM_INBOX), lookups);
    const handler = createReportHandler({
      dialect: 'duckdb',
      schema: { table: 'conversations', customProperties: db.customProperties },
      execute: db.execute,
      authorize: async (request) => {
        seenAuthorization.push(request.headers.get('Authorization'));
        return authorize(request);
      },
      lookups: async () => lookups,
    });
    ({ server, url } = await listen(handler));
  });
  after(() => {
    server?.close();
    db?.close();
  });

  const source = (token: string) => new ServerDataSource({ url, headers: () => ({ Authorization: `Bearer ${token}` }), backoffMs: 1 });

  test('every template equals computeReport, and drill pages equal drillDown', async () => {
    const admin = source('admin');
    for (const spec of [...templates.chatOverview.reports, ...templates.emailOverview.reports]) {
      const before = db.statements.length;
      const got = await admin.query(spec, context, signal);
      // Exactly one statement per request, its values as parameters.
      assert.equal(db.statements.length, before + 1);
      assert.ok(db.statements.at(-1)!.params.length > 0);
      assert.deepEqual(resultProblems(got, computeReport(all, spec, context)), [], spec.id);
    }
    const spec = templates.chatOverview.reports[0]!;
    const row = computeReport(all, spec, context).rows[0]!;
    for (const page of [{}, { offset: 3, limit: 10, sort: { by: 'responseTime', direction: 'desc' as const } }, { search: 'A', limit: 5 }]) {
      const got = await admin.drill(spec, context, { key: row.key }, page, signal);
      const want = drillDown(all, spec, context, { key: row.key }, page);
      assert.deepEqual({ ...got, rows: got.rows.map((c) => c.id) }, { ...want, rows: want.rows.map((c) => c.id) }, JSON.stringify(page));
    }
    assert.deepEqual(await admin.lookups(signal), { ...lookups, teams: lookups.teams ?? [] });
    assert.ok(seenAuthorization.every((value) => value === 'Bearer admin'));
  });

  test("a team lead's reports and drills hold only their team's inboxes, whatever the request says", async () => {
    const lead = source('lead');
    const widening = [
      [],
      [{ property: 'inboxId', operator: 'isNot', value: TEAM_INBOX }],
      [{ property: 'inboxId', operator: 'notIn', value: [TEAM_INBOX] }],
      [{ property: 'inboxId', operator: 'in', value: inboxes }],
      [{ property: 'inboxId', operator: 'unknown' }],
      [{ property: 'inboxId', operator: 'is', value: inboxes[1]! }],
    ] as Filter[][];
    for (const filters of widening) {
      for (const base of templates.emailOverview.reports) {
        const spec = { ...base, filters: [...base.filters, ...filters] };
        const got = await lead.query(spec, context, signal);
        // The engine on the team's conversations alone is what the lead may see.
        assert.deepEqual(resultProblems(got, computeReport(scoped, spec, context)), [], `${spec.id} ${JSON.stringify(filters)}`);
      }
    }
    const byInbox = { ...templates.emailOverview.reports[5]!, dimension: 'inboxId' };
    const rows = (await lead.query(byInbox, context, signal)).rows;
    assert.deepEqual(rows.map((r) => r.key), rows.length ? [TEAM_INBOX] : []);
    // Drilling into another inbox's row, or Other, gives nothing outside the scope.
    for (const key of [inboxes[1]!, '__other__', null]) {
      const page = await lead.drill(byInbox, context, { key }, { limit: Infinity }, signal);
      assert.ok(page.rows.every((c) => c.inboxId === TEAM_INBOX));
    }
    const everything = await lead.drill({ ...byInbox, dimension: undefined }, context, { key: '__all__' }, { limit: 1000 }, signal);
    assert.ok(everything.total > 0 && everything.rows.every((c) => c.inboxId === TEAM_INBOX));
  });

  test('without a user: 401, and nothing runs', async () => {
    const before = db.statements.length;
    await assert.rejects(source('nobody').query(templates.chatOverview.reports[0]!, context, signal), /401/);
    assert.equal(db.statements.length, before);
  });
});

/** Posts a body (any JSON, or raw text) and reads status and body. */
async function post(handler: (request: Request) => Promise<Response>, body: unknown, init: { raw?: string; type?: string; method?: string; token?: string } = {}) {
  const response = await handler(
    new Request('http://localhost/api/reports', {
      method: init.method ?? 'POST',
      headers: { 'Content-Type': init.type ?? 'application/json', Authorization: `Bearer ${init.token ?? 'lead'}` },
      ...((init.method ?? 'POST') === 'GET' ? {} : { body: init.raw ?? JSON.stringify(body) }),
    }),
  );
  const text = await response.text();
  return { status: response.status, body: text === '' ? null : JSON.parse(text), text };
}

describe('createReportHandler refuses what it must, with 4xx and no SQL', () => {
  let db: TestDatabase;
  let handler: (request: Request) => Promise<Response>;
  const spec = { ...templates.chatOverview.reports[0]! };
  const query = { op: 'query', spec, context };

  before(async () => {
    db = await createTestDatabase(conversations);
    handler = createReportHandler({ dialect: 'duckdb', schema: { table: 'conversations' }, execute: db.execute, authorize, lookups: async () => lookups });
  });
  after(() => db?.close());

  const refused = async (body: unknown, status: number, code: string, init?: Parameters<typeof post>[2]) => {
    const before = db.statements.length;
    const answer = await post(handler, body, init);
    assert.equal(answer.status, status, answer.text);
    assert.equal(answer.body.error.code, code, answer.text);
    assert.equal(typeof answer.body.error.message, 'string');
    assert.doesNotMatch(answer.text, /SELECT|FROM|WHERE|\bat\s.+:\d+:\d+/, 'no SQL, no stack');
    assert.equal(db.statements.length, before, 'nothing ran');
    return answer.body.error.message as string;
  };

  test('a body carrying SQL, an unknown field or a hostile property name', async () => {
    await refused({ ...query, sql: 'SELECT * FROM conversations' }, 400, 'unknown-field');
    await refused({ op: 'sql', sql: 'SELECT 1' }, 400, 'invalid-request');
    await refused({ ...query, spec: { ...spec, evil: 1 } }, 400, 'unknown-field');
    await refused(null, 400, 'unknown-field', { raw: `{"op":"query","spec":${JSON.stringify(spec)},"context":${JSON.stringify(context)},"__proto__":{"admin":true}}` });
    await refused({ ...query, spec: { ...spec, filters: [{ property: 'channel', operator: 'is', value: 'chat', constructor: 'x' }] } }, 400, 'unknown-field');
    assert.match(await refused({ ...query, spec: { ...spec, dimension: 'properties.x"; DROP TABLE conversations; --' } }, 400, 'unknown-property'), /Unknown property/);
    await refused({ ...query, spec: { ...spec, filters: [{ property: 'secretColumn', operator: 'known' }] } }, 400, 'unknown-property');
    await refused({ op: 'drill', spec, context, point: { key: 'x' }, page: { sort: { by: 'password', direction: 'asc' } } }, 400, 'unknown-property');
  });

  test('a bad zone, an over-long range, too many buckets, a bad page', async () => {
    await refused({ ...query, context: { ...context, timeZone: 'Mars/Olympus' } }, 400, 'invalid-request');
    await refused({ ...query, context: { ...context, range: { from: 0, to: Date.UTC(2026, 0, 1) } } }, 400, 'range-too-long');
    await refused({ ...query, spec: { ...spec, dimension: 'createdAt', timeBucket: 'hour' }, context: { ...context, range: { from: Date.UTC(2024, 0, 1), to: Date.UTC(2026, 0, 1) } } }, 400, 'invalid-report');
    await refused({ op: 'drill', spec, context, point: { key: 'x' }, page: { offset: -1 } }, 400, 'invalid-request');
    // A business-hours measure with no business hours in the context is the request's fault, not the engine's.
    assert.match(await refused({ ...query, spec: { ...spec, measure: { op: 'avg', property: 'responseTimeBusiness' } } }, 400, 'invalid-report'), /counts business hours/);
    await refused({ op: 'drill', spec, context, point: { key: { nested: true } } }, 400, 'invalid-request');
  });

  test('not POST, not JSON, not signed in, too big, not parseable', async () => {
    await refused(null, 405, 'method-not-allowed', { method: 'GET' });
    await refused(query, 415, 'unsupported-media-type', { type: 'text/plain' });
    await refused(query, 401, 'unauthorized', { token: 'nobody' });
    await refused(null, 413, 'body-too-large', { raw: JSON.stringify({ ...query, spec: { ...spec, description: 'x'.repeat(70_000) } }) });
    await refused(null, 400, 'invalid-json', { raw: '{"op":' });
  });

  test('a drill limit of 10^9 is capped at 1 000 rows', async () => {
    const answer = await post(handler, { op: 'drill', spec: { ...spec, dimension: undefined, channel: undefined }, context: { ...context, range: { from: Date.UTC(2020, 0, 1), to: Date.UTC(2030, 0, 1) }, compare: undefined }, point: { key: '__all__' }, page: { limit: 1e9 } }, { token: 'admin' });
    assert.equal(answer.status, 200, answer.text);
    assert.equal(answer.body.rows.length, 1000);
    assert.equal(answer.body.total, conversations.length);
  });
});
