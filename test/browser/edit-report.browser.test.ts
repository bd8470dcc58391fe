import { aTimeout, expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../wait-until.js';
import { tiles } from '../harness/dashboard-harness.ts';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import '../../src/elements/conversation-dashboard/conversation-dashboard.ts';
import type { ConversationDashboard } from '../../src/elements/conversation-dashboard/conversation-dashboard.ts';
import type { ReportEditor } from '../../src/elements/report-editor/report-editor.ts';
import type { PropertySearch } from '../../src/elements/report-editor/property-search.ts';
import { ArrayDataSource } from '../../src/adapters/array-data-source.ts';
import { computeReport, createTable, parseConversations } from '../../src/core/index.ts';
import { MemoryDashboardStore } from '../../src/store/memory-dashboard-store.ts';
import { generateConversations } from '../../src/sample/generate-conversations.ts';
import { owner } from '../harness/users.ts';

const END = Date.UTC(2026, 10, 20, 12);
const sample = generateConversations({ n: 1500, seed: 5, end: END, days: 40 });

async function mount(store: MemoryDashboardStore) {
  const el = await fixture<ConversationDashboard>(html`<conversation-dashboard
    locale="en"
    time-zone="Europe/Amsterdam"
    .now=${END}
    .store=${store}
    .user=${owner}
    .dataSource=${new ArrayDataSource(sample.conversations, { lookups: sample.lookups })}
  ></conversation-dashboard>`);
  await waitUntil(() => [...el.shadowRoot!.querySelectorAll('report-tile')].every((t) => t.shownResult), 'tiles computed', { timeout: 10_000 });
  return el;
}

async function settle(el: Element & { updateComplete: Promise<unknown> }) {
  await el.updateComplete;
  await aTimeout(0);
  await el.updateComplete;
}

describe('editing a report on the dashboard (the seed flow)', () => {
  before(() => emulateMedia({ reducedMotion: 'reduce' }));
  after(() => emulateMedia({ reducedMotion: 'no-preference' }));

  it('opens the editor from Actions → Edit, saves through the store, updates the tile, and survives a reload', async () => {
    const store = new MemoryDashboardStore();
    const el = await mount(store);
    const tile = tiles(el)[0]!;
    tile.shadowRoot!.querySelector<HTMLButtonElement>('.menu-button')!.click();
    await tile.updateComplete;
    tile.shadowRoot!.querySelector<HTMLButtonElement>('[data-action="edit"]')!.click();
    await waitUntil(() => el.shadowRoot!.querySelector<ReportEditor>('report-editor'), 'the editor opens', { timeout: 10_000 });
    const editor = el.shadowRoot!.querySelector<ReportEditor>('report-editor')!;
    await waitUntil(() => el.shadowRoot!.querySelector<HTMLDialogElement>('.editor-dialog')!.open);
    await waitUntil(() => editor.previewResult, 'the preview is computed from the dashboard data');
    const $ = <T extends HTMLElement>(selector: string) => editor.shadowRoot!.querySelector<T>(selector)!;

    $('.name-button').click();
    await settle(editor);
    await sendKeys({ type: 'Chats by inbox' });
    await sendKeys({ press: 'Enter' });
    $<HTMLInputElement>('input[name="chart-type"][value="line"]').click();
    await settle(editor);

    $('#tab-data').click();
    await settle(editor);
    $('.add-property').click();
    await settle(editor);
    await sendKeys({ type: 'inbo' });
    await settle(editor);
    $('.add-search [role="option"][data-name="inboxId"]').click();
    await settle(editor);
    $('#tab-chart').click();
    await settle(editor);
    const transfer = new DataTransfer();
    const init = { bubbles: true, composed: true, cancelable: true, dataTransfer: transfer };
    $('.chip[data-name="inboxId"]').dispatchEvent(new DragEvent('dragstart', init));
    await settle(editor);
    const slot = $('.slot[data-slot="breakdown"]');
    slot.dispatchEvent(new DragEvent('dragenter', init));
    slot.dispatchEvent(new DragEvent('dragover', init));
    slot.dispatchEvent(new DragEvent('drop', init));
    await settle(editor);

    $('.filters-button').click();
    await settle(editor);
    const criteria = () => [...editor.shadowRoot!.querySelectorAll<HTMLElement>('.criterion')];
    const pick = async (criterion: HTMLElement, query: string, name: string) => {
      const search = criterion.querySelector<PropertySearch>('cr-property-search')!;
      search.querySelector<HTMLInputElement>('input')!.focus();
      await sendKeys({ type: query });
      await settle(editor);
      search.querySelector<HTMLElement>(`[role="option"][data-name="${name}"]`)!.click();
      await settle(editor);
    };
    // The template's channel shorthand is already the first criterion: "Channel is Chat".
    expect(criteria()).to.have.length(1);
    expect(criteria()[0]!.querySelector<HTMLInputElement>('input[type="radio"][value=\'"chat"\']')!.checked).to.equal(true);
    $('.and-button').click();
    await settle(editor);
    await pick(criteria()[1]!, 'Response', 'responseTime');
    const uid = criteria()[1]!.dataset.uid;
    $(`#criterion-${uid}-value`).focus();
    await sendKeys({ type: '5' });
    await settle(editor);
    $('.apply-filters').click();
    await settle(editor);

    const changed = oneEvent(el, 'dashboard-change');
    setTimeout(() => $('.save').click());
    const saved = await oneEvent(el, 'report-save');
    const spec = saved.detail.spec;
    expect(spec).to.deep.include({ title: 'Chats by inbox', chartType: 'line', breakdown: 'inboxId', channel: 'chat' });
    expect(spec.filters).to.deep.equal([{ property: 'responseTime', operator: 'gt', value: 300_000 }]);
    await changed;
    await waitUntil(() => tiles(el)[0]!.spec!.title === 'Chats by inbox' && tiles(el)[0]!.shownResult?.reportId === spec.id);
    const table = createTable(parseConversations(sample.conversations).conversations, sample.lookups);
    await waitUntil(() => JSON.stringify(tiles(el)[0]!.shownResult) === JSON.stringify(computeReport(table, spec, el.reportContext!)));
    expect(tiles(el)[0]!.shadowRoot!.querySelector('[part="title"]')!.textContent).to.equal('Chats by inbox');
    expect(el.shadowRoot!.querySelector<HTMLDialogElement>('.editor-dialog')!.open).to.equal(false);

    // A reload reads the dashboard back from the store.
    el.remove();
    const again = await mount(store);
    const first = tiles(again)[0]!;
    expect(first.spec).to.deep.equal(spec);
    expect(first.shownResult).to.deep.equal(computeReport(table, spec, again.reportContext!));
  });

  it('Cancel leaves the dashboard and the store unchanged', async () => {
    const store = new MemoryDashboardStore();
    const el = await mount(store);
    const before = tiles(el).map((t) => t.spec);
    const tile = tiles(el)[1]!;
    tile.shadowRoot!.querySelector<HTMLButtonElement>('.menu-button')!.click();
    await tile.updateComplete;
    tile.shadowRoot!.querySelector<HTMLButtonElement>('[data-action="edit"]')!.click();
    await waitUntil(() => el.shadowRoot!.querySelector<ReportEditor>('report-editor'));
    const editor = el.shadowRoot!.querySelector<ReportEditor>('report-editor')!;
    await settle(editor);
    editor.shadowRoot!.querySelector<HTMLInputElement>('input[name="chart-type"][value="table"]')!.click();
    await settle(editor);
    editor.shadowRoot!.querySelector<HTMLButtonElement>('.cancel')!.click();
    await waitUntil(() => !el.shadowRoot!.querySelector<HTMLDialogElement>('.editor-dialog')!.open);
    expect(tiles(el).map((t) => t.spec)).to.deep.equal(before);
    expect(await store.list(owner)).to.deep.equal([]);
  });
});
