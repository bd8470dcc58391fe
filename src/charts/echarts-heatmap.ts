/**
 * The heatmap's ECharts parts: its series and the continuous colour scale. Imported only when a
 * heatmap is first drawn (see `chart-modules.ts`), so dashboards without one never load them.
 */
import { use } from 'echarts/core';
import { HeatmapChart } from 'echarts/charts';
import { VisualMapContinuousComponent } from 'echarts/components';

use([HeatmapChart, VisualMapContinuousComponent]);
