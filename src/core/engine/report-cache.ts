import type { PropertyValue } from '../schema/conversation.ts';
import type { Cube } from './cube.ts';
import { clearDerivedColumns } from '../table/derived-columns.ts';
import type { Codes, ConversationTable } from '../table/table.ts';

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
  selections: Map<string, Uint32Array>;
  selectionBytes: number;
  labels: Map<string, (value: PropertyValue) => string>;
  numeric: Map<string, Float64Array>;
  /** createdAt bucket ids of a run of rows, per (bucket, zone, range): a code column for cubes. */
  bucketCodes: Map<string, Codes>;
  /**
   * Cubes (see cube.ts) per (date property, range, key columns): counts and sums per combination of
   * codes, whatever the filters' values, so a filter changed to another value is answered from them.
   */
  cubes: Map<string, Cube>;
  cubeBytes: number;
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
    cache = { createdSorted: sorted, identity: null, selections: new Map(), selectionBytes: 0, labels: new Map(), numeric: new Map(), bucketCodes: new Map(), cubes: new Map(), cubeBytes: 0 };
    caches.set(table, cache);
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
  const rows = cache.selections.get(key);
  if (rows) {
    // Most recently used last, so eviction takes the least recently used.
    cache.selections.delete(key);
    cache.selections.set(key, rows);
  }
  return rows;
}

export function storeSelection(cache: TableCache, key: string, rows: Uint32Array): void {
  const own = rows.buffer === cache.identity?.buffer ? 0 : rows.byteLength;
  cache.selections.set(key, rows);
  cache.selectionBytes += own;
  for (const [oldKey, old] of cache.selections) {
    if (cache.selectionBytes <= SELECTION_BUDGET || oldKey === key) break;
    cache.selections.delete(oldKey);
    if (old.buffer !== cache.identity?.buffer) cache.selectionBytes -= old.byteLength;
  }
}

/**
 * Forgets the selections and derived values cached for `table`, for benchmarks that want cold
 * runs. Results never depend on the cache.
 */
export function clearReportCache(table: ConversationTable): void {
  const cache = caches.get(table);
  if (!cache) return;
  cache.selections.clear();
  cache.selectionBytes = 0;
  cache.labels.clear();
  cache.numeric.clear();
  cache.bucketCodes.clear();
  cache.cubes.clear();
  cache.cubeBytes = 0;
  clearDerivedColumns(table);
}

/** Past this, the least recently used cubes go. A cube is small: at most 65 535 cells. */
const CUBE_BUDGET = 32 * 1024 * 1024;

export function cachedCube(cache: TableCache, key: string): Cube | undefined {
  const cube = cache.cubes.get(key);
  if (cube) {
    cache.cubes.delete(key);
    cache.cubes.set(key, cube);
  }
  return cube;
}

/** Keeps `cube`; call again after adding a measure to it, so its bytes are counted. */
export function storeCube(cache: TableCache, key: string, cube: Cube): void {
  const old = cache.cubes.get(key);
  if (old) {
    cache.cubes.delete(key);
    cache.cubeBytes -= old.bytes;
  }
  cache.cubes.set(key, cube);
  cache.cubeBytes += cube.bytes;
  for (const [oldKey, entry] of cache.cubes) {
    if (cache.cubeBytes <= CUBE_BUDGET || oldKey === key) break;
    cache.cubes.delete(oldKey);
    cache.cubeBytes -= entry.bytes;
  }
}
