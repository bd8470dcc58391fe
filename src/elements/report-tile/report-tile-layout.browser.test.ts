import { expect } from '@open-wc/testing';
import { waitUntil } from '../../../test/wait-until.js';
import type { ReportTile } from './report-tile.ts';
import { reportSpecSchema, type ReportSpecInput } from '../../core/schema/report-spec.ts';
import type { ReportResult } from '../../core/types.ts';
import { showTile } from '../../../test/harness/tile-harness.ts';

// Narrow tiles: what a 320–360 px column of a dashboard on a phone shows.

const spec = (fields: Partial<ReportSpecInput> = {}) =>
  reportSpecSchema.parse({
    id: 'response',
    title: 'Chat median response time by page URL where the chat started',
    chartType: 'bar',
    dimension: 'pageUrl',
    measure: { op: 'median', property: 'responseTime' },
    ...fields,
  });

const MINUTE = 60_000;
const longLabels: ReportResult = {
  reportId: 'response',
  rows: [
    { key: 'a', label: 'https://www.example.com/pricing/enterprise-plans-and-discounts', value: 97 * MINUTE + 12_000, count: 1204 },
    { key: 'b', label: 'https://www.example.com/support/knowledge-base/getting-started', value: 63 * MINUTE, count: 861 },
    { key: 'c', label: 'https://www.example.com/blog/announcing-our-new-integrations', value: 41 * MINUTE + 30_000, count: 433 },
    { key: 'd', label: 'https://www.example.com/careers/open-positions-in-amsterdam', value: 12 * MINUTE, count: 97 },
  ],
  total: { value: 58 * MINUTE, count: 2595 },
  matched: 2595,
};

function tile(width: number, fields: Partial<ReportSpecInput> = {}, result: ReportResult = longLabels): Promise<ReportTile> {
  return showTile(spec(fields), result, { width });
}

interface Box {
  text: string;
  left: number;
  right: number;
  top: number;
}

/** The chart's SVG text boxes, grouped into rows by their top edge. */
function textRows(el: ReportTile): Box[][] {
  const view = el.shadowRoot!.querySelector('cr-chart-view')!;
  const texts = [...view.shadowRoot!.querySelectorAll('svg text')].filter((text) => (text.textContent ?? '').trim() !== '');
  const rows = new Map<number, Box[]>();
  for (const text of texts) {
    const rect = text.getBoundingClientRect();
    if (rect.width === 0) continue;
    const top = Math.round(rect.top);
    const box = { text: text.textContent!, left: rect.left, right: rect.right, top };
    rows.set(top, [...(rows.get(top) ?? []), box]);
  }
  return [...rows.values()];
}

describe('<report-tile> in a narrow column', () => {
  it('draws value-axis labels of a 360 px bar chart with long labels side by side, none over another', async () => {
    const el = await tile(360);
    await waitUntil(() => el.chart, 'chart created');
    // ECharts paints on an animation frame, which a busy machine runs late.
    await waitUntil(() => textRows(el).length > 0, 'the chart is painted');
    const rows = textRows(el).filter((row) => row.length > 1);
    expect(rows.length, 'a row of value-axis labels').to.be.greaterThan(0);
    for (const row of rows) {
      const sorted = [...row].sort((a, b) => a.left - b.left);
      for (let index = 1; index < sorted.length; index += 1) {
        const gap = sorted[index]!.left - sorted[index - 1]!.right;
        expect(gap, `"${sorted[index - 1]!.text}" and "${sorted[index]!.text}"`).to.be.at.least(4);
      }
    }
  });

  it('heads the value column of a table with the measure, not the report title', async () => {
    const el = await tile(600, { chartType: 'table' });
    const headings = [...el.shadowRoot!.querySelectorAll('th')].map((th) => th.textContent!.trim());
    expect(headings).to.deep.equal(['Page URL', 'Median response time', 'Conversations']);

    const count = await tile(600, { chartType: 'table', measure: { op: 'count' } });
    expect([...count.shadowRoot!.querySelectorAll('th')].map((th) => th.textContent!.trim())).to.deep.equal(['Page URL', 'Conversations']);
  });

  it('heads the value column in the reader’s language', async () => {
    const el = await tile(600, { chartType: 'table' });
    el.setAttribute('locale', 'fr');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelectorAll('th')[1]!.textContent!.trim()).to.equal('Médiane\u00a0: temps de réponse');
    el.setAttribute('locale', 'nl');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelectorAll('th')[1]!.textContent!.trim()).to.equal('Mediane reactietijd');
  });

  it('keeps every number of a 320 px table in view: the labels are cut, the numbers are not', async () => {
    const el = await tile(320, { chartType: 'table' });
    const wrap = el.shadowRoot!.querySelector<HTMLElement>('.table-wrap')!;
    expect(wrap.scrollWidth, 'no horizontal scroll').to.be.at.most(wrap.clientWidth);
    const wrapRight = wrap.getBoundingClientRect().right;
    for (const cell of el.shadowRoot!.querySelectorAll<HTMLElement>('td.numeric')) {
      expect(cell.scrollWidth, `"${cell.textContent}" whole`).to.be.at.most(cell.clientWidth);
      expect(cell.getBoundingClientRect().right, `"${cell.textContent}" inside the tile`).to.be.at.most(wrapRight + 0.5);
    }
    // A URL is cut in the middle: the shared site is gone and the head gives way before the last segment.
    const head = el.shadowRoot!.querySelector<HTMLElement>('td:not(.numeric) .url-head')!;
    expect(head.textContent).to.equal('/pricing/');
    expect(head.scrollWidth, 'the head is cut').to.be.greaterThan(head.clientWidth);
    expect(getComputedStyle(head).textOverflow).to.equal('ellipsis');
  });

  for (const width of [400, 360, 320]) {
    it(`keeps the value and the change of a compared table in view at ${width} px, leaving out secondary columns`, async () => {
      const compared: ReportResult = {
        ...longLabels,
        rows: longLabels.rows.map((row, index) => ({ ...row, previous: { value: row.value! * (1 + index / 10), count: row.count + index } })),
      };
      const el = await tile(width, { chartType: 'table' }, compared);
      const wrap = el.shadowRoot!.querySelector<HTMLElement>('.table-wrap')!;
      expect(wrap.scrollWidth, 'no horizontal scroll').to.be.at.most(wrap.clientWidth);
      const visible = (selector: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)].filter((cell) => cell.offsetParent !== null);
      expect(visible('td.col-value')).to.have.length(4);
      expect(visible('td.col-change')).to.have.length(4);
      for (const cell of visible('td.numeric')) expect(cell.scrollWidth, `"${cell.textContent}" whole`).to.be.at.most(cell.clientWidth);
      const label = visible('td.col-label')[0]!;
      expect(label.clientWidth, 'a few characters of the label').to.be.at.least(50);
    });
  }

  for (const width of [360, 240, 200, 160]) {
    it(`keeps a KPI number on one line in a ${width} px tile, shrinking it instead`, async () => {
      const el = await tile(width, { chartType: 'kpi', dimension: undefined }, {
        reportId: 'response',
        rows: [],
        total: { value: 97 * MINUTE + 12_000, count: 2595, previous: { value: 80 * MINUTE, count: 2000 } },
        matched: 2595,
      });
      const value = el.shadowRoot!.querySelector<HTMLElement>('.kpi-value')!;
      const style = getComputedStyle(value);
      const lineHeight = parseFloat(style.lineHeight);
      expect(value.getBoundingClientRect().height, `one line of ${value.textContent}`).to.be.below(lineHeight * 1.5);
      const kpi = el.shadowRoot!.querySelector<HTMLElement>('[part="kpi"]')!;
      expect(value.getBoundingClientRect().width, 'inside the tile').to.be.at.most(kpi.getBoundingClientRect().width + 0.5);
    });
  }
});
