// The guard goes first: it must watch the shadow roots of every element created below.
import { deepElements, injections, startGuard } from './dom-guard.ts';
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../wait-until.js';
import { tiles } from '../harness/dashboard-harness.ts';
import { emulateMedia } from '@web/test-runner-commands';
import '../../src/elements/conversation-dashboard/conversation-dashboard.ts';
import '../../src/elements/report-editor/report-editor.ts';
import '../../src/elements/report-tile/report-tile.ts';
import type { ConversationDashboard } from '../../src/elements/conversation-dashboard/conversation-dashboard.ts';
import type { DrillDialog } from '../../src/elements/drill-dialog/drill-dialog.ts';
import type { ReportEditor } from '../../src/elements/report-editor/report-editor.ts';
import type { ReportTile } from '../../src/elements/report-tile/report-tile.ts';
import { ArrayDataSource } from '../../src/adapters/array-data-source.ts';
import { MemoryDashboardStore } from '../../src/store/memory-dashboard-store.ts';
import { computeReport, createTable, parseConversations, reportSpecSchema } from '../../src/core/index.ts';
import { localizeResult } from '../../src/i18n/localize-result.ts';
import type { ReportSpec, ReportSpecInput } from '../../src/core/schema/report-spec.ts';
import type { DashboardInput } from '../../src/core/schema/dashboard.ts';
import {
  HOSTILE_END,
  HOSTILE_FLAG,
  HOSTILE_RANGE,
  formulas,
  hostileConversations,
  hostileLookups,
  hostileRejects,
  longName,
  longUrl,
  markup,
  unicode,
  unsafeUrls,
} from '../fixtures/hostile-corpus.ts';
import { drillColumnIds } from '../../src/elements/drill-dialog/drill-columns.ts';
// The tooltip is registered on first use (a pointer over a chart); these tests show it directly.
import '../../src/charts/echarts-tooltip.ts';

const user = { id: 'owner', teamIds: [], canEdit: true };
const LABEL_MAX = 24;

const reportInputs: ReportSpecInput[] = [
  { id: 'by-assignee', title: markup.img, chartType: 'bar', dimension: 'assigneeId', measure: { op: 'count' } },
  { id: 'by-page', title: `Pages ${markup.script}`, chartType: 'column', dimension: 'pageUrl', measure: { op: 'count' } },
  { id: 'over-time', title: 'Over time', chartType: 'line', dimension: 'createdAt', timeBucket: 'week', breakdown: 'channel', measure: { op: 'count' } },
  { id: 'area', title: 'Area', chartType: 'area', dimension: 'createdAt', timeBucket: 'week', breakdown: 'assigneeId', measure: { op: 'count' } },
  { id: 'by-flow', title: 'Flows', chartType: 'pie', dimension: 'chatflowId', measure: { op: 'count' } },
  { id: 'by-plan', title: 'Plans', chartType: 'donut', dimension: 'properties.plan', measure: { op: 'count' } },
  { id: 'by-proto', title: 'Proto', chartType: 'table', dimension: 'properties.__proto__', measure: { op: 'count' } },
  { id: 'kpi', title: unicode.rtlOverride, chartType: 'kpi', measure: { op: 'avg', property: 'responseTime' } },
  { id: 'ctor-by-inbox', title: 'Ctor', chartType: 'bar', dimension: 'properties.constructor', breakdown: 'inboxId', measure: { op: 'avg', property: 'timeToClose' } },
  { id: 'channel-by-key', title: 'Keys', chartType: 'column', dimension: 'channel', breakdown: `properties.${markup.svg}`, measure: { op: 'count' } },
  { id: 'score', title: 'Score', chartType: 'column', dimension: 'assigneeId', measure: { op: 'sum', property: 'properties.score' } },
];
const specs: ReportSpec[] = reportInputs.map((input) => reportSpecSchema.parse(input));

const hostileDashboard: DashboardInput = {
  id: 'hostile',
  name: `${markup.img} ${unicode.rtlOverride}`,
  ownerId: user.id,
  privacy: 'private',
  reports: specs,
  layout: {},
};

/** Valid records with every payload, the invalid ones in between. */
function records(): unknown[] {
  const valid = hostileConversations();
  const bad = hostileRejects();
  const out: unknown[] = [];
  valid.forEach((record, index) => {
    out.push(record);
    if (index % 20 === 3 && bad.length > 0) out.push(bad.shift());
  });
  return [...out, ...bad];
}

const parsed = parseConversations(hostileConversations());
const table = createTable(parsed.conversations, hostileLookups);
const context = { range: HOSTILE_RANGE, timeZone: 'UTC' };

function ran(): unknown {
  return (window as unknown as Record<string, unknown>)[HOSTILE_FLAG];
}

/** Lets any image error, SVG load or frame that slipped through get its chance to run. */
async function settleSideEffects(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 150));
}

async function expectNothingRan(where: string): Promise<void> {
  await settleSideEffects();
  expect(ran(), `a payload ran (${where})`).to.equal(undefined);
  expect(await injections(), `elements injected (${where})`).to.deep.equal([]);
  expect(({} as Record<string, unknown>)['polluted'], 'Object.prototype polluted').to.equal(undefined);
}

/** Every link and every resource URL on the page is http(s) (or a same-document fragment). */
function expectOnlyWebLinks(): void {
  for (const element of deepElements()) {
    for (const name of ['href', 'src', 'xlink:href', 'action', 'formaction']) {
      const value = element.getAttribute(name);
      if (value === null) continue;
      const protocol = new URL(value, location.href).protocol;
      expect(['http:', 'https:'], `${element.localName}[${name}="${value.slice(0, 80)}"]`).to.include(protocol);
    }
  }
}

/** RFC 4180, enough for the kit's own output. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let fresh = true;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
      continue;
    }
    if (c === '"' && fresh) {
      quoted = true;
      fresh = false;
    } else if (c === ',') {
      row.push(cell);
      cell = '';
      fresh = true;
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      fresh = true;
      i++;
    } else {
      cell += c;
      fresh = false;
    }
  }
  if (!fresh || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

const NUMBER = /^-?\d+(\.\d+)?(e[+-]?\d+)?$/i;

/** No cell a spreadsheet would run: text starting with = + - @ tab or CR carries a leading quote; numbers stay numbers. */
function expectNeutralised(csv: string, where: string): string[][] {
  const rows = parseCsv(csv);
  for (const row of rows)
    for (const cell of row)
      if (/^[=+\-@\t\r]/.test(cell)) expect(NUMBER.test(cell), `${where}: formula-like cell ${JSON.stringify(cell.slice(0, 60))}`).to.equal(true);
  return rows;
}

function cells(rows: string[][]): string[] {
  return rows.flat();
}

/** Captures what the kit hands to the browser as a download, without downloading. */
function captureDownloads(): { blobs: Blob[]; urls: string[]; restore: () => void } {
  const blobs: Blob[] = [];
  const urls: string[] = [];
  const createObjectURL = URL.createObjectURL;
  const click = HTMLAnchorElement.prototype.click;
  URL.createObjectURL = (object: Blob | MediaSource) => {
    if (object instanceof Blob) blobs.push(object);
    return createObjectURL.call(URL, object);
  };
  HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
    urls.push(this.href);
    // The only links the kit clicks itself are its downloads: never anything else.
    expect(this.hasAttribute('download'), 'a clicked link is a download').to.equal(true);
    expect(['blob:', 'data:'], this.href.slice(0, 40)).to.include(new URL(this.href).protocol);
  };
  return {
    blobs,
    urls,
    restore: () => {
      URL.createObjectURL = createObjectURL;
      HTMLAnchorElement.prototype.click = click;
    },
  };
}

interface TooltipOption {
  formatter: (params: unknown) => string;
}
interface AxisOption {
  type?: string;
  data?: string[];
  axisLabel?: { formatter?: (value: unknown) => string };
}
interface ChartOptionRead {
  tooltip: TooltipOption[];
  legend: { formatter?: (name: string) => string; tooltip?: { formatter?: (params: unknown) => string }; data?: unknown }[];
  xAxis?: AxisOption[];
  yAxis?: AxisOption[];
  series: { type: string; name?: string; data: { value: number | null; key: unknown; name?: string }[]; label?: { formatter?: (params: unknown) => string } }[];
}

/** No lone surrogate (String.prototype.isWellFormed, spelled out for the ES2023 lib). */
const wellFormed = (text: string) => !/\p{Surrogate}/u.test(text);

/** The start of a label as a tooltip shows it: lone surrogates as U+FFFD, CR read as a line feed. */
const shownStart = (label: string) =>
  Array.from(label)
    .slice(0, 100)
    .join('')
    .replace(/\p{Surrogate}/gu, '\uFFFD')
    .replace(/\r\n?/g, '\n');

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });
const graphemeCount = (text: string) => [...graphemes.segment(text)].length;

/** A string of HTML, parsed where nothing runs or loads: only formatting elements, no handlers, all text kept. */
function expectInertHtml(htmlText: string, expectedText: string[], where: string): void {
  const template = document.createElement('template');
  template.innerHTML = htmlText;
  for (const element of template.content.querySelectorAll('*')) {
    expect(['div', 'span', 'strong', 'br'], `${where}: <${element.localName}> in ${htmlText.slice(0, 120)}`).to.include(element.localName);
    // Layout and the colour swatch are classes (no style attribute, so a strict CSP has nothing to block).
    for (const attribute of element.getAttributeNames()) expect(attribute, where).to.equal('class');
  }
  const text = template.content.textContent ?? '';
  // The HTML parser reads a CR as a line feed.
  for (const expected of expectedText) expect(text, where).to.contain(expected.replace(/\r\n?/g, '\n'));
}

async function hostileDashboardElement(): Promise<ConversationDashboard> {
  const store = new MemoryDashboardStore([hostileDashboard]);
  const el = await fixture<ConversationDashboard>(
    html`<conversation-dashboard
      locale="en"
      time-zone="UTC"
      dashboard-id="hostile"
      .now=${HOSTILE_END}
      .range=${HOSTILE_RANGE}
      .store=${store}
      .user=${user}
      .dataSource=${new ArrayDataSource(records(), { lookups: hostileLookups, pageSize: 40 })}
    ></conversation-dashboard>`,
  );
  await waitUntil(() => tiles(el).length === specs.length && tiles(el).every((t) => t.shownResult), 'every tile has a result', { timeout: 15_000 });
  await Promise.all(tiles(el).map((t) => t.updateComplete));
  return el;
}

describe('hostile data through every view', function () {
  this.timeout(60_000);
  before(() => emulateMedia({ reducedMotion: 'reduce' }));
  after(() => emulateMedia({ reducedMotion: 'no-preference' }));
  beforeEach(() => {
    delete (window as unknown as Record<string, unknown>)[HOSTILE_FLAG];
    startGuard();
  });

  it('parses the corpus without polluting prototypes: every valid record kept, every reject named', () => {
    const all = parseConversations(records());
    expect(all.conversations.map((c) => c.id)).to.deep.equal(hostileConversations().map((r) => r.id));
    expect(all.errors).to.have.length(hostileRejects().length);
    for (const error of all.errors) expect(error.index).to.be.at.least(0);
    const withProto = all.conversations.find((c) => Object.hasOwn(c.properties, '__proto__'))!;
    expect(Object.getPrototypeOf(withProto.properties)).to.equal(null);
    expect(typeof withProto.properties['__proto__']).to.equal('string');
    expect(withProto.properties['constructor']).to.be.a('string');
    expect(({} as Record<string, unknown>)['polluted']).to.equal(undefined);
    // Custom columns named like Object.prototype members hold the data, not the prototype's functions.
    expect(Object.keys(table.properties)).to.include.members(['__proto__', 'constructor', markup.svg]);
    const proto = computeReport(table, specs.find((s) => s.id === 'by-proto')!, context);
    expect(proto.rows.map((r) => r.key)).to.include.members([markup.img, 'polluted']);
  });

  it('tiles: tooltips, axis and legend labels, pie labels and tables show payloads as inert, truncated text', async () => {
    const el = await hostileDashboardElement();
    expect(el.shadowRoot!.querySelector('[part="switcher"] option')!.textContent).to.contain(markup.img);
    for (const tile of tiles(el)) {
      const spec = tile.spec!;
      const result = tile.shownResult!;
      expect(result, spec.id).to.deep.equal(computeReport(table, spec, el.reportContext!));
      expect(tile.shadowRoot!.querySelector('[part="title"]')!.textContent).to.equal(spec.title);
      if (spec.chartType === 'table' || spec.chartType === 'kpi') continue;
      await waitUntil(() => tile.chart, `${spec.id} draws a chart`);
      const chart = tile.chart!;
      const option = chart.getOption() as unknown as ChartOptionRead;
      const tooltip = option.tooltip[0]!.formatter;
      const pie = option.series[0]!.type === 'pie';
      const categoryAxis = [...(option.xAxis ?? []), ...(option.yAxis ?? [])].find((axis) => axis.type === 'category');

      // Tooltip formatters, called as ECharts calls them, for every data item.
      option.series.forEach((series, seriesIndex) => {
        series.data.forEach((item, dataIndex) => {
          const label = pie ? item.name! : categoryAxis!.data![dataIndex]!;
          const params = { seriesIndex, dataIndex, data: item, color: '#123456', percent: 12.5, name: label };
          const text = tooltip(pie ? params : [params]);
          expectInertHtml(text, [shownStart(label)], `${spec.id} tooltip ${dataIndex}`);
        });
      });
      // Axis, legend and slice labels: canvas text, cut to the label length without splitting a character.
      const labels = pie ? option.series[0]!.data.map((d) => d.name!) : categoryAxis!.data!;
      for (const label of labels) {
        const formatted = pie
          ? option.series[0]!.label!.formatter!({ name: label })
          : categoryAxis!.axisLabel!.formatter!(label);
        expect(graphemeCount(formatted), `${spec.id} label ${label.slice(0, 40)}`).to.be.at.most(LABEL_MAX);
        if (wellFormed(label)) expect(wellFormed(formatted), `${spec.id}: truncation split a character`).to.equal(true);
      }
      const legend = option.legend[0]!;
      for (const series of option.series) {
        const name = series.name ?? '';
        expect(graphemeCount(legend.formatter!(name))).to.be.at.most(LABEL_MAX);
        expectInertHtml(legend.tooltip!.formatter!({ name }), [shownStart(name)], `${spec.id} legend tooltip`);
      }

      // The real tooltip, as a reader hovering a point sees it.
      const points = Math.min(option.series[0]!.data.length, 12);
      for (let dataIndex = 0; dataIndex < points; dataIndex++) {
        const seriesIndex = option.series.findIndex((series) => series.data[dataIndex]?.value != null);
        if (seriesIndex < 0) continue;
        chart.dispatchAction({ type: 'showTip', seriesIndex, dataIndex });
        const label = pie ? option.series[0]!.data[dataIndex]!.name! : categoryAxis!.data![dataIndex]!;
        const visible = shownStart(label);
        await waitUntil(() => chart.getDom().textContent!.includes(visible), `${spec.id}: tooltip ${dataIndex} shows its label as text`);
      }
      // A 10 000-character label makes a readable tooltip, not one wider than the page.
      const longIndex = (pie ? option.series[0]!.data.map((d) => d.name!) : categoryAxis!.data!).indexOf(longName);
      if (longIndex >= 0) {
        const seriesIndex = option.series.findIndex((series) => series.data[longIndex]?.value != null);
        chart.dispatchAction({ type: 'showTip', seriesIndex, dataIndex: longIndex });
        const tip = () => [...chart.getDom().querySelectorAll<HTMLElement>('div')].find((div) => div.textContent!.startsWith(longName.slice(0, 20)) && div.style.position === 'absolute');
        await waitUntil(tip, `${spec.id}: the long label's tooltip shows`);
        const box = tip()!.getBoundingClientRect();
        expect(box.width, `${spec.id} tooltip width`).to.be.below(chart.getWidth() + 1);
        expect(box.height, `${spec.id} tooltip height`).to.be.below(300);
      }
      chart.dispatchAction({ type: 'hideTip' });

      // The accessible table of the same chart.
      tile.view = 'table';
      await tile.updateComplete;
      const shown = [...tile.shadowRoot!.querySelectorAll('tbody td:first-child')].map((td) => td.textContent);
      if (spec.dimension !== 'createdAt') expect(shown, spec.id).to.deep.equal(localizeResult(result, spec, 'en').rows.map((row) => row.label));
      tile.view = 'chart';
      await tile.updateComplete;
    }
    // Long text is cut on screen: a 10 000-character name does not widen its table cell.
    const byAssignee = tiles(el).find((t) => t.spec!.id === 'by-assignee')!;
    byAssignee.view = 'table';
    await byAssignee.updateComplete;
    const longCell = [...byAssignee.shadowRoot!.querySelectorAll('td')].find((td) => td.textContent === longName)!;
    expect(longCell, 'the long name is in the table').to.exist;
    expect(longCell.getBoundingClientRect().width).to.be.below(400);
    expect(longCell.getBoundingClientRect().height).to.be.below(60);
    expectOnlyWebLinks();
    await expectNothingRan('tiles');
  });

  it('the drill dialog lists payloads as text, links only http(s) pages, and truncates long text', async () => {
    const el = await hostileDashboardElement();
    const tile = tiles(el).find((t) => t.spec!.id === 'by-assignee')!;
    tile.view = 'table';
    await tile.updateComplete;
    const row = [...tile.shadowRoot!.querySelectorAll<HTMLTableRowElement>('tbody tr')].find((tr) => tr.cells[0]!.textContent === markup.img)!;
    row.click();
    const dialog = el.shadowRoot!.querySelector<DrillDialog>('drill-dialog')!;
    await waitUntil(() => dialog.open, 'the dialog opens');
    expect(dialog.shadowRoot!.querySelector('[part="heading"]')!.textContent).to.contain(markup.img);
    await dialog.hide();

    // Every conversation of the corpus, page by page.
    dialog.spec = specs[0]!;
    dialog.heading = longName;
    dialog.lookups = hostileLookups;
    dialog.conversations = parsed.conversations;
    // Every column, the page URLs among them.
    dialog.columns = [...drillColumnIds];
    await dialog.show();
    const root = dialog.shadowRoot!;
    const heading = root.querySelector<HTMLElement>('[part="heading"]')!;
    expect(heading.getBoundingClientRect().height, 'a long heading is cut, not wrapped over the page').to.be.below(120);
    for (let page = 0; page < 2; page++) {
      const text = root.querySelector('tbody')!.textContent!;
      for (const payload of [markup.script, markup.img, markup.attributeBreak]) expect(text).to.contain(payload);
      const links = [...root.querySelectorAll<HTMLAnchorElement>('a[href]')];
      expect(links.length).to.be.greaterThan(0);
      for (const link of links) expect(['http:', 'https:']).to.include(new URL(link.href).protocol);
      // Unsafe URLs are shown, as text.
      const spans = [...root.querySelectorAll('td.col-pageUrl span[title]')].map((s) => s.getAttribute('title')!);
      expect(spans.length).to.be.greaterThan(0);
      for (const url of spans) expect([...unsafeUrls, markup.img]).to.include(url);
      // No row grows past a few lines, no column past a readable width.
      for (const tr of root.querySelectorAll<HTMLTableRowElement>('tbody tr')) expect(tr.getBoundingClientRect().height, 'row height').to.be.below(120);
      for (const td of root.querySelectorAll<HTMLTableCellElement>('tbody td')) expect(td.getBoundingClientRect().width, `${td.className} width`).to.be.below(520);
      root.querySelector<HTMLButtonElement>('[part="pagination"] button:last-of-type')!.click();
      await dialog.updateComplete;
    }
    expectOnlyWebLinks();

    // The export: whole text, formulas neutralised, numbers as numbers.
    const rows = expectNeutralised(dialog.toCsv(), 'drill CSV');
    const all = cells(rows);
    for (const whole of [longName, `${longName}-id`, longUrl]) expect(all, 'long text whole in the export').to.include(whole);
    for (const payload of Object.values(formulas)) expect(all).to.include(`'${payload}`);
    const header = rows[0]!;
    const score = header.indexOf('properties.score');
    const negativeText = header.indexOf('properties.negativeText');
    expect(rows.slice(1).map((r) => r[score])).to.include.members(['-3', '-2', '-1', '0', '3']);
    expect(new Set(rows.slice(1).map((r) => r[negativeText]))).to.deep.equal(new Set(["'-5"]));
    expect(header).to.include.members(['properties.__proto__', 'properties.constructor', `properties.${markup.svg}`]);
    const downloads = captureDownloads();
    try {
      root.querySelector<HTMLButtonElement>('[part="export-button"]')!.click();
      expect(downloads.blobs).to.have.length(1);
      const text = (await downloads.blobs[0]!.text()).replace(/^\uFEFF/, '');
      expectNeutralised(text, 'drill download');
    } finally {
      downloads.restore();
    }
    await dialog.hide();
    await expectNothingRan('drill dialog');
  });

  it('CSV exports of tiles and of the rejected records keep text whole and neutralise formulas', async () => {
    const el = await hostileDashboardElement();
    for (const tile of tiles(el)) {
      const csv = tile.toCsv();
      const rows = expectNeutralised(csv, `${tile.spec!.id} CSV`);
      expect(rows.length).to.equal(tile.shownResult!.rows.length + 1);
    }
    const byAssignee = cells(parseCsv(tiles(el).find((t) => t.spec!.id === 'by-assignee')!.toCsv()));
    expect(byAssignee).to.include(longName);
    for (const payload of [formulas.hyperlink, formulas.plusCmd, formulas.atSum, formulas.minus, formulas.tab, formulas.carriageReturn])
      expect(byAssignee).to.include(`'${payload}`);
    const score = parseCsv(tiles(el).find((t) => t.spec!.id === 'score')!.toCsv());
    expect(score.slice(1).some((row) => Number(row[1]) < 0 && NUMBER.test(row[1]!)), 'negative sums stay numbers').to.equal(true);

    // The data-quality panel: how many, why, and all of them as CSV.
    // <cr-data-quality part="data-quality"> holds the panel in its own shadow root.
    const part = el.shadowRoot!.querySelector<HTMLElement & { updateComplete: Promise<boolean> }>('[part="data-quality"]')!;
    await part.updateComplete;
    const panel = part.shadowRoot!.querySelector('details')!;
    expect(panel.querySelector('summary')!.textContent).to.contain(`${hostileRejects().length} records rejected`);
    panel.open = true;
    const items = [...panel.querySelectorAll('li')];
    expect(items).to.have.length(hostileRejects().length);
    for (const li of items) expect(li.getBoundingClientRect().height, 'a reason stays a few lines').to.be.below(100);
    const downloads = captureDownloads();
    try {
      panel.querySelector('button')!.click();
      expect(downloads.blobs).to.have.length(1);
      const rows = expectNeutralised(await downloads.blobs[0]!.text(), 'rejects CSV');
      expect(rows[0]).to.deep.equal(['index', 'id', 'field', 'message']);
      expect(rows).to.have.length(hostileRejects().length + 1);
      const ids = rows.slice(1).map((row) => row[1]);
      expect(ids).to.include.members([markup.img, `'${formulas.hyperlink}`, longName, 'proto-record']);
      for (const row of rows.slice(1)) expect(NUMBER.test(row[0]!), 'the index is a number').to.equal(true);
    } finally {
      downloads.restore();
    }
    await expectNothingRan('exports');
  });

  it('PNG export draws the hostile charts without running anything (canvas and SVG renderers)', async () => {
    const el = await hostileDashboardElement();
    const graphic = tiles(el).filter((t) => !['table', 'kpi'].includes(t.spec!.chartType));
    for (const tile of graphic) {
      await waitUntil(() => tile.chart);
      const url = await tile.toPngDataUrl();
      expect(url!.startsWith('data:image/png;base64,'), tile.spec!.id).to.equal(true);
    }
    for (const spec of specs.filter((s) => ['bar', 'pie', 'line'].includes(s.chartType)).slice(0, 3)) {
      const tile = await fixture<ReportTile>(
        html`<report-tile renderer="svg" locale="en" time-zone="UTC" .spec=${spec} .result=${computeReport(table, spec, context)}></report-tile>`,
      );
      await waitUntil(() => tile.chart);
      const view = tile.shadowRoot!.querySelector('cr-chart-view')!;
      const svg = view.shadowRoot!.querySelector('svg')!;
      expect(svg, 'drawn as SVG').to.exist;
      expect(svg.querySelectorAll('script, foreignObject, image, a, iframe')).to.have.length(0);
      const url = await tile.toPngDataUrl();
      const image = new Image();
      image.src = url!;
      await image.decode();
      expect(image.naturalWidth).to.be.greaterThan(0);
    }
    await expectNothingRan('PNG export');
  });

  it('the editor lists hostile values and property names as inert, truncated text', async () => {
    const spec = reportSpecSchema.parse({
      id: 'edit',
      title: markup.attributeBreak,
      chartType: 'bar',
      dimension: `properties.${markup.svg}`,
      measure: { op: 'count' },
      filters: [
        { property: 'assigneeId', operator: 'in', value: ['a-img', 'a-long'] },
        { property: 'properties.plan', operator: 'in', value: [markup.script] },
        { property: 'properties.__proto__', operator: 'is', value: markup.img },
        { property: 'channel', operator: 'in', value: [markup.img] },
      ],
    });
    const el = await fixture<ReportEditor>(
      html`<report-editor locale="en" .spec=${spec} .table=${table} .context=${context} .lookups=${hostileLookups}></report-editor>`,
    );
    await waitUntil(() => el.previewResult, 'the preview is computed');
    el.shadowRoot!.querySelector<HTMLButtonElement>('.filters-button')!.click();
    await el.updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 0));
    await el.updateComplete;
    const options = [...el.shadowRoot!.querySelectorAll<HTMLLabelElement>('.value-option')];
    const texts = options.map((o) => o.textContent!.trim());
    for (const expected of [markup.img, markup.script, longName, formulas.hyperlink, unicode.emoji]) expect(texts).to.include(expected);
    for (const option of options) {
      const box = option.getBoundingClientRect();
      expect(box.height, `value option ${option.textContent!.slice(0, 30)} height`).to.be.below(60);
      expect(box.width, 'value option width').to.be.below(700);
    }
    // Ticked values survive the round trip as data.
    el.shadowRoot!.querySelector<HTMLButtonElement>('.apply-filters')!.click();
    await el.updateComplete;
    expect(el.draftSpec!.filters).to.deep.equal(spec.filters);
    expectOnlyWebLinks();
    await expectNothingRan('editor');
  });
});
