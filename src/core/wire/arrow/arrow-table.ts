/**
 * An Arrow page (see read-arrow.ts) into the table: adopted as it is when it is the whole load
 * (the columns become the table's arrays, text stays UTF-8 bytes), or appended to a table under
 * construction when a load has several pages.
 */
import type { IdIndex } from '../id-index.ts';
import type { ParseError } from '../parse-conversations.ts';
import type { Lookups, LookupsInput, PropertyValue } from '../../schema/conversation.ts';
import {
  createdOrder,
  groupPageUrls,
  normalizeLookups,
  type Codes,
  type ConversationTable,
  type DictColumn,
  type NumberColumn,
  type TableBuilder,
  type TextColumn,
} from '../../table/table.ts';
import { decodeUtf8 } from '../../table/utf8.ts';
import { ArrowFormatError } from './arrow-format-error.ts';
import { duplicateIdRows } from './duplicate-ids.ts';
import { arrowTextIsNull, DICT_COLUMNS, TEXT_COLUMNS, TIME_COLUMNS, type ArrowPage, type ArrowText } from './read-arrow.ts';
import type { RowProblem } from '../row-problems.ts';
import { appendKeptNumbers } from '../append-kept-numbers.ts';
import { presentFlags } from './arrow-kernels.ts';

/** An Arrow page whose ids have been checked against the load: which rows stay, and the rejects. */
export interface CheckedArrowPage {
  page: ArrowPage;
  /** 1 for rows kept; null when every row is kept. */
  keep: Uint8Array | null;
  kept: number;
  errors: ParseError[];
}

const strictDecoder = new TextDecoder('utf-8', { fatal: true });

/** The page's ids as one string with UTF-16 end offsets (what IdIndex hashes). */
function idString(id: ArrowText, length: number): { text: string; ends: ArrayLike<number> } {
  const size = length === 0 ? 0 : id.ends[length - 1]!;
  let text: string;
  try {
    text = strictDecoder.decode(id.bytes.subarray(0, size));
  } catch (cause) {
    throw new ArrowFormatError('id', 'holds bytes that are not UTF-8 text (corrupt data)', { cause });
  }
  if (text.length === size) return { text, ends: id.ends };
  // Not all ASCII: count UTF-16 units per value (a 4-byte sequence is two units, others one).
  const ends = new Uint32Array(length);
  const bytes = id.bytes;
  let units = 0;
  let k = 0;
  for (let row = 0; row < length; row++) {
    const end = id.ends[row]!;
    for (; k < end; k++) {
      const byte = bytes[k]!;
      if ((byte & 0xc0) !== 0x80) units += byte >= 0xf0 ? 2 : 1;
    }
    ends[row] = units;
  }
  return { text, ends };
}

/**
 * Rejects the page's duplicate ids (within the page, and against the ids `ids` already holds,
 * numbered from 0 in load order) and registers the ids of the rows kept, as numbers `base`,
 * base + 1… `readEarlier` reads id number j below `base`. Without `ids` (the first page of a load)
 * duplicates are found by sorting hashes, which is several times faster than a hash table at a
 * million ids; `registerArrowIds` adds them to an index later if another page comes. Rejects are
 * indexed from `indexOffset`.
 */
export function checkArrowPage(page: ArrowPage, ids: IdIndex | null, base: number, readEarlier: (j: number) => string | null, indexOffset: number): CheckedArrowPage {
  const { length, problems } = page;
  const id = page.texts.id!;
  const idAt = (row: number) => (arrowTextIsNull(id, row) ? '' : decodeUtf8(id.bytes, row === 0 ? 0 : id.ends[row - 1]!, id.ends[row]!));
  const duplicate = (row: number): RowProblem => ({ field: 'id', message: `duplicates the id of an earlier record ("${idAt(row)}")` });
  let kept = 0;
  if (!ids) {
    const bad = problems.size === 0 ? null : new Uint8Array(length);
    if (bad) for (const row of problems.keys()) bad[row] = 1;
    for (const row of duplicateIdRows(id.bytes, id.ends, length, bad)) problems.set(row, [duplicate(row)]);
    kept = length - problems.size;
  } else {
    const { text, ends } = idString(id, length);
    const keptRows = new Uint32Array(length);
    ids.read = (j) => {
      if (j < base) return readEarlier(j);
      const row = keptRows[j - base]!;
      return text.slice(row === 0 ? 0 : ends[row - 1]!, ends[row]!);
    };
    const duplicates: number[] = [];
    for (let row = 0; row < length; row++) {
      const from = row === 0 ? 0 : ends[row - 1]!;
      const to = ends[row]!;
      if (from === to || arrowTextIsNull(id, row)) continue;
      if (ids.find(text, from, to) >= 0) {
        duplicates.push(row);
        continue;
      }
      if (problems.has(row)) continue;
      keptRows[kept] = row;
      ids.addFound(base + kept++);
    }
    for (const row of duplicates) {
      const list = problems.get(row);
      if (list) list.push(duplicate(row));
      else problems.set(row, [duplicate(row)]);
    }
  }
  const keep = kept === length ? null : new Uint8Array(length).fill(1);
  const errors: ParseError[] = [];
  for (const [row, list] of [...problems].sort((a, b) => a[0] - b[0])) {
    keep![row] = 0;
    const value = idAt(row);
    errors.push({ index: indexOffset + row, ...(value === '' ? {} : { id: value }), field: list[0]!.field, message: list[0]!.message, problems: list });
  }
  return { page, keep, kept, errors };
}

/** Adds the kept ids of a page checked without an index, as numbers `base`, base + 1… */
export function registerArrowIds(checked: CheckedArrowPage, ids: IdIndex, base: number): void {
  const { page, keep } = checked;
  const { text, ends } = idString(page.texts.id!, page.length);
  let j = base;
  for (let row = 0; row < page.length; row++) if (!keep || keep[row]) ids.add(text, row === 0 ? 0 : ends[row - 1]!, ends[row]!, j++);
}

/** Kept rows in `createdAt` order (stable), or null when that is every row as it is. */
function rowOrder(created: Float64Array, keep: Uint8Array | null, kept: number): Uint32Array | null {
  if (!keep) return createdOrder(created);
  const rows = new Uint32Array(kept);
  let at = 0;
  for (let row = 0; row < keep.length; row++) if (keep[row]) rows[at++] = row;
  let sorted = true;
  for (let k = 1; k < kept && sorted; k++) sorted = created[rows[k - 1]!]! <= created[rows[k]!]!;
  if (sorted) return rows;
  const times = Float64Array.from(rows, (row) => created[row]!);
  const order = createdOrder(times)!;
  return Uint32Array.from(order, (k) => rows[k]!);
}

function gatherNumbers(values: Float64Array, rows: Uint32Array | null): Float64Array {
  if (!rows) return values;
  const out = new Float64Array(rows.length);
  for (let k = 0; k < rows.length; k++) out[k] = values[rows[k]!]!;
  return out;
}

function gatherCodes(codes: Codes, rows: Uint32Array | null): Codes {
  if (!rows) return codes;
  const out = new (codes.constructor as new (n: number) => Codes)(rows.length);
  for (let k = 0; k < rows.length; k++) out[k] = codes[rows[k]!]!;
  return out;
}

/**
 * The table of a load that is this one Arrow page. Clean input in `createdAt` order is adopted
 * without a copy; rejected rows or another order gather numbers and codes once (text stays where it
 * is: the table reads it through the row order).
 */
export function tableFromArrowPage(checked: CheckedArrowPage, lookups?: Lookups | LookupsInput): ConversationTable {
  const { page, keep, kept } = checked;
  const created = page.times.createdAt!;
  const rows = rowOrder(created, keep, kept);
  const size = rows ? rows.length : page.length;
  const number = (values: Float64Array | null): NumberColumn => ({ kind: 'number', values: values ? gatherNumbers(values, rows) : new Float64Array(size).fill(Number.NaN) });
  const dict = (column: { codes: Codes; values: PropertyValue[] } | null): DictColumn =>
    column ? { kind: 'dict', codes: gatherCodes(column.codes, rows), values: column.values } : { kind: 'dict', codes: new Uint8Array(size), values: [null] };
  const text = (column: ArrowText | null): TextColumn =>
    column
      ? { kind: 'text', chunks: [column.bytes], chunkStarts: Uint32Array.of(0), ends: column.ends, nulls: column.nulls, validity: column.validity, order: rows }
      : // A column the page did not carry: every value null (its ends are never read).
        { kind: 'text', chunks: [''], chunkStarts: Uint32Array.of(0), ends: new Uint32Array(0), nulls: null, validity: new Uint8Array(Math.ceil(size / 8)), order: null };

  const pageUrl = dict(page.dicts.pageUrl);
  const { pageUrlGroupOf, pageUrlGroups } = groupPageUrls(pageUrl.values);
  const ticketId = text(page.texts.ticketId);
  const hasTicket = new Uint8Array(size);
  const ticket = page.texts.ticketId;
  if (!ticket) hasTicket.fill(1);
  else if (!rows && !ticket.nulls && !ticket.validity) hasTicket.fill(2);
  else if (!rows && !ticket.nulls) presentFlags(hasTicket, ticket.validity!);
  else {
    const { validity, nulls } = ticket;
    hasTicket.fill(1);
    for (let i = 0; i < size; i++) {
      const j = rows ? rows[i]! : i;
      if (!(nulls && nulls[j]) && (!validity || validity[j >>> 3]! & (1 << (j & 7)))) hasTicket[i] = 2;
    }
  }
  const properties: Record<string, DictColumn | NumberColumn> = Object.create(null);
  for (const [name, column] of page.properties) properties[name] = column.kind === 'number' ? number(column.values) : dict(column);

  return {
    size,
    createdAt: number(created),
    firstResponseAt: number(page.times.firstResponseAt),
    closedAt: number(page.times.closedAt),
    channel: dict(page.dicts.channel),
    status: dict(page.dicts.status),
    inboxId: dict(page.dicts.inboxId),
    assigneeId: dict(page.dicts.assigneeId),
    chatflowId: dict(page.dicts.chatflowId),
    pageUrl,
    pageUrlGroupOf,
    pageUrlGroups,
    hasTicket: { kind: 'dict', codes: hasTicket, values: [null, false, true] },
    id: text(page.texts.id),
    ticketId,
    subject: text(page.texts.subject),
    contactName: text(page.texts.contactName),
    contactEmail: text(page.texts.contactEmail),
    properties,
    lookups: normalizeLookups(lookups),
  };
}

/** Appends the kept rows of a checked Arrow page to a table under construction (a load of several pages). */
export function appendArrowPage(builder: TableBuilder, checked: CheckedArrowPage): void {
  const { page, keep, kept } = checked;
  const start = builder.size;
  const length = page.length;
  builder.reserve(kept);
  for (const name of TIME_COLUMNS) appendKeptNumbers(builder.times[name], page.times[name], start, length, keep, kept);
  const copyCodes = (target: TableBuilder['dicts'][keyof TableBuilder['dicts']], codes: Codes, values: PropertyValue[]) => {
    const remap = target.remap(values.slice(1));
    target.codes.reserve(start + kept - target.codes.length);
    const out = target.codes.codes;
    let at = start;
    for (let row = 0; row < length; row++) if (!keep || keep[row]) out[at++] = remap[codes[row]!]!;
    target.codes.length = start + kept;
  };
  for (const name of DICT_COLUMNS) {
    const column = page.dicts[name];
    if (column) copyCodes(builder.dicts[name], column.codes, column.values);
  }
  for (const [name, column] of page.properties) {
    const target = builder.property(name);
    if (column.kind === 'dict') {
      copyCodes(target, column.codes, column.values);
      continue;
    }
    target.codes.reserve(start + kept - target.codes.length);
    const out = target.codes.codes;
    let at = start;
    for (let row = 0; row < length; row++) {
      if (keep && !keep[row]) continue;
      const value = column.values[row]!;
      out[at++] = value === value ? target.dictionary.code(value) : 0;
    }
    target.codes.length = start + kept;
  }
  for (const name of TEXT_COLUMNS) {
    const target = builder.texts[name];
    const source = page.texts[name];
    if (!source) target.padTo(start + kept);
    else if (!keep) {
      let nulls = source.nulls;
      if (source.validity) {
        nulls = new Uint8Array(length);
        for (let row = 0; row < length; row++) if (arrowTextIsNull(source, row)) nulls[row] = 1;
      }
      target.addPacked(source.bytes, source.ends, nulls, length);
    } else {
      const rows: number[] = [];
      for (let row = 0; row < length; row++) if (keep[row]) rows.push(row);
      target.addValues(kept, (k) => {
        const row = rows[k]!;
        return arrowTextIsNull(source, row) ? null : decodeUtf8(source.bytes, row === 0 ? 0 : source.ends[row - 1]!, source.ends[row]!);
      });
    }
  }
  builder.commit(start + kept);
}
