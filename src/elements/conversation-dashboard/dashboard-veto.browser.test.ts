// DESIGN v2 / STYLE 12: an action a host may veto is a cancelable event the dashboard dispatches
// from itself *before* it acts; a host's preventDefault() stops the action.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../../../test/wait-until.js';
import { tiles } from '../../../test/harness/dashboard-harness.ts';
import './conversation-dashboard.ts';
import type { ConversationDashboard } from './conversation-dashboard.ts';
import { ArrayDataSource } from '../../adapters/array-data-source.ts';
import { reportSpecSchema, type ReportSpec } from '../../core/schema/report-spec.ts';
import { MemoryDashboardStore } from '../../store/memory-dashboard-store.ts';
import { ReportAddEvent } from '../../events/report-add-event.ts';
import { ReportEditEvent } from '../../events/report-edit-event.ts';
import { ReportMoveEvent } from '../../events/report-move-event.ts';
import { ReportRemoveEvent } from '../../events/report-remove-event.ts';
import { ReportSaveEvent } from '../../events/report-save-event.ts';

const user = { id: 'olivia', teamIds: ['support'], canEdit: true };
const END = Date.UTC(2026, 10, 20, 12);
const source = new ArrayDataSource(
  Array.from({ length: 12 }, (_, i) => ({ id: `c${i}`, channel: 'chat', status: 'open', inboxId: 'in-1', assigneeId: `a${i % 3}`, createdAt: END - (i + 1) * 3_600_000 })),
);
const report = (id: string, title = `Report ${id}`): ReportSpec => reportSpecSchema.parse({ id, title, chartType: 'table', dimension: 'assigneeId', measure: { op: 'count' } });

async function mount() {
  const store = new MemoryDashboardStore([{ id: 'board', name: 'Board', ownerId: user.id, privacy: 'private', reports: [report('r1'), report('r2'), report('r3')] }]);
  const el = await fixture<ConversationDashboard>(
    html`<conversation-dashboard locale="en" time-zone="UTC" dashboard-id="board" .now=${END} .store=${store} .user=${user} .dataSource=${source}></conversation-dashboard>`,
  );
  await waitUntil(() => el.currentDashboard?.id === 'board' && tiles(el).length === 3, 'the stored board is shown');
  return { el, store };
}

const tile = (el: ConversationDashboard, id: string) => tiles(el).find((t) => t.spec?.id === id)!;
const storedIds = async (store: MemoryDashboardStore) => (await store.get('board', user)).reports.map((r) => r.id);

/** Every `type` event the host sees on the dashboard, and whether it was already acted on when it came. */
function watch(el: ConversationDashboard, type: string, store: MemoryDashboardStore, veto: boolean) {
  const seen: { target: EventTarget | null; cancelable: boolean; detail: unknown; storedThen: Promise<string[]> }[] = [];
  el.addEventListener(type, (event) => {
    seen.push({ target: event.target, cancelable: event.cancelable, detail: (event as CustomEvent).detail, storedThen: storedIds(store) });
    if (veto) event.preventDefault();
  });
  return seen;
}

describe('<conversation-dashboard> lets its host veto', () => {
  it('report-remove: one cancelable event from the dashboard, before it acts; preventDefault keeps the report', async () => {
    const { el, store } = await mount();
    const seen = watch(el, 'report-remove', store, true);
    tile(el, 'r2').dispatchEvent(new ReportRemoveEvent('r2'));
    await el.updateComplete;
    expect(seen).to.have.length(1, 'the host sees the dashboard’s event only, not the tile’s too');
    expect(seen[0]!.target).to.equal(el);
    expect(seen[0]!.cancelable).to.equal(true);
    expect(seen[0]!.detail).to.deep.equal({ reportId: 'r2', dashboardId: 'board' });
    expect(await seen[0]!.storedThen).to.deep.equal(['r1', 'r2', 'r3']);
    expect(await storedIds(store)).to.deep.equal(['r1', 'r2', 'r3'], 'vetoed: nothing removed');
    expect(tiles(el).map((t) => t.spec!.id)).to.deep.equal(['r1', 'r2', 'r3']);
  });

  it('report-remove without a veto removes, after the host was asked', async () => {
    const { el, store } = await mount();
    const seen = watch(el, 'report-remove', store, false);
    const changed = oneEvent(el, 'dashboard-change');
    tile(el, 'r2').dispatchEvent(new ReportRemoveEvent('r2'));
    await changed;
    expect(await seen[0]!.storedThen, 'asked before acting').to.deep.equal(['r1', 'r2', 'r3']);
    expect(await storedIds(store)).to.deep.equal(['r1', 'r3']);
  });

  it('report-move (menu and drag alike go through it): preventDefault keeps the order', async () => {
    const { el, store } = await mount();
    const seen = watch(el, 'report-move', store, true);
    tile(el, 'r3').dispatchEvent(new ReportMoveEvent('r3', 'up'));
    await el.updateComplete;
    expect(seen).to.have.length(1);
    expect(seen[0]!.target).to.equal(el);
    expect(seen[0]!.detail).to.deep.equal({ reportId: 'r3', direction: 'up', dashboardId: 'board', to: 1 });
    expect(await storedIds(store)).to.deep.equal(['r1', 'r2', 'r3']);

    const { el: other, store: otherStore } = await mount();
    const changed = oneEvent(other, 'dashboard-change');
    tile(other, 'r3').dispatchEvent(new ReportMoveEvent('r3', 'up'));
    await changed;
    expect(await storedIds(otherStore)).to.deep.equal(['r1', 'r3', 'r2'], 'not vetoed: moved');
  });

  it('report-add from the library: one cancelable event from the dashboard before it saves; preventDefault adds nothing', async () => {
    const { el, store } = await mount();
    const seen = watch(el, 'report-add', store, true);
    const library = el.shadowRoot!.querySelector('report-library')!;
    library.dispatchEvent(new ReportAddEvent({ spec: report('r4'), sourceId: 'lib' }));
    await el.updateComplete;
    expect(seen).to.have.length(1, 'the host sees the dashboard’s event only');
    expect(seen[0]!.target).to.equal(el);
    expect(seen[0]!.cancelable).to.equal(true);
    expect((seen[0]!.detail as { dashboardId: string }).dashboardId).to.equal('board');
    expect(await storedIds(store)).to.deep.equal(['r1', 'r2', 'r3'], 'vetoed: nothing added');

    const { el: other, store: otherStore } = await mount();
    const changed = oneEvent(other, 'dashboard-change');
    other.shadowRoot!.querySelector('report-library')!.dispatchEvent(new ReportAddEvent({ spec: report('r4'), sourceId: 'lib' }));
    await changed;
    expect(await storedIds(otherStore)).to.deep.equal(['r1', 'r2', 'r3', 'r4'], 'not vetoed: added');
  });

  it('report-save from the editor: preventDefault stores nothing and keeps the editor open', async () => {
    const { el, store } = await mount();
    const seen = watch(el, 'report-save', store, true);
    tile(el, 'r1').dispatchEvent(new ReportEditEvent(el.currentDashboard!.reports[0]!));
    await waitUntil(() => el.shadowRoot!.querySelector('report-editor'), 'the editor opens', { timeout: 10_000 });
    el.shadowRoot!.querySelector('report-editor')!.dispatchEvent(new ReportSaveEvent({ spec: report('r1', 'Renamed') }));
    await el.updateComplete;
    expect(seen).to.have.length(1);
    expect(seen[0]!.target).to.equal(el);
    expect((seen[0]!.detail as { dashboardId: string }).dashboardId).to.equal('board');
    expect((await store.get('board', user)).reports[0]!.title).to.equal('Report r1');
    expect(el.shadowRoot!.querySelector<HTMLDialogElement>('.editor-dialog')!.open).to.equal(true);
  });

  for (const veto of [true, false]) {
    it(`dashboard-delete: one cancelable event from the dashboard before the store deletes${veto ? '; preventDefault keeps the dashboard' : ''}`, async () => {
      const { el, store } = await mount();
      const seen: { target: EventTarget | null; cancelable: boolean; storedThen: Promise<string[]> }[] = [];
      el.addEventListener('dashboard-delete', (event) => {
        seen.push({ target: event.target, cancelable: event.cancelable, storedThen: store.list(user).then((list) => list.map((d) => d.id)) });
        if (veto) event.preventDefault();
      });
      el.shadowRoot!.querySelector<HTMLButtonElement>('[part="toolbar"] button:last-child')!.click();
      const settings = el.shadowRoot!.querySelector('dashboard-settings')!;
      // The settings dialog is defined when first opened: no shadow root before.
      await waitUntil(() => settings.shadowRoot?.querySelector('[part="delete-button"]'), 'the settings dialog is open');
      settings.shadowRoot!.querySelector<HTMLButtonElement>('[part="delete-button"]')!.click();
      await settings.updateComplete;
      settings.shadowRoot!.querySelector<HTMLButtonElement>('[part="confirm-delete-button"]')!.click();
      await waitUntil(() => seen.length === 1, 'the host is asked');
      expect(seen[0]!.target).to.equal(el);
      expect(seen[0]!.cancelable).to.equal(true);
      expect(await seen[0]!.storedThen, 'asked before the store deletes').to.deep.equal(['board']);
      if (veto) {
        await settings.updateComplete;
        expect((await store.list(user)).map((d) => d.id)).to.deep.equal(['board']);
        expect(el.currentDashboard?.id).to.equal('board');
        expect(settings.shadowRoot!.querySelector('[part="confirm-delete-button"]'), 'back to the main view').to.equal(null);
      } else {
        await waitUntil(async () => (await store.list(user)).length === 0, 'deleted');
        await waitUntil(() => el.currentDashboard?.id !== 'board', 'another dashboard is shown');
      }
      expect(seen).to.have.length(1, 'the host sees the dashboard’s event only');
    });
  }
});
