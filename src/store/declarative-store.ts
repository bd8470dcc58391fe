import type { StoreOptions } from '../core/schema/dashboard-config.ts';
import type { DashboardStore } from './dashboard-store.ts';
import { LocalStorageDashboardStore } from './local-storage-dashboard-store.ts';
import { RestDashboardStore } from './rest-dashboard-store.ts';

/**
 * The store that markup options name. Its own module, with the two stores it makes: a dashboard
 * imports it (see `MarkupConfigController`) only when its markup names a store.
 */
export function createDashboardStore(options: StoreOptions): DashboardStore {
  return options.type === 'local'
    ? new LocalStorageDashboardStore(options.key ? { key: options.key } : {})
    : new RestDashboardStore({ baseUrl: options.url });
}
