import { installQuantiles } from './engine/quantile-install.ts';
import { installBusinessTime } from './time/business-time-install.ts';

export * from './schema/index.ts';
export * from './types.ts';
export { parseConversations, formatParseError, type ParseError, type ParseResult, type FieldProblem } from './wire/parse-conversations.ts';
export { createTable, conversationAt, TableBuilder, type ConversationTable } from './table/table.ts';
export { computeReport, computeReports, ReportBatch, OTHER_LABEL } from './engine/compute-report.ts';
export { clearReportCache } from './engine/report-cache.ts';
export type { WireCategorical, WireCodes, WireColumns, WireDictionary, WireNumbers, WirePage } from './wire/wire-format.ts';
export { drillDown } from './engine/drill-down.ts';
export { DEFAULT_DRILL_LIMIT, InvalidDrillPageError, resolveDrillPage } from './engine/drill-page.ts';
export { ALL_KEY, InvalidMeasureError } from './engine/report-plan.ts';
export { MissingBusinessHoursError } from './errors.ts';
export { UnknownPropertyError } from './table/columns.ts';
export { InvalidFilterError } from './engine/filters.ts';
export { normalizePageUrl } from './table/page-url.ts';
export { bucketStart, bucketBoundaries, zoneOffset, MAX_DATE_BUCKETS, TooManyBucketsError } from './time/time-buckets.ts';
export { NULL_LABELS } from './table/labels.ts';
export { templates, templateList, templateReports, type DashboardTemplate } from './dashboard/templates.ts';
export { propertyCatalog, builtInProperties, findProperty, type PropertyInfo, type PropertyType } from './table/properties.ts';
export { rangePresets, resolveRangePreset, isRangePreset, type RangePreset } from './time/range-presets.ts';
export { previousRange } from './engine/report-plan.ts';
export { alignPreviousBuckets } from './engine/previous-buckets.ts';

// Everything computed through conversation-reports/core may ask for a median, or business hours, at once.
installQuantiles();
installBusinessTime();
