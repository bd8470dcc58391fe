import { expect } from '@open-wc/testing';
import { computeReport, createTable, parseConversations } from '../core/index.ts';
import type { ReportSpec } from '../core/schema/report-spec.ts';
import { labelResult } from './label-result.ts';

const T = Date.UTC(2026, 0, 5);
const context = { range: { from: T, to: T + 86_400_000 }, timeZone: 'UTC' };
const lookups = {
  assignees: [
    { id: 'a1', name: 'Zoë' },
    { id: 'a2', name: 'Anna' },
    { id: 'a3', name: 'Mika' },
  ],
  inboxes: [{ id: 'i1', name: 'Support' }],
  chatflows: [],
};
const record = (id: string, assigneeId: string | null, inboxId = 'i1') => ({
  id,
  channel: 'chat',
  status: 'open',
  inboxId,
  assigneeId,
  createdAt: T + 1000,
  firstResponseAt: null,
  closedAt: null,
  chatflowId: null,
  pageUrl: null,
  ticketId: null,
});
// a1 and a2 tie on 2; a3 has 1; one unassigned; an inbox without a name.
const conversations = parseConversations([
  record('1', 'a1'),
  record('2', 'a1'),
  record('3', 'a2'),
  record('4', 'a2', 'i2'),
  record('5', 'a3'),
  record('6', null),
]).conversations;
const bare = createTable(conversations);
const named = createTable(conversations, lookups);
const spec = (extra: Partial<ReportSpec>): ReportSpec => ({
  id: 'r',
  title: 'r',
  chartType: 'bar',
  dimension: 'assigneeId',
  measure: { op: 'count' },
  filters: [],
  dateProperty: 'createdAt',
  ...extra,
});

describe('labelResult', () => {
  for (const [name, extra] of [
    ['default order: ties by name', {}],
    ['sorted by label', { sort: { by: 'label', direction: 'asc' } }],
    ['sorted by label, descending', { sort: { by: 'label', direction: 'desc' } }],
    ['with a limit (Other stays last)', { limit: 2 }],
    ['an inbox dimension, one id without a name', { dimension: 'inboxId' }],
  ] as [string, Partial<ReportSpec>][]) {
    it(`gives what the engine gives with the names: ${name}`, () => {
      const s = spec(extra);
      expect(labelResult(computeReport(bare, s, context), s, lookups)).to.deep.equal(computeReport(named, s, context));
    });
  }

  it("names a breakdown's series; their order stays the source's", () => {
    const s = spec({ dimension: 'inboxId', breakdown: 'assigneeId' });
    const byKey = (rows: { key: unknown; series?: unknown }[]) => [...rows].sort((a, b) => `${a.key}|${a.series}`.localeCompare(`${b.key}|${b.series}`));
    const labelled = labelResult(computeReport(bare, s, context), s, lookups);
    const expected = computeReport(named, s, context);
    expect(byKey(labelled.rows)).to.deep.equal(byKey(expected.rows));
    expect(labelled.total).to.deep.equal(expected.total);
  });

  it('leaves a result without named keys as it is', () => {
    const s = spec({ dimension: 'status' });
    const result = computeReport(bare, s, context);
    expect(labelResult(result, s, lookups)).to.equal(result);
    const empty = { assignees: [], inboxes: [], chatflows: [] };
    const byAssignee = computeReport(bare, spec({}), context);
    expect(labelResult(byAssignee, spec({}), empty)).to.equal(byAssignee);
  });
});
