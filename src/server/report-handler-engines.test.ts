/**
 * createReportHandler on each real engine (DuckDB, PostgreSQL through `pg`, ClickHouse through
 * `chdb`): a scoped user's templates and drill pages equal the browser engine on that user's rows.
 * A missing engine is skipped locally and fails in CI (CR_REQUIRE_ENGINES).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { computeReport, createTable, drillDown, templates, type ConversationTable, type ReportContext } from '../core/index.ts';
import { generateConversations } from '../sample/generate-conversations.ts';
import { resultProblems } from '../adapters/sql/testing/compare-results.ts';
import { ENGINE_DIALECTS, skipUnlessStarted, startEngine, type EngineOrSkip } from '../adapters/sql/testing/engines.ts';
import { createReportHandler } from './index.ts';

const { conversations, lookups } = generateConversations({ n: 2000, seed: 17 });
const context: ReportContext = { range: { from: Date.UTC(2026, 8, 1), to: Date.UTC(2026, 10, 1) }, timeZone: 'America/New_York', compare: 'previous-period' };
const inbox = [...new Set(conversations.map((c) => c.inboxId))].sort()[0]!;

for (const dialect of ENGINE_DIALECTS) {
  describe(`createReportHandler on ${dialect}`, () => {
    let engine: EngineOrSkip | undefined;
    let handler: (request: Request) => Promise<Response>;
    let scoped: ConversationTable;
    before(async () => {
      engine = await startEngine(dialect, conversations);
      if ('skipped' in engine) return;
      scoped = createTable(conversations.filter((c) => c.inboxId === inbox), lookups);
      handler = createReportHandler({
        dialect,
        schema: { table: engine.table, customProperties: engine.customProperties },
        execute: engine.execute,
        authorize: async () => ({ userId: 'lead', scope: [{ property: 'inboxId', operator: 'is', value: inbox }] }),
        lookups: async () => lookups,
      });
    });
    after(async () => {
      if (engine && !('skipped' in engine)) await engine.close();
    });
    const ask = async (body: unknown) => {
      const response = await handler(new Request('http://localhost/', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }));
      assert.equal(response.status, 200);
      return response.json();
    };

    test("a scoped user's templates and drill pages equal the engine on their rows", async (t) => {
      if (!skipUnlessStarted(t, engine, dialect)) return;
      for (const spec of [...templates.chatOverview.reports, ...templates.emailOverview.reports]) {
        const widened = { ...spec, filters: [...spec.filters, { property: 'inboxId', operator: 'isNot' as const, value: inbox }] };
        for (const s of [spec, widened]) assert.deepEqual(resultProblems(await ask({ op: 'query', spec: s, context }), computeReport(scoped, s, context)), [], `${s.id}`);
      }
      const spec = templates.emailOverview.reports[0]!;
      const key = computeReport(scoped, spec, context).rows[0]!.key;
      const page = { offset: 1, limit: 4, sort: { by: 'timeToClose', direction: 'desc' as const } };
      const got = (await ask({ op: 'drill', spec, context, point: { key }, page })) as { total: number; rows: { id: string; inboxId: string }[] };
      const want = drillDown(scoped, spec, context, { key }, page);
      assert.equal(got.total, want.total);
      assert.deepEqual(got.rows.map((c) => c.id), want.rows.map((c) => c.id));
    });
  });
}
