import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../wait-until.js';
import { tiles } from '../harness/dashboard-harness.ts';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/elements/conversation-dashboard/conversation-dashboard.ts';
import type { ConversationDashboard } from '../../src/elements/conversation-dashboard/conversation-dashboard.ts';
import type { DashboardWizard } from '../../src/elements/dashboard-wizard/dashboard-wizard.ts';
import type { ReportLibrary } from '../../src/elements/report-library/report-library.ts';
import { ArrayDataSource } from '../../src/adapters/array-data-source.ts';
import type { DashboardUser } from '../../src/core/schema/dashboard.ts';
import { templates } from '../../src/core/dashboard/templates.ts';
import { computeReport, createTable, drillDown, parseConversations, type DrillPoint, type ReportContext, type ReportSpec } from '../../src/core/index.ts';
import type { DashboardCreateEvent } from '../../src/events/dashboard-create-event.ts';
import { MemoryDashboardStore } from '../../src/store/memory-dashboard-store.ts';
import { generateConversations } from '../../src/sample/generate-conversations.ts';
import { outsiderOfBoth as outsider, owner, teammate, viewer } from '../harness/users.ts';

const END = Date.UTC(2026, 10, 20, 12);
const sample = generateConversations({ n: 300, seed: 3, end: END, days: 40 });

async function mount(store: MemoryDashboardStore, user: DashboardUser) {
  const el = await fixture<ConversationDashboard>(html`<conversation-dashboard
    locale="en"
    time-zone="UTC"
    .now=${END}
    .store=${store}
    .user=${user}
    .teams=${[{ id: 'support', name: 'Support' }]}
    .dataSource=${new ArrayDataSource(sample.conversations, { lookups: sample.lookups })}
  ></conversation-dashboard>`);
  await waitUntil(() => el.shadowRoot!.querySelectorAll('report-tile').length > 0);
  return el;
}

/** Clicks the toolbar's "Add report" and resolves with the report library once it is open. */
async function openLibrary(el: ConversationDashboard): Promise<ReportLibrary> {
  const library = el.shadowRoot!.querySelector<ReportLibrary>('report-library')!;
  [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part="toolbar"] button')].find((b) => b.textContent!.includes('Add report'))!.click();
  await waitUntil(() => library.open);
  return library;
}

const toolbar = (el: ConversationDashboard) =>
  [...el.shadowRoot!.querySelectorAll('[part="toolbar"] button')].map((b) => b.textContent!.trim());

describe('<conversation-dashboard> with a store', () => {
  it('creates a team dashboard through the wizard, opens it, and shows it to a teammate but not an outsider', async () => {
    const store = new MemoryDashboardStore();
    const el = await mount(store, owner);
    expect(toolbar(el)).to.deep.equal(['Create dashboard', 'Add report']);
    const wizard = el.shadowRoot!.querySelector<DashboardWizard>('dashboard-wizard')!;
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part="toolbar"] button')!.click();
    await waitUntil(() => wizard.open);
    const w = wizard.shadowRoot!;
    w.querySelector<HTMLInputElement>('[data-template-id="chat-overview"] input[type="radio"]')!.click();
    await wizard.updateComplete;
    for (const id of ['chat-volume-by-page-url', 'chat-volume-by-chatflow'])
      w.querySelector<HTMLInputElement>(`[data-report-id="${id}"] input[type="checkbox"]`)!.click();
    await wizard.updateComplete;
    w.querySelector<HTMLButtonElement>('[part="next-button"]')!.click();
    await wizard.updateComplete;
    const name = w.querySelector<HTMLInputElement>('#name')!;
    name.value = 'Support morning review';
    name.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    w.querySelector<HTMLInputElement>('input[type="radio"][value="team"]')!.click();
    await wizard.updateComplete;
    setTimeout(() => w.querySelector<HTMLButtonElement>('[part="create-button"]')!.click());
    const created = (await oneEvent(el, 'dashboard-create')) as DashboardCreateEvent;
    const dashboard = created.detail.dashboard;
    expect(dashboard.reports.map((r) => r.title)).to.deep.equal(
      templates.chatOverview.reports.filter((r) => !['chat-volume-by-page-url', 'chat-volume-by-chatflow'].includes(r.id)).map((r) => r.title),
    );
    expect([dashboard.privacy, dashboard.teamId]).to.deep.equal(['team', 'support']);
    await el.updateComplete;
    expect(el.currentDashboard!.id).to.equal(dashboard.id);
    await waitUntil(() => tiles(el).length === 4);
    expect((await store.list(teammate)).map((d) => d.id)).to.include(dashboard.id);
    expect((await store.list(outsider)).map((d) => d.id)).to.not.include(dashboard.id);
  });

  it('shows no create, edit or remove controls to a user without canEdit', async () => {
    const store = new MemoryDashboardStore();
    const el = await mount(store, viewer);
    expect(el.shadowRoot!.querySelector('[part="toolbar"]')).to.equal(null);
    expect(el.shadowRoot!.querySelector('dashboard-wizard')).to.equal(null);
    expect(tiles(el).every((tile) => !tile.editable)).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('reorders reports by keyboard (Actions → Move down) and persists the order', async () => {
    const store = new MemoryDashboardStore();
    const el = await mount(store, owner);
    const first = tiles(el)[0]!;
    const menu = first.shadowRoot!.querySelector<HTMLButtonElement>('.menu-button')!;
    menu.focus();
    await sendKeys({ press: 'ArrowDown' });
    await first.updateComplete;
    // Edit, View as table, Export CSV, Export PNG, Move down, Remove
    const items = [...first.shadowRoot!.querySelectorAll<HTMLButtonElement>('[role="menuitem"]')];
    const moveDown = items.findIndex((item) => item.dataset.action === 'move-down');
    expect(items.some((item) => item.dataset.action === 'move-up'), 'the first tile cannot move up').to.equal(false);
    for (let i = 0; i < moveDown; i++) await sendKeys({ press: 'ArrowDown' });
    setTimeout(() => void sendKeys({ press: 'Enter' }));
    await oneEvent(el, 'dashboard-change');
    await el.updateComplete;
    const ids = templates.chatOverview.reports.map((r) => r.id);
    expect(tiles(el).map((t) => t.spec!.id)).to.deep.equal([ids[1], ids[0], ...ids.slice(2)]);
    const saved = await store.list(owner);
    expect(saved).to.have.length(1, 'the template was saved as the owner’s own copy');
    expect(saved[0]!.reports.map((r) => r.id)).to.deep.equal([ids[1], ids[0], ...ids.slice(2)]);
    expect([saved[0]!.ownerId, saved[0]!.privacy]).to.deep.equal(['olivia', 'private']);
    expect(el.shadowRoot!.querySelector('[role="status"].visually-hidden')!.textContent).to.contain('moved to position 2');
  });

  it('reorders by drag and drop, and adds and removes reports, persisting each change', async () => {
    const store = new MemoryDashboardStore();
    const el = await mount(store, owner);
    const [a, , c] = tiles(el);
    const data = new DataTransfer();
    a!.dispatchEvent(new DragEvent('dragstart', { dataTransfer: data, bubbles: true }));
    c!.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
    c!.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    await oneEvent(el, 'dashboard-change');
    const ids = templates.chatOverview.reports.map((r) => r.id);
    expect((await store.list(owner))[0]!.reports.map((r) => r.id)).to.deep.equal([ids[1], ids[2], ids[0], ...ids.slice(3)]);

    const library = await openLibrary(el);
    const add = library.shadowRoot!.querySelector<HTMLButtonElement>('[data-report-id="email-volume-over-time"] button, button[data-report-id="email-volume-over-time"]');
    expect(add, 'the library lists the email report').to.exist;
    setTimeout(() => add!.click());
    await oneEvent(el, 'dashboard-change');
    await el.updateComplete;
    expect(tiles(el)).to.have.length(7);
    expect((await store.list(owner))[0]!.reports).to.have.length(7);

    const last = tiles(el)[6]!;
    last.shadowRoot!.querySelector<HTMLButtonElement>('.menu-button')!.click();
    await last.updateComplete;
    setTimeout(() => last.shadowRoot!.querySelector<HTMLButtonElement>('[data-action="remove"]')!.click());
    await oneEvent(el, 'dashboard-change');
    expect((await store.list(owner))[0]!.reports).to.have.length(6);
  });
});

describe('<conversation-dashboard> with a push-down source', () => {
  it('asks the source to compute each report (query) and drills through it, loading nothing into the browser', async () => {
    const table = createTable(parseConversations(sample.conversations).conversations, sample.lookups);
    const queried: string[] = [];
    let loads = 0;
    const source = {
      async *load() {
        loads++;
      },
      async query(spec: ReportSpec, context: ReportContext) {
        queried.push(spec.id);
        return computeReport(table, spec, context);
      },
      async drill(spec: ReportSpec, context: ReportContext, point: DrillPoint) {
        return drillDown(table, spec, context, point);
      },
    };
    const el = await fixture<ConversationDashboard>(
      html`<conversation-dashboard locale="en" time-zone="UTC" .now=${END} .dataSource=${source}></conversation-dashboard>`,
    );
    await waitUntil(() => tiles(el).length === 6 && tiles(el).every((t) => t.shownResult), 'tiles computed by the source');
    expect(loads).to.equal(0);
    expect([...queried].sort()).to.deep.equal(templates.chatOverview.reports.map((r) => r.id).sort());
    for (const tile of tiles(el)) expect(tile.shownResult).to.deep.equal(computeReport(table, tile.spec!, el.reportContext!));
  });
});

describe('<conversation-dashboard> custom report from the library', () => {
  it('opens the editor on "Create custom report" and adds the saved report', async () => {
    const store = new MemoryDashboardStore();
    const el = await mount(store, owner);
    const library = await openLibrary(el);
    const custom = [...library.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent!.includes('Create custom report'))!;
    custom.click();
    await waitUntil(() => el.shadowRoot!.querySelector('report-editor') && el.shadowRoot!.querySelector<HTMLDialogElement>('.editor-dialog')!.open, 'the editor opens', {
      // The editor is a lazy chunk: the first open imports it, which a busy machine can take seconds for.
      timeout: 10_000,
    });
    const editor = el.shadowRoot!.querySelector('report-editor')!;
    await (editor as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    const changed = oneEvent(el, 'dashboard-change');
    editor.shadowRoot!.querySelector<HTMLButtonElement>('.save')!.click();
    await changed;
    expect(tiles(el)).to.have.length(7);
    expect(tiles(el)[6]!.spec!.title).to.equal('New report');
    expect((await store.list(owner))[0]!.reports).to.have.length(7);
  });
});
