// A view that comes from outside (a shared link, the range attribute, restore()) cannot freeze the
// tab, show another user's dashboard, or hide the real problem behind a wrong message.
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../wait-until.js';
import { settled, tiles } from '../harness/dashboard-harness.ts';
import '../../src/elements/conversation-dashboard/conversation-dashboard.ts';
import type { ConversationDashboard } from '../../src/elements/conversation-dashboard/conversation-dashboard.ts';
import type { ReportTile } from '../../src/elements/report-tile/report-tile.ts';
import { ArrayDataSource } from '../../src/adapters/array-data-source.ts';
import type { DashboardUser } from '../../src/core/schema/dashboard.ts';
import { MemoryDashboardStore } from '../../src/store/memory-dashboard-store.ts';
import { generateConversations } from '../../src/sample/generate-conversations.ts';

const END = Date.UTC(2026, 10, 20, 12);
const sample = generateConversations({ n: 300, seed: 11, end: END, days: 40 });
const source = () => new ArrayDataSource(sample.conversations, { lookups: sample.lookups });
const tileText = (tile: ReportTile) => tile.shadowRoot!.textContent!.replace(/\s+/g, ' ');
const switcher = (el: ConversationDashboard) => [...el.shadowRoot!.querySelectorAll('[part="switcher"] option')].map((o) => o.textContent!.trim());
const rangeMessage = (el: ConversationDashboard) => el.shadowRoot!.querySelector('[part="error"]')?.textContent?.trim() ?? '';

const HUGE = '0001-01-01/9999-12-31';

describe('a range that would list millions of buckets is refused per report, never drawn', () => {
  const original = location.href;
  afterEach(() => history.replaceState(history.state, '', original));

  async function checkEmailOverview(el: ConversationDashboard, locale = 'en') {
    await settled(el, { orError: true });
    const overTime = tiles(el).find((t) => t.spec!.dimension === 'createdAt')!;
    const error = overTime.shadowRoot!.querySelector('[part="error"]')!;
    expect(error, 'the date report says why').to.exist;
    if (locale === 'en') expect(tileText(overTime)).to.contain('the range is too long for “Day” buckets (more than 10,000)');
    if (locale === 'fr') expect(tileText(overTime)).to.contain('la période est trop longue pour des tranches');
    // The other reports of the dashboard are computed over the same range.
    const others = tiles(el).filter((t) => t !== overTime);
    expect(others.every((t) => t.shownResult !== null && t.shownResult !== undefined)).to.equal(true);
  }

  it('from a shared link (sync-url)', async () => {
    const url = new URL(location.href);
    url.searchParams.set('cr-range', HUGE);
    url.searchParams.set('cr-dashboard', 'email-overview');
    history.replaceState(history.state, '', url);
    const el = await fixture<ConversationDashboard>(
      html`<conversation-dashboard sync-url locale="en" time-zone="Europe/Amsterdam" .now=${END} .dataSource=${source()}></conversation-dashboard>`,
    );
    expect(el.range).to.equal(HUGE);
    await checkEmailOverview(el);
  });

  it('from the range attribute, in French', async () => {
    const el = await fixture<ConversationDashboard>(
      html`<conversation-dashboard range=${HUGE} dashboard-id="email-overview" locale="fr" time-zone="UTC" .now=${END} .dataSource=${source()}></conversation-dashboard>`,
    );
    await checkEmailOverview(el, 'fr');
  });

  it('from restore()', async () => {
    const el = await fixture<ConversationDashboard>(html`<conversation-dashboard locale="en" time-zone="UTC" .now=${END} .dataSource=${source()}></conversation-dashboard>`);
    el.restore({ range: HUGE, dashboardId: 'email-overview' });
    await el.updateComplete;
    await checkEmailOverview(el);
    // Bounds outside the Date range are refused whole by restore().
    expect(() => el.restore({ range: { from: -1e300, to: 1e300 } })).to.throw(/Date range/);
  });
});

describe('range and zone errors name the real problem', () => {
  async function mount(attrs: { zone?: string; locale?: string }, range?: unknown) {
    const el = await fixture<ConversationDashboard>(
      html`<conversation-dashboard locale=${attrs.locale ?? 'en'} time-zone=${attrs.zone ?? 'UTC'} .now=${END} .dataSource=${source()}></conversation-dashboard>`,
    );
    if (range !== undefined) el.range = range as ConversationDashboard['range'];
    await el.updateComplete;
    return el;
  }

  it('an unknown time zone says the zone is unknown, not the range', async () => {
    const el = await mount({ zone: 'Mars/Olympus' });
    expect(rangeMessage(el)).to.contain('Unknown time zone "Mars/Olympus"');
    expect(rangeMessage(el)).not.to.contain('last-30-days');
    expect(rangeMessage(await mount({ zone: 'Mars/Olympus', locale: 'fr' }))).to.contain('Fuseau horaire inconnu');
    expect(rangeMessage(await mount({ zone: 'Mars/Olympus', locale: 'nl' }))).to.contain('Onbekende tijdzone');
  });

  it('a reversed range says it ends before it starts, and shows the range', async () => {
    const el = await mount({}, { from: 10, to: 5 });
    expect(rangeMessage(el)).to.contain('The range {"from":10,"to":5} ends before it starts');
    expect(rangeMessage(el)).not.to.contain('[object Object]');
    expect(rangeMessage(await mount({ locale: 'nl' }, { from: 10, to: 5 }))).to.contain('eindigt voordat het begint');
    expect(rangeMessage(await mount({ locale: 'fr' }, '2026-03-05/2026-03-01'))).to.contain('se termine avant de commencer');
  });

  it('a value that is no range at all still says so', async () => {
    expect(rangeMessage(await mount({}, 'someday'))).to.contain('Unknown range "someday"');
    expect(rangeMessage(await mount({}, '2026-02-31/2026-03-05'))).to.contain('Unknown range');
  });
});

describe('restore() never shows a dashboard the store would not show that user', () => {
  const bob: DashboardUser = { id: 'bob', teamIds: ['sales'], canEdit: true };
  const alice: DashboardUser = { id: 'alice', teamIds: ['support'], canEdit: true };
  const report = { id: 'n', title: 'Volume', chartType: 'kpi', measure: { op: 'count' } } as const;
  const board = (id: string, privacy: 'private' | 'team' | 'everyone', teamId?: string) =>
    ({ id, name: id, ownerId: 'bob', privacy, ...(teamId ? { teamId } : {}), reports: [report] }) as const;

  it('Bob’s saved view, restored by Alice, shows only what Alice may see', async () => {
    const store = new MemoryDashboardStore([board('bob-private', 'private'), board('sales-team', 'team', 'sales'), board('bob-public', 'everyone')] as never);
    const asBob = await fixture<ConversationDashboard>(
      html`<conversation-dashboard locale="en" time-zone="UTC" .now=${END} .store=${store} .user=${bob} .dataSource=${source()}></conversation-dashboard>`,
    );
    await waitUntil(() => switcher(asBob).includes('bob-private'));
    asBob.dashboardId = 'bob-private';
    await asBob.updateComplete;
    const saved = JSON.parse(JSON.stringify(asBob.save()));
    expect(saved.dashboards.map((d: { id: string }) => d.id)).to.include.members(['bob-private', 'sales-team']);

    // Alice's page (the README's localStorage example): another store, or none.
    for (const aliceStore of [new MemoryDashboardStore(), store, null]) {
      const asAlice = await fixture<ConversationDashboard>(
        html`<conversation-dashboard locale="en" time-zone="UTC" .now=${END} .store=${aliceStore} .user=${alice} .dataSource=${source()}></conversation-dashboard>`,
      );
      asAlice.restore(saved);
      await asAlice.updateComplete;
      await waitUntil(() => switcher(asAlice).includes('bob-public'));
      expect(switcher(asAlice)).not.to.include('bob-private');
      expect(switcher(asAlice)).not.to.include('sales-team');
      expect(asAlice.currentDashboard!.id, 'the saved open dashboard is not opened').not.to.equal('bob-private');
      expect(asAlice.save().dashboards!.map((d) => d.id)).not.to.include('bob-private');
    }
    // Without any user, only what is shared with everyone.
    const anonymous = await fixture<ConversationDashboard>(html`<conversation-dashboard locale="en" time-zone="UTC" .now=${END} .dataSource=${source()}></conversation-dashboard>`);
    anonymous.restore(saved);
    await anonymous.updateComplete;
    expect(switcher(anonymous)).to.include('bob-public');
    expect(switcher(anonymous)).not.to.include.members(['bob-private']);
  });
});
