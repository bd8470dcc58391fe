import { expect, fixture, html } from '@open-wc/testing';
import { settled, tiles } from '../harness/dashboard-harness.ts';
import '../../src/elements/conversation-dashboard/conversation-dashboard.ts';
import type { ConversationDashboard } from '../../src/elements/conversation-dashboard/conversation-dashboard.ts';
import { ArrayDataSource } from '../../src/adapters/array-data-source.ts';
import { computeReport, createTable, drillDown, parseConversations, templates } from '../../src/core/index.ts';
import { generateConversations } from '../../src/sample/generate-conversations.ts';

const END = Date.UTC(2026, 10, 20, 12);
// Above the 50 000 threshold: the dashboard keeps this table in the engine Worker.
const sample = generateConversations({ n: 60_000, seed: 5, end: END, days: 90 });

describe('<conversation-dashboard> with a table in the engine Worker', () => {
  it('shows the same results as the main-thread engine, and drills through the Worker', async () => {
    const source = new ArrayDataSource(sample.conversations, { lookups: sample.lookups, pageSize: 20_000, format: 'columns' });
    const el = await fixture<ConversationDashboard>(
      html`<conversation-dashboard locale="en" time-zone="Europe/Amsterdam" .now=${END} .dataSource=${source}></conversation-dashboard>`,
    );
    await settled(el);

    expect(el.data?.state).to.equal('ready');
    expect(el.data?.table, 'the table stays in the Worker').to.equal(null);
    const table = createTable(parseConversations(sample.conversations).conversations, sample.lookups);
    const context = el.reportContext!;
    for (const [index, tile] of tiles(el).entries()) expect(tile.shownResult).to.deep.equal(computeReport(table, templates.chatOverview.reports[index]!, context));

    const spec = templates.chatOverview.reports[0]!;
    const row = tiles(el)[0]!.shownResult!.rows[0]!;
    const drilled = await el.data!.drill(spec, { key: row.key }, { limit: Infinity });
    expect(drilled.rows).to.have.length(row.count);
    expect(drilled.total).to.equal(row.count);
    // The first page through the Worker: 50 rows, the same as core's.
    const first = await el.data!.drill(spec, { key: row.key });
    expect(first.rows.map((c) => c.id)).to.deep.equal(drillDown(table, spec, context, { key: row.key }).rows.map((c) => c.id));
  });
});
