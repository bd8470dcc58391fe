/**
 * The one module that chooses which parts of ECharts ship: everything else imports ECharts through here,
 * so the bundle holds exactly the charts and components registered below (about half of full ECharts).
 * What the default dashboard does not draw at first paint is registered on first use by
 * `chart-modules.ts`: the line chart (the email tab's), the heatmap's parts, the scrolling legend, the
 * SVG renderer, and the tooltip (on the first pointer or focus over a chart).
 */
import { PRIORITY, registerProcessor, use } from 'echarts/core';
import { BarChart, PieChart } from 'echarts/charts';
// GridSimpleComponent: the grid without its own axis pointer, which the tooltip installs when it loads.
import { AriaComponent, GridSimpleComponent, LegendPlainComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { BarSeriesOption, HeatmapSeriesOption, LineSeriesOption, PieSeriesOption } from 'echarts/charts';
import type {
  AriaComponentOption,
  GridComponentOption,
  LegendComponentOption,
  TooltipComponentOption,
  VisualMapComponentOption,
} from 'echarts/components';
import type { ComposeOption } from 'echarts/core';

use([
  BarChart,
  PieChart,
  GridSimpleComponent,
  // The plain legend; the scrolling one, for series names that do not fit on one line, is
  // registered on first use (see chart-modules.ts).
  LegendPlainComponent,
  AriaComponent,
  // Paints first; the SVG renderer is registered on first use (see chart-modules.ts).
  CanvasRenderer,
  // No LabelLayout (3 KiB): axis labels thin out with core ECharts' own `hideOverlap`, and a pie
  // labels at most six slices, which its `avoidLabelOverlap` keeps apart (see `pie` in chart-option.ts).
]);

type OverallReset = (ecModel: unknown, api: unknown) => void;
let axisPointerStatistics: OverallReset | undefined;

/**
 * The axis pointer (the tooltip's `trigger: 'axis'`) finds its axes in a processor. An ECharts
 * instance keeps the processors registered when it was made, so charts drawn before the tooltip
 * loaded would never show one; this stand-in, registered now, runs the real one once
 * `echarts-tooltip.ts` hands it over, and those charts only need their option set again.
 */
registerProcessor(PRIORITY.PROCESSOR.STATISTIC, {
  overallReset: (ecModel: unknown, api: unknown) => axisPointerStatistics?.(ecModel, api),
} as unknown as Parameters<typeof registerProcessor>[1]);

/** Called by `echarts-tooltip.ts` with the axis pointer's processor. */
export function setAxisPointerStatistics(overallReset: OverallReset): void {
  axisPointerStatistics = overallReset;
}

/** Whether `echarts-tooltip.ts` has run (imported on first use, or by a page that wants it at once). */
export function tooltipRegistered(): boolean {
  return axisPointerStatistics !== undefined;
}

export { init, getInstanceByDom } from 'echarts/core';
export type { ECharts, EChartsCoreOption, ECElementEvent, EChartsInitOpts, SetOptionOpts } from 'echarts/core';

/**
 * The option shape of every chart this kit draws: the series and components registered above, and
 * those registered on first use (see `chart-modules.ts`).
 */
export type ChartOption = ComposeOption<
  | BarSeriesOption
  | HeatmapSeriesOption
  | VisualMapComponentOption
  | LineSeriesOption
  | PieSeriesOption
  | GridComponentOption
  | TooltipComponentOption
  | LegendComponentOption
  | AriaComponentOption
>;
