/**
 * The engine checked against an independent SQL reading of DESIGN.md ("Conversation",
 * "ReportSpec", "Computing"), run by DuckDB on the same data: hand-shaped adversarial records and
 * a generated sample, every template report and a set of custom ones, over several ranges and
 * time zones.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { TimeBucket } from '../../src/core/schema/report-spec.ts';
import {
  computeReport,
  createTable,
  drillDown,
  parseConversations,
  reportSpecSchema,
  templates,
  type Conversation,
  type Lookups,
  type ReportContext,
  type ReportResult,
  type ReportSpec,
} from '../../src/core/index.ts';
import { generateConversations } from '../../src/sample/generate-conversations.ts';
import { generateAdversarialConversations, generateOpaqueOriginConversations } from './oracle/adversarial-data.ts';
import { bucketLabel, bucketStarts } from './oracle/brute-buckets.ts';
import { compareReport, drillPoints } from './oracle/compare.ts';
import { loadOracleDatabase, type OracleDatabase } from './oracle/duckdb-load.ts';
import { oracleDrillIds, runOracleReport, type OracleOptions } from './oracle/report-sql.ts';
import {
  ADVERSARIAL_CONTEXTS,
  CUSTOM_SPECS,
  contextBoundaries,
  sampleContexts,
  type NamedContext,
  type ScenarioSpec,
} from './oracle/scenarios.ts';

const templateSpecs: ScenarioSpec[] = [...templates.chatOverview.reports, ...templates.emailOverview.reports].map((spec) => ({ spec }));

test('templates: six chat and six email reports', () => {
  assert.equal(templates.chatOverview.reports.length, 6);
  assert.equal(templates.emailOverview.reports.length, 6);
  for (const spec of templates.chatOverview.reports) assert.equal(spec.channel, 'chat', spec.id);
  for (const spec of templates.emailOverview.reports) assert.equal(spec.channel, 'email', spec.id);
});

/** Engine-chosen text for null groups ("Unassigned", "Unknown"…) is not fixed by the contract; take it from the engine. */
function nullLabelsFrom(spec: ReportSpec, engine: ReportResult): OracleOptions['nullLabel'] {
  const keyLabel = engine.rows.find((r) => r.key === null)?.label;
  const seriesLabel = engine.rows.find((r) => r.series === null)?.seriesLabel;
  return (property) => {
    if (property === spec.dimension && keyLabel !== undefined) return keyLabel;
    if (property === spec.breakdown && seriesLabel !== undefined) return seriesLabel;
    return property === 'assigneeId' ? 'Unassigned' : 'Unknown';
  };
}

const isDateDimension = (spec: ReportSpec): boolean =>
  spec.dimension === 'createdAt' || spec.dimension === 'closedAt' || spec.dimension === 'firstResponseAt';

interface Dataset {
  db: OracleDatabase;
  table: ReturnType<typeof createTable>;
  collations: [OracleOptions['collation'], OracleOptions['collation']];
}

async function prepare(conversations: Conversation[], lookups: Lookups): Promise<Dataset> {
  // Through the public parser, as a host would: every record must survive it unchanged in number.
  const parsed = parseConversations(conversations);
  assert.deepEqual(parsed.errors, []);
  assert.equal(parsed.conversations.length, conversations.length);
  return {
    db: await loadOracleDatabase(conversations, lookups),
    table: createTable(parsed.conversations, lookups),
    collations: ['en', 'binary'],
  };
}

/** One spec over its contexts; every difference is collected, so one failure shows them all. */
async function check(dataset: Dataset, scenario: ScenarioSpec, contexts: readonly NamedContext[], notes: Set<string>): Promise<string[]> {
  const problems: string[] = [];
  const { spec } = scenario;
  for (const named of contexts) {
    if (scenario.shortOnly && !named.short) continue;
    if (named.dateOnly && !isDateDimension(spec)) continue;
    const { name, ...context } = named;
    const ctx: ReportContext = { range: context.range, timeZone: context.timeZone, ...(context.compare ? { compare: context.compare } : {}) };
    const where = `[${spec.id} @ ${name}]`;
    let engine: ReportResult;
    try {
      engine = computeReport(dataset.table, spec, ctx);
    } catch (error) {
      problems.push(`${where} computeReport threw: ${(error as Error).message}`);
      continue;
    }
    const nullLabel = nullLabelsFrom(spec, engine);
    // "label ascending" names no collation: locale order and code-point order are both fair
    // readings. Whichever matched last is tried first, so the other runs only when needed.
    const [firstTry, secondTry] = dataset.collations;
    let oracle = await runOracleReport(dataset.db.connection, dataset.db.schema, spec, ctx, { collation: firstTry, nullLabel });
    let comparison = compareReport(spec, ctx, engine, oracle);
    if (comparison.problems.length > 0) {
      const other = await runOracleReport(dataset.db.connection, dataset.db.schema, spec, ctx, { collation: secondTry, nullLabel });
      const second = compareReport(spec, ctx, engine, other);
      if (second.problems.length === 0) {
        oracle = other;
        comparison = second;
        dataset.collations = [secondTry, firstTry];
        notes.add(`label order (ties, limits, sort by label) follows ${secondTry === 'binary' ? 'code points, not the locale' : 'the locale, not code points'} (first seen in ${spec.id} @ ${name})`);
      }
    }
    for (const note of comparison.notes) notes.add(note);
    problems.push(...comparison.problems.map((p) => `${where} ${p}`));

    for (const point of drillPoints(spec, engine)) {
      const expected = oracleDrillIds(oracle, point);
      let got: string[];
      try {
        got = drillDown(dataset.table, spec, ctx, point, { limit: Infinity }).rows.map((c) => c.id).sort();
      } catch (error) {
        problems.push(`${where} drillDown(${JSON.stringify(point)}) threw: ${(error as Error).message}`);
        continue;
      }
      if (JSON.stringify(got) !== JSON.stringify(expected)) {
        const missing = expected.filter((id) => !got.includes(id)).slice(0, 5);
        const extra = got.filter((id) => !expected.includes(id)).slice(0, 5);
        problems.push(
          `${where} drillDown(${JSON.stringify(point)}): ${got.length} ids, expected ${expected.length}; missing ${missing.join(',')} extra ${extra.join(',')}`,
        );
      }
    }
  }
  return problems;
}

/**
 * The oracle's own date buckets against a brute-force walk through Intl's local time: keys, the
 * list of buckets (empty ones included) and the count in each.
 */
async function checkOracleBuckets(dataset: Dataset, conversations: readonly Conversation[], contexts: readonly NamedContext[]): Promise<string[]> {
  const problems: string[] = [];
  const buckets: TimeBucket[] = ['hour', 'day', 'week', 'month', 'quarter'];
  for (const context of contexts) {
    for (const bucket of buckets) {
      if (bucket === 'hour' && !context.short) continue;
      const spec = reportSpecSchema.parse({
        id: `self-check-${bucket}`, title: 'self-check', chartType: 'table', dimension: 'createdAt', timeBucket: bucket, measure: { op: 'count' },
      });
      const ctx: ReportContext = { range: context.range, timeZone: context.timeZone };
      const oracle = await runOracleReport(dataset.db.connection, dataset.db.schema, spec, ctx, { collation: 'binary' });
      const starts = bucketStarts(ctx.range.from, ctx.range.to, bucket, ctx.timeZone);
      const expected = new Map<number, number>([...starts.values()].map((k) => [k, 0]));
      for (const c of conversations) {
        if (c.createdAt < ctx.range.from || c.createdAt >= ctx.range.to) continue;
        const key = starts.get(bucketLabel(c.createdAt, bucket, ctx.timeZone)) ?? Number.NaN;
        expected.set(key, (expected.get(key) ?? 0) + 1);
      }
      const got = new Map(oracle.rows.map((r) => [r.key as number, r.count]));
      const show = (m: Map<number, number>) => JSON.stringify([...m].sort((a, b) => a[0] - b[0]).map(([k, n]) => `${new Date(k).toISOString()}=${n}`));
      if (show(got) !== show(expected)) problems.push(`${bucket} @ ${context.name}: SQL ${show(got)}\n  brute force ${show(expected)}`);
    }
  }
  return problems;
}

function suite(
  title: string,
  load: () => { conversations: Conversation[]; lookups: Lookups },
  specs: ScenarioSpec[],
  contexts: () => NamedContext[],
  selfCheck = false,
) {
  describe(title, () => {
    let dataset: Dataset | undefined;
    let contextList: NamedContext[] = [];
    const notes = new Set<string>();
    before(async () => {
      const { conversations, lookups } = load();
      dataset = await prepare(conversations, lookups);
      contextList = contexts();
    });
    after(() => dataset?.db.close());
    if (selfCheck) {
      test('oracle self-check: SQL date buckets equal a brute-force walk through local time', async () => {
        const problems = await checkOracleBuckets(dataset!, load().conversations, contextList);
        assert.equal(problems.length, 0, problems.join('\n'));
      });
    }
    for (const scenario of specs) {
      test(scenario.spec.id, async () => {
        const problems = await check(dataset!, scenario, contextList, notes);
        assert.equal(problems.length, 0, `${problems.length} differences from the SQL oracle:\n${problems.slice(0, 40).join('\n')}`);
      });
    }
    test('choices the contract leaves open (diagnostics only)', (t) => {
      for (const note of notes) t.diagnostic(note);
    });
  });
}

const adversarial = generateAdversarialConversations({ boundaries: contextBoundaries(ADVERSARIAL_CONTEXTS) });
suite('SQL oracle — adversarial data', () => adversarial, [...templateSpecs, ...CUSTOM_SPECS], () => ADVERSARIAL_CONTEXTS, true);

const sample = generateConversations({ n: 20_000, seed: 424242 });
// The sample has its own custom properties (no amount, score or segment); those specs stay with the adversarial data.
const sampleSpecs = [
  ...templateSpecs,
  ...CUSTOM_SPECS.filter((s) => !s.shortOnly && !/segment|score|amount|neverSet/.test(JSON.stringify(s.spec))),
];
suite('SQL oracle — generated sample (20,000)', () => sample, sampleSpecs, () => sampleContexts(sample.conversations.map((c) => c.createdAt)));

suite(
  'SQL oracle — page URLs with an opaque origin (mailto:, javascript:, about:, data:)',
  generateOpaqueOriginConversations,
  CUSTOM_SPECS.filter((s) => s.spec.id === 'dim-pageUrl-chat'),
  () => [{ name: 'june', timeZone: 'UTC', range: { from: Date.UTC(2026, 5, 1), to: Date.UTC(2026, 5, 2) } }],
);
