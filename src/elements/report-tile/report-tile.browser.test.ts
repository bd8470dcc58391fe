import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../../../test/wait-until.js';
import { emulateMedia, resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import type { ECharts } from '../../charts/echarts.ts';
import './report-tile.ts';
import type { ReportTile } from './report-tile.ts';
import type { ReportSpecInput } from '../../core/schema/report-spec.ts';
import { showTile, volumeResult, volumeSpec } from '../../../test/harness/tile-harness.ts';
// The tooltip is registered on first use (a pointer over a chart); these tests show it directly.
import '../../charts/echarts-tooltip.ts';

const spec = volumeSpec;
const result = volumeResult([['alice', 'Alice Martin', 42], ['bob', 'Bob de Vries', 17], [null, 'Unassigned', 3]], 50);

async function tile(fields: Partial<ReportSpecInput> = {}, extra: Partial<ReportTile> = {}): Promise<ReportTile> {
  const el = await showTile(spec(fields), result);
  Object.assign(el, extra);
  await el.updateComplete;
  return el;
}

async function chartOf(el: ReportTile) {
  await waitUntil(() => el.chart, 'chart created');
  return el.chart!;
}

describe('<report-tile>', () => {
  for (const [type, expected] of [
    ['bar', 3],
    ['column', 3],
    ['line', 3],
    ['area', 3],
    ['pie', 3],
    ['donut', 3],
  ] as const) {
    it(`draws ${expected} data items as a ${type} chart`, async () => {
      const el = await tile({ chartType: type });
      const chart = await chartOf(el);
      const series = (chart.getOption() as { series: { type: string; data: unknown[] }[] }).series;
      expect(series).to.have.length(1);
      expect(series[0]!.type).to.equal(type === 'column' ? 'bar' : type === 'area' ? 'line' : type === 'donut' ? 'pie' : type);
      expect(series[0]!.data).to.have.length(expected);
    });
  }

  it('shows the title, the delta and a footnote saying what was measured', async () => {
    const el = await tile({ measure: { op: 'avg', property: 'responseTime' } }, { result: { ...result, excluded: 37, matched: 1204 } });
    const root = el.shadowRoot!;
    expect(root.querySelector('[part="title"]')!.textContent).to.equal('Chat volume by assignee');
    expect(root.querySelector('[part="delta"]')!.textContent).to.contain('+24%');
    const footnote = root.querySelector('[part="footnote"]')!.textContent!;
    expect(footnote).to.contain('n = 1,204 conversations');
    expect(footnote).to.contain('37 without a reply excluded');
    expect(footnote).to.contain('Date range applies to: created');
  });

  it('renders a table with one row per result row and drills on Enter', async () => {
    const el = await tile({ chartType: 'table' });
    const rows = el.shadowRoot!.querySelectorAll('[part="table"] tbody tr');
    expect(rows).to.have.length(3);
    (rows[1] as HTMLElement).focus();
    setTimeout(() => void sendKeys({ press: 'Enter' }));
    const event = await oneEvent(el, 'report-drill');
    expect(event.detail).to.deep.include({ reportId: 'volume', key: 'bob', label: 'Bob de Vries' });
    expect(event.cancelable, 'a host may veto what it does with a drill').to.equal(true);
  });

  it('renders a KPI with the change against the previous period', async () => {
    const el = await tile({ chartType: 'kpi', dimension: undefined });
    const kpi = el.shadowRoot!.querySelector('[part="kpi"]')!;
    expect(kpi.textContent).to.contain('62');
    expect(kpi.textContent).to.contain('+24%');
  });

  it('opens its Actions menu on a click, Enter or Space with focus on the first item (the menu loads on the first open)', async () => {
    const opens: [string, (button: HTMLButtonElement) => Promise<unknown> | void][] = [
      ['click', (button) => button.click()],
      ['Enter', (button) => (button.focus(), sendKeys({ press: 'Enter' }))],
      ['Space', (button) => (button.focus(), sendKeys({ press: 'Space' }))],
    ];
    for (const [how, open] of opens) {
      const el = await tile({}, { editable: true });
      const button = el.shadowRoot!.querySelector<HTMLButtonElement>('.menu-button')!;
      expect(el.shadowRoot!.querySelector('[role="menu"]'), 'no menu before the first open').to.equal(null);
      await open(button);
      await el.updateComplete;
      expect(button.getAttribute('aria-expanded'), how).to.equal('true');
      expect(el.shadowRoot!.activeElement, how).to.equal(el.shadowRoot!.querySelector('[role="menuitem"]'));
      el.remove();
    }
  });

  it('switches to a table and back from the Actions menu, by keyboard', async () => {
    const el = await tile();
    const button = el.shadowRoot!.querySelector<HTMLButtonElement>('.menu-button')!;
    button.focus();
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    const items = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[role="menuitem"]')].map((b) => b.dataset.action);
    expect(items).to.deep.equal(['toggle-view', 'export-csv', 'export-png'], 'no Edit or Remove when not editable');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(el.view).to.equal('table');
    expect(el.shadowRoot!.querySelector('[part="table"]')).to.exist;
    expect(el.shadowRoot!.activeElement).to.equal(button, 'focus returns to the menu button');
    await expect(el).to.be.accessible();
  });

  it('puts focus on its Actions button when a host asks (focusActions)', async () => {
    const el = await tile();
    el.focusActions();
    expect(el.shadowRoot!.activeElement).to.equal(el.shadowRoot!.querySelector('.menu-button'));
  });

  it('offers Edit and Remove only when editable, and fires their events', async () => {
    const el = await tile({}, { editable: true });
    el.shadowRoot!.querySelector<HTMLButtonElement>('.menu-button')!.click();
    await el.updateComplete;
    const edit = el.shadowRoot!.querySelector<HTMLButtonElement>('[data-action="edit"]')!;
    setTimeout(() => edit.click());
    const edited = await oneEvent(el, 'report-edit');
    expect(edited.detail.reportId).to.equal('volume');
    expect(edited.cancelable, 'a host may veto what it does with an edit').to.equal(true);
    el.shadowRoot!.querySelector<HTMLButtonElement>('.menu-button')!.click();
    await el.updateComplete;
    const remove = el.shadowRoot!.querySelector<HTMLButtonElement>('[data-action="remove"]')!;
    setTimeout(() => remove.click());
    const event = await oneEvent(el, 'report-remove');
    expect(event.cancelable).to.equal(true);
  });

  it('exports the rows as CSV with full labels and neutralised formulas', async () => {
    const el = await tile({}, {
      result: { ...result, rows: [{ key: 'x', label: '=HYPERLINK("http://evil")', value: 2, count: 2 }] },
    });
    const csv = el.toCsv();
    expect(csv.split('\r\n')[1]).to.equal(`"'=HYPERLINK(""http://evil"")",2`);
  });

  it('exports the chart as PNG', async () => {
    const el = await tile();
    await chartOf(el);
    expect(await el.toPngDataUrl()).to.match(/^data:image\/png;base64,/);
  });

  it('shows loading, empty and error states, each accessible; Retry fires report-retry', async () => {
    const loading = await tile({}, { result: null, loading: true });
    expect(loading.shadowRoot!.querySelector('[part="loading"]')).to.exist;
    await expect(loading).to.be.accessible();

    const empty = await tile({}, { result: { ...result, rows: [], matched: 0, total: { value: 0, count: 0 } } });
    expect(empty.shadowRoot!.querySelector('[part="empty"]')!.textContent).to.contain('No conversations in this period');
    await expect(empty).to.be.accessible();

    const failed = await tile({}, { result: null, error: 'Timeout' });
    const error = failed.shadowRoot!.querySelector('[part="error"]')!;
    expect(error.textContent).to.contain('Timeout');
    await expect(failed).to.be.accessible();
    setTimeout(() => error.querySelector('button')!.click());
    await oneEvent(failed, 'report-retry');
  });

  it('renders hostile labels as text in the table, the tooltip and the title', async () => {
    const hostile = '<img src=x onerror="window.__tileXss=1">';
    const el = await tile({ title: hostile }, { result: { ...result, rows: [{ key: 'x', label: hostile, value: 1, count: 1 }] } });
    const chart = await chartOf(el);
    const tooltip = (chart.getOption() as { tooltip: { formatter: (p: unknown) => string }[] }).tooltip[0]!.formatter;
    const html = tooltip({ seriesIndex: 0, dataIndex: 0, data: { value: 1, key: 'x' }, name: hostile });
    expect(html).to.not.contain('<img');
    el.view = 'table';
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    expect(el.shadowRoot!.querySelector('td')!.textContent).to.equal(hostile);
    expect(el.shadowRoot!.querySelector('[part="title"]')!.textContent).to.equal(hostile);
    expect((window as { __tileXss?: number }).__tileXss).to.equal(undefined);
  });

  it('disposes its chart when removed from the page', async () => {
    const el = await tile();
    const chart = await chartOf(el);
    el.remove();
    expect(chart.isDisposed()).to.equal(true);
  });

  it('is accessible with a chart', async () => {
    const el = await tile();
    await chartOf(el);
    await expect(el).to.be.accessible();
  });
});

describe('<report-tile> theming', () => {
  it('redraws the chart in the colours a CSS change sets', async () => {
    const el = await tile();
    const chart = await chartOf(el);
    const colour = () => ((chart.getOption() as { color?: string[] }).color ?? [])[0];
    el.style.setProperty('--cr-chart-palette', '#123456, #abcdef');
    el.refreshTheme();
    await el.updateComplete;
    await waitUntil(() => colour()?.toLowerCase() === '#123456', 'the palette follows the CSS custom property');
  });
});

describe('<report-tile> drilling by a real click', () => {
  before(() => emulateMedia({ reducedMotion: 'reduce' }));
  after(() => emulateMedia({ reducedMotion: 'no-preference' }));
  afterEach(() => resetMouse());

  /** The pixel of data item `index` of series 0, inside the page. */
  function pixelOf(chart: ECharts, type: string, index: number): [number, number] {
    const box = chart.getDom().getBoundingClientRect();
    const row = result.rows[index]!;
    let x: number;
    let y: number;
    if (type === 'pie' || type === 'donut') {
      const layout = (chart as unknown as { getModel(): { getSeriesByIndex(i: number): { getData(): { getItemLayout(i: number): { cx: number; cy: number; r: number; r0: number; startAngle: number; endAngle: number } } } } })
        .getModel()
        .getSeriesByIndex(0)
        .getData()
        .getItemLayout(index);
      const angle = (layout.startAngle + layout.endAngle) / 2;
      const radius = (layout.r + layout.r0) / 2;
      x = layout.cx + radius * Math.cos(angle);
      y = layout.cy + radius * Math.sin(angle);
    } else if (type === 'bar') {
      [x, y] = chart.convertToPixel({ seriesIndex: 0 }, [row.value! / 2, index]) as [number, number];
    } else if (type === 'column') {
      [x, y] = chart.convertToPixel({ seriesIndex: 0 }, [index, row.value! / 2]) as [number, number];
    } else {
      [x, y] = chart.convertToPixel({ seriesIndex: 0 }, [index, row.value!]) as [number, number];
    }
    return [Math.round(box.left + x), Math.round(box.top + y)];
  }

  for (const type of ['bar', 'column', 'line', 'area', 'pie', 'donut'] as const) {
    it(`fires report-drill with the clicked point's key on a ${type} chart`, async () => {
      const el = await fixture<ReportTile>(
        html`<report-tile locale="en" time-zone="UTC" .spec=${spec({ chartType: type })} .result=${result}></report-tile>`,
      );
      const chart = await chartOf(el);
      setTimeout(() => void sendMouse({ type: 'click', position: pixelOf(chart, type, 1) }));
      const event = await oneEvent(el, 'report-drill');
      expect(event.detail).to.deep.include({ reportId: 'volume', key: 'bob', label: 'Bob de Vries' });
    });
  }
});

describe('<report-tile> localized labels', () => {
  it('names the null group, Other and booleans in the reader’s language, keeping data labels', async () => {
    const el = await fixture<ReportTile>(html`<report-tile
      locale="fr"
      view="table"
      .spec=${spec({ chartType: 'table' })}
      .result=${{
        ...result,
        rows: [
          { key: 'alice', label: 'Alice Martin', value: 4, count: 4 },
          { key: null, label: 'Unassigned', value: 2, count: 2 },
          { key: '__other__', label: 'Other', value: 1, count: 1 },
        ],
      }}
    ></report-tile>`);
    const labels = [...el.shadowRoot!.querySelectorAll('tbody tr td:first-child')].map((td) => td.textContent);
    expect(labels).to.deep.equal(['Alice Martin', 'Non attribué', 'Autres']);
  });
});

describe('<report-tile> chart by keyboard', () => {
  it('walks the data points with the arrow keys, announcing each, and drills with Enter', async () => {
    const el = await tile({ chartType: 'column' });
    const chart = await chartOf(el);
    const view = el.shadowRoot!.querySelector('cr-chart-view')!;
    const box = view.shadowRoot!.querySelector<HTMLElement>('[part="chart"]')!;
    expect(chart).to.exist;
    box.focus();
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    await (view as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    expect(view.shadowRoot!.querySelector('[role="status"]')!.textContent).to.equal('Bob de Vries: 17 — 2/3');
    setTimeout(() => void sendKeys({ press: 'Enter' }));
    const event = await oneEvent(el, 'report-drill');
    expect(event.detail).to.deep.include({ key: 'bob', label: 'Bob de Vries' });
    await expect(el).to.be.accessible();
  });
});

describe('<report-tile no-animation>', () => {
  before(() => emulateMedia({ reducedMotion: 'no-preference' }));

  it('draws each result at once when asked (the editor’s preview), and animates otherwise', async () => {
    const animated = (chart: ECharts) => (chart.getOption() as { animation?: unknown }).animation;
    const moving = await chartOf(await tile());
    expect(animated(moving), 'a tile animates by default').to.equal(true);
    const still = await tile({}, { noAnimation: true });
    expect(animated(await chartOf(still))).to.equal(false);
  });
});
