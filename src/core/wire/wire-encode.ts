/**
 * Building columnar wire pages (see wire-format.ts): for sources that hold objects but want the
 * fast path, for servers that answer with binary pages, and for handing pages to a Worker.
 */
import type { Conversation, PropertyValue } from '../schema/conversation.ts';
import { crc32 } from './crc32.ts';
import {
  ALIGN,
  BUILT_IN,
  MAGIC,
  PREFIX_BYTES,
  WireFormatError,
  dictionaryEncode,
  describe,
  isDictionary,
  readCategorical,
  readNumbers,
  readText,
  wirePageLength,
  type BinaryColumn,
  type BinaryHeader,
  type BlockRef,
  type BlockType,
  type ColumnKind,
  type WireCategorical,
  type WireText,
  type WireColumns,
  type WireDictionary,
  type WireNumbers,
  type WirePage,
} from './wire-format.ts';

function dictionaryOf<T extends PropertyValue>(length: number, read: (row: number) => T | null | undefined): WireDictionary<T> {
  const { dictionary, codes: wide } = dictionaryEncode(length, read);
  const codes = dictionary.length < 0x100 ? Uint8Array.from(wide) : dictionary.length < 0x10000 ? Uint16Array.from(wide) : wide;
  return { dictionary, codes };
}

function timesOf(length: number, read: (row: number) => unknown, name: string): Float64Array {
  const out = new Float64Array(length);
  for (let row = 0; row < length; row++) {
    const value = read(row);
    if (value === null || value === undefined) out[row] = Number.NaN;
    else if (typeof value === 'number') out[row] = value;
    else if (typeof value === 'string' && !Number.isNaN(Date.parse(value))) out[row] = Date.parse(value);
    else throw new WireFormatError(name, `cannot hold ${describe(value)} (record ${row})`);
  }
  return out;
}

/**
 * A columnar page from conversations in the normalized shape (epoch ms or ISO times, null or
 * missing for absent values), for sources that hold objects but want the fast path.
 */
export function toWirePage(records: readonly Partial<Conversation>[]): WirePage {
  const length = records.length;
  const at = (row: number) => records[row]!;
  const text = (pick: (c: Partial<Conversation>) => string | null | undefined) => Array.from(records, (c) => pick(c) ?? null);
  const propertyNames = new Set<string>();
  for (const record of records) if (record.properties) for (const name in record.properties) propertyNames.add(name);
  // Prototype-less: a property named `__proto__` is a key like any other, not the object's prototype.
  const properties: Record<string, WireNumbers | WireCategorical> = Object.create(null);
  for (const name of propertyNames) {
    const read = (row: number) => {
      const bag = at(row).properties;
      return bag && Object.hasOwn(bag, name) ? bag[name] : null;
    };
    let numeric = true;
    for (let row = 0; row < length && numeric; row++) {
      const value = read(row);
      numeric = value === null || value === undefined || typeof value === 'number';
    }
    properties[name] = numeric ? timesOf(length, read, `properties.${name}`) : dictionaryOf(length, read);
  }
  return {
    length,
    columns: {
      id: text((c) => c.id),
      channel: dictionaryOf(length, (row) => at(row).channel),
      status: dictionaryOf(length, (row) => at(row).status),
      inboxId: dictionaryOf(length, (row) => at(row).inboxId),
      assigneeId: dictionaryOf(length, (row) => at(row).assigneeId),
      createdAt: timesOf(length, (row) => at(row).createdAt, 'createdAt'),
      firstResponseAt: timesOf(length, (row) => at(row).firstResponseAt, 'firstResponseAt'),
      closedAt: timesOf(length, (row) => at(row).closedAt, 'closedAt'),
      chatflowId: dictionaryOf(length, (row) => at(row).chatflowId),
      pageUrl: dictionaryOf(length, (row) => at(row).pageUrl),
      ticketId: text((c) => c.ticketId),
      subject: dictionaryOf(length, (row) => at(row).subject),
      contactName: dictionaryOf(length, (row) => at(row).contactName),
      contactEmail: text((c) => c.contactEmail),
      properties,
    },
  };
}

/** The page with plain arrays only: what `JSON.stringify` can carry (NaN becomes null). */
export function toJsonWirePage(page: WirePage): WirePage {
  const plain = (column: unknown): unknown => {
    if (column instanceof Float64Array) return Array.from(column, (v) => (v === v ? v : null));
    if (isDictionary(column)) return { dictionary: column.dictionary, codes: Array.from(column.codes) };
    return column;
  };
  const columns: Record<string, unknown> = {};
  for (const [name, column] of Object.entries(page.columns)) {
    if (name === 'properties') columns.properties = Object.fromEntries(Object.entries(column as object).map(([k, v]) => [k, plain(v)]));
    else columns[name] = plain(column);
  }
  return { length: wirePageLength(page), columns: columns as unknown as WireColumns };
}

/** Packs a page into one ArrayBuffer, transferable as a whole. */
export function encodeWirePage(page: WirePage): ArrayBuffer {
  const length = wirePageLength(page);
  const blocks: ArrayBufferView[] = [];
  let size = 0;
  const add = (view: ArrayBufferView): number => {
    const offset = size;
    blocks.push(view);
    size += Math.ceil(view.byteLength / ALIGN) * ALIGN;
    return offset;
  };
  const block = (array: Float64Array | Uint8Array | Uint16Array | Uint32Array): BlockRef => {
    const type: BlockType = array instanceof Float64Array ? 'f64' : array instanceof Uint8Array ? 'u8' : array instanceof Uint16Array ? 'u16' : 'u32';
    return { type, offset: add(array), length: array.length };
  };
  const encoder = new TextEncoder();
  const encode = (name: string, column: unknown, kind: ColumnKind | 'property'): BinaryColumn => {
    if (kind === 'time' || (kind === 'property' && (column instanceof Float64Array || (Array.isArray(column) && column.every((v) => v === null || typeof v === 'number'))))) {
      return { kind: 'numbers', values: block(readNumbers(name, column as WireNumbers, length, true)) };
    }
    if (kind === 'text') {
      const packed = readText(name, column as WireText, length);
      if (packed.invalid) throw new WireFormatError(name, 'must hold text or null');
      const ends = packed.ends instanceof Uint32Array ? packed.ends : Uint32Array.from(packed.ends);
      const nulls = packed.nulls ? (packed.nulls instanceof Uint8Array ? packed.nulls : Uint8Array.from(packed.nulls)) : null;
      const bytes = encoder.encode(packed.text);
      return { kind: 'text', ends: block(ends), text: { offset: add(bytes), bytes: bytes.length }, ...(nulls ? { nulls: block(nulls) } : {}) };
    }
    const { dictionary, codes } = readCategorical(name, column as WireCategorical, length);
    const typed = ArrayBuffer.isView(codes) ? (codes as Uint8Array | Uint16Array | Uint32Array) : Uint32Array.from(codes);
    return { kind: 'dict', dictionary: [...dictionary], codes: block(typed) };
  };
  const header: BinaryHeader = { length, columns: {}, properties: Object.create(null) };
  for (const [name, column] of Object.entries(page.columns)) {
    if (name === 'properties' || column === undefined) continue;
    const spec = BUILT_IN[name];
    if (!spec) throw new WireFormatError(name, 'is not a conversation column');
    header.columns[name] = encode(name, column, spec.kind);
  }
  for (const [name, column] of Object.entries(page.columns.properties ?? {})) header.properties[name] = encode(`properties.${name}`, column, 'property');

  const headerBytes = encoder.encode(JSON.stringify(header));
  const dataStart = Math.ceil((PREFIX_BYTES + headerBytes.length) / ALIGN) * ALIGN;
  const buffer = new ArrayBuffer(dataStart + size);
  const bytes = new Uint8Array(buffer);
  const view = new DataView(buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint32(8, headerBytes.length, true);
  view.setUint32(12, buffer.byteLength, true);
  bytes.set(headerBytes, PREFIX_BYTES);
  let at = dataStart;
  for (const blockView of blocks) {
    bytes.set(new Uint8Array(blockView.buffer, blockView.byteOffset, blockView.byteLength), at);
    at += Math.ceil(blockView.byteLength / ALIGN) * ALIGN;
  }
  // Last, over everything after it (lengths, header, blocks): the reader refuses a page that does not match.
  view.setUint32(4, crc32(bytes.subarray(8)), true);
  return buffer;
}

/** Buffers a worker may take over without a copy. */
export function wireTransferables(page: WirePage | ArrayBuffer): ArrayBuffer[] {
  if (page instanceof ArrayBuffer) return [page];
  const buffers = new Set<ArrayBuffer>();
  const visit = (column: unknown) => {
    if (ArrayBuffer.isView(column) && column.buffer instanceof ArrayBuffer) buffers.add(column.buffer);
    else if (isDictionary(column) && ArrayBuffer.isView(column.codes) && column.codes.buffer instanceof ArrayBuffer) buffers.add(column.codes.buffer);
  };
  for (const [name, column] of Object.entries(page.columns)) {
    if (name === 'properties') for (const property of Object.values(column as object)) visit(property);
    else visit(column);
  }
  return [...buffers];
}
