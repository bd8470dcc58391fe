/**
 * (v2) The engine Worker's half (createEngineHost) gives date buckets their previous bucket, as the
 * page's engine does: the previous period over time crosses the thread boundary (structured clone,
 * as postMessage does) with `previous` and `previousKey` on every paired row.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { reportSpecSchema, type ReportContext } from '../../src/core/index.ts';
import { generateConversations } from '../../src/sample/generate-conversations.ts';
import { computeAsThePage, hostWithSample } from '../harness/worker-host.ts';

test('the Worker host pairs each date bucket with the previous period’s, as the page does', () => {
  const sample = generateConversations({ n: 2000, seed: 5, end: Date.UTC(2026, 10, 20), days: 90 });
  const host = hostWithSample(sample);
  // October in Amsterdam: 31 days and the fall-back hour.
  const context: ReportContext = { range: { from: Date.UTC(2026, 8, 30, 22), to: Date.UTC(2026, 9, 31, 23) }, timeZone: 'Europe/Amsterdam', compare: 'previous-period' };
  const specs = [
    reportSpecSchema.parse({ id: 'line', title: 'Volume over time', chartType: 'line', dimension: 'createdAt', timeBucket: 'day', measure: { op: 'count' } }),
    reportSpecSchema.parse({ id: 'area', title: 'Response time over time', chartType: 'area', dimension: 'createdAt', timeBucket: 'week', breakdown: 'channel', measure: { op: 'avg', property: 'responseTime' } }),
  ];
  const outcomes = computeAsThePage(host, specs, context);
  outcomes.forEach((outcome, k) => {
    assert.ok('result' in outcome);
    const paired = outcome.result.rows.filter((row) => row.previousKey !== undefined && (row.previous?.count ?? 0) > 0);
    assert.ok(paired.length > 0, `${specs[k]!.id}: rows carry their previous bucket`);
  });
  const days = outcomes[0]!;
  assert.ok('result' in days);
  // 1 October pairs with 31 August (local midnight, CEST), the previous period's one-hour sliver of 30 August left out.
  assert.equal(days.result.rows[0]!.previousKey, Date.UTC(2026, 7, 30, 22));
});
