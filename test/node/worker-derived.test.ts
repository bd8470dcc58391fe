/**
 * The engine Worker's half (createEngineHost) computes the v2 derived properties with the context
 * it is sent: business hours, SLA targets and `now` cross the thread boundary (structured clone,
 * as postMessage does) and give the results the page's own engine gives, drills included.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { drillDown, templates, type ReportContext } from '../../src/core/index.ts';
import { generateConversations } from '../../src/sample/generate-conversations.ts';
import { computeAsThePage, hostWithSample } from '../harness/worker-host.ts';
import { weekdays9to17 } from '../harness/office-hours.ts';

test('the Worker host computes business hours, SLAs, weekday/hour, teams and share as the page does', () => {
  const sample = generateConversations({ n: 3000, seed: 20, end: Date.UTC(2026, 10, 20), days: 60 });
  const host = hostWithSample(sample);
  const { messages, send, table } = host;
  const context: ReportContext = {
    range: { from: Date.UTC(2026, 9, 1), to: Date.UTC(2026, 10, 20) },
    timeZone: 'Europe/Amsterdam',
    compare: 'previous-period',
    businessHours: {
      timeZone: 'Europe/Amsterdam',
      week: weekdays9to17,
      holidays: ['2026-11-11'],
      byInbox: { 'inbox-billing': { timeZone: 'America/New_York', week: { sat: [['22:00', '24:00']], sun: [['00:00', '06:00']] } } },
    },
    sla: { firstResponseMs: 3_600_000, closeMs: 86_400_000, businessHours: true, now: Date.UTC(2026, 10, 19) },
  };
  const specs = templates.teamPerformance.reports;
  const outcomes = computeAsThePage(host, specs, context);
  const teams = outcomes[specs.findIndex((s) => s.id === 'volume-by-team')]!;
  assert.ok('result' in teams && teams.result.rows.some((row) => row.label === 'Support'), 'teams named from lookups.teams');

  // Without business hours, the business reports fail alone, with a message that says what is missing.
  send({ type: 'compute', id: 2, specs, context: { ...context, businessHours: undefined, sla: { firstResponseMs: 3_600_000 } } });
  const second = messages.filter((m) => m.type === 'computed').at(-1)!;
  assert.ok(second.type === 'computed');
  const failed = second.outcomes.flatMap((outcome, k) => ('error' in outcome ? [[specs[k]!.id, outcome.error.message]] : []));
  assert.deepEqual(failed.map(([id]) => id), ['first-response-business-by-assignee', 'time-to-close-business-by-inbox']);
  assert.match(failed[0]![1]!, /context\.businessHours/);

  const heatmap = specs.find((s) => s.chartType === 'heatmap')!;
  const point = { key: 10, series: 2 };
  send({ type: 'drill', id: 3, spec: heatmap, context, point, page: { limit: Infinity } });
  const drilled = messages.find((m) => m.type === 'drilled');
  assert.ok(drilled && drilled.type === 'drilled' && 'page' in drilled);
  assert.deepEqual(drilled.page.rows.map((c) => c.id), drillDown(table, heatmap, context, point, { limit: Infinity }).rows.map((c) => c.id));
  assert.ok(drilled.page.rows.length > 0, 'Tuesdays at 10:00 have conversations');
});
