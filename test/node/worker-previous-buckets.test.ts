/**
 * (v2) The engine Worker's half (createEngineHost) gives date buckets their previous bucket, as the
 * page's engine does: the previous period over time crosses the thread boundary (structured clone,
 * as postMessage does) with `previous` and `previousKey` on every paired row.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { computeReport, createTable, parseConversations, reportSpecSchema, type ReportContext } from '../../src/core/index.ts';
import { generateConversations } from '../../src/sample/generate-conversations.ts';
import { createEngineHost } from '../../src/worker/engine-host.ts';
import type { FromEngine, ToEngine } from '../../src/worker/protocol.ts';

test('the Worker host pairs each date bucket with the previous period’s, as the page does', () => {
  const sample = generateConversations({ n: 2000, seed: 5, end: Date.UTC(2026, 10, 20), days: 90 });
  const messages: FromEngine[] = [];
  const host = createEngineHost((message) => messages.push(structuredClone(message)));
  const send = (message: ToEngine) => host(structuredClone(message));
  send({ type: 'page', page: { conversations: sample.conversations } });
  send({ type: 'finish', lookups: sample.lookups });
  // October in Amsterdam: 31 days and the fall-back hour.
  const context: ReportContext = { range: { from: Date.UTC(2026, 8, 30, 22), to: Date.UTC(2026, 9, 31, 23) }, timeZone: 'Europe/Amsterdam', compare: 'previous-period' };
  const specs = [
    reportSpecSchema.parse({ id: 'line', title: 'Volume over time', chartType: 'line', dimension: 'createdAt', timeBucket: 'day', measure: { op: 'count' } }),
    reportSpecSchema.parse({ id: 'area', title: 'Response time over time', chartType: 'area', dimension: 'createdAt', timeBucket: 'week', breakdown: 'channel', measure: { op: 'avg', property: 'responseTime' } }),
  ];
  send({ type: 'compute', id: 1, specs, context });
  const computed = messages.find((m) => m.type === 'computed');
  assert.ok(computed && computed.type === 'computed');
  const table = createTable(parseConversations(sample.conversations).conversations, sample.lookups);
  computed.outcomes.forEach((outcome, k) => {
    assert.ok('result' in outcome, `${specs[k]!.id}: ${'error' in outcome ? outcome.error.message : ''}`);
    assert.deepEqual(outcome.result, computeReport(table, specs[k]!, context), specs[k]!.id);
    const paired = outcome.result.rows.filter((row) => row.previousKey !== undefined && (row.previous?.count ?? 0) > 0);
    assert.ok(paired.length > 0, `${specs[k]!.id}: rows carry their previous bucket`);
  });
  const days = computed.outcomes[0]!;
  assert.ok('result' in days);
  // 1 October pairs with 31 August (local midnight, CEST), the previous period's one-hour sliver of 30 August left out.
  assert.equal(days.result.rows[0]!.previousKey, Date.UTC(2026, 7, 30, 22));
});
