import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../wait-until.js';
import { tiles } from '../harness/dashboard-harness.ts';
import '../../src/elements/conversation-dashboard/conversation-dashboard.ts';
import type { ConversationDashboard } from '../../src/elements/conversation-dashboard/conversation-dashboard.ts';
import type { ReportTile } from '../../src/elements/report-tile/report-tile.ts';
import { ArrayDataSource } from '../../src/adapters/array-data-source.ts';
import { RestDataSource } from '../../src/adapters/rest-data-source.ts';
import type { DataSource } from '../../src/adapters/data-source.ts';
import { toArrowIPC } from '../../src/core/wire/arrow/to-arrow-ipc.ts';
import { computeReport, createTable, templates, type Conversation, type Lookups } from '../../src/core/index.ts';
import { generateConversations } from '../../src/sample/generate-conversations.ts';

const END = Date.UTC(2026, 10, 20, 12);

async function showDashboard(source: DataSource): Promise<{ el: ConversationDashboard; tiles: ReportTile[] }> {
  const el = await fixture<ConversationDashboard>(
    html`<conversation-dashboard locale="en" time-zone="Europe/Amsterdam" .now=${END} .dataSource=${source}></conversation-dashboard>`,
  );
  await waitUntil(() => el.data?.state === 'error' || (tiles(el).length > 0 && tiles(el).every((tile) => tile.shownResult)), 'every tile has a result', { timeout: 30_000 });
  return { el, tiles: tiles(el) };
}

/** Every tile against computeReport on a table made from the same records as objects. */
function expectTemplateResults(el: ConversationDashboard, tiles: ReportTile[], conversations: Conversation[], lookups: Lookups) {
  expect(el.data?.state).to.equal('ready');
  const table = createTable(conversations, lookups);
  const context = el.reportContext!;
  for (const [index, tile] of tiles.entries()) expect(tile.shownResult).to.deep.equal(computeReport(table, templates.chatOverview.reports[index]!, context));
}

describe('Apache Arrow sources', () => {
  it('RestDataSource reads application/vnd.apache.arrow.stream pages (paged by Link header) into the dashboard', async () => {
    const sample = generateConversations({ n: 3000, seed: 11, end: END, days: 60 });
    const halves = [sample.conversations.slice(0, 1800), sample.conversations.slice(1800)];
    const requested: string[] = [];
    const fetch = async (input: RequestInfo | URL) => {
      const url = new URL(String(input));
      requested.push(url.pathname + url.search);
      const second = url.searchParams.get('page') === '2';
      return new Response(toArrowIPC(second ? halves[1]! : halves[0]!), {
        headers: {
          'Content-Type': 'application/vnd.apache.arrow.stream',
          'X-Total-Count': String(sample.conversations.length),
          ...(second ? {} : { Link: '</api/conversations?page=2>; rel="next"' }),
        },
      });
    };
    const source = new RestDataSource({ url: 'http://127.0.0.1:9/api/conversations', fetch, lookups: sample.lookups });
    const { el, tiles } = await showDashboard(source);
    expect(requested).to.deep.equal(['/api/conversations', '/api/conversations?page=2']);
    expectTemplateResults(el, tiles, sample.conversations, sample.lookups);
    expect(el.data?.rejected).to.deep.equal([]);
  });

  it('RestDataSource reads the Arrow file format too, and reports corrupt Arrow as a page error', async () => {
    const sample = generateConversations({ n: 500, seed: 12, end: END, days: 30 });
    const good = toArrowIPC(sample.conversations, { format: 'file' });
    const file = new RestDataSource({
      url: 'http://127.0.0.1:9/a',
      fetch: async () => new Response(good, { headers: { 'Content-Type': 'application/vnd.apache.arrow.file' } }),
      lookups: sample.lookups,
    });
    const shown = await showDashboard(file);
    expectTemplateResults(shown.el, shown.tiles, sample.conversations, sample.lookups);

    const broken = new RestDataSource({
      url: 'http://127.0.0.1:9/b',
      fetch: async () => new Response(good.slice(0, 40), { headers: { 'Content-Type': 'application/vnd.apache.arrow.file' } }),
      retries: 0,
    });
    const failed = await showDashboard(broken);
    expect(failed.el.data?.state).to.equal('error');
    expect(String(failed.el.data?.error)).to.match(/Arrow/);
    expect(String(failed.el.data?.error)).not.to.match(/Cannot read properties/);
  });

  it('Worker mode: one Arrow page moves to the engine Worker without a copy and answers like objects', async () => {
    // Above the 50 000 threshold: the table lives in the Worker.
    const sample = generateConversations({ n: 60_000, seed: 13, end: END, days: 90 });
    const bytes = toArrowIPC(sample.conversations);
    const source: DataSource = {
      async *load() {
        yield { arrow: bytes, total: sample.conversations.length };
      },
      lookups: async () => sample.lookups,
    };
    const { el, tiles } = await showDashboard(source);
    expect(el.data?.table, 'the table stays in the Worker').to.equal(null);
    // Transferred, not cloned: the page's buffer is detached on this side.
    expect(bytes.byteLength).to.equal(0);
    expectTemplateResults(el, tiles, sample.conversations, sample.lookups);
    const spec = templates.chatOverview.reports[0]!;
    const row = tiles[0]!.shownResult!.rows[0]!;
    expect((await el.data!.drill(spec, { key: row.key }, { limit: Infinity })).rows).to.have.length(row.count);
  });

  it('ArrayDataSource with format "arrow" in pages, in the page thread', async () => {
    const sample = generateConversations({ n: 4000, seed: 14, end: END, days: 60 });
    const { el, tiles } = await showDashboard(new ArrayDataSource(sample.conversations, { lookups: sample.lookups, pageSize: 1500, format: 'arrow' }));
    expect(el.data?.table?.size).to.equal(4000);
    expectTemplateResults(el, tiles, sample.conversations, sample.lookups);
  });
});
