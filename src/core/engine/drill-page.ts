import { columnAccess, numberAt, type ColumnAccess } from '../table/columns.ts';
import { drillPageRequestSchema, type DrillPageRequest, type DrillSort } from '../schema/drill-page.ts';
import type { PropertyValue } from '../schema/conversation.ts';
import { conversationReader, textReader, type ConversationTable } from '../table/table.ts';
import type { DrillPage } from '../types.ts';

export const DEFAULT_DRILL_LIMIT = 50;

export class InvalidDrillPageError extends RangeError {
  override name = 'InvalidDrillPageError';
}

export interface ResolvedDrillPage {
  offset: number;
  limit: number;
  sort: DrillSort;
  /** Lower-cased; '' when there is none. */
  search: string;
}

/** The page request with its defaults, or a clear error naming the field. */
export function resolveDrillPage(page: DrillPageRequest | undefined): ResolvedDrillPage {
  const parsed = drillPageRequestSchema.safeParse(page ?? {});
  if (!parsed.success) throw new InvalidDrillPageError(`The drill page is invalid: ${parsed.error.issues.map((issue) => `${issue.path.join('.') || 'page'} ${issue.message}`).join('; ')}`);
  const { offset = 0, limit = DEFAULT_DRILL_LIMIT, sort = { by: 'createdAt', direction: 'asc' }, search = '' } = parsed.data;
  return { offset, limit, sort, search: search.toLowerCase() };
}

const SEARCHED = ['subject', 'contactName', 'contactEmail', 'id'] as const;

/** The rows whose subject, contact name, contact email or id holds `needle` (lower-cased), in order. */
function searchRows(table: ConversationTable, rows: Uint32Array, needle: string): Uint32Array {
  const readers = SEARCHED.map((name) => textReader(table[name]));
  const out = new Uint32Array(rows.length);
  let n = 0;
  for (let k = 0; k < rows.length; k++) {
    const row = rows[k]!;
    for (const read of readers) {
      const text = read(row);
      if (text !== null && text.toLowerCase().includes(needle)) {
        out[n++] = row;
        break;
      }
    }
  }
  return out.subarray(0, n);
}

/** Type order for values of mixed types in one custom property: booleans, numbers, then text. */
const typeRank = (value: PropertyValue): number => (typeof value === 'boolean' ? 0 : typeof value === 'number' ? 1 : 2);

function compareValues(a: PropertyValue, b: PropertyValue): number {
  const ta = typeRank(a);
  const tb = typeRank(b);
  if (ta !== tb) return ta - tb;
  return (a as string | number) < (b as string | number) ? -1 : (a as string | number) > (b as string | number) ? 1 : 0;
}

/** A sort key per row: a number (NaN for null), or text (null for null) for free text. */
function sortKeys(access: ColumnAccess, rows: Uint32Array): Float64Array | (string | null)[] {
  if (access.kind === 'text') return Array.from(rows, (row) => access.at(row));
  const keys = new Float64Array(rows.length);
  if (access.kind === 'number') {
    for (let k = 0; k < rows.length; k++) keys[k] = numberAt(access, rows[k]!);
    return keys;
  }
  // Dictionary codes as their value's rank among the dictionary's values.
  const order = access.values.map((_, code) => code).filter((code) => access.values[code] !== null);
  order.sort((a, b) => compareValues(access.values[a]!, access.values[b]!));
  const rank = new Float64Array(access.values.length).fill(NaN);
  order.forEach((code, r) => (rank[code] = r));
  for (let k = 0; k < rows.length; k++) keys[k] = rank[access.codes[rows[k]!]!]!;
  return keys;
}

/**
 * `rows` (conversation row numbers, in creation order) as one drill page: searched, sorted (nulls
 * last, ties by id), sliced. Only the page's rows become Conversation objects.
 */
export function pageOfRows(table: ConversationTable, rows: Uint32Array, request: DrillPageRequest | undefined): DrillPage {
  const { offset, limit, sort, search } = resolveDrillPage(request);
  const access = columnAccess(table, sort.by);
  const picked = search === '' ? rows : searchRows(table, rows, search);
  const ids = textReader(table.id);
  const idCache = new Map<number, string>();
  const idOf = (row: number) => {
    let id = idCache.get(row);
    if (id === undefined) idCache.set(row, (id = ids(row) ?? ''));
    return id;
  };
  const byId = (a: number, b: number) => {
    const x = idOf(a);
    const y = idOf(b);
    return x < y ? -1 : x > y ? 1 : 0;
  };
  const end = limit === Infinity ? picked.length : Math.min(picked.length, offset + limit);
  let ordered: Uint32Array;
  if (sort.by === 'createdAt') {
    // Already in creation order: reverse for desc, then order each run of equal times by id.
    ordered = sort.direction === 'asc' ? picked.slice() : picked.slice().reverse();
    const created = table.createdAt.values;
    // Only the runs that reach into the page need ordering.
    for (let start = 0; start < ordered.length && start < end; ) {
      let stop = start + 1;
      while (stop < ordered.length && created[ordered[stop]!] === created[ordered[start]!]) stop++;
      if (stop - start > 1) ordered.subarray(start, stop).sort(byId);
      start = stop;
    }
  } else {
    const keys = sortKeys(access, picked);
    const sign = sort.direction === 'asc' ? 1 : -1;
    const positions = Array.from({ length: picked.length }, (_, k) => k);
    positions.sort((a, b) => {
      const x = keys[a]!;
      const y = keys[b]!;
      const xNull = x === null || x !== x;
      const yNull = y === null || y !== y;
      if (xNull || yNull) return xNull && yNull ? byId(picked[a]!, picked[b]!) : xNull ? 1 : -1;
      if (x < y) return -sign;
      if (x > y) return sign;
      return byId(picked[a]!, picked[b]!);
    });
    ordered = Uint32Array.from(positions, (k) => picked[k]!);
  }
  const read = conversationReader(table);
  const slice = ordered.subarray(Math.min(offset, ordered.length), end);
  return { total: picked.length, offset, rows: Array.from(slice, (row) => read(row)) };
}
