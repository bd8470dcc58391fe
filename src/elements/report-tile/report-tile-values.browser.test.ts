// (v2) The measure named on the tile, in the reader's language, and the change against the previous
// period coloured by what it means (a faster response is good news; volume is neither).
import { expect, fixture, html } from '@open-wc/testing';
import './report-tile.ts';
import type { ReportTile } from './report-tile.ts';
import type { ReportSpec } from '../../core/schema/report-spec.ts';
import type { ReportResult } from '../../core/types.ts';

const MIN = 60_000;
const spec = (measure: ReportSpec['measure']): ReportSpec => ({ id: 'r', title: 'Chats', chartType: 'table', dimension: 'assigneeId', measure, filters: [], dateProperty: 'createdAt' });
const result = (now: number, before: number): ReportResult => ({
  reportId: 'r',
  rows: [{ key: 'a1', label: 'Alice', value: now, count: 10, previous: { value: before, count: 8 } }],
  total: { value: now, count: 10, previous: { value: before, count: 8 } },
  matched: 10,
});

async function tile(s: ReportSpec, r: ReportResult, locale = 'en'): Promise<ReportTile> {
  const el = await fixture<ReportTile>(html`<report-tile locale=${locale} time-zone="UTC" .spec=${s} .result=${r}></report-tile>`);
  await el.updateComplete;
  return el;
}

const part = (el: ReportTile, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part="${name}"]`)!;

describe('<report-tile> measure and change (v2)', () => {
  it('names the measure under the title, localized', async () => {
    const responseTime = spec({ op: 'avg', property: 'responseTime' });
    expect(part(await tile(responseTime, result(3 * MIN, 5 * MIN)), 'measure').textContent!.trim()).to.equal('Average response time');
    expect(part(await tile(spec({ op: 'count' }), result(12, 9)), 'measure').textContent!.trim()).to.equal('Conversations');
    expect(part(await tile(responseTime, result(3 * MIN, 5 * MIN), 'fr'), 'measure').textContent!.trim()).to.match(/temps de réponse/i);
  });

  it('colours a faster response good, a slower one bad, and a change in volume neither', async () => {
    const responseTime = spec({ op: 'avg', property: 'responseTime' });
    const faster = part(await tile(responseTime, result(3 * MIN, 5 * MIN)), 'delta');
    expect(faster.dataset.tone).to.equal('good');
    const slower = await tile(responseTime, result(6 * MIN, 5 * MIN));
    expect(part(slower, 'delta').dataset.tone).to.equal('bad');
    expect(getComputedStyle(part(slower, 'delta')).color).to.not.equal(getComputedStyle(faster).color);
    expect(part(await tile(spec({ op: 'count' }), result(12, 9)), 'delta').dataset.tone).to.equal('neutral');
    await expect(slower).to.be.accessible();
  });
});
