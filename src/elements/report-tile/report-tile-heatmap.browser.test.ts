import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../../../test/wait-until.js';
import { sendKeys } from '@web/test-runner-commands';
import './report-tile.ts';
import type { ReportTile } from './report-tile.ts';
import type { ReportSpec } from '../../core/schema/report-spec.ts';
import type { ReportResult } from '../../core/types.ts';
import { buildHeatmapOption } from '../../charts/options/heatmap-option.ts';
import { settings } from '../../charts/test-fixtures.ts';
import { needsChartModules } from '../../charts/chart-modules.ts';
import { DARK_CHART_PALETTE } from '../../theme/palette.ts';
import { darkColors } from '../../theme/tokens.ts';

/*
 * Charts are drawn with the SVG renderer here: zrender's canvas painter splits a slow paint across
 * animation frames, and a chart disposed by the previous test's cleanup in between throws.
 *
 * The day × hour heatmap: an ECharts heatmap whose parts load only when one is shown, weekdays in
 * the reader's order and words, hours as the reader writes them, a colour scale from the theme,
 * cells walked and drilled by keyboard, and a table alternative.
 */

const spec: ReportSpec = {
  id: 'volume-by-weekday-hour',
  title: 'Conversations by weekday and hour',
  chartType: 'heatmap',
  dimension: 'createdHour',
  breakdown: 'createdWeekday',
  measure: { op: 'count' },
  filters: [],
  dateProperty: 'createdAt',
};

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** Weekdays 1–7 × hours 0–23 in the core's shape; Sunday 03:00 has no row at all (an empty cell). */
function weekResult(): ReportResult {
  const rows: ReportResult['rows'] = [];
  for (let hour = 0; hour < 24; hour++) {
    for (let day = 1; day <= 7; day++) {
      if (day === 7 && hour === 3) continue;
      const value = day * 100 + hour;
      rows.push({ key: hour, label: `${String(hour).padStart(2, '0')}:00`, series: day, seriesLabel: WEEKDAYS[day - 1]!, value, count: value });
    }
  }
  const total = rows.reduce((sum, row) => sum + (row.value ?? 0), 0);
  return { reportId: spec.id, rows, total: { value: total, count: total }, matched: total };
}

async function tile(locale: string, extra: Partial<ReportTile> = {}, theme: 'light' | 'dark' = 'light') {
  const el = await fixture<ReportTile>(
    html`<report-tile
      style="width: 760px"
      locale=${locale}
      time-zone="UTC"
      theme=${theme}
      renderer="svg"
      no-animation
      .spec=${spec}
      .result=${weekResult()}
    ></report-tile>`,
  );
  Object.assign(el, extra);
  await el.updateComplete;
  return el;
}

type HeatmapOptionView = {
  xAxis: { data: string[] }[];
  yAxis: { data: string[]; inverse: boolean }[];
  visualMap: { inRange: { color: string[] }; min: number; max: number }[];
  series: { type: string; data: { value: [number, number, number | '-']; key: unknown; series: unknown }[] }[];
};

async function drawn(el: ReportTile): Promise<HeatmapOptionView> {
  await waitUntil(() => (el.chart?.getOption() as HeatmapOptionView | undefined)?.series?.[0]?.type === 'heatmap', 'the heatmap is drawn');
  return el.chart!.getOption() as unknown as HeatmapOptionView;
}

describe('<report-tile> heatmap', () => {
  it('loads the heatmap parts of ECharts only once a heatmap is shown', async () => {
    const heatmapOption = { series: [{ type: 'heatmap' }] };
    expect(needsChartModules(heatmapOption), 'not registered at start').to.equal(true);
    const bars = await fixture<ReportTile>(
      html`<report-tile locale="en" time-zone="UTC" renderer="svg" no-animation .spec=${{ ...spec, chartType: 'column' }} .result=${weekResult()}></report-tile>`,
    );
    await waitUntil(() => bars.chart, 'the column chart is drawn');
    expect(needsChartModules(heatmapOption), 'not for a column chart').to.equal(true);
    const first = await tile('en-US');
    await drawn(first);
    expect(needsChartModules(heatmapOption), 'registered once a heatmap is shown').to.equal(false);
    // The first heatmap of the page is coloured by value (a chart made before the parts arrived
    // would paint every cell alike): its 168 cells take many colours of the scale.
    const view = first.shadowRoot!.querySelector('cr-chart-view')!;
    await waitUntil(() => view.shadowRoot!.querySelectorAll('[part="chart"] svg path').length >= 168, 'the cells are drawn');
    const fills = new Set([...view.shadowRoot!.querySelectorAll('[part="chart"] svg path')].map((path) => path.getAttribute('fill')));
    expect(fills.size, 'cells coloured by value').to.be.greaterThan(20);
  });

  it('lists weekdays in the locale’s order and words, and hours as the locale writes them', async () => {
    const us = await drawn(await tile('en-US'));
    expect(us.yAxis[0]!.data).to.deep.equal(['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']);
    expect(us.yAxis[0]!.inverse, 'the first weekday on top').to.equal(true);
    expect(us.xAxis[0]!.data).to.have.length(24);
    expect(us.xAxis[0]!.data.slice(0, 2)).to.deep.equal(['12 AM', '1 AM']);
    expect(us.xAxis[0]!.data[13]).to.equal('1 PM');

    const fr = await drawn(await tile('fr'));
    expect(fr.yAxis[0]!.data).to.deep.equal(['lun.', 'mar.', 'mer.', 'jeu.', 'ven.', 'sam.', 'dim.']);
    expect(fr.xAxis[0]!.data[9]).to.equal('09 h');

    const nl = await drawn(await tile('nl'));
    expect(nl.yAxis[0]!.data).to.deep.equal(['ma', 'di', 'wo', 'do', 'vr', 'za', 'zo']);
    expect(nl.xAxis[0]!.data[9]).to.equal('09');

    // Every cell maps back to its report row; Sunday 03:00, absent from the result, counts 0.
    const cells = us.series[0]!.data;
    expect(cells).to.have.length(7 * 24);
    const sunday3 = cells.find((cell) => cell.key === 3 && cell.series === 7)!;
    expect(sunday3.value).to.deep.equal([3, 0, 0]);
    const monday9 = cells.find((cell) => cell.key === 9 && cell.series === 1)!;
    expect(monday9.value).to.deep.equal([9, 1, 109]);
  });

  it('colours its scale from the theme tokens, so the dark theme gets a dark scale', async () => {
    const light = await drawn(await tile('en'));
    expect(light.visualMap[0]!.inRange.color.map((c) => c.toLowerCase())).to.deep.equal(['#ffffff', '#2f7fd8']);
    const dark = await drawn(await tile('en', {}, 'dark'));
    expect(dark.visualMap[0]!.inRange.color.map((c) => c.toLowerCase())).to.deep.equal([darkColors.surface, DARK_CHART_PALETTE[0]]);
    const custom = await fixture<ReportTile>(
      html`<report-tile
        style="--cr-heatmap-low: rgb(250, 240, 230); --cr-heatmap-high: rgb(120, 20, 20)"
        locale="en"
        time-zone="UTC"
        renderer="svg"
        no-animation
        .spec=${spec}
        .result=${weekResult()}
      ></report-tile>`,
    );
    expect((await drawn(custom)).visualMap[0]!.inRange.color).to.deep.equal(['rgb(250, 240, 230)', 'rgb(120, 20, 20)']);
  });

  it('walks the cells with the arrow keys, announcing each, and drills with Enter', async () => {
    const el = await tile('en-US');
    await drawn(el);
    const view = el.shadowRoot!.querySelector('cr-chart-view')!;
    const box = view.shadowRoot!.querySelector<HTMLElement>('[part="chart"]')!;
    const status = () => view.shadowRoot!.querySelector('[role="status"]')!.textContent;
    box.focus();
    await sendKeys({ press: 'ArrowRight' });
    await view.updateComplete;
    // The first cell: Sunday (the week starts on Sunday in en-US), midnight.
    expect(status()).to.equal('Sunday, 12:00 AM – 1:00 AM: 700 — 1/168');
    await sendKeys({ press: 'ArrowRight' });
    await view.updateComplete;
    expect(status()).to.equal('Sunday, 1:00 AM – 2:00 AM: 701 — 2/168');
    await sendKeys({ press: 'ArrowDown' });
    await view.updateComplete;
    expect(status()).to.equal('Monday, 1:00 AM – 2:00 AM: 101 — 26/168');
    await sendKeys({ press: 'ArrowLeft' });
    await sendKeys({ press: 'ArrowLeft' });
    await view.updateComplete;
    expect(status(), 'stops at the edge').to.equal('Monday, 12:00 AM – 1:00 AM: 100 — 25/168');
    setTimeout(() => void sendKeys({ press: 'Enter' }));
    const event = await oneEvent(el, 'report-drill');
    expect(event.detail).to.deep.include({ reportId: spec.id, key: 0, series: 1, label: '12:00 AM – 1:00 AM', seriesLabel: 'Monday' });
    await expect(el).to.be.accessible();
  });

  it('has a table alternative: the same grid, walked and drilled by keyboard, axe-clean', async () => {
    const el = await tile('fr', { view: 'table' });
    const table = el.shadowRoot!.querySelector<HTMLTableElement>('[part="table"]')!;
    const heads = [...table.querySelectorAll('thead th')].map((th) => th.textContent!.trim());
    expect(heads[0]).to.equal('Jour de création');
    expect(heads.slice(1, 3)).to.deep.equal(['00 h', '01 h']);
    expect([...table.querySelectorAll('tbody th')].map((th) => th.textContent!.trim())).to.deep.equal(['lun.', 'mar.', 'mer.', 'jeu.', 'ven.', 'sam.', 'dim.']);
    const first = table.querySelector<HTMLElement>('td[tabindex="0"]')!;
    expect(first.textContent).to.equal('100');
    first.focus();
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowRight' });
    const focused = el.shadowRoot!.activeElement as HTMLElement;
    expect(focused.getAttribute('aria-label')).to.equal('mardi, 01:00 – 02:00: 201');
    setTimeout(() => void sendKeys({ press: 'Enter' }));
    const event = await oneEvent(el, 'report-drill');
    expect(event.detail).to.deep.include({ key: 1, series: 2 });
    await expect(el).to.be.accessible();
  });

  it('builds the option from a hand-made result without any DOM (pure builder)', () => {
    const option = buildHeatmapOption(weekResult(), spec, { ...settings, locale: 'nl', scale: ['#000000', '#ffffff'] }) as unknown as HeatmapOptionView & {
      aria: { label: { description: string } };
    };
    expect(option.yAxis[0] ?? option.yAxis).to.exist;
    const y = (Array.isArray(option.yAxis) ? option.yAxis[0] : option.yAxis) as { data: string[] };
    expect(y.data[0]).to.equal('ma');
    const map = (Array.isArray(option.visualMap) ? option.visualMap[0] : option.visualMap) as { min: number; max: number; inRange: { color: string[] } };
    expect(map).to.include({ min: 0, max: 723 });
    expect(map.inRange.color).to.deep.equal(['#000000', '#ffffff']);
    // The busiest cells lead the screen-reader description.
    expect(option.aria.label.description).to.match(/^Conversations by weekday and hour\. zondag, 23:00 – 00:00: 723; zondag, 22:00 – 23:00: 722/);
  });

  it('escapes names from the data in its tooltips (any breakdown, not only weekdays)', () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const byInbox: ReportSpec = { ...spec, breakdown: 'inboxId' };
    const result: ReportResult = {
      reportId: spec.id,
      rows: [{ key: 9, label: '09:00', series: 'in1', seriesLabel: hostile, value: 4, count: 4 }],
      total: { value: 4, count: 4 },
      matched: 4,
    };
    const option = buildHeatmapOption(result, byInbox, { ...settings, locale: 'en' }) as unknown as {
      tooltip: { formatter: (params: unknown) => string };
      yAxis: { data: string[] };
    };
    expect(option.yAxis.data).to.deep.equal([hostile]);
    const html = option.tooltip.formatter({ dataIndex: 9 });
    expect(html).not.to.contain('<img');
    expect(html).to.contain('&lt;img');
  });
});
