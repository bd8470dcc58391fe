import { aTimeout, expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../../../test/wait-until.js';
import { ContextProvider } from '@lit/context';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import { dashboardDataContext, type DashboardData } from '../../controllers/dashboard-data.ts';
import { $, previewSettled, showEditor } from '../../../test/harness/editor-harness.ts';
import type { ReportEditor } from './report-editor.ts';
import type { PropertySearch } from './property-search.ts';
import { computeReport, createTable, parseConversations, reportSpecSchema, templates, type ReportSpec, type ReportSpecInput } from '../../core/index.ts';
import { generateConversations } from '../../sample/generate-conversations.ts';
import type { ReportSaveEvent } from '../../events/report-save-event.ts';
import type { ReportCancelEvent } from '../../events/report-cancel-event.ts';
import type { ReportTile } from '../report-tile/report-tile.ts';

const DAY = 86_400_000;
const END = Date.UTC(2026, 10, 20);
const sample = generateConversations({ n: 1200, seed: 11, end: END, days: 45 });
const table = createTable(parseConversations(sample.conversations).conversations, sample.lookups);
const context = { range: { from: END - 30 * DAY, to: END }, timeZone: 'Europe/Amsterdam' };

const spec = (fields: Partial<ReportSpecInput> = {}): ReportSpec =>
  reportSpecSchema.parse({ id: 'volume', title: 'Volume by assignee', chartType: 'bar', dimension: 'assigneeId', measure: { op: 'count' }, ...fields });

/** The report the seed's flow ends with, whichever way it was edited. */
const expected: ReportSpec = spec({
  title: 'Chats by inbox',
  chartType: 'line',
  breakdown: 'inboxId',
  filters: [
    { property: 'channel', operator: 'is', value: 'chat' },
    { property: 'responseTime', operator: 'gt', value: 5 * 60_000 },
  ],
});

const data = { table, context, lookups: sample.lookups };
const editor = (start: ReportSpec = spec(), extra: Partial<ReportEditor> = {}): Promise<ReportEditor> => showEditor(start, data, { extra });

const $$ = <T extends Element = HTMLElement>(el: ReportEditor, selector: string): T[] => [...el.shadowRoot!.querySelectorAll<T>(selector)];

function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** Presses Tab (or Shift+Tab) until the focused element matches: proves the control is reachable by keyboard. */
async function tabTo(selector: string, backwards = false, max = 80): Promise<Element> {
  for (let i = 0; i < max; i++) {
    const active = deepActive();
    if (active?.matches(selector)) return active;
    if (backwards) {
      await sendKeys({ down: 'Shift' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ up: 'Shift' });
    } else await sendKeys({ press: 'Tab' });
  }
  throw new Error(`Tab never reached ${selector}; focus is on ${deepActive()?.outerHTML.slice(0, 120)}`);
}


async function settle(el: ReportEditor): Promise<void> {
  await el.updateComplete;
  await aTimeout(0);
  await el.updateComplete;
}

/** Real HTML5 drag events, carrying a DataTransfer as a browser drag does. */
async function drag(el: ReportEditor, source: Element, target: Element): Promise<void> {
  const dataTransfer = new DataTransfer();
  const init = { bubbles: true, composed: true, cancelable: true, dataTransfer };
  source.dispatchEvent(new DragEvent('dragstart', init));
  await el.updateComplete;
  target.dispatchEvent(new DragEvent('dragenter', init));
  const over = new DragEvent('dragover', init);
  target.dispatchEvent(over);
  expect(over.defaultPrevented, 'the slot accepts the drop').to.be.true;
  target.dispatchEvent(new DragEvent('drop', init));
  source.dispatchEvent(new DragEvent('dragend', init));
  await settle(el);
}

async function typeIn(input: HTMLElement, text: string): Promise<void> {
  input.focus();
  await sendKeys({ type: text });
}

function criteria(el: ReportEditor): HTMLElement[] {
  return $$(el, '.criterion');
}

async function pickProperty(el: ReportEditor, criterion: HTMLElement, query: string, name: string): Promise<void> {
  const search = criterion.querySelector<PropertySearch>('cr-property-search')!;
  const input = search.querySelector<HTMLInputElement>('input')!;
  await typeIn(input, query);
  await settle(el);
  search.querySelector<HTMLElement>(`[role="option"][data-name="${name}"]`)!.click();
  await settle(el);
}

async function saved(el: ReportEditor, press: () => unknown): Promise<ReportSpec> {
  const event = oneEvent(el, 'report-save') as Promise<ReportSaveEvent>;
  await press();
  return (await event).detail.spec;
}

describe('<report-editor>', () => {
  before(() => emulateMedia({ reducedMotion: 'reduce' }));
  after(() => emulateMedia({ reducedMotion: 'no-preference' }));

  it('is registered once', () => {
    expect(customElements.get('report-editor')).to.exist;
  });

  it('runs the seed flow by mouse and drag: rename, line chart, Inbox into breakdown, two filters, save', async () => {
    const start = spec();
    const el = await editor(start);
    // The preview follows every edit: it is drawn at once, not animated into place.
    expect(el.shadowRoot!.querySelector('report-tile')!.hasAttribute('no-animation')).to.equal(true);

    // Rename in place.
    $(el, '.name-button').click();
    await settle(el);
    const name = $<HTMLInputElement>(el, '#name-input');
    expect(deepActive()).to.equal(name);
    await sendKeys({ type: 'Chats by inbox' });
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect($(el, '.name-button').textContent).to.contain('Chats by inbox');

    // Line chart.
    $<HTMLInputElement>(el, 'input[name="chart-type"][value="line"]').click();
    await settle(el);

    // Data tab: add the Inbox property from the searchable catalog.
    $(el, '#tab-data').click();
    await settle(el);
    $(el, '.add-property').click();
    await settle(el);
    const options = $$(el, '.add-search [role="option"]').map((o) => o.textContent!.replace(/\s+/g, ' ').trim());
    expect(options).to.include('Response time Duration · Derived');
    expect(options.some((o) => o.startsWith('Priority') && o.endsWith('Custom'))).to.be.true;
    await sendKeys({ type: 'inbo' });
    await settle(el);
    const matches = $$(el, '.add-search [role="option"]');
    expect(matches.map((o) => o.dataset.name)).to.deep.equal(['inboxId']);
    matches[0]!.click();
    await settle(el);
    expect($$(el, '.property-item').map((item) => item.dataset.name)).to.deep.equal(['assigneeId', 'inboxId']);

    // Chart tab: drag the Inbox chip into the breakdown slot.
    $(el, '#tab-chart').click();
    await settle(el);
    await drag(el, $(el, '.chip[data-name="inboxId"]'), $(el, '.slot[data-slot="breakdown"]'));
    expect($(el, '.slot[data-slot="breakdown"] .slot-property').textContent).to.equal('Inbox');

    // Filters: Channel is chat AND Response time > 5 min.
    $(el, '.filters-button').click();
    await settle(el);
    expect(criteria(el)).to.have.length(1);
    await pickProperty(el, criteria(el)[0]!, 'Chan', 'channel');
    expect($<HTMLSelectElement>(el, `#criterion-${criteria(el)[0]!.dataset.uid}-operator`).value).to.equal('is');
    const chat = criteria(el)[0]!.querySelector<HTMLInputElement>('input[type="radio"][value=\'"chat"\']')!;
    expect(chat.closest('label')!.textContent!.trim()).to.equal('Chat');
    chat.click();
    $(el, '.and-button').click();
    await settle(el);
    expect(criteria(el)).to.have.length(2);
    expect(criteria(el)[1]!.querySelector('.joiner')!.textContent).to.equal('AND');
    await pickProperty(el, criteria(el)[1]!, 'Response', 'responseTime');
    const uid = criteria(el)[1]!.dataset.uid;
    expect($<HTMLSelectElement>(el, `#criterion-${uid}-operator`).value).to.equal('gt');
    expect($<HTMLSelectElement>(el, `#criterion-${uid}-unit`).value).to.equal('minutes');
    await typeIn($(el, `#criterion-${uid}-value`), '5');
    await settle(el);
    $(el, '.apply-filters').click();
    await settle(el);
    expect(el.shadowRoot!.querySelector('.filter-panel'), 'Apply closes the panel').to.be.null;
    expect($(el, '.filters-button').textContent).to.contain('Filters (2)');
    expect($(el, '.filter-summary').textContent).to.equal('Channel is Chat AND Response time is greater than 5 minutes');

    // The preview follows, then Save hands over the spec.
    await previewSettled(el, data);
    const result = await saved(el, () => $(el, '.save').click());
    expect(result).to.deep.equal(expected);
    const computed = computeReport(table, result, context);
    expect(el.previewResult).to.deep.equal(computed);
    expect(el.shadowRoot!.querySelector('report-tile')!.result).to.deep.equal(computed);
    expect(computed.matched).to.be.greaterThan(0);
    expect(start).to.deep.equal(spec(), 'the host’s spec is untouched');
  });

  it('runs the same flow by keyboard only', async () => {
    const el = await editor();
    await tabTo('.name-button');
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(deepActive()?.id).to.equal('name-input');
    await sendKeys({ type: 'Chats by inbox' });
    await sendKeys({ press: 'Enter' });
    await settle(el);

    // Data tab (arrow keys in the tab list), Add conversation property, search, Enter.
    await tabTo('#tab-chart');
    await sendKeys({ press: 'ArrowRight' });
    await settle(el);
    expect(deepActive()?.id).to.equal('tab-data');
    expect($(el, '#panel-data').hidden).to.be.false;
    await tabTo('.add-property');
    await sendKeys({ press: 'Enter' });
    await settle(el);
    await sendKeys({ type: 'Inbox' });
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(deepActive()?.matches('.add-property')).to.be.true;

    // Back to the Chart tab: line chart with the arrow keys.
    await tabTo('#tab-data', true);
    await sendKeys({ press: 'ArrowLeft' });
    await settle(el);
    await tabTo('input[name="chart-type"]');
    expect((deepActive() as HTMLInputElement).value).to.equal('bar');
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    await settle(el);
    expect(el.draftSpec!.chartType).to.equal('line');

    // Pick the Inbox chip, then the breakdown slot.
    await tabTo('.chip[data-name="inboxId"] .chip-pick');
    await sendKeys({ press: 'Enter' });
    await settle(el);
    await tabTo('.slot[data-slot="breakdown"] .slot-place');
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(el.draftSpec!.breakdown).to.equal('inboxId');

    // Filters.
    await tabTo('.filters-button');
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(deepActive()?.getAttribute('role')).to.equal('combobox');
    await sendKeys({ type: 'Channel' });
    await sendKeys({ press: 'Enter' });
    await settle(el);
    await tabTo('.criterion input[type="radio"]');
    expect((deepActive() as HTMLInputElement).value).to.equal('"chat"');
    await sendKeys({ press: 'Space' });
    await tabTo('.and-button');
    await sendKeys({ press: 'Enter' });
    await settle(el);
    await sendKeys({ type: 'Response time' });
    await sendKeys({ press: 'Enter' });
    await settle(el);
    await tabTo('.criterion:nth-of-type(2) input[type="number"]');
    await sendKeys({ type: '5' });
    await tabTo('.apply-filters');
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(el.shadowRoot!.querySelector('.filter-panel')).to.be.null;
    expect(deepActive()?.matches('.filters-button')).to.be.true;

    await tabTo('.save', true);
    await previewSettled(el, data);
    const result = await saved(el, () => sendKeys({ press: 'Enter' }));
    expect(result).to.deep.equal(expected);
    expect(el.previewResult).to.deep.equal(computeReport(table, result, context));
  });

  it('offers a menu on each chip as the other keyboard way into a slot', async () => {
    const el = await editor(spec({ dimension: 'createdAt', timeBucket: 'week' }));
    $(el, '#tab-data').click();
    await settle(el);
    $(el, '.add-property').click();
    await settle(el);
    await sendKeys({ type: 'Response time' });
    await sendKeys({ press: 'Enter' });
    $(el, '#tab-chart').click();
    await settle(el);
    await tabTo('.chip[data-name="responseTime"] .chip-menu-button');
    await sendKeys({ press: 'Enter' });
    await settle(el);
    const items = $$(el, '[role="menuitem"]');
    expect(items.map((i) => i.querySelector('span')!.textContent)).to.deep.equal(['Use as dimension', 'Use as breakdown', 'Use as measure']);
    expect(items[0]!.getAttribute('aria-disabled')).to.equal('true');
    expect(items[0]!.textContent).to.contain('Response time cannot group conversations');
    expect(deepActive()).to.equal(items[0]);
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    expect(deepActive()).to.equal(items[2]);
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(el.draftSpec!.measure).to.deep.equal({ op: 'avg', property: 'responseTime' });
    expect(el.shadowRoot!.querySelector('[role="menu"]')).to.be.null;

    // Time bucket for a date dimension; the measure's aggregation from the ones its type allows.
    expect($<HTMLSelectElement>(el, '#time-bucket').value).to.equal('week');
    const op = $<HTMLSelectElement>(el, '#measure-op');
    expect([...op.options].map((o) => o.value)).to.deep.equal(['count', 'avg', 'median', 'p90', 'min', 'max', 'sum']);
    op.value = 'p90';
    op.dispatchEvent(new Event('change'));
    const bucket = $<HTMLSelectElement>(el, '#time-bucket');
    bucket.value = 'month';
    bucket.dispatchEvent(new Event('change'));
    await settle(el);
    expect(el.draftSpec).to.deep.include({ measure: { op: 'p90', property: 'responseTime' }, timeBucket: 'month', dimension: 'createdAt' });
    await previewSettled(el, data);
  });

  it('renames in place: Enter or leaving the field keeps the name, Escape brings the old one back', async () => {
    const el = await editor();
    $(el, '.name-button').click();
    await settle(el);
    await sendKeys({ type: 'Draft name' });
    await sendKeys({ press: 'Escape' });
    await settle(el);
    expect($(el, '.name-button').textContent).to.contain('Volume by assignee');
    expect(deepActive()?.matches('.name-button')).to.be.true;
    await sendKeys({ press: 'Enter' });
    await settle(el);
    await sendKeys({ type: 'Kept on blur' });
    $<HTMLInputElement>(el, '#name-input').blur();
    await settle(el);
    expect(el.draftSpec!.title).to.equal('Kept on blur');
    await waitUntil(() => el.shadowRoot!.querySelector('report-tile')!.spec!.title === 'Kept on blur', 'the preview shows the new name');
  });

  it('applies nothing for a criterion left blank, and filters a date range in the report’s zone', async () => {
    const el = await editor();
    $(el, '.filters-button').click();
    await settle(el);
    $(el, '.apply-filters').click();
    await settle(el);
    expect(el.shadowRoot!.querySelector('.filter-panel')).to.be.null;
    expect(el.draftSpec!.filters).to.deep.equal([]);

    $(el, '.filters-button').click();
    await settle(el);
    await pickProperty(el, criteria(el)[0]!, 'Created', 'createdAt');
    const uid = criteria(el)[0]!.dataset.uid!;
    const operator = $<HTMLSelectElement>(el, `#criterion-${uid}-operator`);
    expect([...operator.options].map((o) => o.textContent!.trim())).to.deep.equal([
      'is after', 'is on or after', 'is before', 'is on or before', 'is between', 'is known', 'is unknown',
    ]);
    operator.value = 'between';
    operator.dispatchEvent(new Event('change'));
    await settle(el);
    for (const [field, date] of [['min', '2026-11-02'], ['max', '2026-11-08']]) {
      const input = $<HTMLInputElement>(el, `#criterion-${uid}-${field}`);
      expect(input.type).to.equal('date');
      input.value = date!;
      input.dispatchEvent(new Event('input'));
    }
    $(el, '.apply-filters').click();
    await settle(el);
    expect(el.draftSpec!.filters).to.deep.equal([
      { property: 'createdAt', operator: 'between', value: [Date.UTC(2026, 10, 1, 23), Date.UTC(2026, 10, 8, 23) - 1] },
    ]);
    await previewSettled(el, data);
    expect(el.previewResult!.matched).to.be.greaterThan(0);
  });

  it('cancel discards every change and leaves the host’s spec alone', async () => {
    const start = spec();
    const before = structuredClone(start);
    const el = await editor(start);
    $(el, '.name-button').click();
    await settle(el);
    await sendKeys({ type: 'Something else' });
    await sendKeys({ press: 'Enter' });
    $<HTMLInputElement>(el, 'input[name="chart-type"][value="column"]').click();
    await settle(el);
    $(el, '.chip[data-name="assigneeId"] .chip-pick').click();
    await settle(el);
    expect($(el, '.slot[data-slot="breakdown"] .slot-refusal').textContent).to.equal('Assignee is already the dimension.');
    $(el, '.filters-button').click();
    await settle(el);
    await pickProperty(el, criteria(el)[0]!, 'status', 'status');
    criteria(el)[0]!.querySelector<HTMLInputElement>('input[type="radio"]')!.click();
    $(el, '.apply-filters').click();
    await settle(el);
    expect(el.draftSpec).to.deep.include({ title: 'Something else', chartType: 'column' });
    expect(el.draftSpec!.filters).to.have.length(1);

    let saves = 0;
    el.addEventListener('report-save', () => saves++);
    const cancelled = oneEvent(el, 'report-cancel') as Promise<ReportCancelEvent>;
    $(el, '.cancel').click();
    expect((await cancelled).detail.reportId).to.equal('volume');
    await settle(el);
    expect(saves).to.equal(0);
    expect(start).to.deep.equal(before);
    expect(el.draftSpec).to.deep.equal(before);
    expect($(el, '.name-button').textContent).to.contain('Volume by assignee');
    expect($<HTMLInputElement>(el, 'input[name="chart-type"][value="bar"]').checked).to.be.true;
    expect($(el, '.filters-button').textContent!.trim()).to.equal('Filters');
    await previewSettled(el, data);
  });

  it('disables chart types that cannot show the report, and says why', async () => {
    const el = await editor(spec({ breakdown: 'inboxId' }));
    const radio = (type: string) => $<HTMLInputElement>(el, `input[name="chart-type"][value="${type}"]`);
    const reason = (type: string) => el.shadowRoot!.querySelector(`#chart-type-${type}-reason`)?.textContent ?? null;
    for (const type of ['pie', 'donut']) {
      expect(radio(type).disabled, type).to.be.true;
      expect(reason(type)).to.equal('Shows one series: remove the breakdown.');
      expect(radio(type).getAttribute('aria-describedby')).to.equal(`chart-type-${type}-reason`);
    }
    expect(reason('kpi')).to.equal('Shows one number: remove the dimension. Shows one series: remove the breakdown.');
    for (const type of ['bar', 'column', 'line', 'area', 'table']) expect(radio(type).disabled, type).to.be.false;

    // Removing the breakdown frees pie and donut; an average does not make slices.
    $(el, '.slot[data-slot="breakdown"] .slot-clear').click();
    await settle(el);
    expect(radio('pie').disabled).to.be.false;
    el.spec = spec({ measure: { op: 'avg', property: 'responseTime' } });
    await settle(el);
    expect(radio('pie').disabled).to.be.true;
    expect(reason('pie')).to.equal('Slices must add up to a whole: measure a count or a sum.');

    // A type that stops fitting after a change is named at save time, next to the picker.
    el.spec = spec({ chartType: 'pie' });
    await settle(el);
    $(el, '.chip[data-name="assigneeId"] .chip-pick').click();
    await settle(el);
    $(el, '.slot[data-slot="dimension"] .slot-clear').click();
    await settle(el);
    let fired = false;
    el.addEventListener('report-save', () => (fired = true));
    $(el, '.save').click();
    await settle(el);
    expect(fired).to.be.false;
    expect($(el, '#chart-type-error').textContent).to.contain('Needs a dimension');
    expect($(el, '.chart-types').getAttribute('aria-describedby')).to.equal('chart-type-error');
  });

  it('names invalid values next to their control and saves nothing', async () => {
    const el = await editor();
    let fired = false;
    el.addEventListener('report-save', () => (fired = true));

    // Empty name.
    $(el, '.name-button').click();
    await settle(el);
    await sendKeys({ press: 'Backspace' });
    await sendKeys({ press: 'Enter' });
    await settle(el);

    // A between with min > max and a number filter without a number.
    $(el, '.filters-button').click();
    await settle(el);
    await pickProperty(el, criteria(el)[0]!, 'Time to close', 'timeToClose');
    const first = criteria(el)[0]!.dataset.uid!;
    const operator = $<HTMLSelectElement>(el, `#criterion-${first}-operator`);
    operator.value = 'between';
    operator.dispatchEvent(new Event('change'));
    await settle(el);
    await typeIn($(el, `#criterion-${first}-min`), '3');
    await typeIn($(el, `#criterion-${first}-max`), '1');
    $(el, '.and-button').click();
    await settle(el);
    await pickProperty(el, criteria(el)[1]!, 'Csat', 'properties.csat');
    const second = criteria(el)[1]!.dataset.uid!;

    // Apply refuses and says why, in the panel.
    $(el, '.apply-filters').click();
    await settle(el);
    expect($(el, `#criterion-${first}-max-error`).textContent).to.equal('The second number must not be below the first.');
    expect($(el, `#criterion-${first}-max`).getAttribute('aria-invalid')).to.equal('true');
    expect($(el, `#criterion-${first}-max`).getAttribute('aria-describedby')).to.equal(`criterion-${first}-max-error`);
    expect($(el, `#criterion-${second}-value-error`).textContent).to.equal('Enter a number.');
    expect(deepActive()?.id).to.equal(`criterion-${first}-max`);

    const issues = el.validate();
    await settle(el);
    expect(issues.map((i) => i.control)).to.deep.equal(['title', `criterion-${first}-max`, `criterion-${second}-value`]);
    expect(issues[0]).to.deep.equal({ control: 'title', path: ['title'], message: 'Give the report a name.' });
    expect($(el, '#name-error').textContent).to.equal('Give the report a name.');
    expect($(el, '#name-input').getAttribute('aria-invalid')).to.equal('true');

    $(el, '.save').click();
    await settle(el);
    expect(fired).to.be.false;
    expect(deepActive()?.id).to.equal('name-input');

    // Fixing each problem clears its message; then Save goes through with ms durations.
    await sendKeys({ type: 'Slow closes' });
    await sendKeys({ press: 'Enter' });
    const max = $<HTMLInputElement>(el, `#criterion-${first}-max`);
    max.focus();
    max.select();
    await sendKeys({ type: '4' });
    const unit = $<HTMLSelectElement>(el, `#criterion-${first}-unit`);
    unit.value = 'hours';
    unit.dispatchEvent(new Event('change'));
    await typeIn($(el, `#criterion-${second}-value`), '4');
    await settle(el);
    expect(el.shadowRoot!.querySelector('.error')).to.be.null;
    const result = await saved(el, () => $(el, '.save').click());
    expect(result.title).to.equal('Slow closes');
    expect(result.filters).to.deep.equal([
      { property: 'timeToClose', operator: 'between', value: [3 * 3_600_000, 4 * 3_600_000] },
      { property: 'properties.csat', operator: 'is', value: 4 },
    ]);
  });

  it('keeps an untouched report exactly as it was, the channel shorthand included', async () => {
    const report = templates.chatOverview.reports[4]!;
    const el = await editor(report);
    $(el, '.filters-button').click();
    await settle(el);
    const rows = criteria(el);
    expect(rows).to.have.length(2);
    expect(rows[0]!.querySelector<HTMLInputElement>('.search-input')!.value).to.equal('Channel');
    expect(rows[0]!.querySelector<HTMLInputElement>('input[value=\'"chat"\']')!.checked).to.be.true;
    expect(rows[1]!.querySelector<HTMLInputElement>('.search-input')!.value).to.equal('Status');
    $(el, '.apply-filters').click();
    await settle(el);
    expect(await saved(el, () => $(el, '.save').click())).to.deep.equal(report);
  });

  it('lists the values present in the data, by name, for category filters', async () => {
    const el = await editor();
    $(el, '.filters-button').click();
    await settle(el);
    await pickProperty(el, criteria(el)[0]!, 'Assignee', 'assigneeId');
    const uid = criteria(el)[0]!.dataset.uid!;
    const operator = $<HTMLSelectElement>(el, `#criterion-${uid}-operator`);
    expect([...operator.options].map((o) => o.textContent!.trim())).to.deep.equal([
      'is', 'is not', 'is any of', 'is none of', 'is known', 'is unknown', 'contains',
    ]);
    operator.value = 'in';
    operator.dispatchEvent(new Event('change'));
    await settle(el);
    const boxes = $$<HTMLInputElement>(el, '.criterion input[type="checkbox"]');
    const present = new Set(table.assigneeId.values.slice(1));
    expect(boxes).to.have.length(present.size);
    const names = boxes.map((box) => box.closest('label')!.textContent!.trim());
    const byId = new Map(sample.lookups.assignees.map((a) => [a.id, a.name]));
    expect(new Set(names)).to.deep.equal(new Set([...present].map((id) => byId.get(id as string) ?? id)));
    // A long list can be narrowed without losing what was ticked.
    boxes[0]!.click();
    boxes[1]!.click();
    await settle(el);
    const ticked = [boxes[0]!.value, boxes[1]!.value].map((v) => JSON.parse(v) as string);
    const search = $<HTMLInputElement>(el, '.value-search');
    await typeIn(search, names[2]!.slice(0, 4));
    await settle(el);
    expect($$(el, '.criterion input[type="checkbox"]').length).to.be.lessThan(boxes.length);
    $(el, '.apply-filters').click();
    await settle(el);
    const filter = el.draftSpec!.filters[0]!;
    expect(filter.operator).to.equal('in');
    expect([...(filter.value as string[])].sort()).to.deep.equal(ticked.sort());

    // Editing a criterion later, and removing it.
    $(el, '.filters-button').click();
    await settle(el);
    expect(criteria(el)).to.have.length(1);
    $(el, '.remove-criterion').click();
    await settle(el);
    expect(criteria(el)).to.have.length(0);
    $(el, '.apply-filters').click();
    await settle(el);
    expect(el.draftSpec!.filters).to.deep.equal([]);
  });

  it('takes the table, context and locale of the dashboard around it when not given', async () => {
    const host = document.createElement('div');
    const data = { state: 'ready', version: 1, table, lookups: sample.lookups, context, locale: 'en' } as unknown as DashboardData;
    new ContextProvider(host, { context: dashboardDataContext, initialValue: data });
    const el = await fixture<ReportEditor>(html`<report-editor .spec=${spec({ measure: { op: 'avg', property: 'properties.csat' } })}></report-editor>`, {
      parentNode: host,
    });
    await waitUntil(() => el.previewResult, 'the preview is computed from the dashboard’s table');
    expect(el.previewContext).to.equal(context);
    expect(el.previewResult).to.deep.equal(computeReport(table, el.draftSpec!, context));
    expect($(el, '.slot[data-slot="measure"] .slot-property').textContent).to.equal('Csat');
  });

  it('shows compute errors in the preview tile instead of throwing', async () => {
    const broken = { ...spec(), filters: [{ property: 'responseTime', operator: 'gt' as const, value: 'soon' }] };
    const el = await fixture<ReportEditor>(html`<report-editor locale="en" .spec=${broken} .table=${table} .context=${context}></report-editor>`);
    await waitUntil(() => el.shadowRoot!.querySelector('report-tile'), 'the preview tile is there');
    const tile = el.shadowRoot!.querySelector('report-tile')!;
    await waitUntil(() => tile.shadowRoot?.querySelector('[part="error"]'), 'the tile shows the error');
    expect(tile.shadowRoot!.querySelector('[part="error"]')!.textContent).to.contain('needs a number');
    const issues = el.validate();
    expect(issues.map((i) => i.path)).to.deep.equal([['filters', 0, 'value']]);
  });

  it('passes axe in the Chart tab, the Data tab and the filter panel, light and dark', async () => {
    const el = await editor(spec({ breakdown: 'inboxId', measure: { op: 'avg', property: 'responseTime' } }));
    await expect(el).to.be.accessible();

    $(el, '.chip[data-name="inboxId"] .chip-pick').click();
    await settle(el);
    await expect(el).to.be.accessible();
    $(el, '.chip[data-name="inboxId"] .chip-pick').click();
    $(el, '.chip[data-name="inboxId"] .chip-menu-button').click();
    await settle(el);
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await settle(el);

    $(el, '#tab-data').click();
    await settle(el);
    await expect(el).to.be.accessible();
    $(el, '.add-property').click();
    await settle(el);
    await sendKeys({ type: 'time' });
    await sendKeys({ press: 'ArrowDown' });
    await settle(el);
    await expect(el).to.be.accessible();

    $(el, '#tab-chart').click();
    $(el, '.filters-button').click();
    await settle(el);
    await pickProperty(el, criteria(el)[0]!, 'Channel', 'channel');
    for (const [query, name, operator] of [
      ['Created', 'createdAt', 'between'],
      ['Response', 'responseTime', 'between'],
      ['Page', 'pageUrl', 'in'],
      ['Closed', 'closedAt', 'gt'],
      ['Ticket', 'ticketId', 'known'],
    ] as const) {
      $(el, '.and-button').click();
      await settle(el);
      const row = criteria(el).at(-1)!;
      await pickProperty(el, row, query, name);
      const select = $<HTMLSelectElement>(el, `#criterion-${row.dataset.uid}-operator`);
      select.value = operator;
      select.dispatchEvent(new Event('change'));
      await settle(el);
    }
    $(el, '.apply-filters').click();
    await settle(el);
    await expect(el).to.be.accessible();

    el.theme = 'dark';
    await settle(el);
    await expect(el).to.be.accessible();
  });

  describe('preview through the dashboard’s engine (no table in the page)', () => {
    /** A dashboard whose table lives elsewhere (its engine Worker): every preview is a request the test answers. */
    function remoteData(state: DashboardData['state'] = 'ready') {
      const requests: { spec: ReportSpec; signal: AbortSignal | undefined; resolve: (r: unknown) => void; reject: (e: unknown) => void }[] = [];
      const data = {
        state,
        version: 1,
        table: null,
        lookups: sample.lookups,
        context,
        locale: 'en',
        progress: { loaded: 0, total: null },
        error: state === 'error' ? 'the source is down' : null,
        rejected: [],
        loadedAt: null,
        compute: (request: ReportSpec, signal?: AbortSignal) =>
          new Promise((resolve, reject) => requests.push({ spec: request, signal, resolve, reject })),
        drill: () => Promise.resolve([]),
        retry: () => {},
      } as unknown as DashboardData;
      return { data, requests };
    }

    async function mountRemote(data: DashboardData, start: ReportSpec = spec()) {
      const host = document.createElement('div');
      const provider = new ContextProvider(host, { context: dashboardDataContext, initialValue: data });
      const el = await fixture<ReportEditor>(html`<report-editor locale="en" .spec=${start}></report-editor>`, { parentNode: host });
      return { el, provider };
    }

    const answer = (request: { spec: ReportSpec; resolve: (r: unknown) => void }) => request.resolve(computeReport(table, request.spec, context));
    const chartType = (el: ReportEditor, type: string) => $<HTMLInputElement>(el, `input[name="chart-type"][value="${type}"]`).click();

    it('asks the engine, shows its answer, and never lets the preview tile ask on its own', async () => {
      const { data, requests } = remoteData();
      const { el } = await mountRemote(data);
      await waitUntil(() => requests.length === 1, 'the preview is asked of the engine');
      const tile = $<ReportTile>(el, 'report-tile');
      expect(el.previewUpdating).to.equal(true);
      await waitUntil(() => tile.shadowRoot?.querySelector('[part="loading"]'), 'the tile shows it is loading');
      answer(requests[0]!);
      await waitUntil(() => el.previewResult, 'the answer is shown');
      expect(el.previewResult).to.deep.equal(computeReport(table, el.draftSpec!, context));
      expect(el.previewUpdating).to.equal(false);
      expect(tile.shownResult).to.deep.equal(el.previewResult);
      await aTimeout(50);
      expect(requests, 'one request: the tile asked nothing itself').to.have.length(1);
    });

    it('keeps one request out, drops superseded answers and ends with the last edit’s result', async () => {
      const { data, requests } = remoteData();
      const { el } = await mountRemote(data);
      await waitUntil(() => requests.length === 1);
      answer(requests[0]!);
      await waitUntil(() => el.previewResult);
      const first = el.previewResult;

      chartType(el, 'line');
      await waitUntil(() => requests.length === 2, 'the edit is sent');
      // Three more edits while that request is out: none is sent yet.
      chartType(el, 'column');
      await settle(el);
      $(el, '#tab-data').click();
      await settle(el);
      const select = $<HTMLSelectElement>(el, '#date-property');
      select.value = 'closedAt';
      select.dispatchEvent(new Event('change'));
      await settle(el);
      select.value = 'firstResponseAt';
      select.dispatchEvent(new Event('change'));
      await settle(el);
      expect(requests).to.have.length(2);
      expect(el.previewUpdating).to.equal(true);
      expect(el.previewResult, 'the last result stays in sight meanwhile').to.equal(first);

      // The superseded answer is dropped; the draft as it is now goes next.
      answer(requests[1]!);
      await waitUntil(() => requests.length === 3, 'the latest draft is sent');
      expect(el.previewResult).to.equal(first);
      expect(requests[2]!.spec).to.deep.include({ chartType: 'column', dateProperty: 'firstResponseAt' });
      answer(requests[2]!);
      await waitUntil(() => !el.previewUpdating, 'the preview is up to date');
      expect(el.previewResult).to.deep.equal(computeReport(table, el.draftSpec!, context));
      expect($<ReportTile>(el, 'report-tile').spec).to.deep.include({ chartType: 'column', dateProperty: 'firstResponseAt' });
      await aTimeout(50);
      expect(requests).to.have.length(3);
    });

    it('shows a failing computation as an error in the preview, not a blank', async () => {
      const { data, requests } = remoteData();
      const { el } = await mountRemote(data);
      await waitUntil(() => requests.length === 1);
      const failure = new Error('Filter on Response time needs a number');
      requests[0]!.reject(failure);
      const tile = $<ReportTile>(el, 'report-tile');
      await waitUntil(() => tile.shadowRoot?.querySelector('[part="error"]'), 'the tile shows the error');
      expect(tile.shadowRoot!.querySelector('[part="error"]')!.textContent).to.contain('needs a number');
      expect(el.previewUpdating).to.equal(false);

      // Retry asks again, and an answer replaces the error.
      tile.shadowRoot!.querySelector<HTMLButtonElement>('.retry')!.click();
      await waitUntil(() => requests.length === 2, 'Retry asks again');
      answer(requests[1]!);
      await waitUntil(() => tile.shadowRoot?.querySelector('cr-chart-view'), 'the chart replaces the error');
    });

    it('waits for the data to load, and shows a load failure in the preview', async () => {
      const loading = remoteData('loading');
      const { el, provider } = await mountRemote(loading.data);
      await settle(el);
      expect(loading.requests).to.have.length(0);
      expect(el.previewUpdating).to.equal(true);
      const ready = remoteData('ready');
      provider.setValue(ready.data);
      await waitUntil(() => ready.requests.length === 1, 'asked once the data is ready');
      answer(ready.requests[0]!);
      await waitUntil(() => el.previewResult);

      const failed = remoteData('error');
      provider.setValue(failed.data);
      const tile = $<ReportTile>(el, 'report-tile');
      await waitUntil(() => tile.shadowRoot?.querySelector('[part="error"]'), 'the load failure is shown');
      expect(tile.shadowRoot!.querySelector('[part="error"]')!.textContent).to.contain('the source is down');
    });
  });
});
