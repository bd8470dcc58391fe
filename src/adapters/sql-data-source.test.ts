/**
 * Push-down equals the browser: every template and a set of custom specs, run as SQL by a real
 * DuckDB and by `computeReport` / `drillDown` on the same data, over ranges and zones chosen for
 * their edges (DST changes, misaligned ranges, ties, empty periods).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTable, parseConversations, templates, type Conversation, type ConversationTable, type Lookups, type ReportSpec } from '../core/index.ts';
import { generateConversations } from '../sample/generate-conversations.ts';
import { generateAdversarialConversations } from '../../test/node/oracle/adversarial-data.ts';
import { ADVERSARIAL_CONTEXTS, CUSTOM_SPECS, contextBoundaries, sampleContexts, type NamedContext } from '../../test/node/oracle/scenarios.ts';
import { SqlDataSource } from './sql-data-source.ts';
import { createTestDatabase, type TestDatabase } from './sql/testing/duckdb-database.ts';
import { EXTRA_SPECS, pushDownProblems, type CheckOptions } from './sql/testing/push-down-check.ts';

/** The article's twelve; the team performance template needs business hours and is checked in push-down-derived.test.ts. */
const articleReports = [...templates.chatOverview.reports, ...templates.emailOverview.reports];

interface Dataset {
  table: ConversationTable;
  db: TestDatabase;
  source: SqlDataSource;
}

async function prepare(conversations: Conversation[], lookups: Lookups): Promise<Dataset> {
  const parsed = parseConversations(conversations);
  assert.deepEqual(parsed.errors, []);
  const db = await createTestDatabase(parsed.conversations);
  const source = new SqlDataSource({
    dialect: 'duckdb',
    schema: { table: 'conversations', customProperties: db.customProperties },
    execute: db.execute,
    lookups,
    maxDrillRows: Infinity,
  });
  return { table: createTable(parsed.conversations, lookups), db, source };
}

const options: CheckOptions = {
  categoryContexts: new Set(['amsterdam-spring-weeks', 'amsterdam-autumn-misaligned', 'ties', 'empty-period', 'utc-year', 'sample-all', 'sample-two-weeks-new-york']),
  drillContexts: new Set(['amsterdam-spring-weeks', 'ties', 'new-york-autumn-night', 'sample-two-weeks-new-york']),
};

function suite(title: string, load: () => { conversations: Conversation[]; lookups: Lookups }, specs: { spec: ReportSpec; shortOnly?: boolean }[], contexts: () => NamedContext[]) {
  describe(title, () => {
    let dataset: Dataset;
    let contextList: NamedContext[];
    before(async () => {
      const { conversations, lookups } = load();
      dataset = await prepare(conversations, lookups);
      contextList = contexts();
    });
    after(() => dataset?.db.close());
    for (const scenario of specs) {
      test(scenario.spec.id, async () => {
        const problems = await pushDownProblems(dataset.source, dataset.table, scenario.spec, contextList, { ...options, shortOnly: scenario.shortOnly ?? false });
        assert.equal(problems.length, 0, `${problems.length} differences from the browser engine:\n${problems.slice(0, 30).join('\n')}`);
      });
    }
  });
}

const templateScenarios = articleReports.map((s) => ({ spec: s }));
const adversarial = generateAdversarialConversations({ boundaries: contextBoundaries(ADVERSARIAL_CONTEXTS) });

suite('SqlDataSource (DuckDB) equals computeReport — adversarial data', () => adversarial, [...templateScenarios, ...CUSTOM_SPECS, ...EXTRA_SPECS.map((s) => ({ spec: s }))], () => ADVERSARIAL_CONTEXTS);

const sample = generateConversations({ n: 6000, seed: 7 });
suite(
  'SqlDataSource (DuckDB) equals computeReport — generated sample',
  () => sample,
  [...templateScenarios, ...EXTRA_SPECS.filter((s) => !s.id.includes('hostile')).map((s) => ({ spec: s }))],
  () => sampleContexts(sample.conversations.map((c) => c.createdAt)),
);
