/**
 * `conversation-reports/server`: the Node-side half of the SQL push-down. The browser sends report
 * requests (`ServerDataSource`), never SQL; `createReportHandler` validates, scopes, compiles and
 * runs them. `createHubSpotProxy` is HubSpotDataSource's server half (it holds the HubSpot token).
 * No DOM, Lit or ECharts here.
 */
export { createReportHandler, type ReportAuth, type ReportHandlerLimits, type ReportHandlerOptions } from './create-report-handler.ts';
export { toNodeListener } from './node-listener.ts';
export { createHubSpotProxy, type HubSpotProxyAllow, type HubSpotProxyOptions } from './hubspot-proxy.ts';
export { reportRequestSchema, type ReportRequest } from './report-request.ts';
export type { SqlDialectName, SqlValue } from '../adapters/sql/sql-dialect.ts';
export type { SqlSchema, SqlCustomProperty, SqlPropertyType, SqlBuiltInColumn } from '../adapters/sql/sql-schema.ts';
export { postgresExecutor, type PostgresExecutorOptions, type PostgresPool, type PostgresPoolClient } from './postgres-executor.ts';
export { duckdbExecutor, runInterruptibly, type DuckDbConnection, type DuckDbInstance } from './duckdb-executor.ts';
