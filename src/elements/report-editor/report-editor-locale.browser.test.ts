import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../../../test/wait-until.js';
import './report-editor.ts';
import type { ReportEditor } from './report-editor.ts';
import { createTable, parseConversations, templates } from '../../core/index.ts';
import { generateConversations } from '../../sample/generate-conversations.ts';
import type { ReportSaveEvent } from '../../events/report-save-event.ts';
import { registerCatalog } from '../../i18n/translate.ts';
import { reportSpecSchema } from '../../core/schema/report-spec.ts';

const END = Date.UTC(2026, 10, 20);
const sample = generateConversations({ n: 300, seed: 5, end: END, days: 30 });
const table = createTable(parseConversations(sample.conversations).conversations, sample.lookups);
const context = { range: { from: END - 30 * 86_400_000, to: END }, timeZone: 'Europe/Amsterdam' };
const template = templates.chatOverview.reports.find((r) => r.id === 'chat-volume-by-assignee')!;

async function editor(locale: string): Promise<ReportEditor> {
  const el = await fixture<ReportEditor>(html`<report-editor locale=${locale} .spec=${template} .table=${table} .context=${context}></report-editor>`);
  await waitUntil(() => el.previewResult, 'the preview is computed');
  return el;
}

describe('<report-editor> in the reader’s language', () => {
  for (const [locale, title] of [
    ['fr', 'Volume de discussion par responsable'],
    ['nl', 'Chatvolume per cessionaris'],
  ] as const) {
    it(`shows a template report's title in ${locale}, in the header, the label and the preview chart's name`, async () => {
      const el = await editor(locale);
      const root = el.shadowRoot!;
      expect(root.querySelector('.name-text')!.textContent).to.equal(title);
      expect(root.querySelector('[part="base"]')!.getAttribute('aria-label')).to.contain(title);
      expect(root.querySelector('[part="base"]')!.getAttribute('aria-label')).not.to.contain('Chat volume by assignee');
      const tile = root.querySelector('report-tile')!;
      await waitUntil(() => tile.shadowRoot!.querySelector('cr-chart-view')?.shadowRoot?.querySelector('[part="chart"]')?.getAttribute('aria-label'));
      const chartLabel = tile.shadowRoot!.querySelector('cr-chart-view')!.shadowRoot!.querySelector('[part="chart"]')!.getAttribute('aria-label')!;
      expect(chartLabel).to.contain(title);
      expect(chartLabel).not.to.contain('Chat volume by assignee');
    });
  }

  it('saves an untouched template title as the template’s, so it keeps following the language', async () => {
    const el = await editor('fr');
    const saved = oneEvent(el, 'report-save') as Promise<ReportSaveEvent>;
    el.shadowRoot!.querySelector<HTMLButtonElement>('.save')!.click();
    expect((await saved).detail.spec.title).to.equal('Chat volume by assignee');
  });

  it('re-titles an untouched template title when its language’s catalog arrives after the first render, and keeps a typed one', async () => {
    // No built-in catalog for this language: English first, then the host registers one.
    const el = await editor('de-CH');
    const name = () => el.shadowRoot!.querySelector('.name-text')!.textContent;
    expect(name()).to.equal('Chat volume by assignee');
    registerCatalog('de', { 'report.chat-volume-by-assignee.title': 'Chatvolumen nach Bearbeiter' });
    await el.updateComplete;
    expect(name()).to.equal('Chatvolumen nach Bearbeiter');
    expect(el.draftSpec!.title).to.equal('Chatvolumen nach Bearbeiter');

    const typed = await editor('de-AT');
    const input = () => typed.shadowRoot!.querySelector<HTMLInputElement>('#name-input')!;
    typed.shadowRoot!.querySelector<HTMLButtonElement>('.name-button')!.click();
    await typed.updateComplete;
    input().value = 'Mein Bericht';
    input().dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    await typed.updateComplete;
    registerCatalog('de', { 'report.chat-volume-by-assignee.title': 'Chat-Volumen je Bearbeiter' });
    await typed.updateComplete;
    expect(typed.draftSpec!.title).to.equal('Mein Bericht');
  });

  it('words a preview error in the reader’s language at each render, so it follows a new locale', async () => {
    // Counted in business hours, and the context has none: the engine throws its typed error.
    const spec = reportSpecSchema.parse({ id: 'b', title: 'Business response', chartType: 'column', dimension: 'assigneeId', measure: { op: 'avg', property: 'responseTimeBusiness' } });
    const el = await fixture<ReportEditor>(html`<report-editor locale="fr" .spec=${spec} .table=${table} .context=${context}></report-editor>`);
    const error = () => el.shadowRoot!.querySelector('report-tile')?.shadowRoot?.querySelector('[part="error"]')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
    await waitUntil(() => error(), 'the preview shows its error');
    expect(error()).to.contain('se compte en heures ouvrées');
    el.locale = 'nl';
    await waitUntil(() => error().includes('wordt in kantooruren geteld'), 'the error follows the new locale');
    expect(error()).not.to.contain('heures ouvrées');
    // Same locale, same computation, new texts: only an error worded at render time follows them. A
    // typed title keeps the draft as it is when texts change (an untouched one is re-titled).
    el.locale = 'it-IT';
    el.shadowRoot!.querySelector<HTMLButtonElement>('.name-button')!.click();
    await el.updateComplete;
    const input = el.shadowRoot!.querySelector<HTMLInputElement>('#name-input')!;
    input.value = 'Risposta';
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    await waitUntil(() => el.draftSpec?.title === 'Risposta' && error().includes('is counted in business hours'), 'no Italian catalog yet: English');
    registerCatalog('it', { 'tile.needsBusinessHours': '«{property}» si conta in ore lavorative.' });
    await waitUntil(() => error().includes('si conta in ore lavorative'), 'the error follows the catalog that arrived');
  });
});
