import type { PropertyValue } from '../schema/conversation.ts';
import { clearDerivedColumns } from '../table/derived-columns.ts';
import type { Codes, ConversationTable } from '../table/table.ts';
import { BudgetCache } from './budget-cache.ts';

/**
 * What stays valid between report computations on one table: the selected rows per (date property,
 * range, filters), and small derived things (labels, a numeric view of coded numbers). Tables are
 * immutable, so nothing here ever goes stale; entries are dropped oldest-first past a byte budget.
 */
export interface TableCache {
  /** Whether rows are in createdAt order (tables from createTable always are). */
  createdSorted: boolean;
  /** 0, 1, 2 … n − 1: a createdAt range on a sorted table is a view into it, not a copy. */
  identity: Uint32Array | null;
  selections: BudgetCache<Uint32Array>;
  labels: Map<string, (value: PropertyValue) => string>;
  numeric: Map<string, Float64Array>;
  /** createdAt bucket ids of a run of rows, per (bucket, zone, range): a code column for cubes. */
  bucketCodes: Map<string, Codes>;
}

const caches = new WeakMap<ConversationTable, TableCache>();

/** Past this, the oldest cached selections go. Enough for a few dashboards' worth at a million rows. */
const SELECTION_BUDGET = 96 * 1024 * 1024;

export function tableCache(table: ConversationTable): TableCache {
  let cache = caches.get(table);
  if (!cache) {
    const created = table.createdAt.values;
    let sorted = true;
    for (let i = 1; i < created.length; i++)
      if (!(created[i - 1]! <= created[i]!)) {
        sorted = false;
        break;
      }
    const made: TableCache = {
      createdSorted: sorted,
      identity: null,
      // A view into the identity rows holds no memory of its own.
      selections: new BudgetCache(SELECTION_BUDGET, (rows) => (rows.buffer === made.identity?.buffer ? 0 : rows.byteLength)),
      labels: new Map(),
      numeric: new Map(),
      bucketCodes: new Map(),
    };
    caches.set(table, (cache = made));
  }
  return cache;
}

export function identityRows(table: ConversationTable, cache: TableCache): Uint32Array {
  if (!cache.identity) {
    const identity = new Uint32Array(table.size);
    for (let i = 0; i < identity.length; i++) identity[i] = i;
    cache.identity = identity;
  }
  return cache.identity;
}

export function cachedSelection(cache: TableCache, key: string): Uint32Array | undefined {
  return cache.selections.get(key);
}

export function storeSelection(cache: TableCache, key: string, rows: Uint32Array): void {
  cache.selections.set(key, rows);
}

const tenants = new Set<(table: ConversationTable) => void>();

/**
 * A cache per table for values the engine computes from it (cubes…), least recently used first
 * out past `budget` bytes, emptied by `clearReportCache` with the rest. The values' type is the
 * caller's: this module names none of them.
 */
export function perTableCache<V>(budget: number, sizeOf: (value: V) => number): (table: ConversationTable) => BudgetCache<V> {
  const caches = new WeakMap<ConversationTable, BudgetCache<V>>();
  tenants.add((table) => caches.get(table)?.clear());
  return (table) => {
    let cache = caches.get(table);
    if (!cache) caches.set(table, (cache = new BudgetCache(budget, sizeOf)));
    return cache;
  };
}

/**
 * Forgets the selections and derived values cached for `table`, for benchmarks that want cold
 * runs. Results never depend on the cache.
 */
export function clearReportCache(table: ConversationTable): void {
  for (const clear of tenants) clear(table);
  const cache = caches.get(table);
  if (!cache) return;
  cache.selections.clear();
  cache.labels.clear();
  cache.numeric.clear();
  cache.bucketCodes.clear();
  clearDerivedColumns(table);
}
