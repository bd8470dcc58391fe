import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../../../test/wait-until.js';
import './report-tile.ts';
import type { ReportTile } from './report-tile.ts';
import { reportSpecSchema, type ReportSpecInput } from '../../core/schema/report-spec.ts';
import type { ReportResult } from '../../core/types.ts';

const NAMES = [
  'Alice Martin', 'Bob de Vries', 'Chloé Durand', 'Daan Jansen', 'Emma Bakker', 'Finn Visser', 'Gaëlle Petit',
  'Hugo Bernard', 'Iris Smit', 'Jules Moreau', 'Kim Mulder', 'Lars de Boer', 'Manon Leroy', 'Noah Dekker',
  'Olivia Roux', 'Pieter Bos', 'Quentin Fabre', 'Rosa Vos', 'Sven Peters', 'Thomas Lefèvre', 'Unassigned',
];

function resultOf(count: number): ReportResult {
  const rows = NAMES.slice(0, count).map((label, i) => ({ key: `a${i}`, label, value: 40 - i, count: 40 - i }));
  return { reportId: 'closed', rows, total: { value: 400, count: 400 }, matched: 400 };
}

async function column(count: number, width: number, fields: Partial<ReportSpecInput> = {}): Promise<ReportTile> {
  const spec = reportSpecSchema.parse({ id: 'closed', title: 'Total chats closed by assignee', chartType: 'column', dimension: 'assigneeId', measure: { op: 'count' }, ...fields });
  const el = await fixture<ReportTile>(
    html`<div style=${`width:${width}px`}><report-tile renderer="svg" no-animation locale="en" time-zone="UTC" .spec=${spec} .result=${resultOf(count)}></report-tile></div>`,
  );
  const tile = el.querySelector('report-tile')!;
  await waitUntil(() => tile.chart, 'chart drawn');
  return tile;
}

interface Axis {
  type: string;
  axisLabel: { interval?: number; rotate?: number; width?: number; overflow?: string; hideOverlap?: boolean };
}

function categoryAxis(tile: ReportTile): Axis {
  const option = tile.chart!.getOption() as { xAxis: Axis[]; yAxis: Axis[] };
  return [...option.xAxis, ...option.yAxis].find((axis) => axis.type === 'category')!;
}

/** The axis labels the SVG renderer drew: each visible <text> whose words are a category's. */
async function drawnLabels(tile: ReportTile, count: number): Promise<string[]> {
  const svg = () => tile.shadowRoot!.querySelector('cr-chart-view')!.shadowRoot!.querySelector('svg')!;
  await waitUntil(() => svg(), 'svg drawn');
  const chart = tile.chart!;
  await new Promise<void>((resolve) => {
    chart.on('finished', () => resolve());
    chart.resize();
  });
  const texts = [...svg().querySelectorAll('text')].map((text) => text.textContent ?? '');
  return NAMES.slice(0, count).filter((name) => texts.some((text) => name.startsWith(text.replace(/…$/, '')) && text.length >= 3));
}

describe('<report-tile> column chart labels', () => {
  it('labels each of 3 bars, the middle one too', async () => {
    const tile = await column(3, 420);
    const axis = categoryAxis(tile);
    expect(axis.axisLabel.interval).to.equal(0);
    expect(axis.axisLabel.hideOverlap).to.equal(false);
    expect(await drawnLabels(tile, 3)).to.deep.equal(NAMES.slice(0, 3));
  });

  it('rotates the labels of 21 bars, every bar named', async () => {
    const tile = await column(21, 900);
    const axis = categoryAxis(tile);
    expect(axis.axisLabel.interval).to.equal(0);
    expect(axis.axisLabel.rotate).to.be.oneOf([45, 90]);
    expect(axis.axisLabel.width).to.be.greaterThan(0);
    expect(await drawnLabels(tile, 21)).to.have.length(21);
  });

  it('draws horizontal bars when even upright labels could not stand under 21 narrow columns', async () => {
    const tile = await column(21, 340);
    const option = () => tile.chart!.getOption() as { xAxis: Axis[]; yAxis: Axis[] };
    // The tile's width arrives through its ResizeObserver, after the first drawing.
    await waitUntil(() => option().yAxis[0]!.type === 'category', 'redrawn as horizontal bars');
    expect(option().xAxis[0]!.type).to.equal('value');
  });
});

describe('<report-tile> donut of 9 chatflows', () => {
  const FLOWS = ['Pricing bot', 'Support inbox', 'Sales chat', 'Onboarding', 'Billing help', 'Careers page', 'Partner desk', 'Docs helper', 'Status page'];
  const flows: ReportResult = {
    reportId: 'flows',
    rows: FLOWS.map((label, i) => ({ key: `f${i}`, label, value: 90 - i * 9, count: 90 - i * 9 })),
    total: { value: 500, count: 500 },
    matched: 500,
  };

  for (const width of [380, 700]) {
    it(`names every slice in a legend that is not paged, at ${width} px, each slice with its own pattern`, async () => {
      const spec = reportSpecSchema.parse({ id: 'flows', title: 'Chat volume by chatflow', chartType: 'donut', dimension: 'chatflowId', measure: { op: 'count' } });
      const host = await fixture<HTMLElement>(
        html`<div style=${`width:${width}px`}><report-tile renderer="svg" no-animation locale="en" time-zone="UTC" .spec=${spec} .result=${flows}></report-tile></div>`,
      );
      const tile = host.querySelector('report-tile')!;
      await waitUntil(() => tile.chart, 'chart drawn');
      type Aria = { decal: { show: boolean; decals: unknown[] } };
      const option = () => tile.chart!.getOption() as { legend: { type: string }[]; aria: Aria | Aria[] };
      const aria = () => [option().aria].flat()[0]!;
      // The width arrives through the tile's ResizeObserver.
      await waitUntil(() => (width < 440) === ((tile.chart!.getOption() as { series: { center: string[] }[] }).series[0]!.center[0] === '50%'));
      expect(option().legend[0]!.type).to.equal('plain');
      const decals = aria().decal.decals.map((decal) => JSON.stringify(decal));
      expect(aria().decal.show).to.equal(true);
      expect(new Set(decals.slice(0, 9)).size, 'nine slices, nine patterns').to.equal(9);
      const chart = tile.chart!;
      await new Promise<void>((resolve) => {
        chart.on('finished', () => resolve());
        chart.resize();
      });
      const svg = tile.shadowRoot!.querySelector('cr-chart-view')!.shadowRoot!.querySelector('svg')!;
      const box = svg.getBoundingClientRect();
      const drawn = [...svg.querySelectorAll('text')].filter((text) => {
        const r = text.getBoundingClientRect();
        return r.width > 0 && r.left >= box.left - 1 && r.right <= box.right + 1 && r.top >= box.top - 1 && r.bottom <= box.bottom + 1;
      });
      const names = drawn.map((text) => text.textContent);
      for (const flow of FLOWS) expect(names, flow).to.include(flow);
      expect(names.some((name) => /\d+\/\d+/.test(name ?? '')), 'no page counter').to.equal(false);
    });
  }
});
