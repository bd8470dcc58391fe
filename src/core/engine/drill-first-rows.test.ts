import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { computeReport } from './compute-report.ts';
import { drillDown, drillRows } from './drill-down.ts';
import { pageOfRows } from './drill-page.ts';
import { reportSpecSchema, type ReportSpecInput } from '../schema/report-spec.ts';
import { createTable } from '../table/table.ts';
import { generateConversations } from '../../sample/generate-conversations.ts';
import { installQuantiles } from './quantile-install.ts';

// Medians computed through the engine's modules, not core's entry (which registers them itself).
installQuantiles();

const DAY = 86_400_000;
const end = Date.UTC(2026, 10, 20);
const generated = generateConversations({ n: 4000, seed: 7, end, days: 30 });
// Creation times rounded to 20 minutes: many ties, which go by id.
const conversations = generated.conversations.map((c) => ({ ...c, createdAt: c.createdAt - (c.createdAt % 1_200_000) }));
const table = createTable(conversations, generated.lookups);
const context = { range: { from: end - 20 * DAY, to: end - 3 * DAY }, timeZone: 'Europe/Amsterdam' };
const spec = (fields: Partial<ReportSpecInput>) => reportSpecSchema.parse({ id: 'r', title: 'R', chartType: 'bar', measure: { op: 'count' }, ...fields });
const ids = (page: { rows: { id: string }[] }) => page.rows.map((c) => c.id);

// Cube reads (run and closedAt), folded page URLs, buckets, no dimension, a breakdown, a numeric
// filter and a quantile (row lists): every way a report finds its rows.
const specs = [
  spec({ dimension: 'assigneeId', channel: 'chat' }),
  spec({ dimension: 'pageUrl', channel: 'chat', limit: 3 }),
  spec({ dimension: 'assigneeId', filters: [{ property: 'status', operator: 'is', value: 'closed' }], dateProperty: 'closedAt' }),
  spec({ dimension: 'createdAt', timeBucket: 'day', channel: 'email' }),
  spec({ filters: [{ property: 'inboxId', operator: 'in', value: ['inbox-sales', 'inbox-billing'] }] }),
  spec({ dimension: 'inboxId', breakdown: 'status' }),
  spec({ dimension: 'chatflowId', filters: [{ property: 'responseTime', operator: 'gt', value: 60_000 }] }),
  spec({ dimension: 'assigneeId', measure: { op: 'median', property: 'timeToClose' }, dateProperty: 'firstResponseAt', limit: 4 }),
];

describe('drill pages in creation order (found without listing the group)', () => {
  it('equal the whole group sorted and sliced, for every row, both directions and any offset', () => {
    let checked = 0;
    for (const s of specs) {
      const result = computeReport(table, s, context);
      for (const row of result.rows) {
        const point = row.series === undefined ? { key: row.key } : { key: row.key, series: row.series };
        const rows = drillRows(table, s, context, point);
        for (const direction of ['asc', 'desc'] as const)
          for (const [offset, limit] of [[0, 50], [0, 7], [13, 9], [row.count - 2, 5], [row.count + 3, 5]] as const) {
            if (offset < 0) continue;
            const page = { offset, limit, sort: { by: 'createdAt', direction } };
            const got = drillDown(table, s, context, point, page);
            const want = pageOfRows(table, rows, page);
            assert.equal(got.total, row.count, `${s.dimension} ${String(row.key)} total`);
            assert.deepEqual(ids(got), ids(want), `${s.dimension} ${String(row.key)} ${direction} ${offset}+${limit}`);
            checked++;
          }
      }
      // The whole dimension of a breakdown (no series) and a key the report does not have.
      if (s.breakdown) assert.equal(drillDown(table, s, context, { key: result.rows[0]!.key }).total, drillRows(table, s, context, { key: result.rows[0]!.key }).length);
      assert.deepEqual(drillDown(table, s, context, { key: 'no such key' }), { total: 0, offset: 0, rows: [] });
    }
    assert.ok(checked > 200, `checked ${checked} pages`);
  });

  it('puts equal creation times in id order at the page edges', () => {
    const s = spec({ dimension: 'channel' });
    const page = drillDown(table, s, context, { key: 'email' }, { limit: 400 });
    const created = page.rows.map((c) => c.createdAt);
    let ties = 0;
    for (let k = 1; k < page.rows.length; k++) {
      assert.ok(created[k - 1]! <= created[k]!);
      if (created[k - 1] === created[k]) (ties++, assert.ok(page.rows[k - 1]!.id < page.rows[k]!.id));
    }
    assert.ok(ties > 50, 'the data has ties');
  });
});
