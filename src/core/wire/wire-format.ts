/**
 * The columnar wire format: how an adapter hands over many conversations without an object per
 * record. JSON of a million objects takes seconds to parse; the same data as typed-array columns
 * with dictionaries is a few dozen megabytes that load in well under a second, and whose buffers
 * can be transferred to a Worker without a copy.
 *
 * A page is `{ length?, columns }`:
 *
 * | column | form |
 * |---|---|
 * | `id` (required) | text |
 * | `channel`, `status`, `inboxId` (required) | categorical |
 * | `assigneeId`, `chatflowId`, `pageUrl` | categorical |
 * | `createdAt` (required), `firstResponseAt`, `closedAt` | numbers, epoch ms |
 * | `ticketId`, `subject`, `contactName`, `contactEmail` | text |
 * | `properties.<name>` under `properties` | numbers or categorical |
 *
 * - numbers: a `Float64Array` (NaN = null) or an array of numbers and nulls;
 * - categorical and text: an array of values and nulls, or a dictionary
 *   `{ dictionary: [...], codes }` where code 0 is null and code k is `dictionary[k − 1]`; codes are
 *   a Uint8Array, Uint16Array, Uint32Array or an array of numbers.
 *
 * An absent optional column is null throughout. Plain arrays make the page JSON-able; typed arrays
 * make it fast. The binary form packs a page into one ArrayBuffer (see `wire-encode.ts`, which
 * builds pages); `decodeWirePage` reads it back with views, not copies.
 *
 * Structural faults (a missing column, a wrong length, a code past its dictionary) throw a
 * `WireFormatError` naming the column. Faults of single records (a `closedAt` before `createdAt`,
 * a status that is not open/closed, a duplicate id) reject that record only, exactly as
 * `parseConversations` does for objects.
 */
import type { ParseError } from './parse-conversations.ts';
import type { PropertyValue } from '../schema/conversation.ts';
import { EPOCH_MS_MESSAGE, isEpochMs } from '../schema/timestamp.ts';
import type { IdIndex } from './id-index.ts';
import type { DictColumnBuilder, TableBuilder, TextName } from '../table/table.ts';
import { crc32 } from './crc32.ts';
import { appendKeptNumbers } from './append-kept-numbers.ts';
import { RowProblems } from './row-problems.ts';

export type WireCodes = Uint8Array | Uint16Array | Uint32Array | readonly number[];

/** Code 0 is null; code k is `dictionary[k − 1]`. */
export interface WireDictionary<T extends PropertyValue = PropertyValue> {
  dictionary: readonly T[];
  codes: WireCodes;
}

export type WireNumbers = Float64Array | readonly (number | null)[];
export type WireCategorical<T extends PropertyValue = PropertyValue> = WireDictionary<T> | readonly (T | null)[];

/**
 * Text end to end: value k is `text.slice(ends[k − 1] ?? 0, ends[k])` (UTF-16 offsets), null where
 * `nulls[k]` is 1. What the binary form decodes to: one string per column, not one per record.
 */
export interface WirePackedText {
  text: string;
  ends: Uint32Array | readonly number[];
  nulls?: Uint8Array | readonly number[];
}

/** Text columns: a list, a dictionary, or packed. */
export type WireText = WireCategorical<string> | WirePackedText;

export interface WireColumns {
  id: WireText;
  channel: WireCategorical<string>;
  status: WireCategorical<string>;
  inboxId: WireCategorical<string>;
  assigneeId?: WireCategorical<string>;
  createdAt: WireNumbers;
  firstResponseAt?: WireNumbers;
  closedAt?: WireNumbers;
  chatflowId?: WireCategorical<string>;
  pageUrl?: WireCategorical<string>;
  ticketId?: WireText;
  subject?: WireText;
  contactName?: WireText;
  contactEmail?: WireText;
  properties?: Record<string, WireNumbers | WireCategorical>;
}

export interface WirePage {
  /** Rows in the page; taken from the `id` column when absent. */
  length?: number;
  columns: WireColumns;
}

export class WireFormatError extends Error {
  override name = 'WireFormatError';
  constructor(
    /** The offending column, e.g. "createdAt" or "properties.plan"; empty for the page itself. */
    readonly column: string,
    detail: string,
  ) {
    super(column ? `Column "${column}" ${detail}` : `Columnar page: ${detail}`);
  }
}

/** "CRW2", little-endian: binary pages with a checksum (see "Binary form" below). */
export const MAGIC = 0x32575243;
/** "CRW1": the first binary pages, without a checksum; still read. */
export const MAGIC_V1 = 0x31575243;
export const ALIGN = 8;

export type ColumnKind = 'text' | 'string' | 'time' | 'value';
export const BUILT_IN: Record<string, { kind: ColumnKind; required: boolean }> = {
  id: { kind: 'text', required: true },
  channel: { kind: 'string', required: true },
  status: { kind: 'string', required: true },
  inboxId: { kind: 'string', required: true },
  assigneeId: { kind: 'string', required: false },
  createdAt: { kind: 'time', required: true },
  firstResponseAt: { kind: 'time', required: false },
  closedAt: { kind: 'time', required: false },
  chatflowId: { kind: 'string', required: false },
  pageUrl: { kind: 'string', required: false },
  ticketId: { kind: 'text', required: false },
  subject: { kind: 'text', required: false },
  contactName: { kind: 'text', required: false },
  contactEmail: { kind: 'text', required: false },
};

export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (ArrayBuffer.isView(value)) return `a ${value.constructor.name}`;
  if (typeof value === 'string') return `text "${value.length > 40 ? value.slice(0, 40) + '…' : value}"`;
  return typeof value === 'object' ? 'an object' : `${typeof value} ${String(value)}`;
}

function isCodes(value: unknown): value is WireCodes {
  return value instanceof Uint8Array || value instanceof Uint16Array || value instanceof Uint32Array || Array.isArray(value);
}

export function isDictionary(value: unknown): value is WireDictionary {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !ArrayBuffer.isView(value) && 'dictionary' in value;
}

function isPacked(value: unknown): value is WirePackedText {
  return typeof value === 'object' && value !== null && typeof (value as { text?: unknown }).text === 'string' && 'ends' in value;
}

function columnLength(column: unknown): number {
  if (isDictionary(column)) return isCodes(column.codes) ? column.codes.length : -1;
  if (isPacked(column)) return column.ends.length;
  if (Array.isArray(column) || column instanceof Float64Array) return column.length;
  return -1;
}

/** Rows of a page; throws when columns disagree or the page is not a page at all. */
export function wirePageLength(page: WirePage): number {
  if (typeof page !== 'object' || page === null || typeof page.columns !== 'object' || page.columns === null)
    throw new WireFormatError('', `expected { columns: { id, channel, status, inboxId, createdAt, … } }, got ${describe(page?.columns ?? page)}`);
  const length = page.length ?? columnLength(page.columns.id);
  if (!Number.isInteger(length) || length < 0) throw new WireFormatError('id', 'is required: a list of conversation ids');
  return length;
}

/**
 * Appends one wire page to a table under construction. Returns the records it rejected, indexed
 * from `indexOffset` (their position in the whole load). `ids` holds the ids of the rows already
 * in `builder` (id j is row j) and gets this page's.
 */
export function appendWirePage(builder: TableBuilder, page: WirePage, ids: IdIndex, indexOffset = 0): ParseError[] {
  const length = wirePageLength(page);
  const { columns } = page;
  for (const name of Object.keys(columns)) {
    if (name !== 'properties' && !Object.hasOwn(BUILT_IN, name)) throw new WireFormatError(name, 'is not a conversation column (custom properties go under "properties")');
  }
  const rejections = new RowProblems();
  const start = builder.size;

  const texts: Partial<Record<TextName, PackedText>> = {};
  for (const name of ['id', 'ticketId', 'subject', 'contactName', 'contactEmail'] as const) {
    const column = columns[name];
    if (column === undefined) {
      if (BUILT_IN[name]!.required) throw new WireFormatError(name, 'is required');
      continue;
    }
    texts[name] = readText(name, column, length);
  }
  const idText = texts.id!;
  const idStart = (row: number) => (row === 0 ? 0 : (idText.ends[row - 1] as number));
  for (let row = 0; row < length; row++)
    if (idText.invalid?.[row] || (idText.nulls && idText.nulls[row]) || (idText.ends[row] as number) === idStart(row))
      rejections.add(row, 'id', 'must be a non-empty string');

  const created = readNumbers('createdAt', columns.createdAt, length, true);
  for (let row = 0; row < length; row++)
    if (!isEpochMs(created[row]!)) rejections.add(row, 'createdAt', EPOCH_MS_MESSAGE);
  const responded = columns.firstResponseAt === undefined ? null : readNumbers('firstResponseAt', columns.firstResponseAt, length, false);
  const closed = columns.closedAt === undefined ? null : readNumbers('closedAt', columns.closedAt, length, false);
  for (const [name, values] of [['firstResponseAt', responded], ['closedAt', closed]] as const) {
    if (!values) continue;
    for (let row = 0; row < length; row++) {
      const value = values[row]!;
      if (value !== value) continue;
      if (!isEpochMs(value)) rejections.add(row, name, EPOCH_MS_MESSAGE);
      else if (value < created[row]!) rejections.add(row, name, 'is earlier than createdAt');
    }
  }

  // Categorical columns: validate each dictionary entry once, then rows by their code.
  const categorical: { target: DictColumnBuilder; codes: WireCodes; remap: Uint32Array }[] = [];
  for (const name of ['channel', 'status', 'inboxId', 'assigneeId', 'chatflowId', 'pageUrl'] as const) {
    const column = columns[name];
    if (column === undefined) {
      if (BUILT_IN[name]!.required) throw new WireFormatError(name, 'is required');
      continue;
    }
    const { dictionary, codes } = readCategorical(name, column, length);
    const check = (value: PropertyValue): string | null => {
      if (value === null) return name === 'assigneeId' || name === 'chatflowId' || name === 'pageUrl' ? null : 'is required';
      if (typeof value !== 'string') return `must be text, got ${describe(value)}`;
      if (name === 'status' && value !== 'open' && value !== 'closed') return 'must be "open" or "closed"';
      if (name === 'channel' && value === '') return 'must be a non-empty string such as "chat" or "email"';
      return null;
    };
    const problems = [check(null), ...dictionary.map(check)];
    if (problems.some((p) => p !== null))
      for (let row = 0; row < length; row++) {
        const problem = problems[codes[row]!];
        if (problem) rejections.add(row, name, problem);
      }
    const target = builder.dicts[name];
    categorical.push({ target, codes, remap: target.remap(dictionary.map((v, k) => (problems[k + 1] ? null : v))) });
  }

  const properties = columns.properties ?? {};
  if (typeof properties !== 'object' || properties === null || Array.isArray(properties))
    throw new WireFormatError('properties', 'must be an object of columns by property name');
  const propertyColumns: { target: DictColumnBuilder; codes: WireCodes; remap: Uint32Array }[] = [];
  for (const name of Object.keys(properties)) {
    const column = properties[name];
    const path = `properties.${name}`;
    if (column instanceof Float64Array || (Array.isArray(column) && column.every((v) => v === null || typeof v === 'number'))) {
      // Numbers become dictionary codes like any property; the table compacts them at build.
      const values = readNumbers(path, column as WireNumbers, length, false);
      const dictionary: number[] = [];
      const index = new Map<number, number>();
      const codes = new Uint32Array(length);
      for (let row = 0; row < length; row++) {
        const value = values[row]!;
        if (value !== value) continue;
        if (!Number.isFinite(value)) {
          rejections.add(row, path, 'must be text, a number, true/false or null');
          continue;
        }
        let code = index.get(value);
        if (code === undefined) {
          dictionary.push(value);
          code = dictionary.length;
          index.set(value, code);
        }
        codes[row] = code;
      }
      const target = builder.property(name);
      propertyColumns.push({ target, codes, remap: target.remap(dictionary) });
      continue;
    }
    const { dictionary, codes } = readCategorical(path, column as WireCategorical, length);
    const bad = dictionary.map((v) => !(v === null || typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v))));
    if (bad.some(Boolean))
      for (let row = 0; row < length; row++) if (codes[row]! > 0 && bad[codes[row]! - 1]) rejections.add(row, path, 'must be text, a number, true/false or null');
    const target = builder.property(name);
    propertyColumns.push({ target, codes, remap: target.remap(dictionary.map((v, k) => (bad[k] ? null : v))) });
  }

  // Ids last: a record rejected for another reason does not claim its id (as in parseConversations).
  const pageValues: number[] = [];
  ids.read = (j) => (j < start ? builder.texts.id.at(j) : packedAt(idText, pageValues[j - start]!));
  for (let row = 0; row < length; row++) {
    const from = idStart(row);
    const to = idText.ends[row] as number;
    if (idText.invalid?.[row] || (idText.nulls && idText.nulls[row]) || to === from) continue;
    if (ids.find(idText.text, from, to) >= 0) {
      rejections.add(row, 'id', `duplicates the id of an earlier record ("${idText.text.slice(from, to)}")`);
      continue;
    }
    if (rejections.byRow.has(row)) continue;
    pageValues.push(row);
    ids.addFound(start + pageValues.length - 1);
  }

  // Keep the rows that passed; the common case keeps all and copies column by column.
  const rejected = rejections.byRow;
  const keep = rejected.size === 0 ? null : Uint8Array.from({ length }, (_, row) => (rejected.has(row) ? 0 : 1));
  const kept = length - rejected.size;
  builder.reserve(kept);
  for (const column of propertyColumns) column.target.codes.reserve(start + kept - column.target.codes.length);
  appendKeptNumbers(builder.times.createdAt, created, start, length, keep, kept);
  appendKeptNumbers(builder.times.firstResponseAt, responded, start, length, keep, kept);
  appendKeptNumbers(builder.times.closedAt, closed, start, length, keep, kept);
  for (const { target, codes, remap } of [...categorical, ...propertyColumns]) {
    remapCodes(codes, remap, target.codes.codes, start, keep);
    target.codes.length = start + kept;
  }
  for (const name of ['id', 'ticketId', 'subject', 'contactName', 'contactEmail'] as const) {
    const target = builder.texts[name];
    const source = texts[name];
    if (!source) target.padTo(start + kept);
    else if (!keep) target.addPacked(source.text, source.ends, source.nulls, length);
    else target.addValues(kept, (k) => packedAt(source, pageValues[k]!));
  }
  builder.commit(start + kept);

  const errors: ParseError[] = [];
  for (const [row, problems] of [...rejected].sort((a, b) => a[0] - b[0])) {
    const id = idText.invalid?.[row] ? null : packedAt(idText, row);
    const first = problems[0]!;
    errors.push({
      index: indexOffset + row,
      ...(typeof id === 'string' && id !== '' ? { id } : {}),
      field: first.field,
      message: first.message,
      problems,
    });
  }
  return errors;
}

/** out[start + k] = remap[codes[row]] for the kept rows; one loop per code width keeps it monomorphic. */
function remapCodes(codes: WireCodes, remap: Uint32Array, out: Uint32Array, start: number, keep: Uint8Array | null): void {
  const length = codes.length;
  if (keep) {
    let at = start;
    for (let row = 0; row < length; row++) if (keep[row]) out[at++] = remap[codes[row]!]!;
  } else if (codes instanceof Uint8Array) for (let row = 0; row < length; row++) out[start + row] = remap[codes[row]!]!;
  else if (codes instanceof Uint16Array) for (let row = 0; row < length; row++) out[start + row] = remap[codes[row]!]!;
  else for (let row = 0; row < length; row++) out[start + row] = remap[codes[row]!]!;
}

export function readNumbers(name: string, column: WireNumbers | undefined, length: number, required: boolean): Float64Array {
  if (column === undefined) {
    if (required) throw new WireFormatError(name, 'is required');
    return new Float64Array(length).fill(Number.NaN);
  }
  if (column instanceof Float64Array) {
    if (column.length !== length) throw new WireFormatError(name, `has ${column.length} values for ${length} rows`);
    return column;
  }
  if (!Array.isArray(column)) throw new WireFormatError(name, `must be a Float64Array or a list of numbers (epoch ms), got ${describe(column)}`);
  if (column.length !== length) throw new WireFormatError(name, `has ${column.length} values for ${length} rows`);
  const out = new Float64Array(length);
  for (let row = 0; row < length; row++) {
    const value = column[row];
    if (value === null) out[row] = Number.NaN;
    else if (typeof value === 'number') out[row] = value;
    else throw new WireFormatError(name, `must hold numbers or null; row ${row} is ${describe(value)}`);
  }
  return out;
}

/** Any categorical column as a dictionary plus codes. */
export function readCategorical(name: string, column: WireCategorical, length: number): { dictionary: readonly PropertyValue[]; codes: WireCodes } {
  if (isDictionary(column)) {
    const { dictionary, codes } = column;
    if (!Array.isArray(dictionary)) throw new WireFormatError(name, `needs "dictionary" to be a list, got ${describe(dictionary)}`);
    if (!isCodes(codes)) throw new WireFormatError(name, `needs "codes" as a Uint8Array, Uint16Array, Uint32Array or list of numbers, got ${describe(codes)}`);
    if (codes.length !== length) throw new WireFormatError(name, `has ${codes.length} codes for ${length} rows`);
    const limit = dictionary.length;
    // Typed codes are whole and not negative by construction: only their largest needs checking.
    let largest = 0;
    if (ArrayBuffer.isView(codes)) for (let row = 0; row < length; row++) largest = Math.max(largest, codes[row]!);
    for (let row = 0; row < length; row++) {
      const code = codes[row]!;
      if (ArrayBuffer.isView(codes) ? largest <= limit : code >= 0 && code <= limit && Number.isInteger(code)) continue;
      throw new WireFormatError(name, `has code ${describe(code)} at row ${row}, outside its dictionary of ${limit} values (0 = null)`);
    }
    return { dictionary, codes };
  }
  if (!Array.isArray(column)) throw new WireFormatError(name, `must be a list of values or { dictionary, codes }, got ${describe(column)}`);
  if (column.length !== length) throw new WireFormatError(name, `has ${column.length} values for ${length} rows`);
  return dictionaryEncode(length, (row) => column[row] as PropertyValue | undefined);
}

/** Values as a dictionary in order of first appearance plus one code per row (0 = null or missing). */
export function dictionaryEncode<T extends PropertyValue>(length: number, read: (row: number) => T | null | undefined): { dictionary: T[]; codes: Uint32Array } {
  const dictionary: T[] = [];
  const index = new Map<T, number>();
  const codes = new Uint32Array(length);
  for (let row = 0; row < length; row++) {
    const value = read(row);
    if (value === null || value === undefined) continue;
    let code = index.get(value);
    if (code === undefined) {
      dictionary.push(value);
      code = dictionary.length;
      index.set(value, code);
    }
    codes[row] = code;
  }
  return { dictionary, codes };
}

/** A text column, packed, whatever form it came in. `invalid` marks rows that are not text (ids only). */
export interface PackedText {
  text: string;
  ends: ArrayLike<number>;
  nulls: ArrayLike<number> | null;
  invalid?: Uint8Array;
}

export function packedAt(column: PackedText, k: number): string | null {
  if (column.nulls && column.nulls[k]) return null;
  return column.text.slice(k === 0 ? 0 : column.ends[k - 1]!, column.ends[k]!);
}

export function readText(name: string, column: WireText, length: number): PackedText {
  if (isPacked(column)) {
    const { text, ends, nulls } = column;
    if (!(ends instanceof Uint32Array || Array.isArray(ends)) || ends.length !== length)
      throw new WireFormatError(name, `needs "ends" with one offset per row (${length})`);
    let previous = 0;
    for (let row = 0; row < length; row++) {
      const end = ends[row]!;
      if (!(end >= previous && end <= text.length)) throw new WireFormatError(name, `has end ${describe(end)} at row ${row}, outside its text`);
      previous = end;
    }
    if (nulls !== undefined && (!(nulls instanceof Uint8Array || Array.isArray(nulls)) || nulls.length !== length))
      throw new WireFormatError(name, `needs "nulls" with one flag per row (${length})`);
    return { text, ends, nulls: nulls ?? null };
  }
  let values: readonly unknown[];
  if (isDictionary(column)) {
    const { dictionary, codes } = readCategorical(name, column, length);
    const bad = dictionary.find((value) => value !== null && typeof value !== 'string');
    if (bad !== undefined) throw new WireFormatError(name, `must hold text; its dictionary has ${describe(bad)}`);
    values = Array.from(codes, (code) => (code === 0 ? null : dictionary[code - 1]));
  } else if (Array.isArray(column)) {
    if (column.length !== length) throw new WireFormatError(name, `has ${column.length} values for ${length} rows`);
    values = column;
  } else throw new WireFormatError(name, `must be a list of text, { dictionary, codes } or { text, ends }, got ${describe(column)}`);
  const parts: string[] = [];
  const ends = new Uint32Array(length);
  let nulls: Uint8Array | null = null;
  let invalid: Uint8Array | undefined;
  let at = 0;
  for (let row = 0; row < length; row++) {
    const value = values[row];
    if (typeof value === 'string') {
      parts.push(value);
      at += value.length;
    } else if (value === null || value === undefined) (nulls ??= new Uint8Array(length))[row] = 1;
    // An id that is not text is that record's fault; other text columns must hold text.
    else if (name === 'id') (invalid ??= new Uint8Array(length))[row] = 1;
    else throw new WireFormatError(name, `must hold text or null; row ${row} is ${describe(value)}`);
    ends[row] = at;
  }
  return { text: parts.join(''), ends, nulls, ...(invalid ? { invalid } : {}) };
}

// ——— Binary form ———
//
// Version 2 (magic "CRW2", written by `encodeWirePage`):
// [u32 magic][u32 CRC-32 of every byte after it][u32 header bytes][u32 page bytes]
// [header JSON, UTF-8][padding to 8][blocks, each 8-aligned]
// Version 1 (magic "CRW1", still read): [u32 magic][u32 header bytes][header JSON][padding][blocks],
// no checksum: only the bounds checks below protect it.
// The header describes every column; typed arrays live in the blocks, text as one UTF-8 string
// per column sliced by UTF-16 offsets (one decode per column instead of one per record).
// The two magics differ in two bits, so one flipped bit cannot turn a version 2 page into a version 1.

export type BlockType = 'f64' | 'u8' | 'u16' | 'u32';
export interface BlockRef {
  type: BlockType;
  offset: number;
  length: number;
}
export type BinaryColumn =
  | { kind: 'numbers'; values: BlockRef }
  | { kind: 'dict'; dictionary: PropertyValue[]; codes: BlockRef }
  | { kind: 'text'; ends: BlockRef; text: { offset: number; bytes: number }; nulls?: BlockRef };
export interface BinaryHeader {
  length: number;
  columns: Record<string, BinaryColumn>;
  properties: Record<string, BinaryColumn>;
}

/** Bytes before the header JSON in a version 2 page. */
export const PREFIX_BYTES = 16;

const ARRAYS = { f64: Float64Array, u8: Uint8Array, u16: Uint16Array, u32: Uint32Array } as const;

export function isBinaryWirePage(value: unknown): value is ArrayBuffer {
  if (!(value instanceof ArrayBuffer) || value.byteLength < 8) return false;
  const magic = new DataView(value).getUint32(0, true);
  return magic === MAGIC || magic === MAGIC_V1;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

/**
 * Reads a binary page; numbers and codes are views into `buffer`, text is decoded once per column.
 * Every offset, length and count is checked against the buffer and the row count before it is
 * read, and a version 2 page must match its checksum: a corrupt page throws a `WireFormatError`
 * naming the column or header field, never a TypeError, and never loads as other records.
 */
export function decodeWirePage(buffer: ArrayBuffer): WirePage {
  if (!isBinaryWirePage(buffer)) throw new WireFormatError('', 'is not a binary columnar page (bad magic number)');
  const view = new DataView(buffer);
  const versioned = view.getUint32(0, true) === MAGIC;
  let headerStart = 8;
  let headerLength: number;
  if (versioned) {
    if (buffer.byteLength < PREFIX_BYTES) throw new WireFormatError('', `is truncated: ${buffer.byteLength} bytes, shorter than its ${PREFIX_BYTES}-byte prefix`);
    const pageBytes = view.getUint32(12, true);
    if (pageBytes !== buffer.byteLength) throw new WireFormatError('', `is ${buffer.byteLength} bytes but says it has ${pageBytes} (truncated or corrupt)`);
    const expected = view.getUint32(4, true);
    const actual = crc32(new Uint8Array(buffer, 8));
    if (actual !== expected) throw new WireFormatError('', `is corrupt: its checksum is ${hex(expected)} but its bytes give ${hex(actual)}`);
    headerLength = view.getUint32(8, true);
    headerStart = PREFIX_BYTES;
  } else headerLength = view.getUint32(4, true);
  if (headerStart + headerLength > buffer.byteLength)
    throw new WireFormatError('', `header of ${headerLength} bytes runs past the end of the ${buffer.byteLength}-byte page`);
  let header: unknown;
  try {
    header = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array(buffer, headerStart, headerLength)));
  } catch {
    throw new WireFormatError('', 'has an unreadable header');
  }
  if (!isObject(header)) throw new WireFormatError('', 'has a header that is not an object');
  const length = header.length;
  if (!isCount(length)) throw new WireFormatError('', `header field "length" must be a row count, got ${describe(length)}`);
  if (!isObject(header.columns)) throw new WireFormatError('', `header field "columns" must be an object, got ${describe(header.columns)}`);
  if (header.properties !== undefined && !isObject(header.properties))
    throw new WireFormatError('', `header field "properties" must be an object, got ${describe(header.properties)}`);
  if (!Object.hasOwn(header.columns, 'id')) throw new WireFormatError('id', 'is required');

  const dataStart = Math.ceil((headerStart + headerLength) / ALIGN) * ALIGN;
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const array = (name: string, field: string, ref: unknown, types: readonly BlockType[]) => {
    if (!isObject(ref)) throw new WireFormatError(name, `needs "${field}" to describe a block, got ${describe(ref)}`);
    const { type, offset, length: count } = ref;
    if (typeof type !== 'string' || !(types as readonly string[]).includes(type))
      throw new WireFormatError(name, `needs "${field}" of type ${types.join(' or ')}, got ${describe(type)}`);
    if (!isCount(offset) || !isCount(count)) throw new WireFormatError(name, `has a "${field}" block with offset ${describe(offset)} and length ${describe(count)}`);
    if (count !== length) throw new WireFormatError(name, `has ${count} "${field}" for ${length} rows`);
    const Type = ARRAYS[type as BlockType];
    const start = dataStart + offset;
    if (start % Type.BYTES_PER_ELEMENT !== 0 || start + count * Type.BYTES_PER_ELEMENT > buffer.byteLength)
      throw new WireFormatError(name, `has a "${field}" block that points outside the page`);
    return new Type(buffer, start, count);
  };
  const decode = (name: string, column: unknown): unknown => {
    if (!isObject(column)) throw new WireFormatError(name, `must be described by an object, got ${describe(column)}`);
    switch (column.kind) {
      case 'numbers':
        return array(name, 'values', column.values, ['f64']);
      case 'dict': {
        const { dictionary } = column;
        if (!Array.isArray(dictionary)) throw new WireFormatError(name, `needs "dictionary" to be a list, got ${describe(dictionary)}`);
        const bad = dictionary.find((v) => !(v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean'));
        if (bad !== undefined) throw new WireFormatError(name, `has ${describe(bad)} in its dictionary`);
        return { dictionary, codes: array(name, 'codes', column.codes, ['u8', 'u16', 'u32']) };
      }
      case 'text': {
        const ends = array(name, 'ends', column.ends, ['u32']) as Uint32Array;
        const nulls = column.nulls === undefined ? null : (array(name, 'nulls', column.nulls, ['u8']) as Uint8Array);
        const ref = column.text;
        if (!isObject(ref) || !isCount(ref.offset) || !isCount(ref.bytes)) throw new WireFormatError(name, `needs "text" as { offset, bytes }, got ${describe(ref)}`);
        if (dataStart + ref.offset + ref.bytes > buffer.byteLength) throw new WireFormatError(name, 'has text that points outside the page');
        let text: string;
        try {
          text = decoder.decode(new Uint8Array(buffer, dataStart + ref.offset, ref.bytes));
        } catch {
          throw new WireFormatError(name, 'has text that is not valid UTF-8');
        }
        // Ends rise within that text (UTF-16 offsets): checked now, so the page is whole before any row is read.
        readText(name, nulls ? { text, ends, nulls } : { text, ends }, length);
        return nulls ? { text, ends, nulls } : { text, ends };
      }
      default:
        throw new WireFormatError(name, `has an unknown column kind ${describe(column.kind)}`);
    }
  };
  const columns: Record<string, unknown> = {};
  for (const [name, column] of Object.entries(header.columns)) {
    if (!Object.hasOwn(BUILT_IN, name)) throw new WireFormatError(name, 'is not a conversation column (custom properties go under "properties")');
    columns[name] = decode(name, column);
  }
  // Prototype-less, so a property named `__proto__` stays a column (assigning it into {} sets the prototype).
  const properties: Record<string, unknown> = Object.create(null);
  for (const [name, column] of Object.entries(header.properties ?? {})) properties[name] = decode(`properties.${name}`, column);
  columns.properties = properties;
  return { length, columns: columns as unknown as WireColumns };
}

const hex = (n: number) => '0x' + n.toString(16).padStart(8, '0');
