import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DAY, HOUR, T0, conversation, lookups } from '../../../test/fixtures/conversations.ts';
import { computeReport } from './compute-report.ts';
import { drillDown } from './drill-down.ts';
import { parseConversations } from '../wire/parse-conversations.ts';
import { reportSpecSchema, type ReportSpecInput } from '../schema/report-spec.ts';
import { createTable } from '../table/table.ts';

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
    for (const row of result.rows) assert.equal(drillDown(table, s, context, { key: row.key }).total, row.count);
    const alice = drillDown(table, s, context, { key: 'alice' }).rows;
    assert.deepEqual(ids(alice), ['a2', 'a1']);
    assert.equal(alice[1]!.pageUrl, 'https://x.example/a?utm=1', 'drill rows keep the raw URL');
    assert.equal(alice[1]!.subject, 'Hello');
    assert.deepEqual({ ...alice[0]!.properties }, { tier: 'gold' });
  });

  it('drills into Other, the null group and a normalized page URL', () => {
    const s = spec({ dimension: 'assigneeId', limit: 1 });
    assert.deepEqual(ids(drillDown(table, s, context, { key: '__other__' }).rows).sort(), ['b1', 'c1', 'n1']);
    assert.deepEqual(ids(drillDown(table, spec({ dimension: 'assigneeId' }), context, { key: null }).rows), ['n1']);
    assert.deepEqual(ids(drillDown(table, spec({ dimension: 'pageUrl' }), context, { key: 'https://x.example/a' }).rows), ['a1', 'b1']);
  });

  it('narrows to the series of a breakdown and to a date bucket (key as number or text)', () => {
    const s = spec({ dimension: 'assigneeId', breakdown: 'status' });
    assert.deepEqual(ids(drillDown(table, s, context, { key: 'alice', series: 'closed' }).rows), ['a2']);
    const byDay = spec({ dimension: 'createdAt', timeBucket: 'day' });
    assert.deepEqual(ids(drillDown(table, byDay, context, { key: T0 + 2 * DAY }).rows).sort(), ['c1', 'n1']);
    assert.deepEqual(ids(drillDown(table, byDay, context, { key: String(T0 + 2 * DAY) }).rows).sort(), ['c1', 'n1']);
    assert.deepEqual(drillDown(table, s, context, { key: 'alice', series: 'nope' }), { total: 0, offset: 0, rows: [] });
  });

  describe('pages (v2)', () => {
    // 120 conversations for one assignee: equal creation times in pairs (ties go by id), some
    // without a response (nulls go last), subjects and emails to search.
    const many = parseConversations(
      Array.from({ length: 120 }, (_, i) =>
        conversation({
          id: `m${String(119 - i).padStart(3, '0')}`,
          assigneeId: 'dana',
          createdAt: T0 + Math.floor(i / 2) * HOUR,
          firstResponseAt: i % 4 === 0 ? null : T0 + Math.floor(i / 2) * HOUR + ((i * 37) % 50) * 60_000,
          subject: i % 10 === 0 ? `Refund ${i}` : `Question ${i}`,
          contactEmail: i === 7 ? 'REFUND.desk@example.com' : `c${i}@example.com`,
        }),
      ),
    ).conversations;
    const manyTable = createTable(many, lookups);
    const s = spec({ dimension: 'assigneeId' });
    const wide = { range: { from: T0, to: T0 + 30 * DAY }, timeZone: 'UTC' };
    const point = { key: 'dana' };
    // The reference: sorted another way (a full sort of plain objects), nulls last, ties by id.
    const reference = (by: 'createdAt' | 'responseTime' | 'subject', direction: 'asc' | 'desc', search = '') => {
      const value = (c: (typeof many)[number]) => (by === 'responseTime' ? (c.firstResponseAt === null ? null : c.firstResponseAt - c.createdAt) : c[by]);
      const needle = search.toLowerCase();
      return many
        .filter((c) => needle === '' || [c.subject, c.contactName, c.contactEmail, c.id].some((t) => t !== null && t.toLowerCase().includes(needle)))
        .sort((a, b) => {
          const x = value(a);
          const y = value(b);
          if (x === null || y === null) return x === y ? (a.id < b.id ? -1 : 1) : x === null ? 1 : -1;
          if (x !== y) return (x < y ? -1 : 1) * (direction === 'asc' ? 1 : -1);
          return a.id < b.id ? -1 : 1;
        })
        .map((c) => c.id);
    };

    it('gives the first 50 by default, oldest first with ties by id, and counts them all', () => {
      const page = drillDown(manyTable, s, wide, point);
      assert.equal(page.total, 120);
      assert.equal(page.offset, 0);
      assert.deepEqual(ids(page.rows), reference('createdAt', 'asc').slice(0, 50));
      // The pair created together comes id first, not in the order it was given.
      assert.deepEqual(ids(page.rows.slice(0, 2)), ['m118', 'm119']);
    });

    it('pages through any sort, nulls last, and the pages join up to the whole list', () => {
      for (const [by, direction] of [['responseTime', 'desc'], ['responseTime', 'asc'], ['subject', 'asc'], ['createdAt', 'desc']] as const) {
        const all: string[] = [];
        for (let offset = 0; offset < 120; offset += 17) {
          const page = drillDown(manyTable, s, wide, point, { offset, limit: 17, sort: { by, direction } });
          assert.equal(page.total, 120);
          all.push(...ids(page.rows));
        }
        assert.deepEqual(all, reference(by, direction), `${by} ${direction}`);
      }
      assert.equal(drillDown(manyTable, s, wide, point, { limit: Infinity }).rows.length, 120);
      assert.deepEqual(drillDown(manyTable, s, wide, point, { offset: 500 }), { total: 120, offset: 500, rows: [] });
    });

    it('searches subject, contact email and id, case-insensitively, before paging', () => {
      const page = drillDown(manyTable, s, wide, point, { search: 'rEfUnD', limit: 3, offset: 1 });
      assert.deepEqual(ids(page.rows), reference('createdAt', 'asc', 'refund').slice(1, 4));
      assert.equal(page.total, 13);
      assert.equal(drillDown(manyTable, s, wide, point, { search: 'M00' }).total, 10);
    });

    it('refuses a bad page and an unknown sort property', () => {
      assert.throws(() => drillDown(manyTable, s, wide, point, { offset: -1 }), /offset/);
      assert.throws(() => drillDown(manyTable, s, wide, point, { limit: 1.5 }), /limit/);
      assert.throws(() => drillDown(manyTable, s, wide, point, { sort: { by: 'nope', direction: 'asc' } }), /Unknown property "nope"/);
      assert.throws(() => drillDown(manyTable, s, wide, point, { extra: 1 } as never), /page/);
    });
  });
});
