// (v2) The previous period on a tile over time: a ghost line named in the reader's language, named
// in the chart's screen-reader label, and a column (each value with its own date) in the table view.
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../../../test/wait-until.js';
import './report-tile.ts';
import type { ReportTile } from './report-tile.ts';
import { computeReport, createTable, reportSpecSchema, type ReportContext, type ReportSpec } from '../../core/index.ts';
import { generateConversations } from '../../sample/generate-conversations.ts';
// The tooltip is registered on first use (a pointer over a chart); these tests show it directly.
import '../../charts/echarts-tooltip.ts';

const { conversations, lookups } = generateConversations({ n: 1_500, seed: 9, end: Date.UTC(2026, 10, 20), days: 120 });
const table = createTable(conversations, lookups);
// October in Amsterdam: 1 October pairs with 31 August (the previous period's first hour is a sliver of 30 August).
const context: ReportContext = { range: { from: Date.UTC(2026, 8, 30, 22), to: Date.UTC(2026, 9, 31, 23) }, timeZone: 'Europe/Amsterdam', compare: 'previous-period' };
const spec = (chartType: 'line' | 'area'): ReportSpec =>
  reportSpecSchema.parse({ id: 'volume-over-time', title: 'Volume over time', chartType, dimension: 'createdAt', timeBucket: 'day', measure: { op: 'count' } });
const result = computeReport(table, spec('line'), context);

async function tile(chartType: 'line' | 'area', locale: string, view: 'chart' | 'table' = 'chart'): Promise<ReportTile> {
  const el = await fixture<ReportTile>(
    html`<report-tile renderer="svg" locale=${locale} time-zone="Europe/Amsterdam" view=${view} .spec=${spec(chartType)} .result=${result}></report-tile>`,
  );
  await el.updateComplete;
  return el;
}

type Series = { name?: string; type?: string; lineStyle?: { type?: string } };

describe('<report-tile> previous period over time (v2)', () => {
  for (const [chartType, locale, name] of [
    ['line', 'en', 'Previous period'],
    ['area', 'fr', 'Période précédente'],
    ['line', 'nl', 'Vorige periode'],
  ] as const) {
    it(`draws the previous period as a dashed ghost named "${name}" on a ${chartType} chart, and its label names it`, async () => {
      const el = await tile(chartType, locale);
      await waitUntil(() => el.chart, 'chart created');
      const series = (el.chart!.getOption() as { series: Series[] }).series;
      expect(series).to.have.length(2);
      expect(series[1]!.name).to.equal(name);
      expect(series[1]!.type).to.equal('line');
      expect(series[1]!.lineStyle?.type).to.equal('dashed');
      const label = el.chart!.getDom().getAttribute('aria-label') ?? '';
      expect(label).to.contain(`${name}:`);
    });
  }

  it('gives the previous bucket its own line in the tooltip, with its date', async () => {
    const el = await tile('line', 'fr');
    await waitUntil(() => el.chart, 'chart created');
    el.chart!.dispatchAction({ type: 'showTip', seriesIndex: 0, dataIndex: 0 });
    const lines = () => [...el.chart!.getDom().querySelectorAll('.cr-tooltip-line')].map((line) => line.textContent ?? '');
    await waitUntil(() => lines().length === 2, 'tooltip with two lines');
    expect(lines()[1]).to.equal(`Période précédente · 31 août: ${result.rows[0]!.previous!.value}`);
  });

  it('shows the previous period as a column of the table view, each value with the date it comes from', async () => {
    const el = await tile('line', 'fr', 'table');
    const headings = [...el.shadowRoot!.querySelectorAll('[part="table"] thead th')].map((th) => th.textContent!.trim());
    expect(headings).to.include('Période précédente');
    expect(headings).to.include('Évolution');
    const column = headings.indexOf('Période précédente');
    const first = el.shadowRoot!.querySelector('[part="table"] tbody tr')!.querySelectorAll('td')[column]!;
    expect(first.textContent!.trim()).to.equal(`${result.rows[0]!.previous!.value} (31 août)`);
    await expect(el).to.be.accessible();
  });
});
