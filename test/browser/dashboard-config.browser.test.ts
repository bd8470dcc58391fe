// Configuration as data: save() / restore() and the sync-url attribute of <conversation-dashboard>.
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../wait-until.js';
import { settled } from '../harness/dashboard-harness.ts';
import '../../src/elements/conversation-dashboard/conversation-dashboard.ts';
import type { ConversationDashboard } from '../../src/elements/conversation-dashboard/conversation-dashboard.ts';
import { ArrayDataSource } from '../../src/adapters/array-data-source.ts';
import { DashboardConfigError, type DashboardConfigInput } from '../../src/core/schema/dashboard-config.ts';
import { MemoryDashboardStore } from '../../src/store/memory-dashboard-store.ts';
import { generateConversations } from '../../src/sample/generate-conversations.ts';
import { owner } from '../harness/users.ts';

const END = Date.UTC(2026, 10, 20, 12);
const sample = generateConversations({ n: 200, seed: 5, end: END, days: 40 });
const source = () => new ArrayDataSource(sample.conversations, { lookups: sample.lookups });

const teamBoard = {
  id: 'team-board',
  name: 'Team board',
  ownerId: 'olivia',
  privacy: 'team',
  teamId: 'support',
  reports: [
    { id: 'emails', title: 'Emails', channel: 'email', chartType: 'kpi', measure: { op: 'count' }, filters: [], dateProperty: 'createdAt' },
    {
      id: 'slow-chats',
      title: 'Slow first replies',
      channel: 'chat',
      chartType: 'table',
      dimension: 'assigneeId',
      measure: { op: 'p90', property: 'responseTime' },
      filters: [{ property: 'responseTime', operator: 'gt', value: 600_000 }],
      dateProperty: 'createdAt',
      limit: 5,
    },
  ],
  layout: { wide: ['slow-chats'] },
};

/** Olivia's page: the config's team board is hers, and restore() shows a dashboard only to whom the store's rules would. */
async function mount() {
  return fixture<ConversationDashboard>(
    html`<conversation-dashboard locale="en" time-zone="UTC" .now=${END} .user=${owner} .dataSource=${source()}></conversation-dashboard>`,
  );
}

const switcher = (el: ConversationDashboard) => [...el.shadowRoot!.querySelectorAll('[part="switcher"] option')].map((o) => o.textContent!.trim());

describe('<conversation-dashboard> save() and restore()', () => {
  it('saves a JSON config of the view', async () => {
    const el = await mount();
    expect(el.save()).to.deep.equal({ version: 1, dashboards: [], dashboardId: 'chat-overview', range: 'last-30-days', compare: false, locale: 'en', timeZone: 'UTC' });
    el.range = { from: Date.UTC(2026, 9, 1), to: Date.UTC(2026, 10, 1) };
    el.compare = true;
    await el.updateComplete;
    const saved = el.save();
    expect(saved).to.include({ compare: true });
    expect(saved.range).to.deep.equal({ from: Date.UTC(2026, 9, 1), to: Date.UTC(2026, 10, 1) });
    expect(JSON.parse(JSON.stringify(saved))).to.deep.equal(saved, 'plain JSON');
  });

  it('restores a config, and saves it back the same', async () => {
    const config: DashboardConfigInput = {
      version: 1,
      dashboards: [teamBoard] as DashboardConfigInput['dashboards'],
      dashboardId: 'team-board',
      range: 'last-7-days',
      compare: true,
      locale: 'fr',
      timeZone: 'Europe/Paris',
    };
    const el = await mount();
    el.restore(config);
    await el.updateComplete;
    expect(el.currentDashboard!.id).to.equal('team-board');
    expect(switcher(el)).to.deep.equal(['Team board', "Vue d'ensemble des chats", "Vue d'ensemble des e-mails"]);
    expect([el.range, el.compare, el.locale, el.timeZone]).to.deep.equal(['last-7-days', true, 'fr', 'Europe/Paris']);
    await settled(el);
    expect(el.save()).to.deep.equal(config);

    // Into a second dashboard: the same view.
    const other = await mount();
    other.restore(JSON.parse(JSON.stringify(el.save())));
    await other.updateComplete;
    expect(other.save()).to.deep.equal(config);
  });

  it('can hide the templates, and keeps the store’s dashboards beside the config’s', async () => {
    const store = new MemoryDashboardStore([{ ...teamBoard, id: 'stored', name: 'Stored board' } as never]);
    const el = await fixture<ConversationDashboard>(
      html`<conversation-dashboard locale="en" time-zone="UTC" .now=${END} .store=${store} .user=${owner} .dataSource=${source()}></conversation-dashboard>`,
    );
    await waitUntil(() => switcher(el).includes('Stored board'));
    el.restore({ dashboards: [teamBoard], templates: false, dashboardId: 'team-board' });
    await waitUntil(() => switcher(el).join() === 'Stored board,Team board', 'store first, then the config, no templates');
    expect(el.currentDashboard!.name).to.equal('Team board');
    const saved = el.save();
    expect(saved.templates).to.equal(false);
    expect(saved.dashboards!.map((d) => d.id)).to.deep.equal(['stored', 'team-board']);
  });

  it('rejects an invalid config with a named error and the field path, applying nothing', async () => {
    const el = await mount();
    const before = el.save();
    const bad = { ...before, compare: 'yes', dashboards: [{ ...teamBoard, reports: [{ ...teamBoard.reports[0], measure: { op: 'avg' } }] }] };
    let error: unknown;
    try {
      el.restore(bad);
    } catch (caught) {
      error = caught;
    }
    expect(error).to.be.instanceOf(DashboardConfigError);
    const configError = error as DashboardConfigError;
    expect(configError.name).to.equal('DashboardConfigError');
    expect(configError.issues.map((issue) => issue.path)).to.have.members(['dashboards[0].reports[0].measure.property', 'compare']);
    expect(configError.message).to.match(/^Invalid dashboard config: /);
    await el.updateComplete;
    expect(el.save()).to.deep.equal(before, 'nothing was applied');

    expect(() => el.restore({ range: 'someday' })).to.throw(DashboardConfigError, /range must be a preset/);
    expect(() => el.restore({ dashboardz: [] })).to.throw(DashboardConfigError, /dashboardz is not a known setting/);
    expect(() => el.restore('{"range":"last-7-days"}')).to.throw(DashboardConfigError);
    expect(el.save()).to.deep.equal(before);
  });
});

describe('<conversation-dashboard sync-url>', () => {
  const original = location.href;
  afterEach(() => history.replaceState(history.state, '', original));

  const param = (name: string) => new URL(location.href).searchParams.get(name);

  it('reads the view from the URL on connect and writes changes back with replaceState', async () => {
    const url = new URL(location.href);
    url.searchParams.set('cr-range', 'last-7-days');
    url.searchParams.set('cr-dashboard', 'email-overview');
    url.searchParams.set('cr-compare', '1');
    history.replaceState(history.state, '', url);
    const entries = history.length;
    const el = await fixture<ConversationDashboard>(
      html`<conversation-dashboard sync-url range="last-90-days" locale="en" time-zone="UTC" .now=${END} .dataSource=${source()}></conversation-dashboard>`,
    );
    expect([el.range, el.dashboardId, el.compare]).to.deep.equal(['last-7-days', 'email-overview', true], 'the URL wins over the attributes');
    expect(el.currentDashboard!.id).to.equal('email-overview');

    const select = el.shadowRoot!.querySelector('[part="range"]')!.shadowRoot!.querySelector<HTMLSelectElement>('select')!;
    select.value = 'this-month';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(param('cr-range')).to.equal('this-month');
    el.shadowRoot!.querySelector<HTMLInputElement>('[part="compare"] input')!.click();
    await el.updateComplete;
    expect(param('cr-compare')).to.equal(null);
    const switcherSelect = el.shadowRoot!.querySelector<HTMLSelectElement>('[part="switcher"]')!;
    switcherSelect.value = 'chat-overview';
    switcherSelect.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(param('cr-dashboard')).to.equal('chat-overview');
    el.range = { from: Date.UTC(2026, 9, 1), to: Date.UTC(2026, 10, 1) };
    await el.updateComplete;
    expect(param('cr-range')).to.equal('2026-10-01T00:00:00.000Z/2026-11-01T00:00:00.000Z');
    expect(history.length).to.equal(entries, 'no history entry per change');
    expect(param('wtr-session-id'), 'other parameters are kept').to.equal(new URL(original).searchParams.get('wtr-session-id'));

    // A link to a custom range opens it.
    const link = new URL(location.href);
    const shared = await fixture<ConversationDashboard>(html`<conversation-dashboard sync-url locale="en" time-zone="UTC" .now=${END}></conversation-dashboard>`);
    expect(shared.resolvedRange).to.deep.equal({ from: Date.UTC(2026, 9, 1), to: Date.UTC(2026, 10, 1) });
    expect(shared.dashboardId).to.equal('chat-overview');
    expect(new URL(location.href).search).to.equal(link.search);
  });

  it('follows popstate, ignores a range it cannot read, and stops listening once removed', async () => {
    const el = await fixture<ConversationDashboard>(html`<conversation-dashboard sync-url locale="en" time-zone="UTC" .now=${END}></conversation-dashboard>`);
    expect(param('cr-range')).to.equal('last-30-days');
    const go = (search: string) => {
      const url = new URL(original);
      for (const [key, value] of new URLSearchParams(search)) url.searchParams.set(key, value);
      history.replaceState(history.state, '', url);
      window.dispatchEvent(new PopStateEvent('popstate'));
    };
    go('cr-range=yesterday&cr-dashboard=email-overview');
    await el.updateComplete;
    expect([el.range, el.dashboardId, el.compare]).to.deep.equal(['yesterday', 'email-overview', false]);
    go('cr-range=next-century&cr-compare=1');
    await el.updateComplete;
    expect([el.range, el.compare]).to.deep.equal(['yesterday', true]);
    el.remove();
    go('cr-range=last-week');
    expect(el.range).to.equal('yesterday', 'no listener after disconnect');
  });

  it('keeps two dashboards apart with a name', async () => {
    const el = await fixture<ConversationDashboard>(html`<conversation-dashboard sync-url="team" range="today" locale="en" time-zone="UTC" .now=${END}></conversation-dashboard>`);
    await el.updateComplete;
    expect(param('cr-team-range')).to.equal('today');
    expect(param('cr-range')).to.equal(null);
  });
});
