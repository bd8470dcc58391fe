/**
 * conversation-reports: importing this module registers the elements
 * (<conversation-dashboard>, <report-tile>, <drill-dialog>, <report-editor>, and the dashboard's
 * wizard, settings, report library and <csv-import>) and exports the engine, the data sources
 * and the dashboard stores.
 */
import './elements/conversation-dashboard/conversation-dashboard.ts';
import './elements/report-tile/report-tile.ts';
import './elements/drill-dialog/drill-dialog.ts';
import './elements/csv-import/csv-import.ts';

// The editor is registered too, from its own chunk: pages that only read reports never wait for it.
export const reportEditorReady: Promise<unknown> = import('./elements/report-editor/report-editor.ts');

export * from './core/index.ts';
export { ArrayDataSource } from './adapters/array-data-source.ts';
export { RestDataSource, type RestDataSourceOptions, type RestPaging } from './adapters/rest-data-source.ts';
export { HubSpotDataSource, HUBSPOT_DEFAULT_CHANNELS, type HubSpotDataSourceOptions } from './adapters/hubspot-data-source.ts';
export { CsvDataSource, suggestCsvMapping, CSV_FIELDS, type CsvDataSourceOptions, type CsvLineError } from './adapters/csv-data-source.ts';
export { SqlDataSource, type SqlDataSourceOptions, type SqlExecutor } from './adapters/sql-data-source.ts';
export { HttpRequestError, PageLoadError } from './adapters/errors.ts';
export type { DataSource, DataPage, LoadRequest } from './adapters/data-source.ts';
export { createDataSource, sourceOptionsFromAttributes, DeclarativeDataSource, type SourceAttributes } from './adapters/declarative-data-source.ts';
export {
  DashboardConfigError,
  dashboardConfigSchema,
  declarativeDashboardConfigSchema,
  sourceOptionsSchema,
  parseDashboardConfig,
  type ConfigIssue,
  type DashboardConfig,
  type DashboardConfigInput,
  type DeclarativeDashboardConfig,
  type SourceOptions,
  type StoreOptions,
} from './core/schema/dashboard-config.ts';
export * from './store/index.ts';
export * from './events/index.ts';
export { ConversationDashboard } from './elements/conversation-dashboard/conversation-dashboard.ts';
export { ReportTile } from './elements/report-tile/report-tile.ts';
export { DrillDialog } from './elements/drill-dialog/drill-dialog.ts';
export { CsvImport } from './elements/csv-import/csv-import.ts';
export type { ReportEditor } from './elements/report-editor/report-editor.ts';
export { generateConversations } from './sample/generate-conversations.ts';
export { translate, registerCatalog, resolveLocale } from './i18n/translate.ts';
