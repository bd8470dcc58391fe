/**
 * ECharts parts registered on demand: an option that needs one (a line, a heatmap, a scrolling
 * legend) waits for {@link loadChartModules} before it is drawn, a chart asking for the SVG
 * renderer waits for {@link loadRenderer} before it is made, and the tooltip loads on the first
 * pointer or focus over a chart ({@link loadTooltip}). With `echarts.ts`, the one place that
 * chooses modules; kept apart so that these parts stay out of the first bundle.
 */
import { onDemand, type OnDemand } from '../core/on-demand.ts';
import { tooltipRegistered } from './echarts.ts';

let generation = 0;

/** Chart parts by series type. */
const parts: Record<string, OnDemand> = {
  heatmap: onDemand(() => import('./echarts-heatmap.ts'), () => generation++),
  // The default dashboard's first tab draws bars and a donut; lines are on the email tab.
  line: onDemand(() => import('./echarts-line.ts'), () => generation++),
};

/**
 * Bumped whenever parts are registered. An ECharts instance keeps the visual processors that were
 * registered when it was created (its scheduler copies them), so a chart made before a part
 * arrived must be made again to use it: a heatmap would otherwise draw every cell in one colour.
 */
export function chartModulesGeneration(): number {
  return generation;
}

/**
 * The scrolling legend, for series names that do not fit on one line. It adds a legend type, no
 * processor, so charts made before it arrived draw it without being made again.
 */
const scrollLegend = onDemand(() => import('./echarts-legend-scroll.ts'));

function entriesOf(option: object | undefined, key: 'series' | 'legend'): { type?: unknown }[] {
  const raw = (option as Record<string, unknown> | undefined)?.[key];
  return (Array.isArray(raw) ? raw : raw ? [raw] : []) as { type?: unknown }[];
}

function missingParts(option: object | undefined): OnDemand[] {
  const missing = new Set<OnDemand>();
  for (const { type } of entriesOf(option, 'series')) {
    const part = typeof type === 'string' && Object.hasOwn(parts, type) ? parts[type] : undefined;
    if (part && !part.ready) missing.add(part);
  }
  // Hidden or not, a legend's type must be registered: ECharts makes its model either way.
  if (!scrollLegend.ready && entriesOf(option, 'legend').some(({ type }) => type === 'scroll')) missing.add(scrollLegend);
  return [...missing];
}

/** Whether drawing `option` needs parts that are not registered yet. */
export function needsChartModules(option: object | undefined): boolean {
  return missingParts(option).length > 0;
}

/** Registers the parts `option` needs (once each; later calls share the first load). */
export function loadChartModules(option: object | undefined): Promise<void> {
  return Promise.all(missingParts(option).map((part) => part.load())).then(() => undefined);
}

const tooltip = onDemand(() => import('./echarts-tooltip.ts'));

/** Whether the tooltip is registered: an option set from now on shows one. */
export function tooltipReady(): boolean {
  return tooltipRegistered();
}

/**
 * Registers the tooltip (once; later calls share the first load). Charts drawn before it arrived
 * show one once their option is set again (see `echarts.ts`), without being made again.
 */
export function loadTooltip(): Promise<void> {
  // Registered already when a page (or a test) imported the tooltip module itself.
  return tooltipRegistered() ? Promise.resolve() : tooltip.load();
}

const svg = onDemand(() => import('./echarts-svg.ts'));

/** Whether charts can be made with `renderer` now (the canvas renderer always; the SVG one once loaded). */
export function rendererReady(renderer: 'canvas' | 'svg'): boolean {
  return renderer === 'canvas' || svg.ready;
}

/**
 * Registers `renderer` (once; later calls share the first load). Unlike chart parts, a renderer is
 * read only when a chart is made, so charts made before it stay as they are.
 */
export function loadRenderer(renderer: 'canvas' | 'svg'): Promise<void> {
  return rendererReady(renderer) ? Promise.resolve() : svg.load();
}
