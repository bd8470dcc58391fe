import type { Conversation, Lookups, LookupsInput, PropertyValue } from '../schema/conversation.ts';
import { normalizePageUrl } from './page-url.ts';
import { decodeUtf8 } from './utf8.ts';

export type Codes = Uint8Array | Uint16Array | Uint32Array;

/** A dictionary-encoded column: `values[codes[i]]`, where code 0 is always null. */
export interface DictColumn {
  kind: 'dict';
  codes: Codes;
  values: PropertyValue[];
}

/** A numeric column; NaN stands for null. */
export interface NumberColumn {
  kind: 'number';
  values: Float64Array;
}

/**
 * Free text needed only for drill rows (and rare filters on it), packed: the values end to end in
 * a few long strings (one per page loaded) with their end offsets, instead of a JS string per row.
 * A million rows of ids and e-mail addresses are then a handful of objects for the garbage
 * collector instead of millions. Read a value with `textAt`.
 */
export interface TextColumn {
  kind: 'text';
  /**
   * The values end to end, in pieces; piece c holds values chunkStarts[c] … chunkStarts[c + 1] − 1.
   * A piece is a string, or UTF-8 bytes as they came in an Arrow page (decoded per value read).
   */
  chunks: (string | Uint8Array)[];
  chunkStarts: Uint32Array;
  /**
   * Where value j ends in its piece (UTF-16 units in a string, bytes in UTF-8); it starts where
   * value j − 1 ends, or at 0.
   */
  ends: Uint32Array;
  /** 1 where value j is null; null when no value is. */
  nulls: Uint8Array | null;
  /** Arrow's validity bitmap (bit j clear: value j is null), kept as it came instead of `nulls`. */
  validity?: Uint8Array | null;
  /** Row i holds value order[i]; null when row i holds value i. */
  order: Uint32Array | null;
}

/** True when value j (not row) of `column` is null. */
export function textIsNull(column: Pick<TextColumn, 'nulls' | 'validity'>, j: number): boolean {
  if (column.nulls && column.nulls[j]) return true;
  const validity = column.validity;
  return !!validity && (validity[j >>> 3]! & (1 << (j & 7))) === 0;
}

/** Value `j` of piece `chunk`, from `from` to `to` (units of the piece). */
function pieceText(chunk: string | Uint8Array, from: number, to: number): string {
  return typeof chunk === 'string' ? chunk.slice(from, to) : decodeUtf8(chunk, from, to);
}

/** The text of row `i`. */
export function textAt(column: TextColumn, i: number): string | null {
  const j = column.order ? column.order[i]! : i;
  if (textIsNull(column, j)) return null;
  const starts = column.chunkStarts;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (starts[mid]! <= j) lo = mid;
    else hi = mid - 1;
  }
  return pieceText(column.chunks[lo]!, j === starts[lo] ? 0 : column.ends[j - 1]!, column.ends[j]!);
}

export type Column = DictColumn | NumberColumn | TextColumn;

/**
 * Conversations stored by column: timestamps in Float64Arrays, categories as small integer codes
 * into dictionaries. Rows are kept in `createdAt` order (stable for equal times), so a date range
 * on `createdAt` is one contiguous run of rows. Made only of typed arrays and plain arrays, so it
 * is structured-cloneable and its buffers can be transferred to a Worker. Treat it as immutable.
 */
export interface ConversationTable {
  readonly size: number;
  readonly createdAt: NumberColumn;
  readonly firstResponseAt: NumberColumn;
  readonly closedAt: NumberColumn;
  readonly channel: DictColumn;
  readonly status: DictColumn;
  readonly inboxId: DictColumn;
  readonly assigneeId: DictColumn;
  readonly chatflowId: DictColumn;
  readonly pageUrl: DictColumn;
  /** For each pageUrl code, the code of its normalized form in `pageUrlGroups`. */
  readonly pageUrlGroupOf: Uint32Array;
  readonly pageUrlGroups: (string | null)[];
  readonly hasTicket: DictColumn;
  readonly id: TextColumn;
  readonly ticketId: TextColumn;
  readonly subject: TextColumn;
  readonly contactName: TextColumn;
  readonly contactEmail: TextColumn;
  /**
   * Custom properties by name. Text and booleans are dictionary-encoded; numbers too when they take
   * few distinct values (a 1–5 score costs one byte a row instead of eight), else a NumberColumn.
   */
  readonly properties: Readonly<Record<string, DictColumn | NumberColumn>>;
  readonly lookups: Lookups;
}

/** Builds dictionary codes incrementally; code 0 is reserved for null. */
export class DictionaryBuilder {
  readonly values: PropertyValue[] = [null];
  readonly #codes = new Map<PropertyValue, number>();

  code(value: PropertyValue | undefined): number {
    if (value === null || value === undefined) return 0;
    let code = this.#codes.get(value);
    if (code === undefined) {
      code = this.values.length;
      this.values.push(value);
      this.#codes.set(value, code);
    }
    return code;
  }
}

/** The narrowest unsigned array that holds codes below `cardinality`. */
export function narrowCodes(codes: Uint32Array, cardinality: number): Codes {
  if (cardinality <= 0x100) return Uint8Array.from(codes);
  if (cardinality <= 0x10000) return Uint16Array.from(codes);
  return codes;
}

/** Numeric custom properties with at most this many distinct values are dictionary-encoded. */
const NUMERIC_DICT_LIMIT = 0x10000;

export function normalizeLookups(lookups: Lookups | LookupsInput | undefined): Lookups {
  return {
    assignees: [...(lookups?.assignees ?? [])],
    inboxes: [...(lookups?.inboxes ?? [])],
    chatflows: [...(lookups?.chatflows ?? [])],
    ...(lookups?.teams ? { teams: [...lookups.teams] } : {}),
  };
}

class GrowableFloat64 {
  values: Float64Array;
  length = 0;
  constructor(capacity: number) {
    this.values = new Float64Array(Math.max(16, capacity));
  }
  reserve(extra: number): void {
    const needed = this.length + extra;
    if (needed <= this.values.length) return;
    const grown = new Float64Array(Math.max(needed, this.values.length * 2));
    grown.set(this.values.subarray(0, this.length));
    this.values = grown;
  }
  /** Fills rows up to `length` with NaN (null). */
  padTo(length: number): void {
    this.reserve(length - this.length);
    this.values.fill(Number.NaN, this.length, length);
    this.length = length;
  }
}

class GrowableUint32 {
  values: Uint32Array;
  length = 0;
  constructor(capacity: number) {
    this.values = new Uint32Array(Math.max(16, capacity));
  }
  reserve(extra: number): void {
    const needed = this.length + extra;
    if (needed <= this.values.length) return;
    const grown = new Uint32Array(Math.max(needed, this.values.length * 2));
    grown.set(this.values.subarray(0, this.length));
    this.values = grown;
  }
}

/** A packed text column under construction: pages append their text without a string per row. */
export class TextColumnBuilder {
  readonly chunks: (string | Uint8Array)[] = [];
  readonly chunkStarts: number[] = [];
  readonly ends: GrowableUint32;
  nulls: Uint8Array | null = null;
  size = 0;

  constructor(capacity: number) {
    this.ends = new GrowableUint32(capacity);
  }

  #markNull(j: number): void {
    if (!this.nulls || this.nulls.length <= j) {
      const grown = new Uint8Array(Math.max(j + 1, this.ends.values.length));
      if (this.nulls) grown.set(this.nulls);
      this.nulls = grown;
    }
    this.nulls[j] = 1;
  }

  /**
   * Appends a packed run of values as it came (ends relative to `text`, 1 in `nulls` for null).
   * `text` may be UTF-8 bytes, with ends in bytes (an Arrow page's text, kept undecoded).
   */
  addPacked(text: string | Uint8Array, ends: ArrayLike<number>, nulls: ArrayLike<number> | null, count: number): void {
    this.ends.reserve(count);
    const out = this.ends.values;
    const start = this.size;
    for (let k = 0; k < count; k++) out[start + k] = ends[k]!;
    if (nulls) for (let k = 0; k < count; k++) if (nulls[k]) this.#markNull(start + k);
    this.#close(text, count);
  }

  /** Appends values one by one (packed here). */
  addValues(count: number, read: (k: number) => string | null | undefined): void {
    this.ends.reserve(count);
    const out = this.ends.values;
    const start = this.size;
    const parts: string[] = [];
    let at = 0;
    for (let k = 0; k < count; k++) {
      const value = read(k);
      if (value === null || value === undefined) this.#markNull(start + k);
      else {
        parts.push(value);
        at += value.length;
      }
      out[start + k] = at;
    }
    this.#close(parts.join(''), count);
  }

  /** Nulls up to `size` (a column a page did not carry). */
  padTo(size: number): void {
    if (size > this.size) this.addValues(size - this.size, () => null);
  }

  #close(text: string | Uint8Array, count: number): void {
    if (count === 0) return;
    this.chunks.push(text);
    this.chunkStarts.push(this.size);
    this.size += count;
    this.ends.length = this.size;
  }

  build(order: Uint32Array | null): TextColumn {
    const nulls = this.nulls ? this.nulls.slice(0, this.size) : null;
    return {
      kind: 'text',
      chunks: this.chunks.slice(),
      chunkStarts: Uint32Array.from(this.chunkStarts),
      ends: this.ends.values.slice(0, this.size),
      nulls,
      order,
    };
  }

  /** Value j (for checks while loading). */
  at(j: number): string | null {
    return textAt({ kind: 'text', chunks: this.chunks, chunkStarts: Uint32Array.from(this.chunkStarts), ends: this.ends.values, nulls: this.nulls, order: null }, j);
  }
}

class GrowableCodes {
  codes: Uint32Array;
  length = 0;
  constructor(capacity: number) {
    this.codes = new Uint32Array(Math.max(16, capacity));
  }
  reserve(extra: number): void {
    const needed = this.length + extra;
    if (needed <= this.codes.length) return;
    const grown = new Uint32Array(Math.max(needed, this.codes.length * 2));
    grown.set(this.codes.subarray(0, this.length));
    this.codes = grown;
  }
  /** Rows up to `length` get code 0 (null); a fresh Uint32Array is zero already past `length`. */
  padTo(length: number): void {
    this.reserve(length - this.length);
    this.codes.fill(0, this.length, length);
    this.length = length;
  }
}

/** A dictionary column under construction. */
export class DictColumnBuilder {
  readonly dictionary = new DictionaryBuilder();
  readonly codes: GrowableCodes;
  constructor(capacity: number) {
    this.codes = new GrowableCodes(capacity);
  }
  /** Maps a page's own dictionary (code 0 = null, code k = values[k − 1]) to this column's codes. */
  remap(values: readonly PropertyValue[]): Uint32Array {
    const remap = new Uint32Array(values.length + 1);
    for (let k = 0; k < values.length; k++) remap[k + 1] = this.dictionary.code(values[k]);
    return remap;
  }
  build(): DictColumn {
    const codes = this.codes.codes.subarray(0, this.codes.length);
    return { kind: 'dict', codes: narrowCodes(codes, this.dictionary.values.length), values: this.dictionary.values };
  }
}

const DICT_NAMES = ['channel', 'status', 'inboxId', 'assigneeId', 'chatflowId', 'pageUrl'] as const;
const TIME_NAMES = ['createdAt', 'firstResponseAt', 'closedAt'] as const;
const TEXT_NAMES = ['id', 'ticketId', 'subject', 'contactName', 'contactEmail'] as const;
export type DictName = (typeof DICT_NAMES)[number];
export type TimeName = (typeof TIME_NAMES)[number];
export type TextName = (typeof TEXT_NAMES)[number];

/**
 * Accumulates conversations page by page, from parsed objects or from columnar wire pages (see
 * wire-format.ts), and builds the table once at the end: one set of growing columns instead of an
 * array of a million objects.
 */
export class TableBuilder {
  size = 0;
  readonly times: Record<TimeName, GrowableFloat64>;
  readonly dicts: Record<DictName, DictColumnBuilder>;
  readonly texts: Record<TextName, TextColumnBuilder>;
  readonly properties = new Map<string, DictColumnBuilder>();
  readonly #capacity: number;

  constructor(expectedSize = 0) {
    const capacity = (this.#capacity = Math.max(0, Math.floor(expectedSize)));
    this.times = {
      createdAt: new GrowableFloat64(capacity),
      firstResponseAt: new GrowableFloat64(capacity),
      closedAt: new GrowableFloat64(capacity),
    };
    this.dicts = {
      channel: new DictColumnBuilder(capacity),
      status: new DictColumnBuilder(capacity),
      inboxId: new DictColumnBuilder(capacity),
      assigneeId: new DictColumnBuilder(capacity),
      chatflowId: new DictColumnBuilder(capacity),
      pageUrl: new DictColumnBuilder(capacity),
    };
    this.texts = {
      id: new TextColumnBuilder(capacity),
      ticketId: new TextColumnBuilder(capacity),
      subject: new TextColumnBuilder(capacity),
      contactName: new TextColumnBuilder(capacity),
      contactEmail: new TextColumnBuilder(capacity),
    };
  }

  /** The builder of custom property `name`, its earlier rows null. */
  property(name: string): DictColumnBuilder {
    let column = this.properties.get(name);
    if (!column) {
      column = new DictColumnBuilder(Math.max(this.#capacity, this.size));
      column.codes.padTo(this.size);
      this.properties.set(name, column);
    }
    return column;
  }

  /** Makes room for `count` more rows in every typed column. */
  reserve(count: number): void {
    for (const name of TIME_NAMES) this.times[name].reserve(count);
    for (const name of DICT_NAMES) this.dicts[name].codes.reserve(count);
    for (const column of this.properties.values()) column.codes.reserve(count);
  }

  /** Brings every column to `size` rows (columns a page did not carry become null). */
  commit(size: number): void {
    this.size = size;
    for (const name of TIME_NAMES) if (this.times[name].length < size) this.times[name].padTo(size);
    for (const name of DICT_NAMES) if (this.dicts[name].codes.length < size) this.dicts[name].codes.padTo(size);
    for (const column of this.properties.values()) if (column.codes.length < size) column.codes.padTo(size);
    for (const name of TEXT_NAMES) this.texts[name].padTo(size);
  }

  addConversations(conversations: readonly Conversation[]): void {
    const count = conversations.length;
    const start = this.size;
    this.reserve(count);
    const { times, dicts, texts } = this;
    const created = times.createdAt.values;
    const responded = times.firstResponseAt.values;
    const closed = times.closedAt.values;
    const dictBuilders = DICT_NAMES.map((name) => dicts[name]);
    for (let k = 0; k < count; k++) {
      const c = conversations[k]!;
      const row = start + k;
      created[row] = c.createdAt;
      responded[row] = c.firstResponseAt ?? Number.NaN;
      closed[row] = c.closedAt ?? Number.NaN;
      dictBuilders[0]!.codes.codes[row] = dictBuilders[0]!.dictionary.code(c.channel);
      dictBuilders[1]!.codes.codes[row] = dictBuilders[1]!.dictionary.code(c.status);
      dictBuilders[2]!.codes.codes[row] = dictBuilders[2]!.dictionary.code(c.inboxId);
      dictBuilders[3]!.codes.codes[row] = dictBuilders[3]!.dictionary.code(c.assigneeId);
      dictBuilders[4]!.codes.codes[row] = dictBuilders[4]!.dictionary.code(c.chatflowId);
      dictBuilders[5]!.codes.codes[row] = dictBuilders[5]!.dictionary.code(c.pageUrl);
      const bag = c.properties;
      for (const name in bag) {
        const value = bag[name];
        let column = this.properties.get(name);
        if (!column) {
          // Created even for a null: a property the data names but never fills is still listed.
          column = this.property(name);
          column.codes.reserve(count);
        }
        if (value !== null && value !== undefined) column.codes.codes[row] = column.dictionary.code(value);
      }
    }
    texts.id.addValues(count, (k) => conversations[k]!.id);
    texts.ticketId.addValues(count, (k) => conversations[k]!.ticketId);
    texts.subject.addValues(count, (k) => conversations[k]!.subject);
    texts.contactName.addValues(count, (k) => conversations[k]!.contactName);
    texts.contactEmail.addValues(count, (k) => conversations[k]!.contactEmail);
    for (const name of TIME_NAMES) times[name].length = start + count;
    for (const name of DICT_NAMES) dicts[name].codes.length = start + count;
    // Rows without a value kept code 0 (null): the space past a column's length is always zero.
    for (const column of this.properties.values()) column.codes.length = start + count;
    this.size = start + count;
  }

  build(lookups?: Lookups | LookupsInput): ConversationTable {
    const size = this.size;
    this.commit(size);
    const order = createdOrder(this.times.createdAt.values.subarray(0, size));
    const number = (column: GrowableFloat64): NumberColumn => ({
      kind: 'number',
      values: permuteFloat64(column.values.subarray(0, size), order),
    });
    const dict = (column: DictColumnBuilder): DictColumn => {
      const built = column.build();
      return { ...built, codes: permuteCodes(built.codes, order) };
    };
    // Text stays in arrival order; the permutation maps rows to it (moving megabytes of text buys nothing).
    const text = (builder: TextColumnBuilder): TextColumn => builder.build(order);

    const pageUrl = dict(this.dicts.pageUrl);
    const { pageUrlGroupOf, pageUrlGroups } = groupPageUrls(pageUrl.values);

    const ticketId = text(this.texts.ticketId);
    const hasTicket = new Uint8Array(size).fill(2);
    const ticketNulls = ticketId.nulls;
    if (ticketNulls) for (let i = 0; i < size; i++) hasTicket[i] = ticketNulls[order ? order[i]! : i] ? 1 : 2;

    const properties: Record<string, DictColumn | NumberColumn> = Object.create(null);
    for (const [name, builder] of this.properties) properties[name] = compactProperty(dict(builder));

    return {
      size,
      createdAt: number(this.times.createdAt),
      firstResponseAt: number(this.times.firstResponseAt),
      closedAt: number(this.times.closedAt),
      channel: dict(this.dicts.channel),
      status: dict(this.dicts.status),
      inboxId: dict(this.dicts.inboxId),
      assigneeId: dict(this.dicts.assigneeId),
      chatflowId: dict(this.dicts.chatflowId),
      pageUrl,
      pageUrlGroupOf,
      pageUrlGroups,
      hasTicket: { kind: 'dict', codes: hasTicket, values: [null, false, true] },
      id: text(this.texts.id),
      ticketId,
      subject: text(this.texts.subject),
      contactName: text(this.texts.contactName),
      contactEmail: text(this.texts.contactEmail),
      properties,
      lookups: normalizeLookups(lookups),
    };
  }
}

/** For each page URL code, the code of its normalized form (origin + path) among the forms. */
export function groupPageUrls(values: readonly PropertyValue[]): { pageUrlGroupOf: Uint32Array; pageUrlGroups: (string | null)[] } {
  const groups = new DictionaryBuilder();
  const pageUrlGroupOf = new Uint32Array(values.length);
  for (let code = 1; code < values.length; code++) pageUrlGroupOf[code] = groups.code(normalizePageUrl(values[code] as string));
  return { pageUrlGroupOf, pageUrlGroups: groups.values as (string | null)[] };
}

/** Numbers with many distinct values are cheaper as plain Float64 than as codes plus a dictionary. */
function compactProperty(column: DictColumn): DictColumn | NumberColumn {
  const { values, codes } = column;
  const numeric = values.length > 1 && values.every((value, code) => code === 0 || typeof value === 'number');
  if (!numeric || values.length <= NUMERIC_DICT_LIMIT) return column;
  const lookup = Float64Array.from(values, (value) => (typeof value === 'number' ? value : Number.NaN));
  const out = new Float64Array(codes.length);
  for (let i = 0; i < codes.length; i++) out[i] = lookup[codes[i]!]!;
  return { kind: 'number', values: out };
}

/**
 * The stable order of rows by creation time, or null when they are in order already (the usual
 * case: sources page by date). Nearly sorted input (pages by date with a few rows out of place,
 * such as e-mails stamped to the second among chats stamped to the millisecond) is finished by
 * insertion, which costs only the displacement; anything else by a comparison sort.
 */
export function createdOrder(created: Float64Array): Uint32Array | null {
  const n = created.length;
  let i = 1;
  while (i < n && created[i - 1]! <= created[i]!) i++;
  if (i >= n) return null;
  const order = new Uint32Array(n);
  for (let k = 0; k < n; k++) order[k] = k;
  // Insertion sort with a budget of moves: stable, and linear when rows are only slightly out of place.
  let budget = 8 * n + 1024;
  for (; i < n && budget > 0; i++) {
    const row = order[i]!;
    const t = created[row]!;
    let k = i;
    while (k > 0 && created[order[k - 1]!]! > t) {
      order[k] = order[k - 1]!;
      k--;
      budget--;
    }
    order[k] = row;
  }
  if (budget > 0) return order;
  // Far out of order (a source that pages by id, say): a comparison sort, stable by row number.
  for (let k = 0; k < n; k++) order[k] = k;
  return order.sort((a, b) => created[a]! - created[b]! || a - b);
}

function permuteFloat64(values: Float64Array, order: Uint32Array | null): Float64Array {
  if (!order) return values.slice();
  const out = new Float64Array(values.length);
  for (let k = 0; k < order.length; k++) out[k] = values[order[k]!]!;
  return out;
}

function permuteCodes(codes: Codes, order: Uint32Array | null): Codes {
  if (!order) return codes;
  const out = new (codes.constructor as new (n: number) => Codes)(codes.length);
  for (let k = 0; k < order.length; k++) out[k] = codes[order[k]!]!;
  return out;
}

/** Builds the columnar table from parsed conversations (see `parseConversations`). */
export function createTable(conversations: readonly Conversation[], lookups?: Lookups | LookupsInput): ConversationTable {
  const builder = new TableBuilder(conversations.length);
  builder.addConversations(conversations);
  return builder.build(lookups);
}

/**
 * The prototype of drill rows' property bags: empty, frozen and itself without a prototype, so a key
 * such as `__proto__` or `constructor` stays a plain own key (as with a null-prototype object),
 * while the bags stay fast objects: a null-prototype object is a slow dictionary in V8, and a drill
 * into 100 000 conversations spent most of its time making them.
 */
const PROPERTIES_PROTOTYPE: object = Object.freeze(Object.create(null));

/**
 * Rebuilds conversations from rows, for drill rows. One reader per table and call: the property
 * columns are resolved once, not once a row.
 */
export function conversationReader(table: ConversationTable): (i: number) => Conversation {
  const names = Object.keys(table.properties);
  const columns = names.map((name) => table.properties[name]!);
  const created = table.createdAt.values;
  const responded = table.firstResponseAt.values;
  const closed = table.closedAt.values;
  const { channel, status, inboxId, assigneeId, chatflowId, pageUrl } = table;
  const id = textReader(table.id);
  const ticketId = textReader(table.ticketId);
  const subject = textReader(table.subject);
  const contactName = textReader(table.contactName);
  const contactEmail = textReader(table.contactEmail);
  const properties = propertiesReader(names, columns);
  return (i) => {
    const responseAt = responded[i]!;
    const closedAt = closed[i]!;
    return {
      id: id(i)!,
      channel: channel.values[channel.codes[i]!] as string,
      status: status.values[status.codes[i]!] as 'open' | 'closed',
      inboxId: inboxId.values[inboxId.codes[i]!] as string,
      assigneeId: (assigneeId.values[assigneeId.codes[i]!] ?? null) as string | null,
      createdAt: created[i]!,
      firstResponseAt: responseAt === responseAt ? responseAt : null,
      closedAt: closedAt === closedAt ? closedAt : null,
      chatflowId: (chatflowId.values[chatflowId.codes[i]!] ?? null) as string | null,
      pageUrl: (pageUrl.values[pageUrl.codes[i]!] ?? null) as string | null,
      ticketId: ticketId(i),
      subject: subject(i),
      contactName: contactName(i),
      contactEmail: contactEmail(i),
      properties: properties(i),
    };
  };
}

/** `textAt` for rows read mostly in ascending order: the piece of the last value is tried first. */
export function textReader(column: TextColumn): (i: number) => string | null {
  const { chunks, chunkStarts, ends, order } = column;
  let piece = 0;
  return (i) => {
    const j = order ? order[i]! : i;
    if (textIsNull(column, j)) return null;
    if (!(j >= chunkStarts[piece]! && (piece + 1 >= chunkStarts.length || j < chunkStarts[piece + 1]!))) {
      piece = 0;
      while (piece + 1 < chunkStarts.length && chunkStarts[piece + 1]! <= j) piece++;
    }
    return pieceText(chunks[piece]!, j === chunkStarts[piece] ? 0 : ends[j - 1]!, ends[j]!);
  };
}

/** Largest number of distinct property combinations whose bags are shared rather than made per row. */
const SHARED_BAGS = 1 << 16;

/**
 * Property bags for rows. When every custom property is categorical and their combinations are
 * few (priority × language × …), rows with the same values share one frozen bag: a drill into a
 * hundred thousand conversations then makes a few hundred bags, not a hundred thousand.
 */
function propertiesReader(names: string[], columns: (DictColumn | NumberColumn)[]): (i: number) => Record<string, PropertyValue> {
  const make = (i: number) => {
    const bag: Record<string, PropertyValue> = Object.create(PROPERTIES_PROTOTYPE);
    for (let p = 0; p < columns.length; p++) {
      const column = columns[p]!;
      let value: PropertyValue;
      if (column.kind === 'number') {
        const number = column.values[i]!;
        value = number === number ? number : null;
      } else value = column.values[column.codes[i]!] ?? null;
      if (value !== null) bag[names[p]!] = value;
    }
    return bag;
  };
  let combinations = 1;
  for (const column of columns) combinations *= column.kind === 'dict' ? column.values.length : Number.POSITIVE_INFINITY;
  if (combinations > SHARED_BAGS) return make;
  const dicts = columns as DictColumn[];
  const strides = dicts.map((_, p) => dicts.slice(0, p).reduce((product, column) => product * column.values.length, 1));
  const bags: (Record<string, PropertyValue> | undefined)[] = new Array(combinations);
  return (i) => {
    let key = 0;
    for (let p = 0; p < dicts.length; p++) key += dicts[p]!.codes[i]! * strides[p]!;
    return (bags[key] ??= Object.freeze(make(i)));
  };
}

/** Rebuilds the conversation at row `i` (for drill rows). Rows are in `createdAt` order. */
export function conversationAt(table: ConversationTable, i: number): Conversation {
  return conversationReader(table)(i);
}

/** Bytes the table's columns take, split into what reports scan and the free text only drill rows need. */
export function tableFootprint(table: ConversationTable): { columnBytes: number; textBytes: number } {
  let columnBytes = 0;
  const dictBytes = (column: DictColumn | NumberColumn) =>
    column.kind === 'number' ? column.values.byteLength : column.codes.byteLength + valueBytes(column.values);
  for (const name of TIME_NAMES) columnBytes += table[name].values.byteLength;
  for (const name of DICT_NAMES) columnBytes += dictBytes(table[name]);
  columnBytes += dictBytes(table.hasTicket) + table.pageUrlGroupOf.byteLength + valueBytes(table.pageUrlGroups);
  for (const name in table.properties) columnBytes += dictBytes(table.properties[name]!);
  let textBytes = 0;
  for (const name of TEXT_NAMES) {
    const column = table[name];
    textBytes +=
      column.ends.byteLength +
      (column.nulls?.byteLength ?? 0) +
      (column.validity?.byteLength ?? 0) +
      column.chunks.reduce((sum, chunk) => sum + (typeof chunk === 'string' ? chunk.length * 2 : chunk.byteLength), 0);
    if (column.order && name === 'id') textBytes += column.order.byteLength;
  }
  return { columnBytes, textBytes };
}

/** An estimate for values held in a JS array: a pointer each plus two bytes a character. */
function valueBytes(values: readonly PropertyValue[]): number {
  let bytes = values.length * 8;
  for (const value of values) if (typeof value === 'string') bytes += 16 + value.length * 2;
  return bytes;
}
