/**
 * conversation-reports: importing this module registers the elements
 * (<conversation-dashboard>, <report-tile>, <drill-dialog>, and, each from its own chunk, <report-editor>,
 * <csv-import> and the dashboard's wizard, settings and report library) and exports the engine, the in-memory, REST and
 * declarative data sources and the dashboard stores. The CSV, HubSpot and SQL sources and the
 * sample generator are in `conversation-reports/adapters` and `conversation-reports/sample`: the
 * markup attributes (`csv-src`, `hubspot-proxy`, `sample`) import them when used.
 */
import './elements/conversation-dashboard/conversation-dashboard.ts';
import './elements/report-tile/report-tile.ts';
import './elements/drill-dialog/drill-dialog.ts';

// The editor and <csv-import> (with papaparse) are registered too, each from its own chunk: pages that
// only read reports never wait for them.
export const reportEditorReady: Promise<unknown> = import('./elements/report-editor/report-editor.ts');
export const csvImportReady: Promise<unknown> = import('./elements/csv-import/csv-import.ts');
// The dashboard's wizard, settings and report library likewise: the dashboard loads them when one is
// first opened; here they are registered for pages that use them on their own.
export const dashboardDialogsReady: Promise<unknown> = Promise.all([
  import('./elements/dashboard-wizard/dashboard-wizard.ts'),
  import('./elements/dashboard-settings/dashboard-settings.ts'),
  import('./elements/report-library/report-library.ts'),
]);

export * from './core/index.ts';
export { ArrayDataSource } from './adapters/array-data-source.ts';
export { RestDataSource, type RestDataSourceOptions, type RestPaging } from './adapters/rest-data-source.ts';
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
export type { CsvImport } from './elements/csv-import/csv-import.ts';
export type { ReportEditor } from './elements/report-editor/report-editor.ts';
export { translate, registerCatalog, resolveLocale, loadCatalog } from './i18n/translate.ts';
