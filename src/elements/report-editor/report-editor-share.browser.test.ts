import { expect } from '@open-wc/testing';
import { $, previewSettled, showEditor } from '../../../test/harness/editor-harness.ts';
import type { ReportEditor } from './report-editor.ts';
import { createTable, parseConversations, reportSpecSchema, type ReportSpec, type ReportSpecInput } from '../../core/index.ts';
import { generateConversations } from '../../sample/generate-conversations.ts';

/*
 * The `share` measure in the editor (DESIGN v2): offered for properties that group (an SLA state, a
 * team, a weekday), with a picker of the value it counts; the preview computes it.
 */

const DAY = 86_400_000;
const END = Date.UTC(2026, 10, 20);
const sample = generateConversations({ n: 800, seed: 5, end: END, days: 40 });
const table = createTable(parseConversations(sample.conversations).conversations, sample.lookups);
const office: [string, string][] = [['09:00', '17:00']];
const context = {
  range: { from: END - 30 * DAY, to: END },
  timeZone: 'Europe/Amsterdam',
  businessHours: { timeZone: 'Europe/Amsterdam', week: { mon: office, tue: office, wed: office, thu: office, fri: office } },
  sla: { firstResponseMs: 30 * 60_000, now: END },
};

const spec = (fields: Partial<ReportSpecInput> = {}): ReportSpec =>
  reportSpecSchema.parse({ id: 'sla', title: 'SLA by inbox', chartType: 'bar', dimension: 'inboxId', measure: { op: 'count' }, ...fields });

const data = { table, context, lookups: sample.lookups };
const editor = (start: ReportSpec, locale = 'en'): Promise<ReportEditor> => showEditor(start, data, { locale });

describe('<report-editor> share measure', () => {
  it('offers share for a category and picks the value it counts', async () => {
    const el = await editor(spec({ measure: { op: 'share', property: 'firstResponseSla', value: 'met' } }));
    const op = $<HTMLSelectElement>(el, '#measure-op');
    expect([...op.options].map((o) => o.value)).to.deep.equal(['count', 'share']);
    expect(op.value).to.equal('share');
    const value = $<HTMLSelectElement>(el, '#share-value');
    expect([...value.options].map((o) => o.textContent!.trim())).to.deep.equal(['Met', 'Breached', 'Pending']);
    expect(value.selectedOptions[0]!.textContent!.trim()).to.equal('Met');
    await previewSettled(el, data);

    value.value = value.options[1]!.value;
    value.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(el.draftSpec!.measure).to.deep.equal({ op: 'share', property: 'firstResponseSla', value: 'breached' });
    await previewSettled(el, data);
    const shares = el.previewResult!.rows.map((row) => row.value).filter((v): v is number => v !== null);
    expect(shares.length).to.be.greaterThan(0);
    expect(shares.every((v) => v >= 0 && v <= 1)).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('does not offer share for a duration, and weekdays are picked by name', async () => {
    const durations = await editor(spec({ measure: { op: 'avg', property: 'responseTimeBusiness' } }));
    expect([...$<HTMLSelectElement>(durations, '#measure-op').options].map((o) => o.value)).not.to.include('share');

    const weekdays = await editor(spec({ measure: { op: 'share', property: 'createdWeekday', value: 6 } }), 'fr');
    const value = $<HTMLSelectElement>(weekdays, '#share-value');
    expect([...value.options].map((o) => o.textContent!.trim())).to.deep.equal(['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche']);
    expect(value.selectedOptions[0]!.textContent!.trim()).to.equal('samedi');
  });

  it('a category chosen as measure becomes a share of its first value; switching to share from count picks one', async () => {
    const el = await editor(spec({ breakdown: 'firstResponseSla' }));
    // The chip menu's "Use as measure" for a category that cannot be averaged.
    $(el, '.chip[data-name="firstResponseSla"] .chip-menu-button').click();
    await el.updateComplete;
    const use = [...el.shadowRoot!.querySelectorAll<HTMLElement>('[role="menuitem"]')].find((item) => item.textContent!.includes('measure'))!;
    expect(use.getAttribute('aria-disabled')).not.to.equal('true');
    use.click();
    await el.updateComplete;
    expect(el.draftSpec!.measure).to.deep.equal({ op: 'share', property: 'firstResponseSla', value: 'met' });
    await previewSettled(el, data);
  });
});
