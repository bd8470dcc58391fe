import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../../../test/wait-until.js';
import { tiles } from '../../../test/harness/dashboard-harness.ts';
import { END, hourlySource, tableReport } from '../../../test/harness/hourly-board.ts';
import { sendKeys } from '@web/test-runner-commands';
import './conversation-dashboard.ts';
import type { ConversationDashboard } from './conversation-dashboard.ts';
import { MemoryDashboardStore } from '../../store/memory-dashboard-store.ts';
import { ReportRemoveEvent } from '../../events/report-remove-event.ts';

const user = { id: 'olivia', teamIds: ['support'], canEdit: true };
const source = hourlySource(6);
const report = (id: string) => tableReport(id);

const toast = (el: ConversationDashboard) => el.shadowRoot!.querySelector<HTMLElement>('[part="toast"]')!;

function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

describe('<conversation-dashboard> remove with Undo, and the private copy said out loud', () => {
  it('removes at once, announces it in a toast whose Undo is focused, and Enter puts the report back in place', async () => {
    const store = new MemoryDashboardStore([{ id: 'board', name: 'Board', ownerId: user.id, privacy: 'private', reports: [report('r1'), report('r2'), report('r3')] }]);
    const el = await fixture<ConversationDashboard>(
      html`<conversation-dashboard locale="en" time-zone="UTC" dashboard-id="board" .now=${END} .store=${store} .user=${user} .dataSource=${source}></conversation-dashboard>`,
    );
    await waitUntil(() => tiles(el).length === 3, 'the stored board is shown');
    expect(toast(el).getAttribute('role'), 'the live region is there before anything is said').to.equal('status');

    tiles(el)[1]!.dispatchEvent(new ReportRemoveEvent('r2'));
    await waitUntil(() => tiles(el).length === 2, 'removed');
    expect((await store.get('board', user)).reports.map((r) => r.id)).to.deep.equal(['r1', 'r3']);
    await waitUntil(() => deepActive()?.classList.contains('undo'), 'Undo has the focus');
    expect(toast(el).textContent).to.contain('“Report r2” removed.');
    expect(toast(el).getAttribute('aria-live')).to.equal('polite');

    await sendKeys({ press: 'Enter' });
    await waitUntil(() => tiles(el).length === 3, 'restored');
    expect(tiles(el).map((t) => t.spec!.id)).to.deep.equal(['r1', 'r2', 'r3']);
    expect((await store.get('board', user)).reports.map((r) => r.id)).to.deep.equal(['r1', 'r2', 'r3']);
    expect(toast(el).textContent!.trim()).to.equal('');
  });

  it('says when the first change to a built-in dashboard makes a private copy', async () => {
    const store = new MemoryDashboardStore([]);
    const el = await fixture<ConversationDashboard>(
      html`<conversation-dashboard locale="en" time-zone="UTC" .now=${END} .store=${store} .user=${user} .dataSource=${source}></conversation-dashboard>`,
    );
    await waitUntil(() => tiles(el).length > 1, 'the built-in chat overview is shown');
    const first = tiles(el)[0]!;
    first.dispatchEvent(new ReportRemoveEvent(first.spec!.id));
    await waitUntil(() => el.currentDashboard?.ownerId === user.id, 'a private copy is made');
    expect(toast(el).textContent).to.contain('private copy of “Chat overview”');
  });
});
