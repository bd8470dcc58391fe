import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DAY, HOUR, T0, conversation, lookups } from '../../test/fixtures/conversations.ts';
import { computeReport } from './compute-report.ts';
import { drillDown } from './drill-down.ts';
import { parseConversations } from './parse-conversations.ts';
import { reportSpecSchema, type ReportSpecInput } from './schema/report-spec.ts';
import { createTable } from './table.ts';

const context = { range: { from: T0, to: T0 + 7 * DAY }, timeZone: 'UTC' };
const spec = (fields: Partial<ReportSpecInput>) =>
  reportSpecSchema.parse({ id: 'r', title: 'R', chartType: 'bar', measure: { op: 'count' }, ...fields });

const { conversations } = parseConversations([
  conversation({ id: 'a1', assigneeId: 'alice', status: 'open', createdAt: T0 + 2 * HOUR, pageUrl: 'https://x.example/a?utm=1', subject: 'Hello' }),
  conversation({ id: 'a2', assigneeId: 'alice', status: 'closed', closedAt: T0 + 3 * HOUR, createdAt: T0 + HOUR, properties: { tier: 'gold' } }),
  conversation({ id: 'b1', assigneeId: 'bob', status: 'open', createdAt: T0 + DAY, pageUrl: 'https://x.example/a#top' }),
  conversation({ id: 'c1', assigneeId: 'chloe', status: 'open', createdAt: T0 + 2 * DAY }),
  conversation({ id: 'n1', assigneeId: null, status: 'open', createdAt: T0 + 2 * DAY }),
  conversation({ id: 'out', assigneeId: 'alice', status: 'open', createdAt: T0 + 8 * DAY }),
]);
const table = createTable(conversations, lookups);

const ids = (list: { id: string }[]) => list.map((c) => c.id);

describe('drillDown', () => {
  it('returns exactly the conversations counted in each row, oldest first, as they came in', () => {
    const s = spec({ dimension: 'assigneeId', limit: 2 });
    const result = computeReport(table, s, context);
    for (const row of result.rows) assert.equal(drillDown(table, s, context, { key: row.key }).length, row.count);
    const alice = drillDown(table, s, context, { key: 'alice' });
    assert.deepEqual(ids(alice), ['a2', 'a1']);
    assert.equal(alice[1]!.pageUrl, 'https://x.example/a?utm=1', 'drill rows keep the raw URL');
    assert.equal(alice[1]!.subject, 'Hello');
    assert.deepEqual({ ...alice[0]!.properties }, { tier: 'gold' });
  });

  it('drills into Other, the null group and a normalized page URL', () => {
    const s = spec({ dimension: 'assigneeId', limit: 1 });
    assert.deepEqual(ids(drillDown(table, s, context, { key: '__other__' })).sort(), ['b1', 'c1', 'n1']);
    assert.deepEqual(ids(drillDown(table, spec({ dimension: 'assigneeId' }), context, { key: null })), ['n1']);
    assert.deepEqual(ids(drillDown(table, spec({ dimension: 'pageUrl' }), context, { key: 'https://x.example/a' })), ['a1', 'b1']);
  });

  it('narrows to the series of a breakdown and to a date bucket (key as number or text)', () => {
    const s = spec({ dimension: 'assigneeId', breakdown: 'status' });
    assert.deepEqual(ids(drillDown(table, s, context, { key: 'alice', series: 'closed' })), ['a2']);
    const byDay = spec({ dimension: 'createdAt', timeBucket: 'day' });
    assert.deepEqual(ids(drillDown(table, byDay, context, { key: T0 + 2 * DAY })).sort(), ['c1', 'n1']);
    assert.deepEqual(ids(drillDown(table, byDay, context, { key: String(T0 + 2 * DAY) })).sort(), ['c1', 'n1']);
    assert.deepEqual(drillDown(table, s, context, { key: 'alice', series: 'nope' }), []);
  });
});
