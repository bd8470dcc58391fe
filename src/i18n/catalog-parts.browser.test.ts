import { expect, fixture, html } from '@open-wc/testing';
import type { LitElement, TemplateResult } from 'lit';
import { waitUntil } from '../../test/wait-until.js';
import { createTable, parseConversations, templates } from '../core/index.ts';
import { generateConversations } from '../sample/generate-conversations.ts';
import '../elements/csv-import/csv-import.ts';
import '../elements/drill-dialog/drill-dialog.ts';
import '../elements/report-editor/report-editor.ts';
import '../elements/report-library/report-library.ts';
import { catalogParts, type CatalogPart } from './catalogs.ts';
import { csvImport } from './en/csv-import.ts';
import { dashboards } from './en/dashboards.ts';
import { drillDialog } from './en/drill-dialog.ts';
import { reportEditor } from './en/report-editor.ts';
import type { Messages } from './translate.ts';

const END = Date.UTC(2026, 10, 20);
const sample = generateConversations({ n: 200, seed: 3, end: END, days: 30 });
const table = createTable(parseConversations(sample.conversations).conversations, sample.lookups);
const context = { range: { from: END - 30 * 86_400_000, to: END }, timeZone: 'UTC' };
const spec = templates.chatOverview.reports[0]!;

/** Every text an element shows, its shadow roots' included, and the labels read out. */
function shownText(node: Node): string {
  const parts: string[] = [];
  const walk = (n: Node): void => {
    if (n.nodeType === Node.TEXT_NODE) parts.push(n.textContent ?? '');
    if (n instanceof Element) {
      for (const name of ['aria-label', 'placeholder', 'title']) if (n.hasAttribute(name)) parts.push(n.getAttribute(name)!);
      if (n.shadowRoot) walk(n.shadowRoot);
    }
    for (const child of n.childNodes) walk(child);
  };
  walk(node);
  return parts.join('\n');
}

/** A part's messages with no argument, of a few words: not a word both languages may share. */
const plainTexts = (section: Messages): string[] => Object.values(section).filter((text) => !/[{}]/.test(text) && /\S \S/.test(text) && text.length >= 8);

const rawKey = /\b(?:editor|drill|csvImport|dashboards)\.[a-zA-Z]+/;

const elements: { part: CatalogPart; english: Messages; render: (locale: string) => TemplateResult }[] = [
  { part: 'csv-import', english: csvImport, render: (locale) => html`<csv-import locale=${locale}></csv-import>` },
  { part: 'dashboards', english: dashboards, render: (locale) => html`<report-library locale=${locale}></report-library>` },
  { part: 'drill-dialog', english: drillDialog, render: (locale) => html`<drill-dialog locale=${locale} time-zone="UTC" heading="Volume" .conversations=${sample.conversations.slice(0, 3)}></drill-dialog>` },
  { part: 'report-editor', english: reportEditor, render: (locale) => html`<report-editor locale=${locale} .spec=${spec} .table=${table} .context=${context}></report-editor>` },
];

describe('the catalog parts of lazily-loaded elements', () => {
  for (const { part, english, render } of elements) {
    it(`${part}: shows its texts in French, never a key or English, and follows a change to Dutch`, async () => {
      const [fr, nl] = await Promise.all([catalogParts[part].fr(), catalogParts[part].nl()]);
      const el = await fixture<LitElement>(render('fr'));
      await el.updateComplete;
      const french = shownText(el);
      expect(french).not.to.match(rawKey);
      expect(plainTexts(fr).filter((text) => french.includes(text)), 'French texts shown').not.to.be.empty;
      const englishOnly = plainTexts(english).filter((text) => !Object.values(fr).includes(text));
      expect(englishOnly.filter((text) => french.includes(text)), 'English texts shown in French').to.deep.equal([]);

      el.setAttribute('locale', 'nl');
      await waitUntil(async () => (await el.updateComplete) && plainTexts(nl).some((text) => shownText(el).includes(text)), 'Dutch texts shown');
      const dutch = shownText(el);
      expect(dutch).not.to.match(rawKey);
      const frenchOnly = plainTexts(fr).filter((text) => !Object.values(nl).includes(text));
      expect(frenchOnly.filter((text) => dutch.includes(text)), 'French texts left after the change').to.deep.equal([]);
    });
  }
});
