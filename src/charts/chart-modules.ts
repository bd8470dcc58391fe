/**
 * ECharts parts registered on demand: an option that needs one waits for {@link loadChartModules}
 * before it is drawn, a chart asking for the SVG renderer waits for {@link loadRenderer} before it is
 * made. With `echarts.ts`, the one place that chooses modules; kept apart so that these parts stay
 * out of the first bundle.
 */

let heatmap: Promise<void> | null = null;
let heatmapReady = false;
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

/** Whether drawing `option` needs parts that are not registered yet. */
export function needsChartModules(option: object | undefined): boolean {
  return !heatmapReady && seriesOf(option).some((series) => series.type === 'heatmap');
}

/** Registers the parts `option` needs (once; later calls share the first load). */
export function loadChartModules(option: object | undefined): Promise<void> {
  if (!needsChartModules(option)) return Promise.resolve();
  heatmap ??= import('./echarts-heatmap.ts').then(
    () => {
      heatmapReady = true;
      generation++;
    },
    (error: unknown) => {
      // A chunk that failed to arrive (network) is asked for again next time.
      heatmap = null;
      throw error;
    },
  );
  return heatmap;
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
