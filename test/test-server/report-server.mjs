// The kit's server half for the browser tests (`server-src`): createReportHandler over an in-memory
// DuckDB (@duckdb/node-api) holding test/fixtures/declarative/conversations.json, the same records
// /__test__/conversations serves to the in-browser engine. The TypeScript modules are loaded with
// tsx, and the database is made on the first request (no cost for test runs that never ask).
//
// /__test__/reports                 POST report requests (createReportHandler's protocol)
// /__test__/reports-redirect        302 to the same handler on another origin (must be refused)
// /__test__/reports-stats[?reset=1] { requests: [op, …] } the handler was asked, in order
import { readFileSync } from 'node:fs';
import { tsImport } from 'tsx/esm/api';

const PREFIX = '/__test__/reports';
let handler;
const seen = [];

async function createHandler() {
  const [{ createReportHandler }, { createTestDatabase }, { parseConversations }] = await Promise.all([
    tsImport('../../src/server/index.ts', import.meta.url),
    tsImport('../../src/adapters/sql/testing/duckdb-database.ts', import.meta.url),
    tsImport('../../src/core/wire/parse-conversations.ts', import.meta.url),
  ]);
  const fixture = JSON.parse(readFileSync(new URL('../fixtures/declarative/conversations.json', import.meta.url), 'utf8'));
  const { conversations } = parseConversations(fixture.conversations);
  const db = await createTestDatabase(conversations);
  return createReportHandler({
    dialect: 'duckdb',
    schema: { table: 'conversations', customProperties: db.customProperties },
    execute: db.execute,
    authorize: async () => ({ userId: 'test' }),
    lookups: async () => fixture.lookups,
  });
}

/** The Koa request as a fetch Request (the body read whole: report requests are small). */
async function toRequest(ctx) {
  const chunks = [];
  for await (const chunk of ctx.req) chunks.push(chunk);
  const headers = new Headers();
  for (const [name, value] of Object.entries(ctx.req.headers)) if (typeof value === 'string') headers.set(name, value);
  const body = ctx.method === 'GET' || ctx.method === 'HEAD' ? undefined : Buffer.concat(chunks);
  return new Request(new URL(ctx.url, `http://${ctx.host}`), { method: ctx.method, headers, body });
}

export async function reportServer(ctx, next) {
  if (!ctx.path.startsWith(PREFIX)) return next();
  ctx.set('Cache-Control', 'no-store');
  if (ctx.path === `${PREFIX}-stats`) {
    ctx.type = 'application/json';
    ctx.body = JSON.stringify({ requests: [...seen] });
    if (ctx.query.reset !== undefined) seen.length = 0;
    return undefined;
  }
  if (ctx.path === `${PREFIX}-redirect`) {
    // Another origin: the same host under a name the page did not use.
    const other = ctx.hostname === 'localhost' ? '127.0.0.1' : 'localhost';
    ctx.status = 302;
    ctx.set('Location', `${ctx.protocol}://${other}:${new URL(`http://${ctx.host}`).port}${PREFIX}`);
    seen.push('redirect');
    return undefined;
  }
  if (ctx.path !== PREFIX) return next();
  handler ??= createHandler();
  const request = await toRequest(ctx);
  try {
    seen.push(JSON.parse(await request.clone().text()).op ?? '?');
  } catch {
    seen.push('?');
  }
  const response = await (await handler)(request);
  ctx.status = response.status;
  response.headers.forEach((value, name) => ctx.set(name, value));
  ctx.body = Buffer.from(await response.arrayBuffer());
  return undefined;
}
