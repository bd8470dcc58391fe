/**
 * conversation-reports: importing this module registers the elements
 * (<conversation-dashboard>, <report-tile>, <drill-dialog>) and exports the engine, the data
 * sources and the dashboard stores.
 */
import './elements/conversation-dashboard/conversation-dashboard.ts';
import './elements/report-tile/report-tile.ts';
import './elements/drill-dialog/drill-dialog.ts';

export * from './core/index.ts';
export { ArrayDataSource } from './adapters/array-data-source.ts';
export type { DataSource, DataPage, LoadRequest } from './adapters/data-source.ts';
export * from './store/index.ts';
export * from './events/index.ts';
export { ConversationDashboard } from './elements/conversation-dashboard/conversation-dashboard.ts';
export { ReportTile } from './elements/report-tile/report-tile.ts';
export { DrillDialog } from './elements/drill-dialog/drill-dialog.ts';
export { generateConversations } from './sample/generate-conversations.ts';
export { translate, registerCatalog, resolveLocale } from './i18n/translate.ts';
