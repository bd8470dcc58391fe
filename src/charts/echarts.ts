/**
 * The one module that chooses which parts of ECharts ship: everything else imports ECharts through here,
 * so the bundle holds exactly the charts and components registered below (about half of full ECharts).
 * Parts few dashboards need (the heatmap's, the SVG renderer) are registered on first use by
 * `chart-modules.ts`, so they stay out of the first paint.
 */
import { use } from 'echarts/core';
import { BarChart, LineChart, PieChart } from 'echarts/charts';
// GridSimpleComponent: the grid without its own axis pointer, which TooltipComponent installs anyway.
import { AriaComponent, GridSimpleComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { LabelLayout } from 'echarts/features';
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
  LineChart,
  PieChart,
  GridSimpleComponent,
  TooltipComponent,
  // Plain and scrolling legends (many series scroll).
  LegendComponent,
  AriaComponent,
  // Paints first; the SVG renderer is registered on first use (see chart-modules.ts).
  CanvasRenderer,
  // `labelLayout.hideOverlap` on pie slices: many thin slices otherwise print labels over each other.
  LabelLayout,
]);

export { init, getInstanceByDom } from 'echarts/core';
export type { ECharts, EChartsCoreOption, ECElementEvent, EChartsInitOpts, SetOptionOpts } from 'echarts/core';

/**
 * The option shape of every chart this kit draws: the series and components registered above, and
 * the heatmap's, registered on first use by `echarts-heatmap.ts` (see `chart-modules.ts`).
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
