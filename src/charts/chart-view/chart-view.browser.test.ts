import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { resetMouse, sendMouse } from '@web/test-runner-commands';
import { buildChartOption } from '../options/chart-option.ts';
import type { ChartOptionSettings } from '../options/chart-option.ts';
import { readChartTheme } from '../theme.ts';
import { afterEach, describe, it } from '../test-support.ts';
import {
  XSS_LABEL,
  settings,
  specFor,
  volumeByAssignee,
  volumeByAssigneeAndChannel,
  volumeByAssigneeAndInbox,
} from '../test-fixtures.ts';
import type { ECharts, EChartsCoreOption } from '../echarts.ts';
import { loadTooltip, needsChartModules, tooltipReady } from '../chart-modules.ts';
import { waitUntil } from '../../../test/wait-until.js';
import './chart-view.ts';
import type { ChartFrame, ChartView } from './chart-view.ts';
import type { ChartPointClickEvent } from '../../events/chart-point-click-event.ts';

/*
 * Resize observations and media-query changes are delivered in the page's rendering steps, which Chromium
 * skips for a test page in the background (the runner runs two at once). The tests that depend on them
 * drive stand-ins instead of waiting.
 */

function stubMatchMedia(initiallyReduced = false) {
  const original = window.matchMedia;
  const queries: (EventTarget & { matches: boolean; media: string })[] = [];
  const counts = new Map<EventTarget, number>();
  window.matchMedia = (media: string) => {
    const target = new EventTarget();
    const query = Object.assign(target, { matches: initiallyReduced, media });
    const add = target.addEventListener.bind(target);
    const remove = target.removeEventListener.bind(target);
    query.addEventListener = (...args: Parameters<EventTarget['addEventListener']>) => {
      counts.set(target, (counts.get(target) ?? 0) + 1);
      add(...args);
    };
    query.removeEventListener = (...args: Parameters<EventTarget['removeEventListener']>) => {
      counts.set(target, (counts.get(target) ?? 0) - 1);
      remove(...args);
    };
    queries.push(query);
    return query as unknown as MediaQueryList;
  };
  return {
    change(matches: boolean) {
      for (const query of queries) {
        query.matches = matches;
        query.dispatchEvent(Object.assign(new Event('change'), { matches, media: query.media }));
      }
    },
    listeners: () => Array.from(counts.values()).reduce((sum, count) => sum + count, 0),
    restore: () => {
      window.matchMedia = original;
    },
  };
}

function stubResizeObserver() {
  const original = window.ResizeObserver;
  const live = new Set<{ callback: ResizeObserverCallback; self: ResizeObserver }>();
  let made = 0;
  class FakeResizeObserver {
    private readonly entry: { callback: ResizeObserverCallback; self: ResizeObserver };
    constructor(callback: ResizeObserverCallback) {
      this.entry = { callback, self: this as unknown as ResizeObserver };
      made++;
    }
    observe() {
      live.add(this.entry);
    }
    unobserve() {
      live.delete(this.entry);
    }
    disconnect() {
      live.delete(this.entry);
    }
  }
  window.ResizeObserver = FakeResizeObserver as unknown as typeof ResizeObserver;
  return {
    notify: () => live.forEach(({ callback, self }) => callback([], self)),
    live: () => live.size,
    made: () => made,
    restore: () => {
      window.ResizeObserver = original;
    },
  };
}

const still: ChartOptionSettings = { ...settings, reducedMotion: true };

/** ECharts hides its model from the public types; the tests read it to count what was drawn. */
interface ModelView {
  getSeriesByIndex(index: number): { getData(): { count(): number; getItemLayout(index: number): { height: number } } } | undefined;
  getSeriesCount(): number;
}
const modelOf = (chart: ECharts) => (chart as unknown as { getModel(): ModelView }).getModel();

async function render(option: EChartsCoreOption, renderer: 'canvas' | 'svg' = 'svg', label = 'Chat volume') {
  const el = await fixture<ChartView>(
    html`<cr-chart-view style="width: 600px; --cr-chart-height: 300px" .option=${option} renderer=${renderer} label=${label}></cr-chart-view>`,
  );
  await el.updateComplete;
  return el;
}

function container(el: ChartView): HTMLElement {
  return el.shadowRoot!.querySelector<HTMLElement>('[part="chart"]')!;
}

/** Bars are the paths filled with a palette colour (with aria decals on, each also gets a pattern-filled twin). */
function barPaths(el: ChartView): SVGPathElement[] {
  return Array.from(container(el).querySelectorAll<SVGPathElement>('svg path')).filter((path) =>
    settings.palette.includes(path.getAttribute('fill') ?? ''),
  );
}

function decalPaths(el: ChartView): SVGPathElement[] {
  return Array.from(container(el).querySelectorAll<SVGPathElement>('svg path')).filter((path) =>
    (path.getAttribute('fill') ?? '').startsWith('url(#'),
  );
}

/** What the legend tests read of a zrender element. */
interface DrawnElement {
  type?: string;
  ignore?: boolean;
  style?: { text?: string };
  children?(): DrawnElement[];
  getBoundingRect(): { clone(): { x: number; y: number; width: number; height: number; applyTransform(matrix: unknown): void } };
  getComputedTransform(): unknown;
}

/** Clicks the legend entry whose text starts with `text`, as a reader would. */
async function clickLegendEntry(el: ChartView, text: string): Promise<void> {
  const found: DrawnElement[] = [];
  const visit = (element: DrawnElement): void => {
    if (element.ignore) return;
    if (element.type === 'text' && String(element.style?.text ?? '').startsWith(text)) found.push(element);
    for (const child of element.children?.() ?? []) visit(child);
  };
  for (const root of (el.chart!.getZr() as unknown as { storage: { getRoots(): DrawnElement[] } }).storage.getRoots()) visit(root);
  expect(found, `one legend entry "${text}…"`).to.have.length(1);
  const rect = found[0]!.getBoundingRect().clone();
  rect.applyTransform(found[0]!.getComputedTransform());
  const box = container(el).getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(box.left + rect.x + rect.width / 2), Math.round(box.top + rect.y + rect.height / 2)] });
}

/** The series the legend shows as deselected (hidden). */
function deselected(el: ChartView): string[] {
  const selected = (el.chart!.getOption().legend as { selected?: Record<string, boolean> }[])[0]!.selected ?? {};
  return Object.keys(selected).filter((name) => selected[name] === false);
}

describe('<cr-chart-view>', () => {
  afterEach(async () => {
    await resetMouse();
  });

  // First in this file: nothing before it has pointed at a chart, so the tooltip is not loaded yet.
  it('paints without the tooltip, loads it on the first pointer over the chart and shows it there', async () => {
    expect(tooltipReady(), 'not part of the first paint').to.equal(false);
    const el = await render(buildChartOption(volumeByAssignee, specFor('column'), still), 'canvas');
    expect(Array.isArray(el.chart!.getOption().tooltip), 'drawn without a tooltip component').to.equal(false);
    const chart = el.chart!;
    const [x, y] = chart.convertToPixel({ seriesIndex: 0 }, [0, volumeByAssignee.rows[0]!.value! / 2]) as number[];
    const box = container(el).getBoundingClientRect();
    await sendMouse({ type: 'move', position: [Math.round(box.left + x!), Math.round(box.top + y!)] });
    const title = () => container(el).querySelector('.cr-tooltip-title')?.textContent ?? '';
    await waitUntil(() => title() !== '', 'the tooltip shows where the pointer is');
    expect(title()).to.equal(volumeByAssignee.rows[0]!.label);
    expect(el.chart, 'the same instance, its option set again').to.equal(chart);
    expect(tooltipReady()).to.equal(true);
  });

  it('waits in updateComplete for a line chart, whose parts load on first use', async () => {
    const option = buildChartOption(volumeByAssignee, specFor('line'), still);
    expect(needsChartModules(option), 'lines are not part of the first paint').to.equal(true);
    const el = await render(option, 'canvas');
    expect(modelOf(el.chart!).getSeriesByIndex(0)!.getData().count()).to.equal(3);
  });

  // Before any chart with a legend too long for one line (or of an unmeasured width) loads it.
  it('draws a legend too long for one line once the scrolling legend, loaded on first use, arrives; a click on an entry hides its series', async () => {
    const option = buildChartOption(volumeByAssigneeAndInbox(12), specFor('column', { breakdown: 'channel' }), { ...still, width: 600 });
    expect(needsChartModules(option), 'not part of the first paint').to.equal(true);
    const el = await render(option, 'canvas');
    expect(needsChartModules(option)).to.equal(false);
    expect((el.chart!.getOption().legend as { type: string }[])[0]!.type).to.equal('scroll');
    await clickLegendEntry(el, 'Inbox 1 ');
    await waitUntil(() => deselected(el).length > 0, 'the series is deselected');
    expect(deselected(el)).to.deep.equal(['Inbox 1 of the support team']);
  });

  it('draws a legend that fits on one line as a plain one; a click on an entry hides its series, a second shows it', async () => {
    const option = buildChartOption(volumeByAssigneeAndChannel, specFor('column', { breakdown: 'channel' }), { ...still, width: 600 });
    const el = await render(option, 'canvas');
    expect((el.chart!.getOption().legend as { type: string }[])[0]!.type).to.equal('plain');
    await clickLegendEntry(el, 'Email');
    await waitUntil(() => deselected(el).length > 0, 'the series is deselected');
    expect(deselected(el)).to.deep.equal(['Email']);
    await clickLegendEntry(el, 'Email');
    await waitUntil(() => deselected(el).length === 0, 'the series is selected again');
  });

  it('draws one bar per row with the SVG renderer', async () => {
    const el = await render(buildChartOption(volumeByAssignee, specFor('bar'), still));
    const chart = el.chart!;
    expect(chart).to.not.equal(undefined);
    expect(modelOf(chart).getSeriesCount()).to.equal(1);
    expect(modelOf(chart).getSeriesByIndex(0)!.getData().count()).to.equal(3);
    expect(barPaths(el)).to.have.length(3);
    // One series in one colour: colour tells nothing apart, so no pattern is drawn (a breakdown or a pie gets them).
    expect(decalPaths(el)).to.have.length(0);
  });

  it('draws stacked series for a breakdown', async () => {
    const option = buildChartOption(volumeByAssigneeAndChannel, specFor('column', { breakdown: 'channel' }), still);
    const el = await render(option);
    const model = modelOf(el.chart!);
    expect(model.getSeriesCount()).to.equal(2);
    expect(decalPaths(el).length).to.be.greaterThan(0, 'series are told apart by pattern, not colour alone');
    const heights = [0, 1].map((index) => {
      const data = model.getSeriesByIndex(index)!.getData();
      return Array.from({ length: data.count() }, (_, item) => Math.round(data.getItemLayout(item).height));
    });
    // Chat: Alice 8, Bob 7, Unassigned 0; email: Alice 4 (stacked on her 8 chats), Bob 0, Unassigned 3.
    expect(heights.map((series) => series.map((height) => height !== 0))).to.deep.equal([
      [true, true, false],
      [true, false, true],
    ]);
    const aliceChat = heights[0]![0]!;
    const aliceEmail = heights[1]![0]!;
    expect(Math.abs(aliceEmail / aliceChat - 4 / 8)).to.be.below(0.05);
  });

  it('re-emits a click on a bar as chart-point-click with the row key', async () => {
    const el = await render(buildChartOption(volumeByAssignee, specFor('bar'), still), 'canvas');
    const chart = el.chart!;
    const index = 1;
    const value = volumeByAssignee.rows[index]!.value!;
    // Horizontal bars: the value runs along x, the category along y.
    const [px, py] = chart.convertToPixel({ seriesIndex: 0 }, [value / 2, index]) as number[];
    const box = container(el).getBoundingClientRect();
    const clicked = oneEvent(el, 'chart-point-click') as Promise<ChartPointClickEvent>;
    await sendMouse({ type: 'click', position: [Math.round(box.left + px!), Math.round(box.top + py!)] });
    const event = await clicked;
    expect(event.detail).to.deep.equal({ key: 'a2', series: undefined, dataIndex: 1, seriesIndex: 0 });
    expect(event.bubbles).to.equal(true);
    expect(event.composed).to.equal(true);
  });

  it('reports the series of a clicked stacked column', async () => {
    const option = buildChartOption(volumeByAssigneeAndChannel, specFor('column', { breakdown: 'channel' }), still);
    const el = await render(option, 'canvas');
    const chart = el.chart!;
    // Alice's email segment sits on top of her 8 chats: its middle is at 8 + 4 / 2.
    const [px, py] = chart.convertToPixel({ seriesIndex: 1 }, [0, 10]) as number[];
    const box = container(el).getBoundingClientRect();
    const clicked = oneEvent(el, 'chart-point-click') as Promise<ChartPointClickEvent>;
    await sendMouse({ type: 'click', position: [Math.round(box.left + px!), Math.round(box.top + py!)] });
    expect((await clicked).detail).to.deep.equal({ key: 'a1', series: 'email', dataIndex: 0, seriesIndex: 1 });
  });

  it('replaces the option rather than merging it', async () => {
    const el = await render(buildChartOption(volumeByAssigneeAndChannel, specFor('column', { breakdown: 'channel' }), still));
    el.option = buildChartOption(volumeByAssignee, specFor('column'), still);
    await el.updateComplete;
    expect(modelOf(el.chart!).getSeriesCount()).to.equal(1);
    expect(barPaths(el)).to.have.length(3);
  });

  it('disposes of the chart when removed and makes a new one when put back', async () => {
    const el = await render(buildChartOption(volumeByAssignee, specFor('bar'), still));
    const first = el.chart!;
    const parent = el.parentElement!;
    el.remove();
    expect(first.isDisposed()).to.equal(true);
    expect(el.chart).to.equal(undefined);
    parent.append(el);
    const second = el.chart!;
    expect(second).to.not.equal(undefined);
    expect(second).to.not.equal(first);
    expect(modelOf(second).getSeriesByIndex(0)!.getData().count()).to.equal(3);
  });

  it('re-creates the chart when the renderer changes', async () => {
    const el = await render(buildChartOption(volumeByAssignee, specFor('bar'), still), 'canvas');
    const first = el.chart!;
    expect(container(el).querySelector('canvas')).to.not.equal(null);
    el.renderer = 'svg';
    await el.updateComplete;
    expect(first.isDisposed()).to.equal(true);
    expect(container(el).querySelector('svg')).to.not.equal(null);
    expect(barPaths(el)).to.have.length(3);
  });

  it('keeps one observer for its box when the chart is made again', async () => {
    // A chart is made again inside a resize report when chart parts loaded since it was made; an
    // observer made in the observer's own callback is a "ResizeObserver loop" error in Chromium.
    const observers = stubResizeObserver();
    try {
      const el = await render(buildChartOption(volumeByAssignee, specFor('bar'), still), 'canvas');
      expect(observers.made()).to.equal(1);
      el.renderer = 'svg';
      await el.updateComplete;
      expect(container(el).querySelector('svg'), 'made again').to.not.equal(null);
      expect([observers.made(), observers.live()]).to.deep.equal([1, 1]);
      el.style.width = '400px';
      observers.notify();
      expect(el.chart!.getWidth(), 'the new chart follows the box').to.equal(400);
      el.remove();
      expect(observers.live()).to.equal(0);
    } finally {
      observers.restore();
    }
  });

  it('is accessible, named by its label and the data description', async () => {
    const el = await render(buildChartOption(volumeByAssignee, specFor('bar'), still), 'svg', 'Chat volume');
    const box = container(el);
    expect(box.getAttribute('role')).to.equal('img');
    expect(box.getAttribute('aria-label')).to.equal(
      'Chat volume. Chat volume by assignee. Alice: 12; Bob: 7; Unassigned: 3',
    );
    await expect(el).to.be.accessible();
  });

  it('does not repeat a label the description already starts with', async () => {
    const el = await render(buildChartOption(volumeByAssignee, specFor('pie'), still), 'svg', 'Chat volume by assignee');
    expect(container(el).getAttribute('aria-label')).to.equal(
      'Chat volume by assignee. Alice: 12; Bob: 7; Unassigned: 3',
    );
  });

  it('turns animation off when the reader prefers reduced motion, and back on', async () => {
    const media = stubMatchMedia();
    try {
      const el = await render(buildChartOption(volumeByAssignee, specFor('bar'), settings));
      expect(el.chart!.getOption().animation).to.equal(true);
      media.change(true);
      expect(el.prefersReducedMotion).to.equal(true);
      expect(el.chart!.getOption().animation).to.equal(false);
      media.change(false);
      expect(el.chart!.getOption().animation).to.equal(true);
      el.remove();
      expect(media.listeners()).to.equal(0);
    } finally {
      media.restore();
    }
  });

  it('starts without animation when reduced motion is already asked for', async () => {
    const media = stubMatchMedia(true);
    try {
      const el = await render(buildChartOption(volumeByAssignee, specFor('bar'), settings));
      expect(el.chart!.getOption().animation).to.equal(false);
    } finally {
      media.restore();
    }
  });

  it('escapes hostile labels in the tooltip it shows', async () => {
    const hostile = {
      ...volumeByAssignee,
      rows: volumeByAssignee.rows.map((row, index) => (index === 0 ? { ...row, label: XSS_LABEL } : row)),
    };
    await loadTooltip();
    const el = await render(buildChartOption(hostile, specFor('column'), still));
    el.chart!.dispatchAction({ type: 'showTip', seriesIndex: 0, dataIndex: 0 });
    const box = container(el);
    expect(box.textContent).to.contain(XSS_LABEL);
    expect(box.querySelector('img')).to.equal(null);
  });

  it('resizes with its box, and stops observing it when removed', async () => {
    const observers = stubResizeObserver();
    try {
      const el = await render(buildChartOption(volumeByAssignee, specFor('bar'), still));
      expect(el.chart!.getWidth()).to.equal(600);
      expect(observers.live()).to.equal(1);
      el.style.width = '400px';
      observers.notify();
      expect(el.chart!.getWidth()).to.equal(400);
      el.remove();
      expect(observers.live()).to.equal(0);
    } finally {
      observers.restore();
    }
  });

  it('resizes one chart per task when several boxes change at once, and skips a report of the size it has', async () => {
    const observers = stubResizeObserver();
    try {
      const first = await render(buildChartOption(volumeByAssignee, specFor('bar'), still));
      const second = await render(buildChartOption(volumeByAssignee, specFor('bar'), still));
      const resizes = [first, second].map((el) => {
        const chart = el.chart!;
        const calls = { count: 0 };
        const resize = chart.resize.bind(chart);
        chart.resize = (...args: Parameters<ECharts['resize']>) => {
          calls.count++;
          resize(...args);
        };
        return calls;
      });
      // Reported at the size each was drawn at (the observer's first report): nothing is drawn again.
      observers.notify();
      first.style.width = '400px';
      second.style.width = '400px';
      observers.notify();
      expect(first.chart!.getWidth(), 'the first at once').to.equal(400);
      expect(second.chart!.getWidth(), 'the second in a task of its own').to.equal(600);
      await waitUntil(() => second.chart!.getWidth() === 400, 'the second resized');
      expect(resizes.map((calls) => calls.count), 'once each: the reports of the size they had drew nothing').to.deep.equal([1, 1]);
    } finally {
      observers.restore();
    }
  });

  it('restyles from CSS on refreshTheme()', async () => {
    // A hand-written option with no colours of its own takes them from the theme.
    const option = {
      animation: false,
      xAxis: { type: 'category', data: ['a', 'b'] },
      yAxis: { type: 'value' },
      series: [{ type: 'bar', data: [1, 2] }],
    };
    const el = await render(option);
    el.style.setProperty('--cr-chart-palette', '#123456, #654321');
    el.refreshTheme();
    expect(readChartTheme(el).palette).to.deep.equal(['#123456', '#654321']);
    expect(el.chart!.getOption().color).to.deep.equal(['#123456', '#654321']);
  });

  it('does not fire for clicks outside data items', async () => {
    const el = await render(buildChartOption(volumeByAssignee, specFor('bar'), still), 'canvas');
    let fired = false;
    el.addEventListener('chart-point-click', () => {
      fired = true;
    });
    const box = container(el).getBoundingClientRect();
    await sendMouse({ type: 'click', position: [Math.round(box.right - 3), Math.round(box.top + 3)] });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(fired).to.equal(false);
  });
  it('builds the option for its theme, motion preference and width step, and again when one changes', async () => {
    const observers = stubResizeObserver();
    const media = stubMatchMedia();
    try {
      const frames: ChartFrame[] = [];
      const build = (frame: ChartFrame) => {
        frames.push(frame);
        return buildChartOption(volumeByAssignee, specFor('bar'), { ...settings, palette: frame.theme.palette, reducedMotion: frame.reducedMotion, ...(frame.width ? { width: frame.width } : {}) });
      };
      const el = await fixture<ChartView>(html`<cr-chart-view style="width: 615px; --cr-chart-height: 300px" renderer="svg" .build=${build}></cr-chart-view>`);
      await el.updateComplete;
      expect(frames.at(-1)!.width, 'measured before the first drawing, in 40 px steps').to.equal(600);
      expect(frames.at(-1)!.reducedMotion).to.equal(false);
      const count = frames.length;
      el.style.width = '630px';
      observers.notify();
      expect(frames.length, 'a resize within the step builds nothing').to.equal(count);
      el.style.width = '400px';
      observers.notify();
      expect(frames.at(-1)!.width).to.equal(400);
      el.style.setProperty('--cr-chart-palette', '#123456, #654321');
      el.refreshTheme();
      expect(frames.at(-1)!.theme.palette).to.deep.equal(['#123456', '#654321']);
      expect(el.chart!.getOption().color).to.deep.equal(['#123456', '#654321']);
      media.change(true);
      expect(frames.at(-1)!.reducedMotion).to.equal(true);
      expect(el.chart!.getOption().animation).to.equal(false);
      el.noAnimation = true;
      media.change(false);
      await el.updateComplete;
      expect(frames.at(-1)!.reducedMotion, 'no-animation').to.equal(true);
    } finally {
      media.restore();
      observers.restore();
    }
  });

  it('exports the chart as a framed PNG', async () => {
    const el = await render(buildChartOption(volumeByAssignee, specFor('bar'), still), 'canvas');
    const url = await el.toPngDataUrl({ title: 'Chat volume', range: '', seriesName: 'Conversations' });
    expect(url).to.match(/^data:image\/png;base64,/);
  });
});
