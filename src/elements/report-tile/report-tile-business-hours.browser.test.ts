// A business-hours report without business hours says so in the reader's language, naming the
// property, instead of the engine's English message.
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../../../test/wait-until.js';
import './report-tile.ts';
import type { ReportTile } from './report-tile.ts';

const spec = { id: 'b', title: 'Business response', chartType: 'column', dimension: 'assigneeId', measure: { op: 'avg', property: 'responseTimeBusiness' } };

async function tile(locale: string): Promise<string> {
  const el = await fixture<ReportTile>(html`<report-tile sample="300" locale=${locale} time-zone="Europe/Amsterdam"></report-tile>`);
  el.spec = spec as never;
  await waitUntil(() => el.shadowRoot!.querySelector('[role="alert"], canvas, svg'), 'an error or a chart');
  return el.shadowRoot!.querySelector('[role="alert"]')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

describe('<report-tile> business-hours reports without business hours', () => {
  for (const [locale, expected] of [
    ['en', '“Response time (business hours)” is counted in business hours'],
    ['fr', 'se compte en heures ouvrées'],
    ['nl', 'wordt in kantooruren geteld'],
  ] as const) {
    it(`tells why in ${locale}`, async () => {
      const text = await tile(locale);
      expect(text).to.contain(expected);
      expect(text).not.to.contain('context.businessHours');
    });
  }
});
