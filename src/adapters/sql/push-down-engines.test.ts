/**
 * Push-down on the three real engines: every template, every oracle spec and the extra specs, run
 * as SQL by DuckDB (`@duckdb/node-api`), PostgreSQL (`pg` on a throwaway cluster) and ClickHouse
 * (`chdb`), equal the browser engine on the same data, drills included. The data is the oracle's
 * adversarial set plus conversations packed across the DST nights of five zones, where hour buckets
 * must merge a repeated wall-clock hour into one bucket and skip a missing one.
 *
 * A missing engine is skipped locally; CI sets CR_REQUIRE_ENGINES so that it fails there instead.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseConversations, reportSpecSchema, templates, type ReportSpec, type ReportSpecInput } from '../../core/index.ts';
import { generateAdversarialConversations } from '../../../test/node/oracle/adversarial-data.ts';
import { ADVERSARIAL_CONTEXTS, CUSTOM_SPECS, contextBoundaries, type ScenarioSpec } from '../../../test/node/oracle/scenarios.ts';
import { dstChanges, dstContexts, dstNightConversations, DST_ZONES } from './testing/dst-nights.ts';
import { ENGINE_DIALECTS, engineSuite } from './testing/engines.ts';
import { EXTRA_SPECS, pushDownProblems, type CheckOptions } from './testing/push-down-check.ts';

/** The article's twelve; the team performance template needs business hours and is checked in push-down-derived.test.ts. */
const articleReports = [...templates.chatOverview.reports, ...templates.emailOverview.reports];

const spec = (input: Omit<ReportSpecInput, 'title' | 'chartType'>): ReportSpec => reportSpecSchema.parse({ title: input.id, chartType: 'table', ...input });

/** Hour buckets the DST nights put to the test: every measure kind, a breakdown, the other date properties. */
const NIGHT_SPECS: ReportSpec[] = [
  spec({ id: 'n-hour-count', dimension: 'createdAt', timeBucket: 'hour', measure: { op: 'count' } }),
  spec({ id: 'n-hour-avg-response', dimension: 'createdAt', timeBucket: 'hour', measure: { op: 'avg', property: 'responseTime' } }),
  spec({ id: 'n-hour-median-close', dimension: 'closedAt', timeBucket: 'hour', dateProperty: 'closedAt', measure: { op: 'median', property: 'timeToClose' } }),
  spec({ id: 'n-hour-by-channel', dimension: 'firstResponseAt', timeBucket: 'hour', dateProperty: 'firstResponseAt', breakdown: 'channel', measure: { op: 'count' } }),
  spec({ id: 'n-channel-by-hour', dimension: 'assigneeId', breakdown: 'createdAt', timeBucket: 'hour', measure: { op: 'p90', property: 'responseTime' } }),
  spec({ id: 'n-day-count', dimension: 'createdAt', timeBucket: 'day', measure: { op: 'count' } }),
];

const changes = dstChanges();
const NIGHTS = dstContexts(changes);
const contexts = [...ADVERSARIAL_CONTEXTS, ...NIGHTS];

const options: CheckOptions = {
  categoryContexts: new Set(['amsterdam-spring-weeks', 'ties', 'empty-period']),
  // Where the zone changes, each engine's own time-zone data must agree with the browser's.
  dateContexts: new Set([
    'amsterdam-spring-weeks',
    'amsterdam-autumn-night',
    'new-york-autumn-night',
    'kolkata-hours',
    'santiago-skipped-midnight',
    'empty-period',
    ...NIGHTS.map((c) => c.name),
  ]),
  drillContexts: new Set(['amsterdam-spring-weeks', 'ties', ...NIGHTS.filter((c) => c.name.includes('fall-back')).map((c) => c.name)]),
};

test('the DST nights cover a fall-back and a spring-forward in each of the five zones', () => {
  for (const zone of DST_ZONES) {
    assert.ok(changes.some((c) => c.timeZone === zone && c.fallBack), `${zone} fall-back`);
    assert.ok(changes.some((c) => c.timeZone === zone && !c.fallBack), `${zone} spring-forward`);
  }
});

const { conversations: raw, lookups } = generateAdversarialConversations({ boundaries: contextBoundaries(ADVERSARIAL_CONTEXTS) });
const parsed = parseConversations([...raw, ...dstNightConversations(changes)]);
const scenarios: ScenarioSpec[] = [...articleReports.map((s) => ({ spec: s })), ...CUSTOM_SPECS, ...EXTRA_SPECS.map((s) => ({ spec: s })), ...NIGHT_SPECS.map((s) => ({ spec: s }))];

for (const dialect of ENGINE_DIALECTS) {
  engineSuite(dialect, `SqlDataSource (${dialect}, real engine) equals computeReport`, { parsed, lookups }, (suite) => {
    suite.test('engine', ({ engine }, t) => {
      t.diagnostic(`${dialect} ${engine.version}`);
    });

    for (const scenario of scenarios) {
      suite.test(scenario.spec.id, async ({ source, table }) => {
        const problems = await pushDownProblems(source, table, scenario.spec, contexts, { ...options, shortOnly: scenario.shortOnly ?? false });
        assert.equal(problems.length, 0, `${problems.length} differences from the browser engine:\n${problems.slice(0, 30).join('\n')}`);
      });
    }

    suite.test('hostile values stay values, and the table is still there', async ({ engine, source }) => {
      const count = async () => (await engine.execute(`SELECT count(*) AS n FROM ${engine.table}`, [], new AbortController().signal))[0]?.n;
      const before = await count();
      const hostile = EXTRA_SPECS.find((s) => s.id === 'x-hostile-values')!;
      await source.query(hostile, { range: { from: 0, to: Date.UTC(2030, 0, 1) }, timeZone: 'UTC' }, new AbortController().signal);
      assert.equal(String(await count()), String(before));
      assert.equal(String(before), String(parsed.conversations.length));
    });
  });
}
