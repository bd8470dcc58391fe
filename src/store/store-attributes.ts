import { DashboardConfigError, type StoreOptions } from '../core/schema/dashboard-config.ts';
import type { DashboardUser } from '../core/schema/dashboard.ts';

/** The store attributes of `<conversation-dashboard>` (null: not set). */
export interface StoreAttributes {
  /** `store-type="local"` (or its deprecated alias `store`). */
  storeType?: string | null;
  /** `store-src="/api"`. */
  storeSrc?: string | null;
}

function attributeError(attribute: string, message: string): DashboardConfigError {
  return new DashboardConfigError([{ path: attribute, message }], { what: 'Invalid store attribute' });
}

/**
 * The store the attributes name, else `base` (the config's `store`).
 * @throws DashboardConfigError naming the attribute
 */
export function storeOptionsFromAttributes(attributes: StoreAttributes, base?: StoreOptions): StoreOptions | undefined {
  const { storeType, storeSrc } = attributes;
  if (typeof storeType === 'string' && typeof storeSrc === 'string') throw attributeError('store-src', 'cannot be combined with store-type: give one store');
  if (typeof storeType === 'string') {
    if (storeType.trim() !== 'local') throw attributeError('store-type', `must be "local" (or use store-src for a REST store), got "${storeType}"`);
    return base?.type === 'local' ? base : { type: 'local' };
  }
  if (typeof storeSrc === 'string') {
    if (storeSrc.trim() === '') throw attributeError('store-src', 'must be a URL, got an empty value');
    return { type: 'rest', url: storeSrc.trim() };
  }
  return base;
}

/**
 * Who is looking when markup names a store but no user: in the browser's own storage, the person at
 * the browser, who may edit; at a REST store, an anonymous reader of the dashboards shared with
 * everyone (the server decides what more a signed-in user may do; give `user` in the config).
 */
export function defaultStoreUser(options: StoreOptions): DashboardUser {
  return options.type === 'local' ? { id: 'local-user', teamIds: [], canEdit: true } : { id: 'anonymous', teamIds: [], canEdit: false };
}
