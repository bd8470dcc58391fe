/**
 * The PostgreSQL dialect against a real server (started here on 127.0.0.1 when Debian's
 * `postgresql` package is installed; `.ci/run` installs it), compared with the browser engine on
 * the adversarial data. Without the package these tests are skipped and the golden SQL tests
 * still cover the dialect.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTable, normalizePageUrl, parseConversations, templateReports, type Conversation, type ConversationTable } from '../../core/index.ts';
import { generateAdversarialConversations } from '../../../test/node/oracle/adversarial-data.ts';
import { ADVERSARIAL_CONTEXTS, CUSTOM_SPECS, contextBoundaries, type ScenarioSpec } from '../../../test/node/oracle/scenarios.ts';
import { SqlDataSource } from '../sql-data-source.ts';
import { customPropertiesOf } from './testing/duckdb-database.ts';
import { EXTRA_SPECS, pushDownProblems, type CheckOptions } from './testing/push-down-check.ts';
import type { PostgresClient } from './testing/postgres-wire.ts';
import { startPostgres, type PostgresServer } from './testing/postgres-server.ts';

const TEXT = ['id', 'channel', 'status', 'inboxId', 'assigneeId', 'chatflowId', 'pageUrl', 'ticketId', 'subject', 'contactName', 'contactEmail'] as const;
const TIMES = ['createdAt', 'firstResponseAt', 'closedAt'] as const;
const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

async function loadTable(client: PostgresClient, conversations: readonly Conversation[]) {
  const custom = Object.entries(customPropertiesOf(conversations));
  const pgType = { text: 'text', number: 'double precision', boolean: 'boolean' } as const;
  const columns = [
    ...TEXT.map((c) => [c, 'text'] as const),
    ...TIMES.map((c) => [c, 'bigint'] as const),
    ['pageUrlNormalized', 'text'] as const,
    ...custom.map(([name, p]) => [`properties.${name}`, pgType[p.type]] as const),
  ];
  await client.simple(`CREATE TABLE conversations (${columns.map(([name, type]) => `${quote(name)} ${type}`).join(', ')})`);
  const perRow = columns.length;
  const chunk = Math.floor(30_000 / perRow);
  for (let start = 0; start < conversations.length; start += chunk) {
    const rows = conversations.slice(start, start + chunk);
    const params: (string | number | boolean | null)[] = [];
    const tuples = rows.map((c, r) => {
      for (const column of TEXT) params.push(c[column]);
      for (const column of TIMES) params.push(c[column]);
      params.push(c.pageUrl === null ? null : normalizePageUrl(c.pageUrl));
      for (const [name] of custom) params.push(Object.hasOwn(c.properties, name) ? (c.properties[name] ?? null) : null);
      return `(${columns.map(([, type], i) => `$${r * perRow + i + 1}::${type}`).join(', ')})`;
    });
    await client.query(`INSERT INTO conversations VALUES ${tuples.join(', ')}`, params);
  }
  return Object.fromEntries(custom);
}

const options: CheckOptions = {
  categoryContexts: new Set(['amsterdam-spring-weeks', 'ties', 'empty-period']),
  // The zone changes: PostgreSQL's own time-zone data must agree with the browser's there.
  dateContexts: new Set(['amsterdam-spring-weeks', 'amsterdam-autumn-night', 'new-york-autumn-night', 'kolkata-hours', 'santiago-skipped-midnight', 'empty-period']),
  drillContexts: new Set(['amsterdam-spring-weeks', 'ties']),
};

describe('SqlDataSource (PostgreSQL, real server) equals computeReport — adversarial data', () => {
  let server: PostgresServer | null = null;
  let skipped = '';
  let table: ConversationTable;
  let source: SqlDataSource;

  before(async () => {
    const started = await startPostgres();
    if ('skipped' in started) {
      skipped = started.skipped;
      return;
    }
    server = started;
    const { conversations, lookups } = generateAdversarialConversations({ boundaries: contextBoundaries(ADVERSARIAL_CONTEXTS) });
    const parsed = parseConversations(conversations).conversations;
    const customProperties = await loadTable(server.client, parsed);
    table = createTable(parsed, lookups);
    const client = server.client;
    source = new SqlDataSource({
      dialect: 'postgres',
      schema: { table: 'conversations', customProperties },
      execute: (sql, params) => client.query(sql, params),
      lookups,
      maxDrillRows: Infinity,
    });
  });
  after(async () => server?.stop());

  test('server', (t) => {
    if (!server) return t.skip(skipped);
    t.diagnostic(`PostgreSQL ${server.version}`);
  });

  const scenarios: ScenarioSpec[] = [...templateReports.map((spec) => ({ spec })), ...CUSTOM_SPECS, ...EXTRA_SPECS.map((spec) => ({ spec }))];
  for (const scenario of scenarios) {
    test(scenario.spec.id, async (t) => {
      if (!server) return t.skip(skipped);
      const problems = await pushDownProblems(source, table, scenario.spec, ADVERSARIAL_CONTEXTS, { ...options, shortOnly: scenario.shortOnly ?? false });
      assert.equal(problems.length, 0, `${problems.length} differences from the browser engine:\n${problems.slice(0, 30).join('\n')}`);
    });
  }

  test('hostile values stay values, and the table is still there', async (t) => {
    if (!server) return t.skip(skipped);
    const [before] = await server.client.query('SELECT count(*) AS n FROM conversations', []);
    const hostile = EXTRA_SPECS.find((spec) => spec.id === 'x-hostile-values')!;
    await source.query(hostile, { range: { from: 0, to: Date.UTC(2030, 0, 1) }, timeZone: 'UTC' }, new AbortController().signal);
    const [afterwards] = await server.client.query('SELECT count(*) AS n FROM conversations', []);
    assert.deepEqual(afterwards, before);
  });
});
