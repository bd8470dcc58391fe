/**
 * `conversation-reports/adapters`: every data source. The main entry exports the light ones
 * (`ArrayDataSource`, `RestDataSource`, the declarative source); the CSV (papaparse), HubSpot and
 * SQL sources live here so that pages which do not use them do not download them.
 */
export { ArrayDataSource } from '../adapters/array-data-source.ts';
export { RestDataSource, type RestDataSourceOptions, type RestPaging } from '../adapters/rest-data-source.ts';
export { HubSpotDataSource, HUBSPOT_DEFAULT_CHANNELS, type HubSpotDataSourceOptions } from '../adapters/hubspot-data-source.ts';
export { MemoryHubSpotCache, type HubSpotCache, type HubSpotCacheSnapshot } from '../adapters/hubspot/hubspot-cache.ts';
export { IndexedDbHubSpotCache, type IndexedDbHubSpotCacheOptions } from '../adapters/hubspot/indexeddb-hubspot-cache.ts';
export { CsvDataSource, suggestCsvMapping, CSV_FIELDS, type CsvDataSourceOptions, type CsvLineError } from '../adapters/csv-data-source.ts';
export { SqlDataSource, type SqlDataSourceOptions, type SqlExecutor } from '../adapters/sql-data-source.ts';
export { ServerDataSource, type ServerDataSourceOptions } from '../adapters/server-data-source.ts';
export { HttpRequestError, PageLoadError } from '../adapters/errors.ts';
export type { DataSource, DataPage, LoadActivity, LoadRequest } from '../adapters/data-source.ts';
export { createDataSource, sourceOptionsFromAttributes, DeclarativeDataSource, type SourceAttributes } from '../adapters/declarative-data-source.ts';
