/**
 * Conversations as Apache Arrow, in the form the kit reads without a copy (see read-arrow.ts):
 * rows in `createdAt` order, times as float64 epoch ms, categories as dictionaries whose entry 0
 * is null, free text as utf8, custom properties as `properties.<name>` columns. For tests, the
 * demo and servers that answer with Arrow; any other Arrow writer works too (see README).
 */
import { Column, batchType, bool, dictionary, float64, int16, int32, int8, tableFromColumns, tableToIPC, utf8, type Table } from '@uwdata/flechette';
import type { Conversation, PropertyValue } from '../../schema/conversation.ts';
import { DICT_COLUMNS, PROPERTY_PREFIX, TEXT_COLUMNS, TIME_COLUMNS, type ArrowTableLike } from './read-arrow.ts';

type DataType = Parameters<typeof batchType>[0];

const encoder = new TextEncoder();

function validityFrom(length: number, isNull: (row: number) => boolean): { validity: Uint8Array; nullCount: number } {
  const validity = new Uint8Array(Math.ceil(length / 8));
  let nullCount = 0;
  for (let row = 0; row < length; row++) {
    if (isNull(row)) nullCount++;
    else validity[row >>> 3]! |= 1 << (row & 7);
  }
  return { validity, nullCount };
}

function makeColumn(type: DataType, options: Record<string, unknown>): Column<unknown> {
  const Batch = batchType(type) as unknown as new (options: Record<string, unknown>) => { setDictionary?(column: Column<unknown>): unknown };
  return new Column([new Batch({ type, ...options }) as never], type);
}

/** UTF-8 bytes of `text` (what TextEncoder would write), counted without encoding. */
function utf8Length(text: string): number {
  let bytes = text.length;
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c < 0x80) continue;
    if (c < 0x800) bytes += 1;
    else if (c >= 0xd800 && c <= 0xdbff && k + 1 < text.length && (text.charCodeAt(k + 1) & 0xfc00) === 0xdc00) {
      bytes += 2; // a surrogate pair: 4 bytes for 2 units
      k++;
    } else bytes += 2;
  }
  return bytes;
}

/** A utf8 column: the values joined and encoded in one call (a call per value costs far more at a million rows). */
function utf8Column(length: number, read: (row: number) => string | null): Column<unknown> {
  const parts: string[] = [];
  const offsets = new Int32Array(length + 1);
  let size = 0;
  const { validity, nullCount } = validityFrom(length, (row) => {
    const value = read(row);
    if (value !== null) {
      parts.push(value);
      size += utf8Length(value);
    }
    offsets[row + 1] = size;
    return value === null;
  });
  const values = encoder.encode(parts.join(''));
  if (values.length !== size) throw new Error('toArrowIPC: text did not encode to the bytes counted (unpaired surrogates?)');
  return makeColumn(utf8(), { length, nullCount, validity, offsets, values });
}

function float64Column(length: number, read: (row: number) => number | null): Column<unknown> {
  const values = new Float64Array(length);
  const { validity, nullCount } = validityFrom(length, (row) => {
    const value = read(row);
    // NaN under a null: what the kit's table holds there, so the reader adopts the array as it is.
    values[row] = value ?? Number.NaN;
    return value === null;
  });
  return makeColumn(float64(), { length, nullCount, validity, values });
}

/** A dictionary column whose entry 0 is null and whose indices are 0 for null rows. */
function dictionaryColumn(length: number, read: (row: number) => PropertyValue, valueType: 'utf8' | 'float64' | 'bool'): Column<unknown> {
  const entries: PropertyValue[] = [null];
  const index = new Map<PropertyValue, number>();
  const raw = new Int32Array(length);
  for (let row = 0; row < length; row++) {
    const value = read(row);
    if (value === null) continue;
    let code = index.get(value);
    if (code === undefined) {
      code = entries.length;
      entries.push(value);
      index.set(value, code);
    }
    raw[row] = code;
  }
  const dictionaryValues =
    valueType === 'utf8'
      ? utf8Column(entries.length, (k) => entries[k] as string | null)
      : valueType === 'float64'
        ? float64Column(entries.length, (k) => entries[k] as number | null)
        : boolColumn(entries.length, (k) => entries[k] as boolean | null);
  const indexType = entries.length <= 0x80 ? int8() : entries.length <= 0x8000 ? int16() : int32();
  const indices = entries.length <= 0x80 ? Int8Array.from(raw) : entries.length <= 0x8000 ? Int16Array.from(raw) : raw;
  const type = dictionary(dictionaryValues.type, indexType);
  const Batch = batchType(type) as unknown as new (options: Record<string, unknown>) => { setDictionary(column: Column<unknown>): unknown };
  // Null rows point at the null entry, so the indices need no validity bitmap.
  const batch = new Batch({ type, length, nullCount: 0, validity: new Uint8Array(0), values: indices }).setDictionary(dictionaryValues);
  return new Column([batch as never], type);
}

function boolColumn(length: number, read: (row: number) => boolean | null): Column<unknown> {
  const values = new Uint8Array(Math.ceil(length / 8));
  const { validity, nullCount } = validityFrom(length, (row) => {
    const value = read(row);
    if (value) values[row >>> 3]! |= 1 << (row & 7);
    return value === null;
  });
  return makeColumn(bool(), { length, nullCount, validity, values });
}

/** The kind of a custom property's column: all its values numbers, all booleans, or text. */
function propertyKind(values: Iterable<PropertyValue>, name: string): 'float64' | 'bool' | 'utf8' {
  let kind: 'float64' | 'bool' | 'utf8' | null = null;
  for (const value of values) {
    if (value === null) continue;
    const next = typeof value === 'number' ? 'float64' : typeof value === 'boolean' ? 'bool' : 'utf8';
    if (kind !== null && kind !== next)
      throw new TypeError(`Custom property "${name}" mixes ${kind === 'float64' ? 'numbers' : kind === 'bool' ? 'booleans' : 'text'} and ${next === 'float64' ? 'numbers' : next === 'bool' ? 'booleans' : 'text'}: an Arrow column holds one type.`);
    kind = next;
  }
  return kind ?? 'utf8';
}

/** Conversations as a flechette Table in the kit's zero-copy form (rows sorted by `createdAt`). */
export function toArrowTable(conversations: readonly Conversation[]): ArrowTableLike {
  const rows = conversations.map((_, k) => k);
  rows.sort((a, b) => conversations[a]!.createdAt - conversations[b]!.createdAt || a - b);
  const at = (row: number) => conversations[rows[row]!]!;
  const length = rows.length;
  const columns: [string, Column<unknown>][] = [];
  // Normalized records only: a value of another type is a caller's error, not a silent null.
  const checked = <T>(row: number, name: string, type: 'string' | 'number'): T | null => {
    const value = (at(row) as unknown as Record<string, unknown>)[name];
    if (value === null || value === undefined) return null;
    if (typeof value !== type) throw new TypeError(`toArrowIPC: record ${rows[row]} ("${String(at(row).id)}") has ${name} ${typeof value}, expected ${type === 'number' ? 'epoch milliseconds' : 'text'} or null (parse records with parseConversations first)`);
    return value as T;
  };
  for (const name of TEXT_COLUMNS) columns.push([name, utf8Column(length, (row) => checked<string>(row, name, 'string'))]);
  for (const name of DICT_COLUMNS) columns.push([name, dictionaryColumn(length, (row) => checked<string>(row, name, 'string'), 'utf8')]);
  for (const name of TIME_COLUMNS) columns.push([name, float64Column(length, (row) => checked<number>(row, name, 'number'))]);
  // Property names in order of first appearance; a Map keeps `__proto__` an ordinary name.
  const names = new Map<string, PropertyValue[]>();
  for (const conversation of conversations) for (const name of Object.keys(conversation.properties ?? {})) if (!names.has(name)) names.set(name, []);
  for (const [name] of names) {
    const read = (row: number): PropertyValue => {
      const bag = at(row).properties;
      return bag && Object.hasOwn(bag, name) ? (bag[name] ?? null) : null;
    };
    const kind = propertyKind(
      (function* () {
        for (let row = 0; row < length; row++) yield read(row);
      })(),
      name,
    );
    const column = kind === 'float64' ? float64Column(length, (row) => read(row) as number | null) : dictionaryColumn(length, read, kind);
    columns.push([PROPERTY_PREFIX + name, column]);
  }
  return tableFromColumns(columns);
}

/**
 * Conversations as Arrow IPC bytes (stream format by default, or file), in the form the kit reads
 * without a copy. For tests, the demo and servers; a page `{ arrow: bytes }` loads them.
 */
export function toArrowIPC(conversations: readonly Conversation[], options: { format?: 'stream' | 'file' } = {}): Uint8Array<ArrayBuffer> {
  return tableToIPC(toArrowTable(conversations) as Table, { format: options.format ?? 'stream' }) as Uint8Array<ArrayBuffer>;
}
