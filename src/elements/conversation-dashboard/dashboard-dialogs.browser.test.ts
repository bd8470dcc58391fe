import { expect, fixture, html } from '@open-wc/testing';
import { MemoryDashboardStore } from '../../store/memory-dashboard-store.ts';
import { reportSpecSchema, type ReportSpec } from '../../core/schema/report-spec.ts';
import { ArrayDataSource } from '../../adapters/array-data-source.ts';
import { tiles } from '../../../test/harness/dashboard-harness.ts';
import { waitUntil } from '../../../test/wait-until.js';
import type { ConversationDashboard } from './conversation-dashboard.ts';
import './conversation-dashboard.ts';

const user = { id: 'olivia', teamIds: ['support'], canEdit: true };
const END = Date.UTC(2026, 10, 20, 12);
const source = new ArrayDataSource(
  Array.from({ length: 6 }, (_, i) => ({ id: `c${i}`, channel: 'chat', status: 'open', inboxId: 'in-1', assigneeId: `a${i % 3}`, createdAt: END - (i + 1) * 3_600_000 })),
);
const report = (id: string): ReportSpec => reportSpecSchema.parse({ id, title: `Report ${id}`, chartType: 'table', dimension: 'assigneeId', measure: { op: 'count' } });
const editorDialog = (el: ConversationDashboard) => el.shadowRoot!.querySelector<HTMLDialogElement>('.editor-dialog');

// The dialogs' markup (dashboard-dialogs.ts) loads when a dialog can open, not for the default dashboard's first paint.
describe('<conversation-dashboard> dialogs', () => {
  it('without a store renders none (no dialog can open: no toolbar, no Edit)', async () => {
    const el = await fixture<ConversationDashboard>(
      html`<conversation-dashboard locale="en" time-zone="UTC" .now=${END} .dataSource=${source}></conversation-dashboard>`,
    );
    await waitUntil(() => tiles(el).length > 0, 'the default dashboard is shown');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('report-library')).to.equal(null);
    expect(editorDialog(el)).to.equal(null);
  });

  it('with a store and a user, are there once updateComplete settles', async () => {
    const store = new MemoryDashboardStore([{ id: 'board', name: 'Board', ownerId: user.id, privacy: 'private', reports: [report('r1')] }]);
    const el = await fixture<ConversationDashboard>(
      html`<conversation-dashboard locale="en" time-zone="UTC" dashboard-id="board" .now=${END} .store=${store} .user=${user} .dataSource=${source}></conversation-dashboard>`,
    );
    await waitUntil(() => el.currentDashboard?.id === 'board', 'the stored board is shown');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('dashboard-wizard')).to.not.equal(null);
    expect(el.shadowRoot!.querySelector('dashboard-settings')).to.not.equal(null);
    expect(el.shadowRoot!.querySelector('report-library')).to.not.equal(null);
    expect(editorDialog(el)!.open).to.equal(false);
  });
});
