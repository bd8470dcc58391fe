import type { TemplateResult } from 'lit';
import { buildHeatmapModel } from '../../charts/options/heatmap-model.ts';
import type { ReportSpec } from '../../core/schema/report-spec.ts';
import type { GroupKey, ReportResult } from '../../core/types.ts';
import { renderHeatmapTable } from './heatmap-table.ts';
import { formatSettings, propertyLabel, tileTitle, type TileText } from './tile-text.ts';

// What a tile draws a heatmap with: one chunk, loaded with the heatmap's ECharts parts the first
// time a tile shows one (tile-parts.ts).
export { buildHeatmapOption } from '../../charts/options/heatmap-option.ts';
export { tableViewStyles } from './tile-table.styles.ts';

/** A heatmap's table view: the same grid, weekdays down and hours across (see heatmap-table.ts). */
export function renderHeatmapTileTable(
  text: TileText,
  spec: ReportSpec,
  result: ReportResult,
  drill: (key: GroupKey, series: GroupKey | undefined) => void,
): TemplateResult {
  return renderHeatmapTable({
    model: buildHeatmapModel(result, spec, formatSettings(text, spec)),
    caption: text.t('tile.tableCaption', { title: tileTitle(text, spec) }),
    hint: text.t('tile.gridHint'),
    corner: spec.breakdown ? propertyLabel(text, spec.breakdown) : '',
    breakdown: spec.breakdown !== undefined,
    drill,
  });
}
