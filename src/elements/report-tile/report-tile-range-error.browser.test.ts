// A standalone tile's invalid range is shown in the reader's language, worded when shown: a new
// locale re-words it though the range, and so the error, stayed the same.
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../../../test/wait-until.js';
import { volumeSpec } from '../../../test/harness/tile-harness.ts';
import type { ReportTile } from './report-tile.ts';

describe('<report-tile> with an invalid range', () => {
  it('names the problem in the reader’s language, and again in a new one', async () => {
    const el = await fixture<ReportTile>(html`<report-tile sample="50" range="nonsense" locale="fr" time-zone="UTC" spec=${JSON.stringify(volumeSpec())}></report-tile>`);
    const text = () => el.shadowRoot!.querySelector('[part="config-error"]')?.textContent?.replace(/\s+/g, ' ') ?? '';
    await waitUntil(() => text().includes('Période inconnue "nonsense"'), 'the range error in French');
    expect(el.configError!.issues[0]!.path).to.equal('range');
    el.locale = 'nl';
    await waitUntil(() => text().includes('Onbekend bereik "nonsense"'), 'the range error in Dutch');
    expect(text()).not.to.contain('Période');
  });
});
