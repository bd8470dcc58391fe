/**
 * ECharts parts registered on demand: an option that needs one waits for {@link loadChartModules}
 * before it is drawn, a chart asking for the SVG renderer waits for {@link loadRenderer} before it is
 * made, and the tooltip loads on the first pointer or focus over a chart ({@link loadTooltip}). With
 * `echarts.ts`, the one place that chooses modules; kept apart so that these parts stay out of the
 * first bundle.
 */
import { tooltipRegistered } from './echarts.ts';

/** A part registered on first use: its series type, and its module once asked for. */
interface ChartPart {
  load: () => Promise<unknown>;
  promise: Promise<void> | null;
  ready: boolean;
}

const parts: Record<string, ChartPart> = {
  heatmap: { load: () => import('./echarts-heatmap.ts'), promise: null, ready: false },
  // The default dashboard's first tab draws bars and a donut; lines are on the email tab.
  line: { load: () => import('./echarts-line.ts'), promise: null, ready: false },
};
let generation = 0;

/**
 * Bumped whenever parts are registered. An ECharts instance keeps the visual processors that were
 * registered when it was created (its scheduler copies them), so a chart made before a part
 * arrived must be made again to use it: a heatmap would otherwise draw every cell in one colour.
 */
export function chartModulesGeneration(): number {
  return generation;
}

function seriesOf(option: object | undefined): { type?: unknown }[] {
  const raw = (option as { series?: unknown } | undefined)?.series;
  return (Array.isArray(raw) ? raw : raw ? [raw] : []) as { type?: unknown }[];
}

function missingParts(option: object | undefined): ChartPart[] {
  const missing = new Set<ChartPart>();
  for (const { type } of seriesOf(option)) {
    const part = typeof type === 'string' && Object.hasOwn(parts, type) ? parts[type] : undefined;
    if (part && !part.ready) missing.add(part);
  }
  return [...missing];
}

/** Whether drawing `option` needs parts that are not registered yet. */
export function needsChartModules(option: object | undefined): boolean {
  return missingParts(option).length > 0;
}

/** Registers the parts `option` needs (once each; later calls share the first load). */
export function loadChartModules(option: object | undefined): Promise<void> {
  return Promise.all(
    missingParts(option).map((part) =>
      (part.promise ??= part.load().then(
        () => {
          part.ready = true;
          generation++;
        },
        (error: unknown) => {
          // A chunk that failed to arrive (network) is asked for again next time.
          part.promise = null;
          throw error;
        },
      )),
    ),
  ).then(() => undefined);
}

let tooltip: Promise<void> | null = null;

/** Whether the tooltip is registered: an option set from now on shows one. */
export function tooltipReady(): boolean {
  return tooltipRegistered();
}

/**
 * Registers the tooltip (once; later calls share the first load). Charts drawn before it arrived
 * show one once their option is set again (see `echarts.ts`), without being made again.
 */
export function loadTooltip(): Promise<void> {
  if (tooltipRegistered()) return Promise.resolve();
  tooltip ??= import('./echarts-tooltip.ts').then(
    () => undefined,
    (error: unknown) => {
      tooltip = null;
      throw error;
    },
  );
  return tooltip;
}

let svg: Promise<void> | null = null;
let svgReady = false;

/** Whether charts can be made with `renderer` now (the canvas renderer always; the SVG one once loaded). */
export function rendererReady(renderer: 'canvas' | 'svg'): boolean {
  return renderer === 'canvas' || svgReady;
}

/**
 * Registers `renderer` (once; later calls share the first load). Unlike chart parts, a renderer is
 * read only when a chart is made, so charts made before it stay as they are.
 */
export function loadRenderer(renderer: 'canvas' | 'svg'): Promise<void> {
  if (rendererReady(renderer)) return Promise.resolve();
  svg ??= import('./echarts-svg.ts').then(
    () => {
      svgReady = true;
    },
    (error: unknown) => {
      svg = null;
      throw error;
    },
  );
  return svg;
}
