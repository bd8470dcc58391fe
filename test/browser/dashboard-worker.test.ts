import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/elements/conversation-dashboard/conversation-dashboard.ts';
import type { ConversationDashboard } from '../../src/elements/conversation-dashboard/conversation-dashboard.ts';
import { ArrayDataSource } from '../../src/adapters/array-data-source.ts';
import { computeReport, createTable, parseConversations, templates } from '../../src/core/index.ts';
import { generateConversations } from '../../src/sample/generate-conversations.ts';
import type { ReportTile } from '../../src/elements/report-tile/report-tile.ts';

const END = Date.UTC(2026, 10, 20, 12);
// Above the 50 000 threshold: the dashboard keeps this table in the engine Worker.
const sample = generateConversations({ n: 60_000, seed: 5, end: END, days: 90 });

describe('<conversation-dashboard> with a table in the engine Worker', () => {
  it('shows the same results as the main-thread engine, and drills through the Worker', async () => {
    const source = new ArrayDataSource(sample.conversations, { lookups: sample.lookups, pageSize: 20_000, format: 'columns' });
    const el = await fixture<ConversationDashboard>(
      html`<conversation-dashboard locale="en" time-zone="Europe/Amsterdam" .now=${END} .dataSource=${source}></conversation-dashboard>`,
    );
    const tiles = () => [...el.shadowRoot!.querySelectorAll<ReportTile>('report-tile')];
    await waitUntil(() => tiles().length > 0 && tiles().every((tile) => tile.shownResult), 'every tile has a result', { timeout: 30_000 });

    expect(el.data?.state).to.equal('ready');
    expect(el.data?.table, 'the table stays in the Worker').to.equal(null);
    const table = createTable(parseConversations(sample.conversations).conversations, sample.lookups);
    const context = el.reportContext!;
    for (const [index, tile] of tiles().entries()) expect(tile.shownResult).to.deep.equal(computeReport(table, templates.chatOverview.reports[index]!, context));

    const spec = templates.chatOverview.reports[0]!;
    const row = tiles()[0]!.shownResult!.rows[0]!;
    const drilled = await el.data!.drill(spec, { key: row.key });
    expect(drilled).to.have.length(row.count);
  });
});
