// DESIGN "Elements — public surface" / STYLE 12: opening the drill dialog, the report editor or the
// editor on a new custom report is an action the host may veto. The child's event is a request that
// stops at the dashboard, which asks the host with its own cancelable event before it acts; so a
// listener on `document` (which hears it last) can still say no.
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { waitUntil } from '../../../test/wait-until.js';
import { drillDialog, tiles } from '../../../test/harness/dashboard-harness.ts';
import { owner } from '../../../test/harness/users.ts';
import './conversation-dashboard.ts';
import type { ConversationDashboard } from './conversation-dashboard.ts';
import { ArrayDataSource } from '../../adapters/array-data-source.ts';
import { reportSpecSchema, type ReportSpec } from '../../core/schema/report-spec.ts';
import { MemoryDashboardStore } from '../../store/memory-dashboard-store.ts';
import { ReportCreateCustomEvent } from '../../events/report-create-custom-event.ts';
import { ReportEditEvent } from '../../events/report-edit-event.ts';
import type { ReportTile } from '../report-tile/report-tile.ts';
// Loaded before the dashboard asks for them (as the main entry does), so its import() and the test's resolve in turn.
import '../drill-dialog/drill-dialog.ts';
import '../report-editor/report-editor.ts';

const END = Date.UTC(2026, 10, 20, 12);
const source = new ArrayDataSource(
  Array.from({ length: 12 }, (_, i) => ({ id: `c${i}`, channel: 'chat', status: 'open', inboxId: 'in-1', assigneeId: `a${i % 3}`, createdAt: END - (i + 1) * 86_400_000 })),
);
const report = (id: string): ReportSpec => reportSpecSchema.parse({ id, title: `Report ${id}`, chartType: 'table', dimension: 'assigneeId', measure: { op: 'count' } });

async function mount(): Promise<ConversationDashboard> {
  const store = new MemoryDashboardStore([{ id: 'board', name: 'Board', ownerId: owner.id, privacy: 'private', reports: [report('r1'), report('r2')] }]);
  const el = await fixture<ConversationDashboard>(
    html`<conversation-dashboard locale="en" time-zone="UTC" dashboard-id="board" .now=${END} .store=${store} .user=${owner} .dataSource=${source}></conversation-dashboard>`,
  );
  await waitUntil(() => el.currentDashboard?.id === 'board' && tiles(el).length === 2 && tiles(el).every((t) => t.shownResult), 'the board shows its results');
  return el;
}

/** Every `type` event a listener on `document` sees, vetoing each when asked to. */
function hostListens(type: string, veto: boolean): { seen: Event[]; stop: () => void } {
  const seen: Event[] = [];
  const listener = (event: Event) => {
    seen.push(event);
    if (veto) event.preventDefault();
  };
  document.addEventListener(type, listener);
  return { seen, stop: () => document.removeEventListener(type, listener) };
}

const editorDialog = (el: ConversationDashboard) => el.shadowRoot!.querySelector<HTMLDialogElement>('.editor-dialog')!;
const editor = (el: ConversationDashboard) => el.shadowRoot!.querySelector('report-editor');

/**
 * Lets an editor the dashboard began to open be open: the dashboard's import of the editor started
 * first, so it resolves first, and the dashboard's wait for its render was queued before this one.
 */
async function editorHadItsChance(el: ConversationDashboard): Promise<void> {
  await import('../report-editor/report-editor.ts');
  await el.updateComplete;
}

/** The one event the host heard: the dashboard's own, cancelable, with `detail`. */
function expectAskedOnce(el: ConversationDashboard, seen: readonly Event[], detail: unknown): void {
  expect(seen, 'the host hears the dashboard’s event only, not the child’s too').to.have.length(1);
  const event = seen[0] as CustomEvent;
  expect(event.target).to.equal(el);
  expect(event.cancelable).to.equal(true);
  expect(event.detail).to.deep.equal(detail);
}

/** The report the editor opened on; null when it stayed closed (vetoed). */
async function editorOutcome(el: ConversationDashboard, veto: boolean): Promise<ReportSpec | null> {
  if (veto) {
    await editorHadItsChance(el);
    expect(editorDialog(el).open, 'vetoed: no editor').to.equal(false);
    expect(editor(el)).to.equal(null);
    return null;
  }
  await waitUntil(() => editorDialog(el).open, 'the editor opens');
  return editor(el)!.spec;
}

/**
 * Lets a drill of `key` the dashboard began show its dialog: the same steps (the dialog's module,
 * then the first page of the first report), begun after the dashboard's, end after them.
 */
async function drillHadItsChance(el: ConversationDashboard, key: unknown): Promise<void> {
  const [{ DRILL_PAGE_SIZE }] = await Promise.all([import('../drill-dialog/drill-dialog.ts'), customElements.whenDefined('drill-dialog')]);
  await el.data!.drill(el.currentDashboard!.reports[0]!, { key: key as string }, { offset: 0, limit: DRILL_PAGE_SIZE });
  await el.updateComplete;
}

/** Presses Enter on the first row of `tile` shown as a table: the tile's drill. */
async function drillFirstRow(tile: ReportTile): Promise<HTMLTableRowElement> {
  tile.view = 'table';
  await tile.updateComplete;
  const row = tile.shadowRoot!.querySelector<HTMLTableRowElement>('tbody tr')!;
  row.focus();
  await sendKeys({ press: 'Enter' });
  return row;
}

describe('<conversation-dashboard> asks its host before it opens', () => {
  for (const veto of [true, false]) {
    it(`the drill dialog: one cancelable report-drill from the dashboard${veto ? '; preventDefault opens none' : ', then the dialog opens'}`, async () => {
      const el = await mount();
      const host = hostListens('report-drill', veto);
      try {
        const row = await drillFirstRow(tiles(el)[0]!);
        const key = (host.seen[0] as CustomEvent | undefined)?.detail.key;
        expect(['a0', 'a1', 'a2']).to.include(key);
        const label = row.cells[0]!.textContent!.trim();
        expectAskedOnce(el, host.seen, { reportId: 'r1', key, label, dashboardId: 'board' });
        const dialog = drillDialog(el);
        if (veto) {
          await drillHadItsChance(el, key);
          expect(dialog.open, 'vetoed: no drill dialog').to.equal(false);
        } else {
          await waitUntil(() => dialog.open && dialog.page !== null, 'the drill dialog opens on its first page');
          expect(dialog.heading).to.contain(label);
        }
      } finally {
        host.stop();
      }
    });

    it(`the report editor: one cancelable report-edit from the dashboard${veto ? '; preventDefault opens none' : ', then the editor opens'}`, async () => {
      const el = await mount();
      const host = hostListens('report-edit', veto);
      try {
        const spec = el.currentDashboard!.reports[1]!;
        tiles(el)[1]!.dispatchEvent(new ReportEditEvent(spec));
        expectAskedOnce(el, host.seen, { reportId: 'r2', spec, dashboardId: 'board' });
        expect(await editorOutcome(el, veto)).to.equal(veto ? null : spec);
      } finally {
        host.stop();
      }
    });

    it(`the editor on a new report: one cancelable report-create-custom from the dashboard${veto ? '; preventDefault opens none' : ', then the editor opens'}`, async () => {
      const el = await mount();
      const host = hostListens('report-create-custom', veto);
      try {
        el.shadowRoot!.querySelector('report-library')!.dispatchEvent(new ReportCreateCustomEvent());
        expectAskedOnce(el, host.seen, { dashboardId: 'board' });
        const opened = await editorOutcome(el, veto);
        if (!veto) expect(opened!.id).to.match(/^custom-/);
      } finally {
        host.stop();
      }
    });
  }
});
