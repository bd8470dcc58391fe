/**
 * Dashboards in the browser's real `localStorage`: an unreadable entry is skipped (the others are
 * shown, the bad one is left alone), and two tabs editing at once lose nothing — neither tab's
 * change silently overwrites the other's.
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../wait-until.js';
import { tiles } from '../harness/dashboard-harness.ts';
import '../../src/elements/conversation-dashboard/conversation-dashboard.ts';
import type { ConversationDashboard } from '../../src/elements/conversation-dashboard/conversation-dashboard.ts';
import type { ReportTile } from '../../src/elements/report-tile/report-tile.ts';
import { LocalStorageDashboardStore } from '../../src/store/local-storage-dashboard-store.ts';
import { ConflictError } from '../../src/store/errors.ts';
import type { StoreProblem } from '../../src/store/dashboard-store.ts';
import type { Dashboard, DashboardInput } from '../../src/core/schema/dashboard.ts';
import { ReportAddEvent } from '../../src/events/report-add-event.ts';
import { ReportEditEvent } from '../../src/events/report-edit-event.ts';
import { ReportMoveEvent } from '../../src/events/report-move-event.ts';
import { ReportRemoveEvent } from '../../src/events/report-remove-event.ts';
import { ReportSaveEvent } from '../../src/events/report-save-event.ts';
import type { DashboardChangeEvent } from '../../src/events/dashboard-change-event.ts';
import { END, hourlySource, tableReport } from '../harness/hourly-board.ts';
import { owner as user } from '../harness/users.ts';

const source = hourlySource();
const report = tableReport;

function dashboardInput(id: string, name: string, reports = [report('r1'), report('r2'), report('r3')]): DashboardInput {
  return { id, name, ownerId: user.id, privacy: 'team', teamId: 'support', reports, layout: {} };
}

/** A key prefix of its own, so the test never touches anything else kept in this origin's storage. */
let prefix = '';
beforeEach(() => {
  prefix = `cr-storage-test-${crypto.randomUUID().slice(0, 8)}`;
});
afterEach(() => {
  for (const key of Object.keys(localStorage)) if (key.startsWith(prefix)) localStorage.removeItem(key);
});

async function mount(store: LocalStorageDashboardStore, dashboardId?: string): Promise<ConversationDashboard> {
  const el = await fixture<ConversationDashboard>(
    html`<conversation-dashboard locale="en" time-zone="UTC" .now=${END} .store=${store} .user=${user} .dataSource=${source} dashboard-id=${dashboardId ?? ''}></conversation-dashboard>`,
  );
  return el;
}

const options = (el: ConversationDashboard) => [...el.shadowRoot!.querySelectorAll('[part="switcher"] option')].map((o) => o.textContent!.trim());
const reportIds = (el: ConversationDashboard) => el.currentDashboard?.reports.map((r) => r.id) ?? [];
const stored = (id: string): Dashboard => (JSON.parse(localStorage.getItem(`${prefix}:dashboard:${id}`)!) as { dashboard: Dashboard }).dashboard;

/** What the browser does for another tab: a write to localStorage fires `storage` over there. */
function deliverStorageEvent(tab: EventTarget, id: string): void {
  tab.dispatchEvent(new StorageEvent('storage', { key: `${prefix}:dashboard:${id}`, storageArea: localStorage, newValue: localStorage.getItem(`${prefix}:dashboard:${id}`) }));
}

async function changed(el: ConversationDashboard, act: () => void): Promise<DashboardChangeEvent> {
  const event = oneEvent(el, 'dashboard-change') as Promise<DashboardChangeEvent>;
  act();
  return event;
}

function tile(el: ConversationDashboard, id: string): ReportTile {
  return tiles(el).find((t) => t.spec?.id === id)!;
}

describe('dashboards in localStorage', function () {
  this.timeout(30_000);

  it('skips a corrupted entry, shows the others, and leaves the bad one as it was', async () => {
    const seed = new LocalStorageDashboardStore({ key: prefix });
    await seed.save(dashboardInput('morning', 'Morning review'), user);
    await seed.save(dashboardInput('evening', 'Evening review'), user);
    const corrupted: Record<string, string> = {
      [`${prefix}:dashboard:broken`]: '{"version": 1, "dashboard": {',
      [`${prefix}:dashboard:future`]: JSON.stringify({ version: 99, dashboard: dashboardInput('future', 'From a newer kit') }),
      [`${prefix}:dashboard:invalid`]: JSON.stringify({ version: 1, dashboard: { id: 'invalid', name: 42, reports: 'none' } }),
      [`${prefix}:dashboard:renamed`]: JSON.stringify({ version: 1, dashboard: dashboardInput('other-id', 'Wrong key') }),
      [`${prefix}:dashboard:text`]: 'hello',
    };
    for (const [key, value] of Object.entries(corrupted)) localStorage.setItem(key, value);

    const problems: StoreProblem[] = [];
    const el = await mount(new LocalStorageDashboardStore({ key: prefix, onProblem: (problem) => problems.push(problem) }), 'evening');
    await waitUntil(() => options(el).includes('Evening review'), 'the readable dashboards are listed');
    expect(options(el)).to.deep.equal(['Evening review', 'Morning review', 'Chat overview', 'Email overview']);
    expect(el.currentDashboard!.name).to.equal('Evening review');
    expect(el.shadowRoot!.querySelector('[part="error"]'), 'no store error in place of the dashboards').to.equal(null);
    expect(problems.map((p) => p.key).sort()).to.deep.equal(Object.keys(corrupted).sort());
    for (const [key, value] of Object.entries(corrupted)) expect(localStorage.getItem(key), `${key} untouched`).to.equal(value);

    // Editing a good dashboard still works next to the bad entries.
    await changed(el, () => tile(el, 'r3').dispatchEvent(new ReportRemoveEvent('r3')));
    expect(stored('evening').reports.map((r) => r.id)).to.deep.equal(['r1', 'r2']);
    for (const [key, value] of Object.entries(corrupted)) expect(localStorage.getItem(key)).to.equal(value);
  });

  it('two stores (two tabs) on the same storage: a stale save is a conflict, never an overwrite', async () => {
    const tabA = new LocalStorageDashboardStore({ key: prefix, events: new EventTarget() });
    const tabB = new LocalStorageDashboardStore({ key: prefix, events: new EventTarget() });
    await tabA.save(dashboardInput('shared', 'Shared'), user);
    const a = await tabA.get('shared', user);
    const b = await tabB.get('shared', user);
    await tabA.save({ ...a, reports: [...a.reports, report('x')] }, user);
    let conflict: unknown;
    try {
      await tabB.save({ ...b, name: 'Renamed in B' }, user);
    } catch (error) {
      conflict = error;
    }
    expect(conflict).to.be.instanceOf(ConflictError);
    expect((conflict as ConflictError).remote!.reports.map((r) => r.id)).to.include('x');
    expect(stored('shared').reports.map((r) => r.id), "A's report survives").to.include('x');
    expect(stored('shared').name).to.equal('Shared');
    // B, having been shown A's version, saves on top of it: both changes kept.
    const remote = (conflict as ConflictError).remote!;
    await tabB.save({ ...remote, name: 'Renamed in B' }, user);
    expect(stored('shared').name).to.equal('Renamed in B');
    expect(stored('shared').reports.map((r) => r.id)).to.deep.equal(['r1', 'r2', 'r3', 'x']);
  });

  it('two dashboards (two tabs) editing the same dashboard at once lose nothing', async () => {
    await new LocalStorageDashboardStore({ key: prefix }).save(dashboardInput('shared', 'Shared'), user);
    const eventsA = new EventTarget();
    const eventsB = new EventTarget();
    const elA = await mount(new LocalStorageDashboardStore({ key: prefix, events: eventsA }), 'shared');
    const elB = await mount(new LocalStorageDashboardStore({ key: prefix, events: eventsB }), 'shared');
    await waitUntil(() => reportIds(elA).length === 3 && reportIds(elB).length === 3, 'both tabs show the dashboard');

    // Tab A adds a report. Tab B has not heard of it yet (its storage event is late).
    const x = report('x', 'Added in A');
    await changed(elA, () => elA.shadowRoot!.querySelector('report-library')!.dispatchEvent(new ReportAddEvent({ spec: x, sourceId: 'lib' })));
    expect(stored('shared').reports.map((r) => r.id)).to.deep.equal(['r1', 'r2', 'r3', 'x']);

    // Tab B removes r2, from its stale copy: A's report must survive, and B's removal must happen.
    await changed(elB, () => tile(elB, 'r2').dispatchEvent(new ReportRemoveEvent('r2')));
    expect(stored('shared').reports.map((r) => r.id), 'after B removed r2').to.deep.equal(['r1', 'r3', 'x']);
    expect(reportIds(elB)).to.deep.equal(['r1', 'r3', 'x']);

    // Tab A, not told about B's removal either, moves r3 up and adds another report.
    await changed(elA, () => tile(elA, 'r3').dispatchEvent(new ReportMoveEvent('r3', 'up')));
    expect(stored('shared').reports.map((r) => r.id), 'after A moved r3 up').to.deep.equal(['r3', 'r1', 'x']);
    await changed(elA, () => elA.shadowRoot!.querySelector('report-library')!.dispatchEvent(new ReportAddEvent({ spec: report('y'), sourceId: 'lib' })));
    expect(stored('shared').reports.map((r) => r.id)).to.deep.equal(['r3', 'r1', 'x', 'y']);

    // The storage events arrive: both tabs show the same, complete dashboard.
    deliverStorageEvent(eventsA, 'shared');
    deliverStorageEvent(eventsB, 'shared');
    await waitUntil(() => reportIds(elA).join() === 'r3,r1,x,y' && reportIds(elB).join() === 'r3,r1,x,y', 'both tabs agree');
  });

  it('two tabs editing the same report: the second save is refused and shows the first, never overwrites it', async () => {
    await new LocalStorageDashboardStore({ key: prefix }).save(dashboardInput('shared', 'Shared'), user);
    const elA = await mount(new LocalStorageDashboardStore({ key: prefix, events: new EventTarget() }), 'shared');
    const elB = await mount(new LocalStorageDashboardStore({ key: prefix, events: new EventTarget() }), 'shared');
    await waitUntil(() => reportIds(elA).length === 3 && reportIds(elB).length === 3);

    const save = async (el: ConversationDashboard, title: string) => {
      tile(el, 'r1').dispatchEvent(new ReportEditEvent(el.currentDashboard!.reports[0]!));
      await waitUntil(() => el.shadowRoot!.querySelector('report-editor'), 'the editor opens', { timeout: 10_000 });
      const editor = el.shadowRoot!.querySelector('report-editor')!;
      editor.dispatchEvent(new ReportSaveEvent({ spec: { ...report('r1'), title } }));
    };
    await changed(elA, () => void save(elA, 'Title from A'));
    expect(stored('shared').reports[0]!.title).to.equal('Title from A');

    const failed = oneEvent(elB, 'data-error');
    await save(elB, 'Title from B');
    expect((await failed).detail.phase).to.equal('store');
    await elB.updateComplete;
    expect(stored('shared').reports[0]!.title, "A's edit is not overwritten").to.equal('Title from A');
    expect(elB.shadowRoot!.querySelector('[part="error"]')!.textContent).to.match(/changed by someone else/);
    // B now shows what is stored; its next change builds on that, not on its stale copy.
    expect(elB.currentDashboard!.reports[0]!.title).to.equal('Title from A');
    await changed(elB, () => tile(elB, 'r2').dispatchEvent(new ReportRemoveEvent('r2')));
    expect(stored('shared').reports.map((r) => `${r.id}:${r.title}`)).to.deep.equal(['r1:Title from A', 'r3:Report r3']);
  });
});
