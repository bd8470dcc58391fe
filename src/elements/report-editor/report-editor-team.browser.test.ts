// (v2) Team as a dimension and a filter in the editor: offered as a property, its values listed by
// the names of the source's teams (the data holds no team column: a team is the assignee's).
import { aTimeout, expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../../../test/wait-until.js';
import { sendKeys } from '@web/test-runner-commands';
import './report-editor.ts';
import type { ReportEditor } from './report-editor.ts';
import type { PropertySearch } from './property-search.ts';
import { createTable, parseConversations, reportSpecSchema } from '../../core/index.ts';
import { generateConversations } from '../../sample/generate-conversations.ts';

const END = Date.UTC(2026, 10, 20);
const sample = generateConversations({ n: 600, seed: 3, end: END, days: 30 });
const table = createTable(parseConversations(sample.conversations).conversations, sample.lookups);
const context = { range: { from: END - 30 * 86_400_000, to: END }, timeZone: 'UTC' };

async function settle(el: ReportEditor): Promise<void> {
  await el.updateComplete;
  await aTimeout(0);
  await el.updateComplete;
}

describe('<report-editor> team (v2)', () => {
  it('offers Team as a chip, charts by team name, and filters on a team picked by name', async () => {
    const start = reportSpecSchema.parse({ id: 'by-team', title: 'By team', chartType: 'bar', dimension: 'teamId', measure: { op: 'count' } });
    const el = await fixture<ReportEditor>(
      html`<report-editor locale="en" .spec=${start} .table=${table} .context=${context} .lookups=${sample.lookups}></report-editor>`,
    );
    await waitUntil(() => el.previewResult, 'the preview is computed');
    const root = el.shadowRoot!;
    expect(root.querySelector('.chip[data-name="teamId"]'), 'a Team chip').to.exist;
    expect(el.previewResult!.rows.map((r) => r.label).sort()).to.deep.equal(['Billing', 'No team', 'Sales', 'Support']);

    root.querySelector<HTMLElement>('.filters-button')!.click();
    await settle(el);
    const criterion = root.querySelector<HTMLElement>('.criterion')!;
    const search = criterion.querySelector<PropertySearch>('cr-property-search')!;
    search.querySelector<HTMLInputElement>('input')!.focus();
    await sendKeys({ type: 'Team' });
    await settle(el);
    search.querySelector<HTMLElement>('[role="option"][data-name="teamId"]')!.click();
    await settle(el);
    const uid = criterion.dataset.uid!;
    const operator = root.querySelector<HTMLSelectElement>(`#criterion-${uid}-operator`)!;
    operator.value = 'in';
    operator.dispatchEvent(new Event('change'));
    await settle(el);
    const boxes = [...root.querySelectorAll<HTMLInputElement>('.criterion input[type="checkbox"]')];
    expect(boxes.map((box) => box.closest('label')!.textContent!.trim())).to.deep.equal(['Billing', 'Sales', 'Support']);
    boxes[1]!.click();
    await settle(el);
    root.querySelector<HTMLElement>('.apply-filters')!.click();
    await settle(el);
    expect(el.draftSpec!.filters).to.deep.equal([{ property: 'teamId', operator: 'in', value: ['team-sales'] }]);
    await waitUntil(() => el.previewResult?.rows.length === 1 && el.previewResult.rows[0]!.label === 'Sales', 'only Sales in the preview');
  });
});
