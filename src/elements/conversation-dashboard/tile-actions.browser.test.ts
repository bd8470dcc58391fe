// (v2) Tile sizes, Duplicate and Copy to another dashboard: from the tile's Actions menu (by
// keyboard), each a cancelable event from the dashboard before it saves through the store.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../../../test/wait-until.js';
import { tiles } from '../../../test/harness/dashboard-harness.ts';
import { END, hourlySource, tableReport } from '../../../test/harness/hourly-board.ts';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import './conversation-dashboard.ts';
import type { ConversationDashboard } from './conversation-dashboard.ts';
import type { ReportTile } from '../report-tile/report-tile.ts';
import { MemoryDashboardStore } from '../../store/memory-dashboard-store.ts';
import { owner as user } from '../../../test/harness/users.ts';

const source = hourlySource(12);
const report = (id: string) => tableReport(id);

async function mount() {
  const store = new MemoryDashboardStore([
    { id: 'board', name: 'Board', ownerId: user.id, privacy: 'private', reports: [report('r1'), report('r2'), report('r3')] },
    { id: 'other', name: 'Other board', ownerId: user.id, privacy: 'private', reports: [] },
    // Tom's, private: Olivia cannot see it, so it is no target.
    { id: 'theirs', name: 'Theirs', ownerId: 'tom', privacy: 'private', reports: [] },
  ]);
  const el = await fixture<ConversationDashboard>(
    html`<div style="width: 1200px"><conversation-dashboard locale="en" time-zone="UTC" dashboard-id="board" .now=${END} .store=${store} .user=${user} .dataSource=${source}></conversation-dashboard></div>`,
  ).then((wrapper) => wrapper.querySelector('conversation-dashboard')!);
  await waitUntil(() => el.currentDashboard?.id === 'board' && tiles(el).length === 3, 'the stored board is shown');
  return { el, store };
}

const tile = (el: ConversationDashboard, id: string) => tiles(el).find((t) => t.spec?.id === id)!;

/** Opens a tile's Actions menu by keyboard and presses Enter on the item whose text is `label`. */
async function choose(t: ReportTile, label: string): Promise<void> {
  const button = t.shadowRoot!.querySelector<HTMLButtonElement>('.menu-button')!;
  button.focus();
  await sendKeys({ press: 'ArrowDown' });
  await t.updateComplete;
  const items = [...t.shadowRoot!.querySelectorAll<HTMLButtonElement>('[role="menuitem"]')];
  const at = items.findIndex((item) => item.textContent!.trim() === label);
  expect(at, `a menu item "${label}" in ${items.map((i) => i.textContent!.trim()).join(' | ')}`).to.be.at.least(0);
  for (let i = 0; i < at; i++) await sendKeys({ press: 'ArrowDown' });
  await sendKeys({ press: 'Enter' });
}

describe('<conversation-dashboard> tile actions (v2)', () => {
  before(() => setViewport({ width: 1300, height: 900 }));

  it('resizes a tile to a third, half, two thirds and the full row, saved in the layout', async () => {
    const { el, store } = await mount();
    const grid = el.shadowRoot!.querySelector<HTMLElement>('[part="grid"]')!;
    const share = (t: ReportTile) => t.getBoundingClientRect().width / grid.getBoundingClientRect().width;
    for (const [label, size, fraction] of [
      ['Width: full row', 'full', 1],
      ['Width: half', 'half', 0.5],
      ['Width: two thirds', 'two-thirds', 2 / 3],
      ['Width: one third', 'third', 1 / 3],
    ] as const) {
      const changed = oneEvent(el, 'report-resize');
      await choose(tile(el, 'r2'), label);
      expect((await changed).detail).to.deep.equal({ reportId: 'r2', size, dashboardId: 'board' });
      await waitUntil(async () => (await store.get('board', user)).layout.sizes?.r2 === size, `saved as ${size}`);
      await el.updateComplete;
      expect(share(tile(el, 'r2'))).to.be.closeTo(fraction, 0.03);
    }
    // The current width is offered but not chosen again.
    tile(el, 'r2').shadowRoot!.querySelector<HTMLButtonElement>('.menu-button')!.click();
    await tile(el, 'r2').updateComplete;
    expect(tile(el, 'r2').shadowRoot!.querySelector('[data-action="size:third"]')!.getAttribute('aria-disabled')).to.equal('true');
    await expect(el).to.be.accessible();
  });

  it('a vetoed resize saves nothing', async () => {
    const { el, store } = await mount();
    el.addEventListener('report-resize', (event) => event.preventDefault());
    await choose(tile(el, 'r1'), 'Width: full row');
    await el.updateComplete;
    expect((await store.get('board', user)).layout.sizes).to.equal(undefined);
  });

  it('duplicates a report after itself with a new id, and copies one to another dashboard the user may edit', async () => {
    const { el, store } = await mount();
    const duplicated = oneEvent(el, 'report-duplicate');
    await choose(tile(el, 'r1'), 'Duplicate');
    const event = await duplicated;
    expect(event.cancelable).to.equal(true);
    expect(event.detail).to.deep.equal({ reportId: 'r1', dashboardId: 'board' });
    await waitUntil(async () => (await store.get('board', user)).reports.length === 4, 'saved');
    const reports = (await store.get('board', user)).reports;
    expect(reports[1]!.title).to.equal('Report r1 (copy)');
    expect(reports[1]!.id).to.not.equal('r1');
    expect({ ...reports[1]!, id: 'r1', title: 'Report r1' }).to.deep.equal(reports[0]);

    // Copy targets: dashboards the store lets her change; not one she cannot see, nor a built-in template.
    tile(el, 'r3').shadowRoot!.querySelector<HTMLButtonElement>('.menu-button')!.click();
    await tile(el, 'r3').updateComplete;
    const labels = [...tile(el, 'r3').shadowRoot!.querySelectorAll('[role="menuitem"]')].map((i) => i.textContent!.trim());
    expect(labels).to.include('Copy to “Other board”');
    expect(labels.filter((l) => l.startsWith('Copy to'))).to.deep.equal(['Copy to “Other board”']);
    tile(el, 'r3').shadowRoot!.querySelector<HTMLButtonElement>('.menu-button')!.click();

    const copied = oneEvent(el, 'report-duplicate');
    await choose(tile(el, 'r3'), 'Copy to “Other board”');
    expect((await copied).detail).to.deep.equal({ reportId: 'r3', toDashboardId: 'other', dashboardId: 'board' });
    await waitUntil(async () => (await store.get('other', user)).reports.length === 1, 'copied');
    const copy = (await store.get('other', user)).reports[0]!;
    expect(copy.title).to.equal('Report r3');
    expect((await store.get('board', user)).reports.map((r) => r.id)).to.include('r3');

    // Vetoed: nothing is copied.
    el.addEventListener('report-duplicate', (e) => e.preventDefault());
    await choose(tile(el, 'r3'), 'Copy to “Other board”');
    await el.updateComplete;
    expect((await store.get('other', user)).reports).to.have.length(1);
  });

  it('hands its conversation-url to the drill dialog', async () => {
    const el = await fixture<ConversationDashboard>(
      html`<conversation-dashboard locale="en" time-zone="UTC" .now=${END} conversation-url="https://app.example.com/inbox/{id}"></conversation-dashboard>`,
    );
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('drill-dialog')!.conversationUrl).to.equal('https://app.example.com/inbox/{id}');
  });
});
