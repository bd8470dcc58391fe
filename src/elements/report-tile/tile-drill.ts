import { categoryLabel, seriesLabel } from '../../charts/options/value-format.ts';
import type { ReportSpec } from '../../core/schema/report-spec.ts';
import type { GroupKey, ReportResult } from '../../core/types.ts';
import { ReportDrillEvent } from '../../events/report-drill-event.ts';
import { formatSettings, type TileText } from './tile-text.ts';

/** The drill into one group (and series) of the shown result, named as the chart and table name it. */
export function tileDrillEvent(text: TileText, spec: ReportSpec, result: ReportResult, key: GroupKey, series: GroupKey | undefined): ReportDrillEvent {
  const found = result.rows.find((r) => r.key === key && (series === undefined || r.series === series));
  // A heatmap's empty cell has no row; its weekday and hour are still named for the drill's heading.
  const named = spec.chartType === 'heatmap' ? { key, label: String(key), value: null, count: 0, ...(series === undefined ? {} : { series, seriesLabel: String(series) }) } : undefined;
  const row = found ?? named;
  const settings = formatSettings(text, spec);
  return new ReportDrillEvent({
    reportId: spec.id,
    key,
    ...(series === undefined ? {} : { series }),
    ...(row ? { label: categoryLabel(row, spec, settings) } : {}),
    ...(row && series !== undefined ? { seriesLabel: seriesLabel(row, spec, settings) } : {}),
  });
}
