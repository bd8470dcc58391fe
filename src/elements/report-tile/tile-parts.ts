import { loadChartModules } from '../../charts/chart-modules.ts';
import { onDemand } from '../../core/on-demand.ts';

/**
 * The parts of a tile the default dashboard does not show before it paints, each loaded the first
 * time a tile shows it: the table view (the `table` chart type, or Actions → View as table), and a
 * heatmap's option and table, which come with the heatmap's ECharts parts.
 */
export const tableView = onDemand(() => import('./tile-table.ts'));

export const heatmapView = onDemand(() =>
  Promise.all([import('./tile-heatmap.ts'), loadChartModules({ series: [{ type: 'heatmap' }] })]).then(([module]) => module),
);
