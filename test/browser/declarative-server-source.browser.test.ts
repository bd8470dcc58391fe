// `server-src`: a dashboard in markup whose reports are computed by the kit's server half
// (createReportHandler over DuckDB, test/test-server/report-server.mjs), on the same records the
// in-browser engine computes here. DuckDB's SQL and the kit's engine are the two independent sides.
import { expect, fixture } from '@open-wc/testing';
import { waitUntil } from '../wait-until.js';
import { drill, settled, tiles } from '../harness/dashboard-harness.ts';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/index.ts';
import type { ConversationDashboard } from '../../src/elements/conversation-dashboard/conversation-dashboard.ts';
import type { DrillDialog } from '../../src/elements/drill-dialog/drill-dialog.ts';
import { computeReport, createTable, drillDown, parseConversations, templates, type ConversationTable } from '../../src/core/index.ts';
import type { Lookups } from '../../src/core/schema/conversation.ts';
import { resultProblems } from '../../src/adapters/sql/testing/compare-results.ts';

const RANGE = '2026-09-01T00:00:00Z/2026-11-01T00:00:00Z';
const CONTEXT = { range: { from: Date.parse('2026-09-01T00:00:00Z'), to: Date.parse('2026-11-01T00:00:00Z') }, timeZone: 'UTC' };

let table: ConversationTable;
before(async () => {
  const data = (await (await fetch('/test/fixtures/declarative/conversations.json')).json()) as { conversations: unknown[]; lookups: Lookups };
  table = createTable(parseConversations(data.conversations).conversations, data.lookups);
});

async function served(reset = false): Promise<string[]> {
  return ((await (await fetch(`/__test__/reports-stats${reset ? '?reset=1' : ''}`)).json()) as { requests: string[] }).requests;
}

const errors = (el: ConversationDashboard): string[] =>
  tiles(el).map((t) => t.shadowRoot!.querySelector('[part="error"]')?.textContent?.trim() ?? '').filter((text) => text !== '');

function expectEngineResults(el: ConversationDashboard): void {
  const specs = templates.chatOverview.reports;
  expect(tiles(el).length).to.equal(specs.length);
  tiles(el).forEach((tile, i) => expect(resultProblems(tile.shownResult!, computeReport(table, specs[i]!, CONTEXT)), specs[i]!.id).to.deep.equal([]));
}

describe('<conversation-dashboard server-src>', () => {
  it("renders the server half's numbers, equal to the in-browser engine's, and drills through the server", async () => {
    await served(true);
    const el = await fixture<ConversationDashboard>(`<conversation-dashboard server-src="/__test__/reports" range="${RANGE}" time-zone="UTC" locale="en"></conversation-dashboard>`);
    await settled(el);
    expectEngineResults(el);
    // Push-down: nothing was loaded into the browser, and the names came from the server.
    expect(el.data!.table).to.equal(null);
    expect(await served()).to.include.members(['query', 'lookups']);

    const tile = tiles(el)[0]!;
    const spec = templates.chatOverview.reports[0]!;
    const top = tile.shownResult!.rows[0]!;
    await served(true);
    const { dialog } = await drill(el, tile);
    const want = drillDown(table, spec, CONTEXT, { key: top.key }, { offset: 0, limit: dialog.page!.rows.length });
    expect(dialog.page!.total).to.equal(want.total);
    expect(dialog.page!.rows.map((c) => c.id)).to.deep.equal(want.rows.map((c) => c.id));
    expect(await served()).to.include('drill');
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !dialog.open);
  });

  it('refuses a redirect to another origin, and recovers when the attribute changes', async () => {
    await served(true);
    const el = await fixture<ConversationDashboard>(`<conversation-dashboard server-src="/__test__/reports-redirect" range="${RANGE}" time-zone="UTC" locale="en"></conversation-dashboard>`);
    await waitUntil(() => tiles(el).length > 0 && errors(el).length === tiles(el).length, 'every tile shows an error', { timeout: 20_000 });
    expect(errors(el)[0]).to.match(/redirect/i);
    expect(tiles(el).every((t) => !t.shownResult)).to.equal(true);
    // The redirect was asked for; the handler behind it never was.
    const requests = await served();
    expect(requests).to.include('redirect');
    expect(requests.filter((op) => op !== 'redirect')).to.deep.equal([]);

    el.setAttribute('server-src', '/__test__/reports');
    await settled(el);
    expectEngineResults(el);
  });

  it('takes the server source from the JSON config, and gives way to another source attribute', async () => {
    const el = await fixture<ConversationDashboard>(
      `<conversation-dashboard range="${RANGE}" time-zone="UTC" locale="en"><script type="application/json">${JSON.stringify({ source: { type: 'server', url: '/__test__/reports', retries: 0 } })}</script></conversation-dashboard>`,
    );
    await settled(el);
    expectEngineResults(el);
    expect(el.data!.table).to.equal(null);

    el.setAttribute('sample', '200');
    await waitUntil(() => el.shadowRoot!.querySelector('[part="config-error"]') !== null || el.data?.table !== null, 'the markup is read again', { timeout: 20_000 });
    // The config's server source and the sample attribute are two types: the attribute wins.
    await waitUntil(() => el.data?.table?.size === 200, 'the sample is loaded', { timeout: 20_000 });
  });
});
