import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { waitUntil } from '../../../test/wait-until.js';
import './report-editor.ts';
import type { ReportEditor } from './report-editor.ts';
import type { FilterPanel } from './filter-panel.ts';
import { createTable, parseConversations, reportSpecSchema } from '../../core/index.ts';
import { generateConversations } from '../../sample/generate-conversations.ts';

const END = Date.UTC(2026, 10, 20);
const sample = generateConversations({ n: 200, seed: 3, end: END, days: 30 });
const table = createTable(parseConversations(sample.conversations).conversations, sample.lookups);
const context = { range: { from: END - 30 * 86_400_000, to: END }, timeZone: 'Europe/Amsterdam' };
const spec = reportSpecSchema.parse({ id: 'volume', title: 'Volume', chartType: 'bar', dimension: 'assigneeId', measure: { op: 'count' } });

async function openPanel(): Promise<{ el: ReportEditor; panel: () => FilterPanel | null; count: () => number }> {
  const el = await fixture<ReportEditor>(html`<report-editor locale="en" .spec=${spec} .table=${table} .context=${context}></report-editor>`);
  await waitUntil(() => el.previewResult, 'the preview is computed');
  el.shadowRoot!.querySelector<HTMLButtonElement>('.filters-button')!.click();
  await el.updateComplete;
  const panel = () => el.shadowRoot!.querySelector('cr-filter-panel');
  return { el, panel, count: () => el.shadowRoot!.querySelectorAll('.criterion').length };
}

describe('<cr-filter-panel> events', () => {
  it('fires a cancelable filter-change before showing new criteria; prevented, neither the panel nor the editor takes them', async () => {
    const { el, panel, count } = await openPanel();
    expect(count()).to.equal(1);
    const offered: number[] = [];
    panel()!.addEventListener(
      'filter-change',
      (event) => {
        offered.push(event.detail.criteria.length);
        event.preventDefault();
      },
      { once: true },
    );
    el.shadowRoot!.querySelector<HTMLButtonElement>('.and-button')!.click();
    await el.updateComplete;
    expect(offered).to.deep.equal([2]);
    expect(count(), 'the panel keeps its criteria').to.equal(1);
    // The editor re-renders the panel from the criteria it holds: still one.
    el.requestUpdate();
    await el.updateComplete;
    expect(count(), 'the editor did not take them either').to.equal(1);

    el.shadowRoot!.querySelector<HTMLButtonElement>('.and-button')!.click();
    await el.updateComplete;
    expect(count()).to.equal(2);
  });

  it('has filter-apply vetoed by the editor while a criterion has a problem, and honours a veto of filter-discard', async () => {
    const { el, panel, count } = await openPanel();
    const search = el.shadowRoot!.querySelector<HTMLElement>('.criterion cr-property-search')!;
    search.querySelector<HTMLInputElement>('input')!.focus();
    await sendKeys({ type: 'Response time' });
    await el.updateComplete;
    search.querySelector<HTMLElement>('[role="option"][data-name="responseTime"]')!.click();
    await el.updateComplete;

    const applied: boolean[] = [];
    el.shadowRoot!.addEventListener('filter-apply', (event) => applied.push(event.defaultPrevented));
    el.shadowRoot!.querySelector<HTMLButtonElement>('.apply-filters')!.click();
    await el.updateComplete;
    expect(applied, 'no value yet: the editor prevents the apply').to.deep.equal([true]);
    expect(panel(), 'the panel stays open').to.exist;
    expect(el.shadowRoot!.querySelector('.criterion .error')).to.exist;

    panel()!.addEventListener('filter-discard', (event) => event.preventDefault(), { once: true });
    el.shadowRoot!.querySelector<HTMLButtonElement>('.discard-filters')!.click();
    await el.updateComplete;
    expect(panel(), 'a prevented discard keeps the panel').to.exist;
    expect(count()).to.equal(1);

    el.shadowRoot!.querySelector<HTMLButtonElement>('.discard-filters')!.click();
    await el.updateComplete;
    expect(panel()).to.be.null;
    expect(el.draftSpec!.filters).to.deep.equal([]);
  });
});
