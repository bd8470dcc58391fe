import { categoryLabel, seriesLabel } from '../../charts/options/value-format.ts';
import { valueKindOf } from '../../charts/options/value-kind.ts';
import { toCsv } from '../../core/export/csv.ts';
import type { ReportSpec } from '../../core/schema/report-spec.ts';
import type { ReportResult, ReportRow } from '../../core/types.ts';
import { formatDuration } from '../../i18n/format.ts';
import { dimensionHeading, formatSettings, measureHeading, propertyLabel, type TileText } from './tile-text.ts';

/**
 * A result's rows as CSV, every one (a chart folds past its category limit; the export does not): full
 * labels, headers in the reader's words, a count report's number once, durations readable and in ms
 * (as the drill export writes them); formula-like text neutralised.
 */
export function tileCsv(text: TileText, spec: ReportSpec, result: ReportResult): string {
  const settings = formatSettings(text, spec);
  const breakdown = result.rows.some((row) => row.series !== undefined);
  const kind = valueKindOf(spec);
  const measure = measureHeading(text, spec);
  const header = [
    spec.dimension ? dimensionHeading(text, spec) : '',
    ...(breakdown ? [spec.breakdown ? propertyLabel(text, spec.breakdown) : text.t('tile.column.series')] : []),
    measure,
    ...(kind === 'duration' ? [`${measure} (ms)`] : []),
    ...(kind === 'count' ? [] : [text.t('tile.column.count')]),
  ];
  const rows = result.rows.map((row: ReportRow) => [
    categoryLabel(row, spec, settings),
    ...(breakdown ? [seriesLabel(row, spec, settings)] : []),
    ...(kind === 'duration' ? [row.value === null ? null : formatDuration(row.value, text.locale), row.value] : [row.value]),
    ...(kind === 'count' ? [] : [row.count]),
  ]);
  return toCsv(header, rows);
}
