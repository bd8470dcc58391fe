import { aTimeout, expect } from '@open-wc/testing';
import { waitUntil } from '../wait-until.js';
import { settled, tiles } from '../harness/dashboard-harness.ts';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import '../../src/elements/conversation-dashboard/conversation-dashboard.ts';
import type { ConversationDashboard } from '../../src/elements/conversation-dashboard/conversation-dashboard.ts';
import type { ReportEditor } from '../../src/elements/report-editor/report-editor.ts';
import type { ReportTile } from '../../src/elements/report-tile/report-tile.ts';
import { ArrayDataSource } from '../../src/adapters/array-data-source.ts';
import type { Conversation } from '../../src/core/schema/conversation.ts';
import type { ReportSpec } from '../../src/core/schema/report-spec.ts';
import { MemoryDashboardStore } from '../../src/store/memory-dashboard-store.ts';
import { generateConversations } from '../../src/sample/generate-conversations.ts';
import { owner } from '../harness/users.ts';

const END = Date.UTC(2026, 10, 20, 12);
// Above the 50 000 threshold: the dashboard keeps this table in the engine Worker, and the page has none.
const sample = generateConversations({ n: 60_000, seed: 8, end: END, days: 90 });
const names = new Map(sample.lookups.assignees.map((a) => [a.id, a.name]));

/**
 * The chats per assignee name whose `dateProperty` falls in the range, counted straight from the
 * generated records: no table, no engine, only the meaning DESIGN.md gives the report.
 */
function chatsByAssignee(dateProperty: 'createdAt' | 'closedAt' | 'firstResponseAt', range: { from: number; to: number }): Map<string, number> {
  const counts = new Map<string, number>();
  for (const c of sample.conversations as Conversation[]) {
    const at = c[dateProperty];
    if (c.channel !== 'chat' || at === null || at < range.from || at >= range.to) continue;
    const name = c.assigneeId === null ? 'Unassigned' : (names.get(c.assigneeId) ?? c.assigneeId);
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return counts;
}

/** The preview's numbers as the tile shows them: label → count, read from its table. */
function shownTable(tile: ReportTile): Map<string, number> {
  const rows = [...tile.shadowRoot!.querySelectorAll('table[part="table"] tbody tr')];
  return new Map(rows.map((row) => {
    const cells = [...row.querySelectorAll('td')].map((td) => td.textContent!.trim());
    return [cells[0]!, Number(cells[1]!.replace(/[^\d.-]/g, ''))];
  }));
}

const sorted = (counts: Map<string, number>) => [...counts].sort(([a], [b]) => a.localeCompare(b));

describe('<report-editor> preview with the table in the engine Worker', () => {
  let el: ConversationDashboard;
  let editor: ReportEditor;
  const $ = <T extends HTMLElement>(selector: string) => editor.shadowRoot!.querySelector<T>(selector)!;
  const preview = () => $<ReportTile>('report-tile');

  async function edit(tab: 'chart' | 'data', action: () => void) {
    if ($(`#panel-${tab}`).hidden) {
      $(`#tab-${tab}`).click();
      await editor.updateComplete;
    }
    action();
    await editor.updateComplete;
  }
  const chartType = (type: string) => edit('chart', () => $<HTMLInputElement>(`input[name="chart-type"][value="${type}"]`).click());
  const dateProperty = (name: string) =>
    edit('data', () => {
      const select = $<HTMLSelectElement>('#date-property');
      select.value = name;
      select.dispatchEvent(new Event('change'));
    });

  before(async function () {
    // Generating, loading and indexing 60 000 conversations on a busy 2-core machine.
    this.timeout(120_000);
    await emulateMedia({ reducedMotion: 'reduce' });
    const source = new ArrayDataSource(sample.conversations, { lookups: sample.lookups, pageSize: 20_000, format: 'columns' });
    // Kept for every test of this file (a fixture would be removed after the first): one load of 60 000.
    el = document.createElement('conversation-dashboard');
    el.setAttribute('locale', 'en');
    el.setAttribute('time-zone', 'Europe/Amsterdam');
    Object.assign(el, { now: END, store: new MemoryDashboardStore(), user: owner, dataSource: source });
    document.body.append(el);
    await settled(el, { timeout: 100_000 });
    expect(el.data?.table, 'the table stays in the Worker').to.equal(null);

    // Actions → Edit on "Chat volume by assignee".
    const tile = tiles(el)[0]!;
    expect(tile.spec!.id).to.equal('chat-volume-by-assignee');
    tile.shadowRoot!.querySelector<HTMLButtonElement>('.menu-button')!.click();
    await tile.updateComplete;
    tile.shadowRoot!.querySelector<HTMLButtonElement>('[data-action="edit"]')!.click();
    await waitUntil(() => el.shadowRoot!.querySelector('report-editor'), 'the editor opens');
    editor = el.shadowRoot!.querySelector<ReportEditor>('report-editor')!;
  });

  after(async () => {
    el.remove();
    await emulateMedia({ reducedMotion: 'no-preference' });
  });

  it('computes the preview through the dashboard’s engine, and it shows the right numbers for a changed spec', async function () {
    this.timeout(60_000);
    const range = el.reportContext!.range;
    await waitUntil(() => editor.previewResult && !editor.previewUpdating, 'the first preview arrives from the Worker', { timeout: 20_000 });
    const first = editor.previewResult!;
    expect(new Map(first.rows.map((row) => [row.label, row.count]))).to.deep.equal(chatsByAssignee('createdAt', range));

    // Closed chats instead of created ones, shown as a table.
    await chartType('table');
    await dateProperty('closedAt');
    await waitUntil(() => !editor.previewUpdating && preview().spec?.dateProperty === 'closedAt', 'the preview follows the edit', { timeout: 20_000 });
    await preview().updateComplete;
    const expected = chatsByAssignee('closedAt', range);
    expect(sorted(expected)).to.not.deep.equal(sorted(chatsByAssignee('createdAt', range)), 'the edit changes the numbers');
    expect(sorted(shownTable(preview())), 'the numbers in the preview’s table').to.deep.equal(sorted(expected));
    expect(editor.previewResult!.matched).to.equal([...expected.values()].reduce((a, b) => a + b, 0));
  });

  it('ends rapid successive edits with the last spec’s result, skipping the superseded ones', async function () {
    this.timeout(60_000);
    const range = el.reportContext!.range;
    const sent: ReportSpec[] = [];
    const post = Worker.prototype.postMessage;
    Worker.prototype.postMessage = function (this: Worker, message: unknown, ...rest: unknown[]) {
      const compute = message as { type?: string; specs?: ReportSpec[] };
      if (compute.type === 'compute') sent.push(...(compute.specs ?? []));
      return (post as (...args: unknown[]) => void).call(this, message, ...rest);
    };
    try {
      // Eight edits, each rendered, none waited for.
      const edits = [
        () => chartType('bar'),
        () => dateProperty('firstResponseAt'),
        () => chartType('line'),
        () => dateProperty('createdAt'),
        () => chartType('column'),
        () => dateProperty('closedAt'),
        () => chartType('table'),
        () => dateProperty('firstResponseAt'),
      ];
      for (const step of edits) await step();
      await waitUntil(() => !editor.previewUpdating, 'the preview settles', { timeout: 20_000 });
      await aTimeout(100);
      expect(editor.previewUpdating).to.equal(false);
      const shown = preview().spec!;
      expect(shown).to.deep.include({ chartType: 'table', dateProperty: 'firstResponseAt' });
      await preview().updateComplete;
      expect(sorted(shownTable(preview()))).to.deep.equal(sorted(chatsByAssignee('firstResponseAt', range)));
      // The Worker computed the last spec, and fewer specs than there were edits: superseded ones were never sent.
      const previews = sent.filter((spec) => spec.id === 'chat-volume-by-assignee');
      expect(previews.at(-1)).to.deep.include({ chartType: 'table', dateProperty: 'firstResponseAt' });
      expect(previews.length).to.be.lessThan(edits.length);
    } finally {
      Worker.prototype.postMessage = post;
    }
  });

  it('offers the data’s custom properties and their values to filter on, though the table is in the Worker', async function () {
    this.timeout(30_000);
    const settle = async () => {
      await editor.updateComplete;
      await aTimeout(0);
      await editor.updateComplete;
    };
    $('.filters-button').click();
    await settle();
    // The report already filters on the channel: a second criterion, AND.
    $('.and-button').click();
    await settle();
    const last = () => [...editor.shadowRoot!.querySelectorAll<HTMLElement>('.criterion')].at(-1)!;
    const criterion = last();
    const search = criterion.querySelector<HTMLElement>('cr-property-search')!;
    search.querySelector<HTMLInputElement>('input')!.focus();
    await sendKeys({ type: 'Priority' });
    await settle();
    const option = search.querySelector<HTMLElement>('[role="option"][data-name="properties.priority"]');
    expect(option, 'the custom property "priority" is offered').to.exist;
    option!.click();
    await settle();
    // Its values as the data has them, counted here from the raw records.
    const inData = new Set((sample.conversations as Conversation[]).map((c) => c.properties['priority']).filter((v) => v !== null && v !== undefined));
    const offered = [...last().querySelectorAll<HTMLInputElement>('input[type="radio"]')].map((input) => JSON.parse(input.value) as unknown);
    expect(offered.length, 'one choice per value').to.equal(inData.size);
    expect(new Set(offered)).to.deep.equal(inData);
    $<HTMLButtonElement>('.apply-filters').click();
    await settle();
  });

  it('shows the Worker’s compute error in the preview, not a blank', async function () {
    this.timeout(60_000);
    const broken = { ...editor.draftSpec!, filters: [{ property: 'responseTime', operator: 'gt' as const, value: 'soon' }] };
    editor.spec = broken;
    await waitUntil(() => preview().shadowRoot?.querySelector('[part="error"]'), 'the tile shows the error', { timeout: 20_000 });
    expect(preview().shadowRoot!.querySelector('[part="error"]')!.textContent).to.contain('needs a number');
    expect(editor.previewResult).to.equal(null);
  });
});
