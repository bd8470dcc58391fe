// Pure option and model builders: no DOM, no ECharts runtime, safe to import anywhere (a worker included).
export { buildChartOption, isGraphicChartType, DEFAULT_LABEL_MAX, SAMPLING_THRESHOLD } from './chart-option.ts';
export type { ChartDataItem, ChartOptionSettings, GraphicChartType } from './chart-option.ts';
export { buildTableModel } from './table-model.ts';
export type { TableColumn, TableColumnId, TableFormatSettings, TableLabels, TableModel, TableRowModel } from './table-model.ts';
export { buildKpiModel } from './kpi-model.ts';
export type { KpiFormatSettings, KpiModel } from './kpi-model.ts';
export { categoryLabel, createValueFormatter, hasBreakdown, seriesLabel } from './value-format.ts';
export type { FormatSettings, ValueFormatter, ValueKind } from './value-format.ts';
