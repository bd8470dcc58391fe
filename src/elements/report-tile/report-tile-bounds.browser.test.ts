// DESIGN v2: tiles draw a readable number of categories and fold the rest into Other; the table
// view pages and the CSV export keeps every row. 20 000 assignees took 15 s to draw before.
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../../../test/wait-until.js';
import './report-tile.ts';
import type { ReportTile } from './report-tile.ts';
import '../conversation-dashboard/conversation-dashboard.ts';
import type { ConversationDashboard } from '../conversation-dashboard/conversation-dashboard.ts';
import { ArrayDataSource } from '../../adapters/array-data-source.ts';
import { reportSpecSchema } from '../../core/schema/report-spec.ts';
import type { ReportResult } from '../../core/types.ts';

const ASSIGNEES = 20_000;
const spec = reportSpecSchema.parse({ id: 'volume', title: 'Volume by assignee', chartType: 'bar', dimension: 'assigneeId', measure: { op: 'count' } });
// Assignee i has (i % 7) + 1 conversations: a result written by hand, the oracle below sums it apart.
const rows = Array.from({ length: ASSIGNEES }, (_, i) => ({ key: `a${i}`, label: `Agent ${String(i).padStart(5, '0')}`, value: (i % 7) + 1, count: (i % 7) + 1 }));
const total = rows.reduce((sum, row) => sum + row.count, 0);
const result: ReportResult = { reportId: 'volume', rows, total: { value: total, count: total }, matched: total };

type Series = { data: unknown[] };
const seriesOf = (el: ReportTile) => (el.chart!.getOption() as { series: Series[] }).series;

describe('<report-tile> with 20 000 categories', () => {
  it('draws 50 categories, the last one Other holding all the rest', async () => {
    const el = await fixture<ReportTile>(html`<report-tile renderer="svg" locale="en" time-zone="UTC" .spec=${spec} .result=${result}></report-tile>`);
    await waitUntil(() => el.chart, 'chart created');
    const [series] = seriesOf(el);
    expect(series!.data).to.have.length(50);
    const option = el.chart!.getOption() as { yAxis: { data?: string[] }[]; xAxis: { data?: string[] }[] };
    const categories = [...(option.yAxis[0]?.data ?? []), ...(option.xAxis[0]?.data ?? [])];
    expect(categories).to.include('Other');
    // Independent oracle: the 49 kept are those with 7 conversations (highest), ties by label.
    const kept = rows.filter((row) => row.value === 7).sort((a, b) => a.label.localeCompare(b.label)).slice(0, 49);
    const otherValue = total - kept.reduce((sum, row) => sum + row.value, 0);
    const values = series!.data.map((point) => (typeof point === 'object' && point !== null && 'value' in point ? (point as { value: unknown }).value : point));
    expect(values).to.deep.include(otherValue);
    expect(el.shownResult!.rows, 'the result itself keeps every row').to.have.length(ASSIGNEES);
    expect(el.toCsv().trim().split('\n'), 'the CSV export keeps every row').to.have.length(ASSIGNEES + 1);
  });

  it('a breakdown of 300 assignees draws 20 series, the last one Other summing the rest per category', async () => {
    const broken = reportSpecSchema.parse({ id: 'split', title: 'By inbox and assignee', chartType: 'column', dimension: 'inboxId', breakdown: 'assigneeId', measure: { op: 'count' } });
    const inboxes = ['sales', 'support', 'billing'];
    const split = inboxes.flatMap((inbox, d) => Array.from({ length: 300 }, (_, s) => ({ key: inbox, label: inbox, series: `a${s}`, seriesLabel: `Agent ${String(s).padStart(3, '0')}`, value: s + d + 1, count: s + d + 1 })));
    const sum = split.reduce((n, row) => n + row.count, 0);
    const el = await fixture<ReportTile>(html`<report-tile renderer="svg" locale="fr" time-zone="UTC" .spec=${broken} .result=${{ reportId: 'split', rows: split, total: { value: sum, count: sum }, matched: sum }}></report-tile>`);
    await waitUntil(() => el.chart, 'chart created');
    const series = el.chart!.getOption() as { series: { name: string; data: { value: number }[] }[] };
    expect(series.series).to.have.length(20);
    const other = series.series.find((entry) => entry.name === 'Autres' || entry.name === 'Autre')!;
    expect(other, 'the Other series, in the reader’s language').to.exist;
    // Oracle: the 19 agents with the highest totals are a281…a299; Other sums a0…a280 per inbox.
    const expected = inboxes.map((_, d) => Array.from({ length: 281 }, (_, s) => s + d + 1).reduce((n, v) => n + v, 0));
    expect(other.data.map((point) => point.value)).to.deep.equal(expected);
  });

  it('the table view shows 100 rows at a time, with pages to the rest', async () => {
    const el = await fixture<ReportTile>(html`<report-tile view="table" locale="en" time-zone="UTC" .spec=${spec} .result=${result}></report-tile>`);
    const root = el.shadowRoot!;
    expect(root.querySelectorAll('tbody tr')).to.have.length(100);
    const pager = root.querySelector('[part="table-pager"]')!;
    expect(pager.textContent).to.contain('Rows 1–100 of 20,000');
    root.querySelector<HTMLButtonElement>('.next-rows')!.click();
    await el.updateComplete;
    expect(root.querySelectorAll('tbody tr')).to.have.length(100);
    expect(pager.textContent).to.contain('Rows 101–200 of 20,000');
    expect(root.querySelector('tbody tr td')!.textContent).to.equal(rows[100]!.label);
    await expect(el).to.be.accessible();
  });

  it('in a dashboard, a median chart folds through the engine: Other is the median of the rest', async () => {
    const END = Date.UTC(2026, 10, 20, 12);
    // 2 000 assignees, one conversation each, response time = index minutes (+1 so none is zero).
    const records = Array.from({ length: 2_000 }, (_, i) => ({
      id: `c${i}`, channel: 'chat', status: 'open', inboxId: 'in', assigneeId: `a${i}`,
      createdAt: END - 86_400_000, firstResponseAt: END - 86_400_000 + (i + 1) * 60_000,
    }));
    const board = { id: 'b', name: 'B', ownerId: '', privacy: 'everyone', reports: [{ id: 'median', title: 'Median reply', chartType: 'bar', dimension: 'assigneeId', measure: { op: 'median', property: 'responseTime' } }] };
    const el = await fixture<ConversationDashboard>(
      html`<conversation-dashboard locale="en" time-zone="UTC" .now=${END} .dataSource=${new ArrayDataSource(records)}></conversation-dashboard>`,
    );
    el.restore({ dashboards: [board], templates: false, dashboardId: 'b' });
    await el.updateComplete;
    const tile = () => el.shadowRoot!.querySelector<ReportTile>('report-tile')!;
    await waitUntil(() => tile()?.chart && (seriesOf(tile())[0]?.data.length ?? 0) === 50, 'folded chart drawn', { timeout: 15_000 });
    // Oracle: the 49 slowest are kept; Other is the median of the 1 951 others' 1..1951 minutes.
    await waitUntil(() => {
      const data = seriesOf(tile())[0]!.data.map((p) => (typeof p === 'object' && p !== null && 'value' in p ? (p as { value: unknown }).value : p));
      return data.includes(976 * 60_000);
    }, 'Other is the exact median of the folded groups', { timeout: 15_000 });
  });
});
