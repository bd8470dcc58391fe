import type { ReportSpec } from '../../core/schema/report-spec.ts';
import type { GroupKey, ReportResult } from '../../core/types.ts';
import { MISSING_VALUE, formatNumber, formatPercentDelta } from '../../i18n/format.ts';
import { bucketKeyLabel, categoryLabel, createValueFormatter, hasBreakdown, seriesLabel } from './value-format.ts';
import type { FormatSettings } from './value-format.ts';

export type TableColumnId = 'label' | 'series' | 'value' | 'count' | 'previous' | 'change';

/** Column headings; a host passes translated ones, the defaults are English. */
export interface TableLabels {
  label: string;
  series: string;
  value: string;
  count: string;
  previous: string;
  change: string;
}

export interface TableFormatSettings extends FormatSettings {
  labels?: Partial<TableLabels>;
}

export interface TableColumn {
  id: TableColumnId;
  label: string;
  /** Numbers align to the end of the cell so that digits line up. */
  numeric: boolean;
}

export interface TableRowModel {
  key: GroupKey;
  /** `undefined` when the report has no breakdown. */
  series: GroupKey | undefined;
  /** Plain text, one per column: render as text, never as HTML. */
  cells: string[];
}

export interface TableModel {
  columns: TableColumn[];
  rows: TableRowModel[];
}

/**
 * A report result as table columns and formatted cells, one row per report row (a breakdown adds a
 * series column rather than pivoting, so every row still maps to one drillable `{ key, series }`).
 * The conversation count gets its own column unless it is already the value.
 */
export function buildTableModel(result: ReportResult, spec: ReportSpec, fmt: TableFormatSettings): TableModel {
  const labels: TableLabels = {
    label: spec.dimension ?? '',
    series: spec.breakdown ?? '',
    value: spec.title,
    count: 'Conversations',
    previous: 'Previous period',
    change: 'Change',
    ...fmt.labels,
  };
  const format = createValueFormatter(fmt.valueKind, fmt.locale);
  const breakdown = hasBreakdown(result, spec);
  const showCount = spec.measure.op !== 'count';
  const compare = result.rows.some((row) => row.previous !== undefined);

  const columns: TableColumn[] = [{ id: 'label', label: labels.label, numeric: false }];
  if (breakdown) columns.push({ id: 'series', label: labels.series, numeric: false });
  columns.push({ id: 'value', label: labels.value, numeric: true });
  if (showCount) columns.push({ id: 'count', label: labels.count, numeric: true });
  if (compare) {
    columns.push({ id: 'previous', label: labels.previous, numeric: true });
    columns.push({ id: 'change', label: labels.change, numeric: true });
  }

  const rows = result.rows.map((row): TableRowModel => {
    const cells = [categoryLabel(row, spec, fmt)];
    if (breakdown) cells.push(seriesLabel(row, spec, fmt));
    cells.push(format(row.value));
    if (showCount) cells.push(formatNumber(row.count, fmt.locale));
    if (compare) {
      // Over time the previous value comes from another bucket: the cell says which ("9 (Aug 31)").
      const from = row.previous && row.previousKey !== undefined ? ` (${bucketKeyLabel(row.previousKey, spec, fmt)})` : '';
      cells.push(row.previous ? `${format(row.previous.value)}${from}` : MISSING_VALUE);
      cells.push(formatPercentDelta(row.value, row.previous?.value, fmt.locale) ?? MISSING_VALUE);
    }
    return { key: row.key, series: breakdown ? (row.series ?? null) : undefined, cells };
  });
  return { columns, rows };
}
