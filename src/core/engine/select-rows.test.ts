import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { computeReport, computeReports } from './compute-report.ts';
import { cubeRead } from './cube.ts';
import { clearReportCache } from './report-cache.ts';
import { reportSpecSchema, type ReportSpecInput } from '../schema/report-spec.ts';
import { createTable } from '../table/table.ts';
import { generateConversations } from '../../sample/generate-conversations.ts';
import type { Conversation } from '../schema/conversation.ts';

const DAY = 86_400_000;
const end = Date.UTC(2026, 10, 20);
const { conversations, lookups } = generateConversations({ n: 6000, seed: 11, end, days: 40 });
const table = createTable(conversations, lookups);
const wide = { range: { from: end - 30 * DAY, to: end - 2 * DAY }, timeZone: 'UTC' };
// Under half the table: a createdAt range is walked as its run of rows, not filtered over every row.
// Its ends are creation times of conversations: the one at `from` is in, the one at `to` is not.
const times = conversations.map((c) => c.createdAt).sort((a, b) => a - b);
const narrow = { range: { from: times[3000]!, to: times[5000]! }, timeZone: 'UTC' };
let context = wide;
const spec = (fields: Partial<ReportSpecInput>) => reportSpecSchema.parse({ id: 'r', title: 'R', chartType: 'bar', measure: { op: 'count' }, ...fields });

type Field = 'assigneeId' | 'inboxId' | 'channel' | 'status';
/** The report by brute force over the objects: count and the mean response time per group. */
function reference(dateProperty: 'createdAt' | 'closedAt', where: Partial<Record<Field, string>>, dimension: Field) {
  const groups = new Map<string | null, { count: number; n: number; sum: number }>();
  for (const c of conversations as Conversation[]) {
    const t = c[dateProperty];
    if (t === null || t < context.range.from || t >= context.range.to) continue;
    if (Object.entries(where).some(([field, value]) => c[field as Field] !== value)) continue;
    const group = groups.get(c[dimension]) ?? { count: 0, n: 0, sum: 0 };
    group.count++;
    if (c.firstResponseAt !== null) (group.n++, (group.sum += c.firstResponseAt - c.createdAt));
    groups.set(c[dimension], group);
  }
  return groups;
}

describe('selective filters go the row-list way', () => {
  const assignees = lookups.assignees.map((a) => a.id);
  const cases = assignees.flatMap((assigneeId) => [
    { dateProperty: 'createdAt' as const, where: { assigneeId, channel: 'chat' }, dimension: 'inboxId' as const },
    { dateProperty: 'closedAt' as const, where: { assigneeId, channel: 'email', status: 'closed' }, dimension: 'assigneeId' as const },
    { dateProperty: 'createdAt' as const, where: { assigneeId }, dimension: 'status' as const },
  ]);
  const specOf = ({ dateProperty, where, dimension }: (typeof cases)[number], measure: ReportSpecInput['measure']) =>
    spec({ dateProperty, dimension, measure, filters: Object.entries(where).map(([property, value]) => ({ property, operator: 'is' as const, value })) });

  it('one assignee of twenty is read from a row list, a channel from a cube', () => {
    assert.equal(cubeRead(table, specOf(cases[0]!, { op: 'count' }), context.range, context.timeZone), null);
    assert.equal(cubeRead(table, specOf(cases[1]!, { op: 'count' }), context.range, context.timeZone), null);
    assert.notEqual(cubeRead(table, spec({ dimension: 'inboxId', channel: 'chat' }), context.range, context.timeZone), null);
  });

  it('a cube already built answers a narrowed report when each group is one of its cells, to the last bit', () => {
    const narrowed = spec({ dimension: 'assigneeId', channel: 'chat', measure: { op: 'avg', property: 'responseTime' }, filters: [{ property: 'assigneeId', operator: 'is', value: assignees[3]! }] });
    clearReportCache(table);
    const cold = computeReport(table, narrowed, context);
    computeReport(table, { ...narrowed, filters: [] }, context);
    const read = cubeRead(table, narrowed, context.range, context.timeZone, () => true);
    assert.notEqual(read, null);
    assert.deepEqual(computeReport(table, narrowed, context), cold);
    // Two inboxes: a group spans two cells, so the row list it stays.
    const twoCells = { ...narrowed, dimension: 'assigneeId', filters: [...narrowed.filters, { property: 'inboxId', operator: 'in' as const, value: ['inbox-sales', 'inbox-support'] }] };
    assert.equal(cubeRead(table, twoCells, context.range, context.timeZone, () => true), null);
  });

  it('counts and averages as the objects say, alone and in a batch, cold and warm, over most of the table or a little', () => {
    for (const [warm, range] of [[false, wide], [true, narrow], [true, wide], [false, narrow], [true, narrow]] as const) {
      context = range;
      if (!warm) clearReportCache(table);
      const specs = cases.flatMap((c) => [specOf(c, { op: 'count' }), specOf(c, { op: 'avg', property: 'responseTime' })]);
      const batch = computeReports(table, specs, context);
      cases.forEach((c, index) => {
        const want = reference(c.dateProperty, c.where, c.dimension);
        for (const [offset, result] of [[0, batch[2 * index]!], [1, batch[2 * index + 1]!]] as const) {
          const alone = computeReport(table, specs[2 * index + offset]!, context);
          assert.deepEqual(alone, result);
          assert.equal(result.rows.length, want.size, JSON.stringify(c));
          for (const row of result.rows) {
            const group = want.get(row.key as string | null)!;
            assert.equal(row.count, group.count);
            if (offset === 0) assert.equal(row.value, group.count);
            else assert.equal(row.value, group.n === 0 ? null : group.sum / group.n);
          }
        }
      });
    }
  });
});
