// Markup configuration: each element is written as HTML (a string, as a CMS would print it), with
// the kit imported and no other script. The data comes from the test server in
// web-test-runner.config.mjs (/__test__/…).
import { expect, fixture, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../wait-until.js';
import { settled, tiles } from '../harness/dashboard-harness.ts';
import '../../src/index.ts';
import type { ConversationDashboard } from '../../src/elements/conversation-dashboard/conversation-dashboard.ts';
import type { ReportTile } from '../../src/elements/report-tile/report-tile.ts';
import { computeReport, createTable, parseConversations, templates } from '../../src/core/index.ts';
import type { Lookups } from '../../src/core/schema/conversation.ts';
import type { DataErrorEvent } from '../../src/events/data-error-event.ts';

const RANGE = '2026-09-01T00:00:00Z/2026-11-01T00:00:00Z';
const CONTEXT = { range: { from: Date.parse('2026-09-01T00:00:00Z'), to: Date.parse('2026-11-01T00:00:00Z') }, timeZone: 'UTC' };

interface Fixture {
  conversations: unknown[];
  lookups: Lookups;
}

let data: Fixture;
before(async () => {
  data = (await (await fetch('/test/fixtures/declarative/conversations.json')).json()) as Fixture;
});

async function stats(tag: string): Promise<{ started: number; aborted: number; completed: number }> {
  return (await (await fetch(`/__test__/stats?tag=${tag}`)).json()) as { started: number; aborted: number; completed: number };
}

function configError(el: Element): HTMLElement | null {
  return el.shadowRoot!.querySelector<HTMLElement>('[part="config-error"]');
}

function expectedResults(lookups?: Lookups) {
  const table = createTable(parseConversations(data.conversations).conversations, lookups);
  return templates.chatOverview.reports.map((spec) => computeReport(table, spec, CONTEXT));
}

describe('<conversation-dashboard> configured in HTML', () => {
  it('renders from src (a REST endpoint, read page by page with its cursor)', async () => {
    await fetch('/__test__/stats?tag=src-pages&reset=1');
    const el = await fixture<ConversationDashboard>(
      `<conversation-dashboard src="/__test__/conversations?limit=50&amp;tag=src-pages" range="${RANGE}" time-zone="UTC" locale="en"></conversation-dashboard>`,
    );
    await settled(el);
    expect(tiles(el).map((t) => t.shownResult)).to.deep.equal(expectedResults());
    expect(el.data!.table!.size).to.equal(300);
    expect((await stats('src-pages')).completed).to.equal(6, 'six pages of 50');
    await expect(el).to.be.accessible();
  });

  it('renders from csv-src', async () => {
    const el = await fixture<ConversationDashboard>(
      `<conversation-dashboard csv-src="/__test__/conversations.csv" range="${RANGE}" time-zone="UTC" locale="en"></conversation-dashboard>`,
    );
    await settled(el);
    expect(tiles(el).map((t) => t.shownResult)).to.deep.equal(expectedResults());
    expect(el.data!.rejected).to.deep.equal([]);
  });

  it('renders generated data from sample, the value being the size', async () => {
    const el = await fixture<ConversationDashboard>(`<conversation-dashboard sample="700" time-zone="UTC" locale="en"></conversation-dashboard>`);
    await settled(el);
    expect(el.data!.table!.size).to.equal(700);
    expect(tiles(el)[0]!.shownResult!.matched).to.be.greaterThan(0, 'the sample ends now, so the last 30 days hold data');
  });

  it('takes a full config from a child JSON script: dashboards, range, source with lookups', async () => {
    const config = {
      dashboards: [
        {
          id: 'team-board',
          name: 'Team board',
          privacy: 'everyone',
          reports: [
            { id: 'email-kpi', title: 'Emails', channel: 'email', chartType: 'kpi', measure: { op: 'count' } },
            { id: 'by-assignee', title: 'Chats by assignee', channel: 'chat', chartType: 'table', dimension: 'assigneeId', measure: { op: 'count' } },
          ],
        },
      ],
      templates: false,
      dashboardId: 'team-board',
      range: RANGE,
      compare: true,
      source: { type: 'rest', url: '/__test__/conversations', lookups: '/__test__/lookups' },
    };
    const el = await fixture<ConversationDashboard>(
      `<conversation-dashboard time-zone="UTC" locale="en"><script type="application/json">${JSON.stringify(config)}</script></conversation-dashboard>`,
    );
    await settled(el);
    const options = [...el.shadowRoot!.querySelectorAll('[part="switcher"] option')].map((o) => o.textContent!.trim());
    expect(options).to.deep.equal(['Team board']);
    expect(el.compare).to.equal(true);
    const table = createTable(parseConversations(data.conversations).conversations, data.lookups);
    const spec = el.currentDashboard!.reports[1]!;
    expect(tiles(el)[1]!.shownResult).to.deep.equal(computeReport(table, spec, { ...CONTEXT, compare: 'previous-period' }));
    // Names came from the lookups URL.
    expect(tiles(el)[1]!.shownResult!.rows[0]!.label).to.equal(data.lookups.assignees.find((a) => a.id === tiles(el)[1]!.shownResult!.rows[0]!.key)!.name);
    expect(el.save()).to.include({ dashboardId: 'team-board', range: RANGE, compare: true, templates: false });
  });

  it('shows bad JSON as a visible error in place of the dashboard, never silently', async () => {
    const el = await fixture<ConversationDashboard>(
      `<conversation-dashboard sample="100" locale="en"><script type="application/json">{ "range": "last-7-days", }</script></conversation-dashboard>`,
    );
    const error = configError(el)!;
    expect(error, 'the error is shown').to.exist;
    expect(error.getAttribute('role')).to.equal('alert');
    expect(error.textContent).to.contain('not valid JSON');
    expect(el.shadowRoot!.querySelector('[part="grid"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('names every bad field of an invalid config, and shows the dashboard once the config is fixed', async () => {
    const bad = {
      range: 'last-3-days',
      dashboards: [{ id: 'x', name: 'X', privacy: 'everyone', reports: [{ id: 'r', title: 'R', chartType: 'bubble', measure: { op: 'count' } }] }],
      sorce: { type: 'sample' },
    };
    const el = document.createElement('conversation-dashboard');
    el.setAttribute('locale', 'en');
    const script = document.createElement('script');
    script.type = 'application/json';
    script.textContent = JSON.stringify(bad);
    el.append(script);
    setTimeout(() => document.body.append(el));
    const event = (await oneEvent(el, 'data-error')) as DataErrorEvent;
    expect(event.detail.phase).to.equal('config');
    await el.updateComplete;
    const items = [...configError(el)!.querySelectorAll('li')].map((li) => li.textContent);
    expect(items).to.have.length(3);
    expect(items.find((text) => text!.startsWith('range:'))).to.contain('must be a preset');
    expect(items).to.include('dashboards[0].reports[0].chartType: must be one of "bar", "column", "line", "area", "pie", "donut", "table", "kpi", "heatmap", got "bubble"');
    expect(items).to.include('sorce: is not a known setting (check its spelling)');

    script.textContent = JSON.stringify({ ...bad, range: 'last-7-days', sorce: undefined, source: { type: 'sample', size: 200 }, dashboards: [] });
    await waitUntil(() => !configError(el), 'the fixed config is picked up');
    await settled(el);
    expect(el.range).to.equal('last-7-days');
    expect(el.data!.table!.size).to.equal(200);
    el.remove();
  });

  it('names a bad attribute', async () => {
    const el = await fixture<ConversationDashboard>(`<conversation-dashboard sample="lots" locale="en"></conversation-dashboard>`);
    expect(configError(el)!.textContent).to.contain('sample: must be a number of conversations');
    el.removeAttribute('sample');
    el.setAttribute('src', '/__test__/conversations');
    el.setAttribute('csv-src', '/__test__/conversations.csv');
    await el.updateComplete;
    expect(configError(el)!.textContent).to.contain('csv-src: cannot be combined with src');
  });

  it('reconfigures when an attribute changes: the old load is aborted and the new one shown', async () => {
    await fetch('/__test__/stats?tag=slow&reset=1');
    const el = await fixture<ConversationDashboard>(
      `<conversation-dashboard src="/__test__/conversations?delay=20000&amp;tag=slow" range="${RANGE}" time-zone="UTC" locale="en"></conversation-dashboard>`,
    );
    await waitUntil(async () => (await stats('slow')).started === 1, 'the slow request reached the server', { timeout: 5000 });
    el.setAttribute('csv-src', '/__test__/conversations.csv');
    el.removeAttribute('src');
    await settled(el);
    expect(tiles(el).map((t) => t.shownResult)).to.deep.equal(expectedResults());
    await waitUntil(async () => (await stats('slow')).aborted === 1, 'the server saw the slow request closed', { timeout: 5000 });
    expect(await stats('slow')).to.deep.equal({ started: 1, aborted: 1, completed: 0 });

    // To a generated sample, then to no source at all.
    el.removeAttribute('csv-src');
    el.setAttribute('sample', '150');
    await waitUntil(() => el.data?.table?.size === 150, 'the sample replaced the CSV', { timeout: 10_000 });
    el.removeAttribute('sample');
    await el.updateComplete;
    expect(el.dataSource).to.equal(null);
    expect(el.shadowRoot!.querySelector('[part="notice"]')).to.exist;
  });

  it('keeps a data source set by script when no source attribute is given', async () => {
    const el = await fixture<ConversationDashboard>(`<conversation-dashboard locale="en" sample="50"></conversation-dashboard>`);
    const { ArrayDataSource } = await import('../../src/adapters/array-data-source.ts');
    const own = new ArrayDataSource([]);
    el.dataSource = own;
    await el.updateComplete;
    el.setAttribute('range', 'last-7-days');
    await el.updateComplete;
    expect(el.dataSource).to.equal(own, 'an unrelated attribute change leaves it');
  });

  it('uses store="local" with a local editing user', async () => {
    const key = `declarative-test-${Math.random().toString(36).slice(2)}`;
    const el = await fixture<ConversationDashboard>(
      `<conversation-dashboard store="local" sample="50" locale="en"><script type="application/json">{"store":{"type":"local","key":"${key}"}}</script></conversation-dashboard>`,
    );
    expect(el.store?.constructor.name).to.equal('LocalStorageDashboardStore');
    expect(el.user).to.deep.equal({ id: 'local-user', teamIds: [], canEdit: true });
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part="toolbar"]'), 'the local user may create dashboards').to.exist;
    for (const name of Object.keys(localStorage)) if (name.startsWith(key)) localStorage.removeItem(name);
  });
});

describe('<report-tile> configured in HTML', () => {
  const spec = { id: 'chat-by-assignee', title: 'Chats by assignee', channel: 'chat', chartType: 'bar', dimension: 'assigneeId', measure: { op: 'count' } };

  it('loads its own data from src with a spec in a child JSON script', async () => {
    const tile = await fixture<ReportTile>(
      `<report-tile src="/__test__/conversations" range="${RANGE}" time-zone="UTC" locale="en"><script type="application/json">${JSON.stringify(spec)}</script></report-tile>`,
    );
    await waitUntil(() => tile.shownResult, 'the tile computed its report', { timeout: 15_000 });
    const table = createTable(parseConversations(data.conversations).conversations);
    expect(tile.shownResult).to.deep.equal(computeReport(table, tile.spec!, CONTEXT));
    expect(tile.shadowRoot!.querySelector('[part="title"]')!.textContent).to.equal('Chats by assignee');
    await expect(tile).to.be.accessible();
  });

  it('takes the spec as a JSON attribute, with csv-src, and follows a new range', async () => {
    const tile = await fixture<ReportTile>(
      `<report-tile csv-src="/__test__/conversations.csv" range="${RANGE}" time-zone="UTC" locale="en" spec='${JSON.stringify({ ...spec, chartType: 'kpi' })}'></report-tile>`,
    );
    await waitUntil(() => tile.shownResult, 'computed', { timeout: 15_000 });
    const table = createTable(parseConversations(data.conversations).conversations);
    expect(tile.shownResult!.total).to.deep.equal(computeReport(table, tile.spec!, CONTEXT).total);
    const october = '2026-10-01T00:00:00Z/2026-11-01T00:00:00Z';
    tile.setAttribute('range', october);
    const range = { from: Date.parse('2026-10-01T00:00:00Z'), to: Date.parse('2026-11-01T00:00:00Z') };
    const expected = computeReport(table, tile.spec!, { range, timeZone: 'UTC' }).total;
    await waitUntil(() => tile.shownResult?.total.count === expected.count, 'recomputed for October', { timeout: 10_000 });
  });

  it('renders a sample', async () => {
    const tile = await fixture<ReportTile>(`<report-tile sample="300" locale="en" spec='${JSON.stringify(spec)}'></report-tile>`);
    await waitUntil(() => tile.shownResult, 'computed', { timeout: 15_000 });
    expect(tile.data!.table!.size).to.equal(300);
  });

  it('shows an invalid spec attribute as an error naming the field', async () => {
    const tile = await fixture<ReportTile>(`<report-tile sample="30" locale="en" spec='${JSON.stringify({ ...spec, chartType: 'radar' })}'></report-tile>`);
    const error = configError(tile)!;
    expect(error.getAttribute('role')).to.equal('alert');
    expect(error.textContent).to.contain('spec.chartType: must be one of');
    expect(tile.configError!.path).to.equal('spec.chartType');
    await expect(tile).to.be.accessible();
    tile.setAttribute('spec', JSON.stringify(spec));
    await waitUntil(() => tile.shownResult, 'fixed', { timeout: 15_000 });
    expect(configError(tile)).to.equal(null);
  });
});
