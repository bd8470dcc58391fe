/**
 * The scale demo's data: conversations generated inside DuckDB by one SQL statement (no row passes
 * through JavaScript), in a file reused by later runs of the same size.
 */
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import type { Lookups } from '../../src/core/schema/conversation.ts';

const TEAMS = [
  { id: 'team-support', name: 'Support' },
  { id: 'team-sales', name: 'Sales' },
  { id: 'team-billing', name: 'Billing' },
  { id: 'team-success', name: 'Customer success' },
];
const FIRST = ['Ana', 'Ben', 'Chen', 'Dana', 'Emile', 'Fatima', 'Gus', 'Hana', 'Ivo', 'Jun', 'Kemal', 'Lea'];
const LAST = ['Ruiz', 'Okafor', 'Wei', 'Scully', 'Zola', 'Haddad', 'Berg', 'Sato', 'Novak', 'Park', 'Kaya', 'Smit'];

/** 24 agents in four teams, two inboxes per team, five chatflows. */
export const DEMO_LOOKUPS: Lookups & { teams: { id: string; name: string }[] } = {
  assignees: Array.from({ length: 24 }, (_, i) => ({ id: `agent-${String(i).padStart(2, '0')}`, name: `${FIRST[i % 12]} ${LAST[(i * 5 + Math.floor(i / 12)) % 12]}`, teamId: TEAMS[i % 4]!.id })),
  inboxes: TEAMS.flatMap((team, t) => [
    { id: `inbox-${t}-chat`, name: `${team.name} chat` },
    { id: `inbox-${t}-mail`, name: `${team.name} email` },
  ]),
  chatflows: ['Welcome', 'Pricing questions', 'After hours', 'Order status', 'Returns'].map((name, i) => ({ id: `flow-${i}`, name })),
  teams: TEAMS,
};

/** The inboxes of a team: what a team lead's scope allows. */
export const teamInboxes = (teamId: string): string[] => {
  const t = TEAMS.findIndex((team) => team.id === teamId);
  return t < 0 ? [] : [`inbox-${t}-chat`, `inbox-${t}-mail`];
};

const PAGES = ['pricing', 'checkout', 'docs/getting-started', 'blog/launch', 'contact', 'account/orders', 'returns', ''];
const TOPICS = ['refund', 'invoice', 'login problem', 'shipping delay', 'pricing', 'cancel my plan', 'bug report', 'feature request', 'order status', 'password reset'];

const list = (values: readonly string[]) => `[${values.map((v) => `'${v.replaceAll("'", "''")}'`).join(', ')}]`;

/**
 * One statement: `n` conversations over the year before `end`, in creation order, agents of a team
 * answering that team's inboxes. Hashes of the row number stand in for randomness (the same file
 * every time).
 */
function generateSql(n: number, end: number): string {
  const span = 365 * 86_400_000;
  return `CREATE TABLE conversations AS
WITH r AS (
  SELECT i, hash(i) AS h1, hash(i * 7919 + 13) AS h2, hash(i * 104729 + 7) AS h3 FROM range(${n}) t(i)
), base AS (
  SELECT i, h1, h2, h3,
    CAST(${end - span} + (i * ${span} // ${n}) AS BIGINT) AS created,
    CAST(h1 % 4 AS INTEGER) AS team,
    (h1 >> 8) % 100 < 55 AS chat,
    ((h2 >> 3) % 6) AS agentInTeam
  FROM r
)
SELECT
  'c' || lpad(CAST(i AS VARCHAR), 9, '0') AS "id",
  CASE WHEN chat THEN 'chat' ELSE 'email' END AS "channel",
  CASE WHEN (h3 % 100) < 12 THEN 'open' ELSE 'closed' END AS "status",
  'inbox-' || team || CASE WHEN chat THEN '-chat' ELSE '-mail' END AS "inboxId",
  CASE WHEN (h2 % 100) < 6 THEN NULL ELSE 'agent-' || lpad(CAST(team + 4 * agentInTeam AS VARCHAR), 2, '0') END AS "assigneeId",
  created AS "createdAt",
  CASE WHEN (h2 % 100) < 9 THEN NULL ELSE created + CAST(15000 + ((h2 >> 12) % 5400000) * ((h3 >> 20) % 3 + 1) // 3 AS BIGINT) END AS "firstResponseAt",
  CASE WHEN (h3 % 100) < 12 THEN NULL ELSE created + CAST(600000 + (h3 >> 16) % 259200000 AS BIGINT) END AS "closedAt",
  CASE WHEN chat THEN 'flow-' || ((h1 >> 20) % 5) ELSE NULL END AS "chatflowId",
  CASE WHEN chat THEN 'https://shop.example.com/' || (${list(PAGES)})[1 + CAST((h2 >> 24) % ${PAGES.length} AS INTEGER)] || CASE WHEN (h3 >> 8) % 4 = 0 THEN '?utm_source=newsletter' ELSE '' END ELSE NULL END AS "pageUrl",
  CASE WHEN chat THEN 'https://shop.example.com/' || (${list(PAGES)})[1 + CAST((h2 >> 24) % ${PAGES.length} AS INTEGER)] ELSE NULL END AS "pageUrlNormalized",
  CASE WHEN (h1 >> 30) % 10 < 3 THEN 'T-' || i ELSE NULL END AS "ticketId",
  'About ' || (${list(TOPICS)})[1 + CAST((h3 >> 28) % ${TOPICS.length} AS INTEGER)] AS "subject",
  (${list(FIRST)})[1 + CAST((h1 >> 36) % ${FIRST.length} AS INTEGER)] || ' ' || (${list(LAST)})[1 + CAST((h2 >> 40) % ${LAST.length} AS INTEGER)] AS "contactName",
  lower((${list(FIRST)})[1 + CAST((h1 >> 36) % ${FIRST.length} AS INTEGER)]) || '.' || i || '@example.com' AS "contactEmail"
FROM base
ORDER BY created`;
}

/** The file for `n` conversations, generated when it is not there yet. */
export async function demoDatabase(file: string, n: number, log: (line: string) => void): Promise<DuckDBInstance> {
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    const partial = `${file}.partial`;
    rmSync(partial, { force: true });
    const started = performance.now();
    log(`Generating ${n.toLocaleString('en')} conversations in DuckDB (once; later runs reuse ${file})…`);
    const instance = await DuckDBInstance.create(partial);
    const connection = await instance.connect();
    await connection.run(generateSql(n, Date.UTC(2026, 11, 1)));
    await connection.run('CHECKPOINT');
    connection.closeSync();
    instance.closeSync();
    renameSync(partial, file);
    log(`Generated in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
  }
  return DuckDBInstance.create(file, { access_mode: 'READ_ONLY' });
}
