// (v2) Dashboard filters: a filter bar whose filters are ANDed into every tile's report, on the
// in-browser engine and on a push-down source alike, saved with the dashboard and kept in the URL.
// Numbers are checked against counts made here by hand over the raw sample, not by the engine.
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../../../test/wait-until.js';
import { tiles } from '../../../test/harness/dashboard-harness.ts';
import { sendKeys } from '@web/test-runner-commands';
import './conversation-dashboard.ts';
import type { ConversationDashboard } from './conversation-dashboard.ts';
import { ArrayDataSource } from '../../adapters/array-data-source.ts';
import type { DataSource } from '../../adapters/data-source.ts';
import { computeReport, createTable, drillDown, parseConversations } from '../../core/index.ts';
import type { ReportSpec } from '../../core/schema/report-spec.ts';
import type { DashboardInput } from '../../core/schema/dashboard.ts';
import type { ReportContext } from '../../core/types.ts';
import { MemoryDashboardStore } from '../../store/memory-dashboard-store.ts';
import { generateConversations } from '../../sample/generate-conversations.ts';

const END = Date.UTC(2026, 10, 20, 12);
const sample = generateConversations({ n: 1200, seed: 5, end: END, days: 40 });
const zone = 'UTC';
const user = { id: 'ana', teamIds: ['team-support'], canEdit: true };

const reports: ReportSpec[] = [
  { id: 'total', title: 'All conversations', chartType: 'kpi', measure: { op: 'count' }, filters: [], dateProperty: 'createdAt' },
  { id: 'by-agent', title: 'By assignee', chartType: 'bar', dimension: 'assigneeId', measure: { op: 'count' }, filters: [], dateProperty: 'createdAt' },
];
const board: DashboardInput = { id: 'mine', name: 'Mine', ownerId: 'ana', privacy: 'private', reports };

const teamOf = new Map(sample.lookups.assignees.map((a) => [a.id, a.teamId]));

/** The oracle: conversations created in the range that pass `test`, counted over the raw records. */
function count(el: ConversationDashboard, test: (c: (typeof sample.conversations)[number]) => boolean): number {
  const { from, to } = el.reportContext!.range;
  return sample.conversations.filter((c) => {
    const t = typeof c.createdAt === "number" ? c.createdAt : Date.parse(String(c.createdAt));
    return t >= from && t < to && test(c);
  }).length;
}

const tile = (el: ConversationDashboard, id: string) => tiles(el).find((t) => t.spec?.id === id)!;
const bar = (el: ConversationDashboard) => el.shadowRoot!.querySelector<HTMLElement>('[part="filters"]')!;
const select = (el: ConversationDashboard, property: string) => bar(el).querySelector<HTMLSelectElement>(`select[data-filter="${property}"]`)!;

async function mount(source: DataSource, store = new MemoryDashboardStore([board]), syncUrl = true): Promise<ConversationDashboard> {
  const el = await fixture<ConversationDashboard>(html`<conversation-dashboard
    locale="en"
    time-zone=${zone}
    .now=${END}
    .dataSource=${source}
    .store=${store}
    .user=${user}
    dashboard-id="mine"
    sync-url=${syncUrl ? 'f' : ''}
  ></conversation-dashboard>`);
  if (!syncUrl) el.removeAttribute('sync-url');
  return el;
}

/** Waits until the KPI tile shows `expected` (a result computed under the filters now in force). */
async function kpiIs(el: ConversationDashboard, expected: number): Promise<void> {
  await waitUntil(() => tile(el, 'total')?.shownResult?.total.count === expected, `the KPI counts ${expected}`, { timeout: 10_000 });
}

function choose(selectEl: HTMLSelectElement, label: string): void {
  const option = [...selectEl.options].find((o) => o.textContent!.trim() === label);
  expect(option, `an option "${label}"`).to.exist;
  selectEl.value = option!.value;
  selectEl.dispatchEvent(new Event('change'));
}

describe('<conversation-dashboard> filters (v2)', () => {
  afterEach(() => history.replaceState(null, '', location.pathname));

  it('filters every tile by team (names from lookups), saves the filter with the dashboard and in the URL', async () => {
    const store = new MemoryDashboardStore([board]);
    const el = await mount(new ArrayDataSource(sample.conversations, { lookups: sample.lookups }), store);
    await kpiIs(el, count(el, () => true));

    // Values are names, not ids; team is offered beside assignee, inbox and channel.
    const team = select(el, 'teamId');
    expect([...team.options].map((o) => o.textContent!.trim())).to.deep.equal(['All', 'Support', 'Sales', 'Billing']);
    expect(bar(el).getAttribute('aria-label')).to.equal('Filters');
    await expect(el).to.be.accessible();

    choose(team, 'Sales');
    const sales = count(el, (c) => c.assigneeId != null && teamOf.get(String(c.assigneeId)) === 'team-sales');
    expect(sales).to.be.greaterThan(0);
    await kpiIs(el, sales);
    // Every tile: the bars are Sales people only, and add up to the same count.
    await waitUntil(() => {
      const rows = tile(el, 'by-agent').shownResult?.rows ?? [];
      return rows.length > 0 && rows.every((r) => teamOf.get(String(r.key)) === 'team-sales');
    }, 'only Sales assignees on the bar chart');
    const rows = tile(el, 'by-agent').shownResult!.rows;
    expect(rows.reduce((sum, r) => sum + r.count, 0)).to.equal(sales);

    await waitUntil(async () => (await store.get('mine', user)).filters !== undefined, 'the filter is saved');
    expect((await store.get('mine', user)).filters).to.deep.equal([{ property: 'teamId', operator: 'is', value: 'team-sales' }]);
    expect(JSON.parse(new URLSearchParams(location.search).get('cr-f-filters')!)).to.deep.equal([{ property: 'teamId', operator: 'is', value: 'team-sales' }]);

    // Channel too, ANDed with the team; then "All" takes it off again.
    choose(select(el, 'channel'), 'Email');
    await kpiIs(el, count(el, (c) => teamOf.get(String(c.assigneeId)) === 'team-sales' && c.channel === 'email'));
    choose(select(el, 'channel'), 'All');
    await kpiIs(el, sales);
  });

  it('adds a filter on any other property from "More filters", with the keyboard, and removes it', async () => {
    const el = await mount(new ArrayDataSource(sample.conversations, { lookups: sample.lookups }));
    await kpiIs(el, count(el, () => true));
    const property = bar(el).querySelector<HTMLSelectElement>('select[name="property"]')!;
    choose(property, 'Status');
    await el.updateComplete;
    const value = bar(el).querySelector<HTMLSelectElement>('select[name="value"]')!;
    // Values as labels, not the raw data values.
    expect([...value.options].map((o) => o.textContent!.trim()).sort()).to.deep.equal(['Closed', 'Open']);
    choose(value, 'Closed');
    bar(el).querySelector<HTMLButtonElement>('.filter-more button[type="submit"]')!.focus();
    await sendKeys({ press: 'Enter' });
    await kpiIs(el, count(el, (c) => c.status === 'closed'));
    const chip = bar(el).querySelector('[part="filter-chip"]')!;
    expect(chip.textContent).to.contain('Status is Closed');
    const remove = chip.querySelector('button')!;
    expect(remove.getAttribute('aria-label')).to.equal('Remove filter: Status is Closed');
    await expect(el).to.be.accessible();
    remove.focus();
    await sendKeys({ press: 'Enter' });
    await kpiIs(el, count(el, () => true));
  });

  it('reads filters from a shared link, and ignores an unreadable one', async () => {
    const inbox = sample.lookups.inboxes[0]!;
    history.replaceState(null, '', `?cr-f-filters=${encodeURIComponent(JSON.stringify([{ property: 'inboxId', operator: 'is', value: inbox.id }]))}`);
    const el = await mount(new ArrayDataSource(sample.conversations, { lookups: sample.lookups }));
    await kpiIs(el, count(el, (c) => c.inboxId === inbox.id));
    expect(select(el, 'inboxId').selectedOptions[0]!.textContent!.trim()).to.equal(inbox.name);
    el.remove();

    for (const bad of ['not json', JSON.stringify([{ property: 'x', operator: 'between', value: [3, 1] }]), JSON.stringify(Array.from({ length: 400 }, () => ({ property: 'channel', operator: 'is', value: 'chat' })))]) {
      history.replaceState(null, '', `?cr-f-filters=${encodeURIComponent(bad)}`);
      const other = await mount(new ArrayDataSource(sample.conversations, { lookups: sample.lookups }));
      await kpiIs(other, count(other, () => true));
      expect(other.activeFilters).to.deep.equal([]);
      other.remove();
    }
  });

  it('passes the filters to a push-down source in the spec, and drills under them', async () => {
    const table = createTable(parseConversations(sample.conversations).conversations, sample.lookups);
    const seen: ReportSpec[] = [];
    const source: DataSource = {
      async *load() {
        throw new Error('never loaded');
      },
      lookups: async () => structuredClone(sample.lookups),
      async query(spec: ReportSpec, context: ReportContext) {
        seen.push(spec);
        return computeReport(table, spec, context);
      },
      async drill(spec: ReportSpec, context: ReportContext, point, page) {
        return drillDown(table, spec, context, point, page);
      },
    };
    const el = await mount(source);
    await kpiIs(el, count(el, () => true));
    el.filters = [{ property: 'channel', operator: 'is', value: 'chat' }];
    await kpiIs(el, count(el, (c) => c.channel === 'chat'));
    expect(seen.at(-1)!.filters).to.deep.include({ property: 'channel', operator: 'is', value: 'chat' });
    const agent = sample.lookups.assignees[0]!.id;
    const drilled = await el.data!.drill(reports[1]!, { key: agent });
    expect(drilled.total).to.equal(count(el, (c) => c.channel === 'chat' && c.assigneeId === agent));
  });
});
