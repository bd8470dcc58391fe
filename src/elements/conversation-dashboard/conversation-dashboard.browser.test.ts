import { aTimeout, expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../../../test/wait-until.js';
import { drill, settled, tiles } from '../../../test/harness/dashboard-harness.ts';
import { emulateMedia, resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import './conversation-dashboard.ts';
import type { ConversationDashboard } from './conversation-dashboard.ts';
import { ArrayDataSource } from '../../adapters/array-data-source.ts';
import { computeReport, createTable, drillDown, parseConversations, templates } from '../../core/index.ts';
import { generateConversations } from '../../sample/generate-conversations.ts';
import type { DrillDialog } from '../drill-dialog/drill-dialog.ts';
import type { DataQuality } from '../data-quality/data-quality.ts';
import { ScriptedSource } from '../../../test/browser/fake-sources.ts';
// The tooltip is registered on first use (a pointer over a chart); these tests show it directly.
import '../../charts/echarts-tooltip.ts';

const END = Date.UTC(2026, 10, 20, 12);
const sample = generateConversations({ n: 1500, seed: 7, end: END, days: 60 });
const zone = 'Europe/Amsterdam';

async function dashboard(source: ConversationDashboard['dataSource'], attrs: Partial<ConversationDashboard> = {}) {
  const el = await fixture<ConversationDashboard>(
    html`<conversation-dashboard locale="en" time-zone=${zone} .now=${END} .dataSource=${source}></conversation-dashboard>`,
  );
  Object.assign(el, attrs);
  await el.updateComplete;
  return el;
}

describe('<conversation-dashboard>', () => {
  // Charts drawn without animation, so a bar is where convertToPixel says at once.
  before(() => emulateMedia({ reducedMotion: 'reduce' }));
  after(() => emulateMedia({ reducedMotion: 'no-preference' }));
  afterEach(() => resetMouse());

  it('shows the two default dashboards with zero configuration and their reports computed from the source', async () => {
    const el = await dashboard(new ArrayDataSource(sample.conversations, { lookups: sample.lookups, pageSize: 500 }));
    const options = [...el.shadowRoot!.querySelectorAll('[part="switcher"] option')].map((o) => o.textContent!.trim());
    expect(options).to.deep.equal(['Chat overview', 'Email overview']);
    await settled(el);
    const table = createTable(parseConversations(sample.conversations).conversations, sample.lookups);
    const context = el.reportContext!;
    for (const [index, tile] of tiles(el).entries()) {
      const spec = templates.chatOverview.reports[index]!;
      expect(tile.spec!.id).to.equal(spec.id);
      expect(tile.shownResult).to.deep.equal(computeReport(table, spec, context));
    }
    await expect(el).to.be.accessible();

    const switcher = el.shadowRoot!.querySelector<HTMLSelectElement>('[part="switcher"]')!;
    switcher.value = 'email-overview';
    setTimeout(() => switcher.dispatchEvent(new Event('change')));
    const change = await oneEvent(el, 'dashboard-change');
    expect(change.detail.dashboardId).to.equal('email-overview');
    await el.updateComplete;
    await settled(el);
    expect(tiles(el).map((t) => t.spec!.id)).to.deep.equal(templates.emailOverview.reports.map((r) => r.id));
  });

  it('shows load progress from page totals', async () => {
    const source = new ScriptedSource();
    const el = await dashboard(source);
    await waitUntil(() => source.waiting === 1);
    source.push({ conversations: sample.conversations.slice(0, 400), total: 1200 });
    await waitUntil(() => el.shadowRoot!.querySelector('[part="progress"]')?.textContent?.includes('Loading 400 of 1,200 conversations'));
    expect(el.shadowRoot!.querySelector('progress')!.value).to.equal(400);
    await expect(el).to.be.accessible();
    source.push(null);
    await settled(el);
    expect(el.shadowRoot!.querySelector('[part="progress"]')).to.equal(null);
  });

  it('aborts the running load when the range changes and never shows the older result', async () => {
    const source = new ScriptedSource();
    const el = await dashboard(source);
    await waitUntil(() => source.waiting === 1);
    el.range = 'last-7-days';
    await el.updateComplete;
    await waitUntil(() => source.requests.length === 2 && source.waiting >= 1);
    expect(source.requests[0]!.aborted).to.equal(true);
    expect(source.requests[1]!.request.range.to - source.requests[1]!.request.range.from).to.equal(7 * 86_400_000);
    // The newer load completes with a small page; the older one is gone.
    source.push({ conversations: sample.conversations.slice(0, 10) });
    source.push(null);
    await settled(el);
    expect(tiles(el)[0]!.shownResult!.matched).to.be.at.most(10);
  });

  it('shows a failing source as an error with Retry, then recovers', async () => {
    const source = new ScriptedSource();
    const el = await dashboard(source);
    await waitUntil(() => source.waiting === 1);
    setTimeout(() => source.fail(new Error('HTTP 500 from /conversations')));
    const event = await oneEvent(el, 'data-error');
    expect(event.detail.message).to.contain('HTTP 500');
    await el.updateComplete;
    const error = el.shadowRoot!.querySelector('[part="error"]')!;
    expect(error.textContent).to.contain('HTTP 500 from /conversations');
    await expect(el).to.be.accessible();
    error.querySelector('button')!.click();
    await waitUntil(() => source.waiting === 1);
    source.push({ conversations: sample.conversations.slice(0, 50) });
    source.push(null);
    await settled(el);
    expect(el.shadowRoot!.querySelector('[part="error"]')).to.equal(null);
  });

  it('aborts the load when disconnected', async () => {
    const source = new ScriptedSource();
    const el = await dashboard(source);
    await waitUntil(() => source.waiting === 1);
    el.remove();
    await aTimeout(0);
    expect(source.requests[0]!.aborted).to.equal(true);
  });

  it('opens the drill dialog with exactly the conversations behind a clicked bar, and returns focus on Escape', async () => {
    const el = await dashboard(new ArrayDataSource(sample.conversations, { lookups: sample.lookups }));
    await settled(el);
    const tile = tiles(el)[0]!; // chat volume by assignee: horizontal bars
    await waitUntil(() => tile.chart);
    const chart = tile.chart!;
    expect((chart.getOption() as { animation?: boolean }).animation).to.equal(false);
    const row = tile.shownResult!.rows[1]!;
    const [x, y] = chart.convertToPixel({ seriesIndex: 0 }, [row.value! / 2, 1]) as number[];
    const box = chart.getDom().getBoundingClientRect();
    await sendMouse({ type: 'click', position: [Math.round(box.left + x!), Math.round(box.top + y!)] });
    const dialog = el.shadowRoot!.querySelector<DrillDialog>('drill-dialog')!;
    await waitUntil(() => dialog.open, 'the dialog opens');
    const table = createTable(parseConversations(sample.conversations).conversations, sample.lookups);
    // One page at a time: the first 50, and the count of them all.
    const expected = drillDown(table, templates.chatOverview.reports[0]!, el.reportContext!, { key: row.key });
    await waitUntil(() => dialog.page !== null, 'the first page is shown');
    expect(dialog.page!.rows.map((c) => c.id)).to.deep.equal(expected.rows.map((c) => c.id));
    expect(dialog.page!.total).to.equal(row.count);
    expect(dialog.shadowRoot!.querySelector('[part="heading"]')!.textContent).to.contain(`Chat volume by assignee — ${row.label}`);
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !dialog.open, 'Escape closes it');
  });

  it('drills from a table row by keyboard', async () => {
    const el = await dashboard(new ArrayDataSource(sample.conversations, { lookups: sample.lookups }));
    await settled(el);
    const tile = tiles(el)[5]!; // chat volume by chatflow
    const { dialog, row } = await drill(el, tile);
    expect(dialog.page!.total).to.equal(tile.shownResult!.rows[0]!.count);
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !dialog.open);
    expect(tile.shadowRoot!.activeElement).to.equal(row, 'focus returns to the row');
  });

  it('computes the previous period when comparing', async () => {
    const el = await dashboard(new ArrayDataSource(sample.conversations, { lookups: sample.lookups }), { compare: true });
    await settled(el);
    expect(tiles(el)[0]!.shownResult!.total.previous).to.exist;
    expect(tiles(el)[0]!.shadowRoot!.querySelector('[part="delta"]')).to.exist;
  });
});

describe('<conversation-dashboard> with hostile names', () => {
  before(() => emulateMedia({ reducedMotion: 'reduce' }));
  after(() => emulateMedia({ reducedMotion: 'no-preference' }));

  it('renders an assignee named <img src=x onerror=…> as text in tiles, tooltips, tables and the drill dialog', async () => {
    const hostile = '<img src=x onerror="window.__dashXss=1">';
    const conversations = sample.conversations.map((c) => (c.assigneeId === 'agent-01' ? { ...c, contactName: hostile, subject: hostile } : c));
    const lookups = { ...sample.lookups, assignees: sample.lookups.assignees.map((a) => (a.id === 'agent-01' ? { ...a, name: hostile } : a)) };
    const el = await dashboard(new ArrayDataSource(conversations, { lookups }));
    await settled(el);
    const tile = tiles(el)[0]!;
    const row = tile.shownResult!.rows.find((r) => r.key === 'agent-01')!;
    expect(row.label).to.equal(hostile);
    await waitUntil(() => tile.chart);
    const tooltip = (tile.chart!.getOption() as { tooltip: { formatter: (p: unknown) => string }[] }).tooltip[0]!.formatter;
    const index = tile.shownResult!.rows.indexOf(row);
    const htmlText = tooltip([{ seriesIndex: 0, dataIndex: index, data: { value: row.value, key: row.key }, name: hostile }]);
    expect(htmlText).to.contain('&lt;img');
    expect(htmlText).to.not.contain('<img');

    tile.view = 'table';
    await tile.updateComplete;
    const cell = [...tile.shadowRoot!.querySelectorAll('td')].find((td) => td.textContent === hostile);
    expect(cell, 'the name is a text cell').to.exist;
    (cell!.parentElement as HTMLElement).click();
    const dialog = el.shadowRoot!.querySelector<DrillDialog>('drill-dialog')!;
    await waitUntil(() => dialog.open);
    expect(dialog.shadowRoot!.textContent).to.contain(hostile);
    for (const root of [el.shadowRoot!, tile.shadowRoot!, dialog.shadowRoot!]) expect(root.querySelector('img')).to.equal(null);
    expect((window as { __dashXss?: number }).__dashXss).to.equal(undefined);
    await dialog.hide();
  });
});

describe('<conversation-dashboard> data quality', () => {
  it('says how many records were rejected, shows why, and keeps every valid one', async () => {
    const bad = [
      { id: 'bad-1', channel: 'chat', status: 'pending', inboxId: 'i', createdAt: END - 86_400_000 },
      { id: 'bad-2', channel: 'chat', status: 'open', inboxId: 'i', createdAt: 'yesterday' },
    ];
    const records = [...sample.conversations.slice(0, 300), ...bad, ...sample.conversations.slice(300, 600)];
    const el = await dashboard(new ArrayDataSource(records, { lookups: sample.lookups, pageSize: 100 }));
    await settled(el);
    // The panel is <cr-data-quality part="data-quality">; its list is in its own shadow root. Its
    // element is defined when the first rejected record is shown; updateComplete waits for it.
    await el.updateComplete;
    const part = el.shadowRoot!.querySelector<DataQuality>('[part="data-quality"]')!;
    await part.updateComplete;
    const panel = part.shadowRoot!;
    expect(panel.querySelector('summary')!.textContent).to.contain('2 records rejected');
    const reasons = [...panel.querySelectorAll('li')].map((li) => li.textContent);
    expect(reasons).to.deep.equal([
      'Record 300 (id "bad-1"): status must be "open" or "closed"',
      'Record 301 (id "bad-2"): createdAt must be epoch milliseconds or an ISO 8601 date-time with a zone (Z or ±hh:mm)',
    ]);
    expect(el.data!.table!.size).to.equal(600);
    await expect(el).to.be.accessible();
  });
});
