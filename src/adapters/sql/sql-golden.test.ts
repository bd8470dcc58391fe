/**
 * Golden SQL: the exact statements and parameters of a few reports and drills in every dialect.
 * ClickHouse is covered only here (no server in CI); DuckDB and PostgreSQL also run against real
 * engines elsewhere. After an intended change: `UPDATE_GOLDEN=1 node --import tsx --test <this file>`,
 * then read the diff.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { reportSpecSchema, type DrillPoint, type ReportContext, type ReportSpec, type ReportSpecInput } from '../../core/index.ts';
import { SqlDataSource, type SqlDialectName, type SqlSchema } from '../sql-data-source.ts';

const spec = (input: Omit<ReportSpecInput, 'title' | 'chartType'>): ReportSpec => reportSpecSchema.parse({ title: input.id, chartType: 'table', ...input });

const schema: SqlSchema = {
  table: 'analytics.conversation_report',
  columns: { assigneeId: 'agent_id' },
  customProperties: { plan: { type: 'text' }, amount: { type: 'number', column: 'order_amount' }, vip: { type: 'boolean' } },
};

const lookups = { assignees: [{ id: 'agent-1', name: 'Ana' }], inboxes: [], chatflows: [] };

const march: ReportContext = { range: { from: Date.UTC(2026, 2, 1), to: Date.UTC(2026, 3, 1) }, timeZone: 'Europe/Amsterdam' };

interface Case {
  name: string;
  spec: ReportSpec;
  context: ReportContext;
  drill?: DrillPoint;
}

const cases: Case[] = [
  { name: 'avg-by-assignee', spec: spec({ id: 'a', channel: 'chat', dimension: 'assigneeId', measure: { op: 'avg', property: 'responseTime' } }), context: march },
  {
    name: 'weekly-count-compare',
    spec: spec({ id: 'b', channel: 'email', dimension: 'createdAt', timeBucket: 'week', measure: { op: 'count' } }),
    context: { ...march, compare: 'previous-period' },
  },
  {
    name: 'median-limit-breakdown-compare',
    spec: spec({ id: 'c', dimension: 'pageUrl', breakdown: 'properties.vip', measure: { op: 'median', property: 'timeToClose' }, limit: 5 }),
    context: { ...march, compare: 'previous-period' },
  },
  {
    name: 'every-operator',
    spec: spec({
      id: 'd',
      dimension: 'properties.plan',
      measure: { op: 'p90', property: 'properties.amount' },
      dateProperty: 'closedAt',
      filters: [
        { property: 'status', operator: 'is', value: 'closed' },
        { property: 'assigneeId', operator: 'isNot', value: 'agent-1' },
        { property: 'inboxId', operator: 'in', value: ['sales', 'support'] },
        { property: 'chatflowId', operator: 'notIn', value: ['welcome'] },
        { property: 'ticketId', operator: 'known' },
        { property: 'properties.plan', operator: 'unknown' },
        { property: 'responseTime', operator: 'gt', value: 60_000 },
        { property: 'timeToClose', operator: 'gte', value: 0.5 },
        { property: 'properties.amount', operator: 'lt', value: 100 },
        { property: 'createdAt', operator: 'lte', value: Date.UTC(2026, 2, 15) },
        { property: 'responseTime', operator: 'between', value: [0, 3_600_000] },
        { property: 'subject', operator: 'contains', value: 'Refund' },
        { property: 'hasTicket', operator: 'is', value: true },
      ],
    }),
    context: { range: { from: Date.UTC(2026, 0, 1), to: Date.UTC(2026, 6, 1) }, timeZone: 'America/New_York' },
  },
  {
    name: 'drill-other',
    spec: spec({ id: 'e', dimension: 'assigneeId', measure: { op: 'count' }, limit: 3 }),
    context: march,
    drill: { key: '__other__' },
  },
  {
    name: 'drill-hour-bucket',
    spec: spec({ id: 'f', dimension: 'createdAt', timeBucket: 'hour', breakdown: 'channel', measure: { op: 'count' } }),
    context: { range: { from: Date.UTC(2026, 2, 28, 20), to: Date.UTC(2026, 2, 29, 6) }, timeZone: 'Europe/Amsterdam' },
    drill: { key: Date.UTC(2026, 2, 29, 1), series: 'chat' },
  },
];

const dialects: SqlDialectName[] = ['duckdb', 'postgres', 'clickhouse'];
const update = process.env.UPDATE_GOLDEN === '1';

function golden(sql: string, params: unknown[]): string {
  return `${sql}\n-- params: ${JSON.stringify(params)}\n`;
}

describe('golden SQL', () => {
  for (const dialect of dialects) {
    const source = new SqlDataSource({ dialect, schema, lookups, execute: async () => [] });
    for (const c of cases) {
      test(`${dialect}: ${c.name}`, async () => {
        const statement = c.drill ? await source.compileDrill(c.spec, c.context, c.drill) : await source.compileQuery(c.spec, c.context);
        assert.equal(statement.dialect, dialect);
        const text = golden(statement.sql, statement.params);
        const file = new URL(`./golden/${c.name}.${dialect}.sql`, import.meta.url);
        if (update) writeFileSync(file, text);
        assert.equal(text, readFileSync(file, 'utf8'));
      });
    }
  }
});
