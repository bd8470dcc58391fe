// A push-down source (one with `query` and `drill`) computes every report where the data lives; the
// dashboard still asks its `lookups()` (once per source) and shows names, not ids, exactly as for
// a source it loads into the browser. Names that cannot be read leave the numbers standing.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../wait-until.js';
import { drill, settled, tiles } from '../harness/dashboard-harness.ts';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/elements/conversation-dashboard/conversation-dashboard.ts';
import type { ConversationDashboard } from '../../src/elements/conversation-dashboard/conversation-dashboard.ts';
import type { DataSource } from '../../src/adapters/data-source.ts';
import { computeReport, createTable, drillDown, parseConversations, templates } from '../../src/core/index.ts';
import type { Lookups } from '../../src/core/schema/conversation.ts';
import type { ReportContext } from '../../src/core/types.ts';
import type { DrillDialog } from '../../src/elements/drill-dialog/drill-dialog.ts';
import type { DrillPageRequest } from '../../src/core/schema/drill-page.ts';
import type { DataErrorEvent } from '../../src/events/data-error-event.ts';
import { generateConversations } from '../../src/sample/generate-conversations.ts';

const END = Date.UTC(2026, 10, 20, 12);
const sample = generateConversations({ n: 900, seed: 11, end: END, days: 60 });
const conversations = parseConversations(sample.conversations).conversations;
/** What the database knows: ids only. */
const bareTable = createTable(conversations);
/** What the in-browser path computes with the names. */
const namedTable = createTable(conversations, sample.lookups);
const ZONE = 'UTC';

/**
 * A push-down source over the sample: `query` and `drill` answer from ids alone (labels are ids),
 * `lookups()` answers as the test says, and every call is recorded with its signal.
 */
class PushDownSource implements DataSource {
  readonly lookupCalls: AbortSignal[] = [];
  queries = 0;
  constructor(private readonly answer: (call: number, signal: AbortSignal) => Promise<Lookups>) {}

  async *load() {
    throw new Error('a push-down source is never loaded');
  }

  lookups(signal: AbortSignal): Promise<Lookups> {
    this.lookupCalls.push(signal);
    return this.answer(this.lookupCalls.length, signal);
  }

  async query(spec: Parameters<typeof computeReport>[1], context: ReportContext) {
    this.queries++;
    return computeReport(bareTable, spec, context);
  }

  async drill(spec: Parameters<typeof computeReport>[1], context: ReportContext, point: { key: string | number | boolean | null; series?: string | number | boolean | null }, page: DrillPageRequest) {
    return drillDown(bareTable, spec, context, point, page);
  }
}

/** Resolves when the signal aborts (never otherwise): a slow names service. */
const pending = (signal: AbortSignal) =>
  new Promise<Lookups>((_, reject) => signal.addEventListener('abort', () => reject(signal.reason), { once: true }));

async function mount(source: DataSource): Promise<ConversationDashboard> {
  return fixture<ConversationDashboard>(
    html`<conversation-dashboard locale="en" time-zone=${ZONE} .now=${END} .dataSource=${source}></conversation-dashboard>`,
  );
}

function expected(el: ConversationDashboard, table = namedTable) {
  return templates.chatOverview.reports.map((spec) => computeReport(table, spec, el.reportContext!));
}

const agentName = (id: string) => sample.lookups.assignees.find((a) => a.id === id)!.name;

describe('<conversation-dashboard> with a push-down source', () => {
  it("labels tiles and the drill dialog with the source's names, asked for once", async () => {
    const source = new PushDownSource(async () => structuredClone(sample.lookups));
    const el = await mount(source);
    await settled(el);
    // Labels and order exactly as the in-browser engine gives them with the names.
    expect(tiles(el).map((t) => t.shownResult)).to.deep.equal(expected(el));

    // The table view of "Chat volume by assignee" reads names.
    const tile = tiles(el)[0]!;
    const top = tile.shownResult!.rows[0]!;
    expect(top.label).to.equal(agentName(String(top.key)));
    // The drill dialog behind that row: the conversations the source drilled, with names.
    const { dialog, row: firstRow } = await drill(el, tile);
    expect(firstRow.textContent).to.contain(agentName(String(top.key)));
    expect(firstRow.textContent).not.to.contain(String(top.key));
    expect(dialog.page!.total).to.equal(top.count);
    const rows = [...dialog.shadowRoot!.querySelectorAll('[part~="row"]')];
    expect(rows.length).to.be.greaterThan(0);
    for (const row of rows) expect(row.textContent).to.contain(agentName(String(top.key)));
    expect(dialog.shadowRoot!.textContent).not.to.contain(String(top.key));
    const inboxNames = new Set(sample.lookups.inboxes.map((i) => i.name));
    expect([...inboxNames].some((name) => rows[0]!.textContent!.includes(name)), 'the inbox by name').to.equal(true);
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !dialog.open);

    // Moved elsewhere in the page: the names it has stay (not asked for again), in tiles and dialog.
    const target = document.createElement('div');
    el.parentElement!.append(target);
    target.append(el);
    await el.updateComplete;
    const again = tiles(el)[0]!;
    again.view = 'table';
    await again.updateComplete;
    again.shadowRoot!.querySelector<HTMLTableRowElement>('tbody tr')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => dialog.open, 'the dialog opens again');
    for (const row of dialog.shadowRoot!.querySelectorAll('[part~="row"]')) expect(row.textContent).to.contain(agentName(String(top.key)));
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !dialog.open);

    // Another range computes again, but the names are not asked for again.
    const queries = source.queries;
    el.range = 'last-7-days';
    await waitUntil(() => source.queries >= queries + 6, 'the tiles computed the new range');
    await settled(el);
    expect(tiles(el).map((t) => t.shownResult)).to.deep.equal(expected(el));
    expect(source.lookupCalls).to.have.length(1);
  });

  it('shows the numbers with ids, and a notice, when lookups() fails; Retry asks again', async () => {
    const source = new PushDownSource(async (call) => {
      if (call === 1) throw new Error('names service down');
      return structuredClone(sample.lookups);
    });
    const errors: DataErrorEvent[] = [];
    const el = await fixture<ConversationDashboard>(
      html`<conversation-dashboard
        locale="en"
        time-zone=${ZONE}
        .now=${END}
        .dataSource=${source}
        @data-error=${(event: DataErrorEvent) => errors.push(event)}
      ></conversation-dashboard>`,
    );
    await settled(el);
    // Every number stands; the labels are the ids, as the engine gives them without names.
    expect(tiles(el).map((t) => t.shownResult)).to.deep.equal(expected(el, bareTable));
    const tile = tiles(el)[0]!;
    const top = tile.shownResult!.rows[0]!;
    tile.view = 'table';
    await tile.updateComplete;
    expect(tile.shadowRoot!.querySelector('tbody tr')!.textContent).to.contain(String(top.key));
    expect(tile.shadowRoot!.querySelector('[part="error"]')).to.equal(null);

    await waitUntil(() => el.shadowRoot!.querySelector('[part="notice"]'), 'a notice says why ids are shown');
    const notice = el.shadowRoot!.querySelector<HTMLElement>('[part="notice"]')!;
    expect(notice.textContent).to.contain('Names could not be loaded').and.to.contain('names service down');
    expect(notice.getAttribute('role')).to.equal('status');
    expect(el.shadowRoot!.querySelector('[part="error"]'), 'not a dashboard error').to.equal(null);
    expect(errors.map((e) => [e.detail.phase, e.detail.message])).to.deep.equal([['load', 'names service down']]);
    await expect(el).to.be.accessible();

    // Retry: the names come this time, and the tiles show them.
    notice.querySelector('button')!.click();
    await waitUntil(() => tiles(el)[0]!.shownResult?.rows[0]?.label === agentName(String(tiles(el)[0]!.shownResult!.rows[0]!.key)), 'names after Retry');
    await settled(el);
    expect(tiles(el).map((t) => t.shownResult)).to.deep.equal(expected(el));
    expect(el.shadowRoot!.querySelector('[part="notice"]')).to.equal(null);
    expect(source.lookupCalls).to.have.length(2);
  });

  it('a source the dashboard loads (no push-down) whose lookups() fails also shows its reports, with ids and the notice', async () => {
    const { ArrayDataSource } = await import('../../src/adapters/array-data-source.ts');
    const source = new (class extends ArrayDataSource {
      override async lookups(): Promise<never> {
        throw new Error('names service down');
      }
    })(sample.conversations);
    const el = await mount(source);
    await settled(el);
    expect(tiles(el).map((t) => t.shownResult)).to.deep.equal(expected(el, bareTable));
    expect(el.shadowRoot!.querySelector('[part="notice"]')!.textContent).to.contain('names service down');
    expect(el.shadowRoot!.querySelector('[part="error"]')).to.equal(null);
  });

  it('aborts a pending lookups() when the source is replaced or the element removed', async () => {
    const first = new PushDownSource(async (_, signal) => pending(signal));
    const el = await mount(first);
    await waitUntil(() => first.lookupCalls.length === 1, 'the names are asked for');
    expect(tiles(el).some((t) => t.shownResult), 'reports wait for the names').to.equal(false);

    const second = new PushDownSource(async () => structuredClone(sample.lookups));
    el.dataSource = second;
    await settled(el);
    expect(first.lookupCalls[0]!.aborted, "the former source's request is aborted").to.equal(true);
    expect(tiles(el).map((t) => t.shownResult)).to.deep.equal(expected(el));

    const third = new PushDownSource(async (_, signal) => pending(signal));
    el.dataSource = third;
    await waitUntil(() => third.lookupCalls.length === 1);
    const removed = oneEvent(el, 'data-error').then(() => 'error');
    el.remove();
    expect(third.lookupCalls[0]!.aborted, 'removing the element aborts it').to.equal(true);
    expect(await Promise.race([removed, new Promise((resolve) => setTimeout(() => resolve('quiet'), 100))])).to.equal('quiet');
  });
});
