import { expect } from '@open-wc/testing';
import { setPlatformAPI } from 'echarts/core';
import type { ReportResult } from '../core/types.ts';
import { init, type ECharts } from './echarts.ts';
import { buildChartOption } from './options/chart-option.ts';
import { afterEach, before, describe, it } from './test-support.ts';
import { settings, specFor } from './test-fixtures.ts';

/*
 * The kit registers no LabelLayout (its `hideOverlap` would cost 3 KiB of first paint): these tests
 * check that no label of a pie or an axis lands on another without it. `echarts/core` installs it
 * too, in a statement the build drops (ECharts' package.json lists that module as free of side
 * effects) but a test page, served module by module, runs: the pie's `hideOverlap` (on by default)
 * is turned off here to draw what the build draws.
 *
 * zrender takes a text line's height from the width of '国'. A test machine without a CJK font
 * measures a missing glyph (4 px at 12 px); every browser a reader uses has one (12 px). Labels
 * would be laid out a third of a line apart and never collide here, so the line height is what a
 * reader's browser measures.
 */
before(() => {
  const context = document.createElement('canvas').getContext('2d')!;
  setPlatformAPI({
    measureText: (text: string, font?: string) => {
      context.font = font || '12px sans-serif';
      if (text !== '国') return context.measureText(text);
      return { width: Number.parseFloat(/([\d.]+)px/.exec(context.font)?.[1] ?? '12') } as TextMetrics;
    },
  });
});

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What the tests read of a zrender text element. */
interface TextElement {
  ignore?: boolean;
  style: { text?: string };
  getBoundingRect(): { clone(): Box & { applyTransform(matrix: unknown): void } };
  getComputedTransform(): unknown;
  isGroup?: boolean;
  type?: string;
}

function boxOf(text: TextElement): Box {
  const box = text.getBoundingRect().clone();
  box.applyTransform(text.getComputedTransform());
  return box;
}

/** Overlapping by more than a pixel either way (neighbours may touch). */
function overlap(a: Box, b: Box): boolean {
  return a.x + a.width - 1 > b.x && b.x + b.width - 1 > a.x && a.y + a.height - 1 > b.y && b.y + b.height - 1 > a.y;
}

function overlapping(boxes: readonly Box[]): [number, number][] {
  const pairs: [number, number][] = [];
  boxes.forEach((a, i) => boxes.slice(i + 1).forEach((b, j) => overlap(a, b) && pairs.push([i, i + j + 1])));
  return pairs;
}

function result(values: readonly number[]): ReportResult {
  return {
    reportId: 'x',
    rows: values.map((value, index) => ({ key: `k${index}`, label: `Chatflow ${index} of the sales team`, value, count: value })),
    total: { value: 0, count: 0 },
    matched: 0,
  };
}

const box = document.createElement('div');
document.body.append(box);
let chart: ECharts | undefined;
afterEach(() => {
  if (chart && !chart.isDisposed()) chart.dispose();
});

function draw(option: object, width: number, height: number): ECharts {
  box.style.cssText = `width: ${width}px; height: ${height}px`;
  chart = init(box, undefined, { renderer: 'canvas' });
  // No tooltip: it is registered on first use, and these labels are drawn without it.
  const { tooltip: _, series, ...rest } = option as { tooltip?: unknown; series: object[] };
  chart.setOption({ ...rest, series: series.map((entry) => ({ ...entry, labelLayout: { hideOverlap: false } })), animation: false });
  return chart;
}

/** The pie's slice labels: shown or not, and where. */
function sliceLabels(drawn: ECharts): { shown: Box[]; hidden: number } {
  const model = (drawn as unknown as { getModel(): { getSeriesByIndex(index: number): { getData(): { count(): number; getItemGraphicEl(index: number): { getTextContent(): TextElement } } } } }).getModel();
  const data = model.getSeriesByIndex(0).getData();
  const shown: Box[] = [];
  let hidden = 0;
  for (let index = 0; index < data.count(); index++) {
    const label = data.getItemGraphicEl(index).getTextContent();
    if (label.ignore) hidden += 1;
    else shown.push(boxOf(label));
  }
  return { shown, hidden };
}

describe('labels without LabelLayout', () => {
  // Shares a reader may meet: even, one slice and thin ones, two big and thin ones, a long tail.
  const shares = [
    [60, 30, 10],
    [1000, 5, 4, 3, 2, 1],
    [500, 400, 3, 2, 2, 1],
    [100, 90, 80, 3, 2, 1],
    [6, 5, 4, 3, 2, 1],
    [1, 1, 1, 1, 1, 1],
  ];
  const sizes = [
    [300, 120],
    [300, 300],
    [440, 200],
    [600, 320],
    [1000, 320],
  ];

  it('six slice labels or fewer are all shown, none over another, in pies and donuts of any size', () => {
    for (const values of shares) {
      for (const [width, height] of sizes) {
        for (const type of ['pie', 'donut'] as const) {
          const option = buildChartOption(result(values), specFor(type), { ...settings, width });
          const { shown, hidden } = sliceLabels(draw(option, width!, height!));
          const where = `${type} ${width}×${height} [${values.join(', ')}]`;
          expect(hidden, where).to.equal(0);
          expect(shown, where).to.have.length(values.length);
          expect(overlapping(shown), where).to.deep.equal([]);
          chart!.dispose();
        }
      }
    }
  });

  it('a category axis thins its labels itself (core ECharts `hideOverlap`)', () => {
    const many = result(Array.from({ length: 60 }, (_, index) => 100 - index));
    const option = buildChartOption(many, specFor('bar'), { ...settings, width: 300 });
    const drawn = draw(option, 300, 300);
    const labels: Box[] = [];
    const visit = (element: TextElement & { ignore?: boolean; children?(): TextElement[] }): void => {
      if (element.ignore) return;
      if (element.type === 'text' && String(element.style.text ?? '').startsWith('Chatflow')) labels.push(boxOf(element));
      for (const child of element.children?.() ?? []) visit(child);
    };
    for (const root of (drawn.getZr() as unknown as { storage: { getRoots(): TextElement[] } }).storage.getRoots()) visit(root);
    expect(labels.length).to.be.greaterThan(3);
    expect(labels.length).to.be.lessThan(60);
    expect(overlapping(labels)).to.deep.equal([]);
  });
});
