/**
 * Reads an Apache Arrow page (IPC stream or file bytes, or a flechette `Table`) into column views
 * the table can adopt as they are, and checks it at the boundary.
 *
 * The accepted schema (see README "Arrow input"); the kit's own writer, `toArrowIPC`, produces the
 * left-hand forms, which are read without copying:
 *
 * | column | zero-copy form | also accepted (converted in one pass) |
 * |---|---|---|
 * | `createdAt` (required), `firstResponseAt`, `closedAt` | float64 epoch ms | timestamp (any unit), date, int, float32 |
 * | `channel`, `status`, `inboxId` (required), `assigneeId`, `chatflowId`, `pageUrl` | dictionary<utf8> whose entry 0 is null | any dictionary<utf8>, utf8 |
 * | `id` (required), `ticketId`, `subject`, `contactName`, `contactEmail` | utf8 (kept as UTF-8 bytes) | large utf8, utf8 view, dictionary<utf8> |
 * | `properties.<name>` | float64, dictionary (utf8, numbers, bool) with entry 0 null | utf8, bool, int, float32, other dictionaries |
 *
 * Zero-copy also needs one record batch and rows in `createdAt` order; otherwise columns are
 * gathered once. Nulls come as Arrow validity bits; for times the kit writes NaN, and for
 * dictionary indices 0, into the slots under a null, whose contents Arrow leaves unspecified, so
 * the Arrow data reads the same afterwards.
 *
 * Structural faults (not Arrow, a missing or mistyped column, lengths or offsets that do not fit)
 * throw an ArrowFormatError naming the column. Faults of single rows are returned as problems.
 */
import { Table, tableFromIPC, Type, type Batch, type Column } from '@uwdata/flechette';
import type { PropertyValue } from '../../schema/conversation.ts';
import { EPOCH_MS_MESSAGE, MAX_EPOCH_MS } from '../../schema/timestamp.ts';
import type { Codes, DictName, TextName } from '../../table/table.ts';
import { ArrowFormatError } from './arrow-format-error.ts';
import { RowProblems, type RowProblem } from '../row-problems.ts';
import { arrowFraming, type Framing } from './check-ipc-framing.ts';
import {
  backwardsOffset,
  exceeds16,
  exceeds8,
  nanUnderNulls,
  nextBadCreated,
  nextBadLater,
  nextEmpty,
  nextNull,
  outside32,
  shiftedCodes16,
  shiftedCodes8,
  shiftedValidCodes8,
  zeroUnderNulls,
} from './arrow-kernels.ts';

/**
 * A flechette `Table`, described by the little the kit's types need: the kit's declarations then
 * do not pull flechette's into a consumer's type check. Only a real flechette Table is accepted.
 */
export interface ArrowTableLike {
  readonly schema: { readonly fields: readonly { readonly name: string }[] };
  readonly numRows: number;
}

/** What a source may hand over as Arrow: IPC bytes (stream or file format) or a flechette Table. */
export type ArrowInput = ArrowTableLike | Uint8Array | ArrayBuffer;

export const DICT_COLUMNS = ['channel', 'status', 'inboxId', 'assigneeId', 'chatflowId', 'pageUrl'] as const satisfies readonly DictName[];
export const TEXT_COLUMNS = ['id', 'ticketId', 'subject', 'contactName', 'contactEmail'] as const satisfies readonly TextName[];
export const TIME_COLUMNS = ['createdAt', 'firstResponseAt', 'closedAt'] as const;
export const PROPERTY_PREFIX = 'properties.';
const REQUIRED = new Set(['id', 'channel', 'status', 'inboxId', 'createdAt']);

/** Rows a table may hold: row numbers and codes are 32-bit, text offsets too. */
const MAX_ROWS = 2 ** 31 - 1;

/** A typed array of numbers or 64-bit integers, as flechette hands out batch values. */
type Values = ArrayBufferView & { length: number; [index: number]: number | bigint; subarray(begin: number, end: number): Values };

/** Codes with 0 for null and k for `values[k]` (values[0] is null), as the table holds them. */
export interface ArrowDict {
  kind: 'dict';
  codes: Codes;
  values: PropertyValue[];
}

/** UTF-8 text: value j is `bytes[ends[j − 1] ?? 0, ends[j])`; null per `validity` bit or `nulls` byte. */
export interface ArrowText {
  bytes: Uint8Array;
  ends: Uint32Array;
  validity: Uint8Array | null;
  nulls: Uint8Array | null;
}

export interface ArrowNumbers {
  kind: 'number';
  /** NaN for null. */
  values: Float64Array;
}

/** An Arrow page read and checked, its columns in the table's forms. */
export interface ArrowPage {
  length: number;
  times: Record<(typeof TIME_COLUMNS)[number], Float64Array | null>;
  dicts: Record<DictName, ArrowDict | null>;
  texts: Record<TextName, ArrowText | null>;
  /** By property name (a Map, so that a property named `__proto__` is a key like any other). */
  properties: Map<string, ArrowDict | ArrowNumbers>;
  /** Rows with problems, with every problem found (duplicate ids are checked later, per load). */
  problems: Map<number, RowProblem[]>;
  /** True when the columns are views of the input (nothing was gathered). */
  zeroCopy: boolean;
}

/** The bytes of `input` when it is IPC bytes (null for a flechette Table); anything else throws. */
function ipcBytes(input: ArrowInput): Uint8Array | null {
  if (input instanceof Table) return null;
  if (typeof input === 'object' && input !== null && 'schema' in input)
    throw new ArrowFormatError('', 'got a table that is not a flechette Table (from apache-arrow, say): pass its IPC bytes instead (tableToIPC)');
  if (!(input instanceof Uint8Array) && !(input instanceof ArrayBuffer))
    throw new ArrowFormatError('', `expected Arrow IPC bytes (Uint8Array or ArrayBuffer) or a flechette Table, got ${typeof input}`);
  return input instanceof Uint8Array ? input : new Uint8Array(input);
}

/** The framing of IPC bytes, checked; a first message that does not read says "not Arrow" first. */
function checkedFraming(bytes: Uint8Array): Framing {
  try {
    return arrowFraming(bytes);
  } catch (error) {
    // A first message that does not read: most likely not Arrow at all, so say that first.
    if (error instanceof ArrowFormatError && /message 1\b|schema/.test(error.message))
      throw new ArrowFormatError('', `the bytes are not a readable Arrow IPC stream or file: ${error.message.replace(/^Arrow data: /, '')}`, { cause: error });
    throw error;
  }
}

/** The flechette table of `input`; corrupt or foreign bytes throw an ArrowFormatError. */
function arrowTable(input: ArrowInput): Table {
  const bytes = ipcBytes(input);
  if (!bytes) return input as Table;
  const { batches } = checkedFraming(bytes);
  let table: Table;
  try {
    table = tableFromIPC(bytes, { useProxy: false });
  } catch (cause) {
    // flechette trusts the bytes: a corrupt message surfaces as whatever JS error it meets.
    throw new ArrowFormatError('', `the bytes are not a readable Arrow IPC stream or file (${bytes.byteLength} bytes; corrupt, truncated or not Arrow)`, { cause });
  }
  const decoded = table.children[0]?.data.length ?? 0;
  if (decoded !== batches) throw new ArrowFormatError('', `holds ${batches} record batches but ${decoded} were read (corrupt data)`);
  return table;
}

/**
 * Rows of an Arrow input, for progress, from the message headers alone (the data is read once, at
 * ingest); throws ArrowFormatError on bytes that are not Arrow or do not frame cleanly.
 */
export function arrowRowCount(input: ArrowInput): number {
  const bytes = ipcBytes(input);
  if (!bytes) return (input as Table).children[0]?.length ?? 0;
  return checkedFraming(bytes).rows;
}

function typeName(type: Batch<unknown>['type'] | undefined): string {
  if (!type) return 'nothing';
  const t = type as { typeId: number; bitWidth?: number; precision?: number; unit?: number; dictionary?: Batch<unknown>['type'] };
  switch (t.typeId) {
    case Type.Int:
      return `int${t.bitWidth}`;
    case Type.Float:
      return ['float16', 'float32', 'float64'][t.precision ?? 2] ?? 'float';
    case Type.Utf8:
      return 'utf8';
    case Type.LargeUtf8:
      return 'large utf8';
    case Type.Utf8View:
      return 'utf8 view';
    case Type.Bool:
      return 'bool';
    case Type.Timestamp:
      return `timestamp[${['s', 'ms', 'us', 'ns'][t.unit ?? 1]}]`;
    case Type.Date:
      return 'date';
    case Type.Dictionary:
      return `dictionary<${typeName(t.dictionary)}>`;
    case Type.Null:
      return 'null';
    default:
      return `Arrow type ${t.typeId}`;
  }
}

function isValidAt(validity: Uint8Array | null, j: number): boolean {
  return !validity || (validity[j >>> 3]! & (1 << (j & 7))) !== 0;
}

/**
 * The validity bitmap of a batch, checked: null when every value is present. A batch that claims
 * nulls without a bitmap long enough to hold them is corrupt.
 */
function validityOf(name: string, batch: Batch<unknown>): Uint8Array | null {
  const { validity, nullCount, length } = batch;
  if (nullCount < 0 || nullCount > length) throw new ArrowFormatError(name, `claims ${nullCount} nulls in ${length} rows`);
  if (!validity || validity.length === 0) {
    if (nullCount > 0) throw new ArrowFormatError(name, `claims ${nullCount} nulls but has no validity bitmap`);
    return null;
  }
  if (validity.length < Math.ceil(length / 8)) throw new ArrowFormatError(name, `has a validity bitmap of ${validity.length} bytes for ${length} rows`);
  if (nullCount === 0) return null;
  return validity;
}

/** The values array of a fixed-width batch, checked to hold every row. */
function valuesOf(name: string, batch: Batch<unknown>): Values {
  const values = batch.values as unknown as Values | undefined;
  if (!values || !ArrayBuffer.isView(values) || values.length < batch.length)
    throw new ArrowFormatError(name, `has ${values?.length ?? 0} values for ${batch.length} rows (truncated or corrupt)`);
  return values.length === batch.length ? values : values.subarray(0, batch.length);
}

const TWO_32 = 4294967296;

/** A time column as Float64 epoch ms (NaN = null), adopting a single float64 batch in place. */
function readTimes(name: string, column: Column<unknown>, length: number, single: boolean): { values: Float64Array; copied: boolean } {
  const batches = column.data;
  const type = column.type as { typeId: number; precision?: number; unit?: number; bitWidth?: number; signed?: boolean };
  let scale = 1;
  if (type.typeId === Type.Timestamp) scale = [1000, 1, 1e-3, 1e-6][type.unit ?? 1]!;
  else if (type.typeId === Type.Date) scale = type.unit === 0 ? 86_400_000 : 1;
  else if ((type.typeId !== Type.Float || type.precision === 0) && type.typeId !== Type.Int)
    throw new ArrowFormatError(name, `must be float64 epoch milliseconds (or a timestamp, date or number), got ${typeName(column.type)}`);
  const adopt = single && type.typeId === Type.Float && type.precision === 2;
  const out = adopt ? null : new Float64Array(length);
  let at = 0;
  let result: Float64Array | null = null;
  for (const batch of batches) {
    const validity = validityOf(name, batch);
    const values = valuesOf(name, batch);
    const n = batch.length;
    if (adopt) {
      result = values as unknown as Float64Array;
      // The slots under nulls are unspecified in Arrow; NaN there is the table's null.
      if (validity) nanUnderNulls(result, validity, n);
      continue;
    }
    const target = out!;
    if (values instanceof BigInt64Array || values instanceof BigUint64Array) {
      // Two 32-bit halves: exact below 2^53, far outside the Date range anyway above it.
      const halves = new Int32Array(values.buffer, values.byteOffset, n * 2);
      const signed = values instanceof BigInt64Array;
      for (let j = 0; j < n; j++) {
        const high = signed ? halves[2 * j + 1]! : halves[2 * j + 1]! >>> 0;
        target[at + j] = (high * TWO_32 + (halves[2 * j]! >>> 0)) * scale;
      }
    } else for (let j = 0; j < n; j++) target[at + j] = (values[j] as number) * scale;
    if (validity) nanUnderNulls(target.subarray(at, at + n), validity, n);
    at += n;
  }
  return { values: result ?? out!, copied: !adopt };
}

/** The narrowest unsigned array that holds codes below `cardinality`. */
function codesFor(cardinality: number, length: number): Codes {
  return cardinality <= 0x100 ? new Uint8Array(length) : cardinality <= 0x10000 ? new Uint16Array(length) : new Uint32Array(length);
}

/** An unsigned view of signed dictionary indices known to be non-negative. */
function unsignedView(values: Values): Codes | null {
  if (values instanceof Uint8Array || values instanceof Uint16Array || values instanceof Uint32Array) return values;
  if (values instanceof Int8Array) return new Uint8Array(values.buffer, values.byteOffset, values.length);
  if (values instanceof Int16Array) return new Uint16Array(values.buffer, values.byteOffset, values.length);
  if (values instanceof Int32Array) return new Uint32Array(values.buffer, values.byteOffset, values.length);
  return null;
}

type ValueCheck = (value: unknown) => string | null;

/**
 * A categorical column as table codes. A single batch whose dictionary starts with null and holds
 * only valid, distinct values is adopted (its indices become the codes); anything else is mapped
 * into fresh codes in one pass. `check` gives the problem of a non-null value (null: fine); rows
 * holding such a value are reported and their code is 0.
 */
function readCategorical(name: string, column: Column<unknown>, length: number, single: boolean, check: ValueCheck, problems: RowProblems): { column: ArrowDict; copied: boolean } {
  const type = column.type as { typeId: number };
  if (type.typeId !== Type.Dictionary) return { column: encodeValues(name, column, length, check, problems), copied: true };
  // Our dictionary, shared by every batch: values[0] = null, then each distinct valid value.
  const values: PropertyValue[] = [null];
  const index = new Map<PropertyValue, number>();
  const badValues: (string | null)[] = [null];
  const codeOf = (value: unknown): number => {
    if (value === null || value === undefined) return 0;
    const problem = check(value);
    if (problem !== null) {
      badValues.push(problem);
      return -badValues.length + 1; // negative: a problem, reported per row
    }
    let code = index.get(value as PropertyValue);
    if (code === undefined) {
      code = values.length;
      values.push(value as PropertyValue);
      index.set(value as PropertyValue, code);
    }
    return code;
  };
  const batches = column.data;
  // Map each batch's dictionary (batches may carry different ones) into ours.
  const remaps = batches.map((batch) => {
    const dictionary = (batch as unknown as { cache?: unknown[] }).cache;
    if (!Array.isArray(dictionary)) throw new ArrowFormatError(name, 'is dictionary-encoded but its dictionary is missing');
    return Int32Array.from(dictionary, codeOf);
  });
  const first = remaps[0];
  const adoptable = single && first !== undefined && first.length > 0 && first[0] === 0 && first.every((code, k) => code === k);
  let out: Codes | null = null;
  let at = 0;
  for (let b = 0; b < batches.length; b++) {
    const batch = batches[b]!;
    const remap = remaps[b]!;
    const validity = validityOf(name, batch);
    const indices = valuesOf(name, batch);
    if (indices instanceof BigInt64Array || indices instanceof BigUint64Array) throw new ArrowFormatError(name, 'needs 8-, 16- or 32-bit dictionary indices, got 64-bit ones');
    const n = batch.length;
    if (adoptable) {
      const codes = unsignedView(indices);
      if (codes) {
        // Under a null the index is unspecified: 0 there is the table's null (and keeps bounds).
        if (validity) zeroUnderNulls(new Uint8Array(codes.buffer, codes.byteOffset, codes.byteLength), codes.BYTES_PER_ELEMENT, validity, n);
        if (exceedsLimit(codes, remap.length - 1)) for (let j = 0; j < n; j++) if (codes[j]! >= remap.length) throw outOfBounds(name, j, codes[j]!, remap.length);
        return { column: { kind: 'dict', codes, values }, copied: false };
      }
    }
    out ??= codesFor(values.length, length);
    // A dictionary whose every entry is a valid value of its own (a writer's usual form, without
    // the kit's null entry 0): the codes are the indices shifted by one, copied in one loop.
    const shift = shiftOf(remap);
    if (shift > 0 && indices instanceof Int32Array && !(out instanceof Uint32Array)) {
      if (outside32(indices, remap.length - 1))
        for (let j = 0; j < n; j++) {
          const k = indices[j]!;
          if (isValidAt(validity, j) && (k < 0 || k >= remap.length)) throw outOfBounds(name, j, k, remap.length);
        }
      if (out instanceof Uint8Array) {
        if (validity) shiftedValidCodes8(out, at, indices, shift, validity);
        else shiftedCodes8(out, at, indices, shift);
        at += n;
        continue;
      }
      shiftedCodes16(out, at, indices, shift, validity);
      at += n;
      continue;
    }
    let largest = 0;
    let smallest = 0;
    for (let j = 0; j < n; j++) {
      const k = indices[j] as number;
      if (k > largest) largest = k;
      else if (k < smallest) smallest = k;
    }
    if (smallest < 0 || largest >= remap.length)
      for (let j = 0; j < n; j++) {
        const k = indices[j] as number;
        if (isValidAt(validity, j) && (k < 0 || k >= remap.length)) throw outOfBounds(name, j, k, remap.length);
      }
    for (let j = 0; j < n; j++) {
      if (!isValidAt(validity, j)) continue;
      const code = remap[indices[j] as number]!;
      if (code >= 0) out[at + j] = code;
      else problems.add(at + j, name, badValues[-code]!);
    }
    at += n;
  }
  return { column: { kind: 'dict', codes: out ?? codesFor(1, length), values }, copied: true };
}

/** True when some code exceeds `limit` (one monomorphic loop per width). */
function exceedsLimit(codes: Codes, limit: number): boolean {
  if (codes instanceof Uint8Array) return exceeds8(codes, limit);
  if (codes instanceof Uint16Array) return exceeds16(codes, limit);
  return outside32(new Int32Array(codes.buffer, codes.byteOffset, codes.length), limit);
}

/** d when `remap[k] = k + d` for every k (d ≥ 1: each entry a distinct valid value); else 0. */
function shiftOf(remap: Int32Array): number {
  const shift = remap[0] ?? 0;
  if (shift < 1) return 0;
  for (let k = 1; k < remap.length; k++) if (remap[k] !== k + shift) return 0;
  return shift;
}

/** Rows whose code is 0 (null), for a required column; usually none, found with a monomorphic scan. */
function hasNullCode(codes: Codes): boolean {
  return codes instanceof Uint8Array ? codes.indexOf(0) >= 0 : codes instanceof Uint16Array ? codes.indexOf(0) >= 0 : codes.indexOf(0) >= 0;
}

function outOfBounds(name: string, row: number, index: number, size: number): ArrowFormatError {
  return new ArrowFormatError(name, `has dictionary index ${index} at row ${row}, outside its dictionary of ${size} values (corrupt data)`);
}

/** Any non-dictionary column of values as table codes (one pass, values read one by one). */
function encodeValues(name: string, column: Column<unknown>, length: number, check: ValueCheck, problems: RowProblems): ArrowDict {
  const values: PropertyValue[] = [null];
  const index = new Map<PropertyValue, number>();
  const raw = new Uint32Array(length);
  let row = 0;
  for (const batch of column.data) {
    validityOf(name, batch);
    checkOffsets(name, batch);
    for (let j = 0; j < batch.length; j++, row++) {
      let value = batch.at(j) as unknown;
      if (typeof value === 'bigint') value = Number(value);
      if (value === null || value === undefined || (typeof value === 'number' && value !== value)) continue;
      const problem = check(value);
      if (problem !== null) {
        problems.add(row, name, problem);
        continue;
      }
      let code = index.get(value as PropertyValue);
      if (code === undefined) {
        code = values.length;
        values.push(value as PropertyValue);
        index.set(value as PropertyValue, code);
      }
      raw[row] = code;
    }
  }
  const codes = codesFor(values.length, length);
  codes.set(raw);
  return { kind: 'dict', codes, values };
}

/** Offsets of a variable-width batch: from 0 or more, never decreasing, within the data. */
function checkOffsets(name: string, batch: Batch<unknown>): void {
  const offsets = batch.offsets as ArrayLike<number | bigint> | undefined;
  if (!offsets) return;
  const n = batch.length;
  if (offsets.length < n + 1) throw new ArrowFormatError(name, `has ${offsets.length} offsets for ${n} rows (truncated or corrupt)`);
  const size = (batch.values as { length?: number } | undefined)?.length ?? 0;
  if (Number(offsets[0]!) < 0) throw new ArrowFormatError(name, `has a negative text offset at row 0 (corrupt data)`);
  const backwards = offsets instanceof Int32Array ? backwardsOffset(offsets, n) : firstBackwards(offsets, n);
  if (backwards >= 0) throw new ArrowFormatError(name, `has text offsets that go backwards at row ${backwards - 1} (corrupt data)`);
  const previous = Number(offsets[n]!);
  if (previous > size) throw new ArrowFormatError(name, `has text offsets past the end of its ${size} bytes of data (corrupt data)`);
}

/** backwardsOffset for offsets of another type (64-bit ones of large utf8). */
function firstBackwards(offsets: ArrayLike<number | bigint>, n: number): number {
  for (let j = 1; j <= n; j++) if (Number(offsets[j]!) < Number(offsets[j - 1]!)) return j;
  return -1;
}

const encoder = new TextEncoder();

/** A text column as UTF-8 bytes with end offsets: a single utf8 batch is adopted as it is. */
function readText(name: string, column: Column<unknown>, length: number): { column: ArrowText; copied: boolean } {
  const type = column.type as { typeId: number };
  const batches = column.data;
  if (type.typeId === Type.Utf8 && batches.length === 1) {
    const batch = batches[0]!;
    const validity = validityOf(name, batch);
    checkOffsets(name, batch);
    const offsets = batch.offsets as Int32Array;
    const bytes = batch.values as Uint8Array;
    if (offsets[0] === 0) return { column: { bytes, ends: new Uint32Array(offsets.buffer, offsets.byteOffset + 4, length), validity, nulls: null }, copied: false };
    const base = offsets[0]!;
    return { column: { bytes: bytes.subarray(base), ends: Uint32Array.from(offsets.subarray(1, length + 1), (o) => o - base), validity, nulls: null }, copied: true };
  }
  if (type.typeId !== Type.Utf8 && type.typeId !== Type.LargeUtf8 && type.typeId !== Type.Utf8View && !(type.typeId === Type.Dictionary))
    throw new ArrowFormatError(name, `must be utf8 text, got ${typeName(column.type)}`);
  // Any other layout: values read one by one and packed as UTF-8 (one pass).
  const parts: Uint8Array[] = [];
  const ends = new Uint32Array(length);
  let nulls: Uint8Array | null = null;
  let size = 0;
  let row = 0;
  for (const batch of batches) {
    validityOf(name, batch);
    checkOffsets(name, batch);
    for (let j = 0; j < batch.length; j++, row++) {
      const value = batch.at(j) as unknown;
      if (value === null || value === undefined) (nulls ??= new Uint8Array(length))[row] = 1;
      else if (typeof value !== 'string') throw new ArrowFormatError(name, `must hold text, got ${typeof value} at row ${row}`);
      else {
        const encoded = encoder.encode(value);
        parts.push(encoded);
        size += encoded.length;
      }
      ends[row] = size;
    }
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const part of parts) {
    bytes.set(part, at);
    at += part.length;
  }
  return { column: { bytes, ends, validity: null, nulls }, copied: true };
}

const STRING_CHECK = (value: unknown): string | null => (typeof value === 'string' ? null : `must be text, got ${typeof value}`);
const CHECKS: Record<DictName, ValueCheck> = {
  channel: (value) => (typeof value !== 'string' ? `must be text, got ${typeof value}` : value === '' ? 'must be a non-empty string such as "chat" or "email"' : null),
  status: (value) => (value === 'open' || value === 'closed' ? null : `must be "open" or "closed", got ${JSON.stringify(String(value)).slice(0, 60)}`),
  inboxId: STRING_CHECK,
  assigneeId: STRING_CHECK,
  chatflowId: STRING_CHECK,
  pageUrl: STRING_CHECK,
};
const PROPERTY_CHECK: ValueCheck = (value) =>
  typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value)) ? null : 'must be text, a number, true/false or null';

/** A custom property column: numbers as Float64 (adopted when float64), anything else as codes. */
function readProperty(name: string, column: Column<unknown>, length: number, single: boolean, problems: RowProblems): { column: ArrowDict | ArrowNumbers; copied: boolean } {
  const type = column.type as { typeId: number };
  if (type.typeId === Type.Float || type.typeId === Type.Int) {
    const { values, copied } = readTimes(name, column, length, single);
    for (let j = 0; j < length; j++) {
      const value = values[j]!;
      if (value !== value) continue;
      if (value === Number.POSITIVE_INFINITY || value === Number.NEGATIVE_INFINITY) {
        problems.add(j, name, 'must be text, a number, true/false or null');
        values[j] = Number.NaN;
      }
    }
    return { column: { kind: 'number', values }, copied };
  }
  const supported = [Type.Dictionary, Type.Utf8, Type.LargeUtf8, Type.Utf8View, Type.Bool] as number[];
  if (!supported.includes(type.typeId)) throw new ArrowFormatError(name, `must be text, a number or bool, got ${typeName(column.type)}`);
  return readCategorical(name, column, length, single, PROPERTY_CHECK, problems);
}

/**
 * Reads and checks an Arrow page. Row problems (bad times, missing required values, values out of
 * their domain) are collected per row; duplicate ids are left to the caller, which knows the
 * earlier pages.
 */
export function readArrowPage(input: ArrowInput): ArrowPage {
  const table = arrowTable(input);
  const fields = table.schema.fields;
  const columns = new Map<string, Column<unknown>>();
  for (let k = 0; k < fields.length; k++) {
    const name = fields[k]!.name;
    const column = table.children[k];
    if (!column) throw new ArrowFormatError(name, 'is in the schema but has no data (corrupt data)');
    if (columns.has(name)) throw new ArrowFormatError(name, 'appears twice');
    const known = (TIME_COLUMNS as readonly string[]).includes(name) || (DICT_COLUMNS as readonly string[]).includes(name) || (TEXT_COLUMNS as readonly string[]).includes(name);
    if (!known && !(name.startsWith(PROPERTY_PREFIX) && name.length > PROPERTY_PREFIX.length))
      throw new ArrowFormatError(name, `is not a conversation column (custom properties are named "${PROPERTY_PREFIX}<name>")`);
    columns.set(name, column);
  }
  for (const name of REQUIRED) if (!columns.has(name)) throw new ArrowFormatError(name, 'is required');
  // Every column must cut the rows into the same batches: a length that disagrees is corruption.
  const reference = columns.get('id')!.data.map((batch) => batch.length);
  for (const [name, column] of columns) {
    const lengths = column.data.map((batch) => batch.length);
    const bad = lengths.findIndex((n) => !Number.isSafeInteger(n) || n < 0 || n > MAX_ROWS);
    if (bad >= 0) throw new ArrowFormatError(name, `has an impossible row count in batch ${bad + 1} (corrupt data)`);
    const differs = lengths.length !== reference.length ? 0 : lengths.findIndex((n, b) => n !== reference[b]);
    if (lengths.length !== reference.length || differs >= 0)
      throw new ArrowFormatError(name, `disagrees with column "id" on the rows of batch ${differs + 1} (corrupt data)`);
  }
  const length = reference.reduce((sum, n) => sum + n, 0);
  if (length > MAX_ROWS) throw new ArrowFormatError('', `holds ${length} rows, more than the ${MAX_ROWS} one table can index (corrupt data, or split it)`);
  const single = reference.length === 1;
  const problems = new RowProblems();
  let zeroCopy = true;

  const times = { createdAt: null, firstResponseAt: null, closedAt: null } as ArrowPage['times'];
  for (const name of TIME_COLUMNS) {
    const column = columns.get(name);
    if (!column) continue;
    const read = readTimes(name, column, length, single);
    times[name] = read.values;
    zeroCopy &&= !read.copied;
  }
  const created = times.createdAt!;
  for (let row = nextBadCreated(created, 0); row >= 0; row = nextBadCreated(created, row + 1))
    problems.add(row, 'createdAt', created[row] !== created[row] ? 'is required (epoch milliseconds)' : EPOCH_MS_MESSAGE);
  for (const name of ['firstResponseAt', 'closedAt'] as const) {
    const values = times[name];
    if (!values) continue;
    for (let row = nextBadLater(values, created, 0); row >= 0; row = nextBadLater(values, created, row + 1)) {
      const t = values[row]!;
      problems.add(row, name, !(t >= -MAX_EPOCH_MS && t <= MAX_EPOCH_MS) ? EPOCH_MS_MESSAGE : 'is earlier than createdAt');
    }
  }

  const dicts = {} as ArrowPage['dicts'];
  for (const name of DICT_COLUMNS) {
    const column = columns.get(name);
    if (!column) {
      dicts[name] = null;
      continue;
    }
    const read = readCategorical(name, column, length, single, CHECKS[name], problems);
    dicts[name] = read.column;
    zeroCopy &&= !read.copied;
    if (REQUIRED.has(name) && hasNullCode(read.column.codes)) {
      const codes = read.column.codes;
      for (let row = 0; row < length; row++) if (codes[row] === 0 && !problems.byRow.get(row)?.some((p) => p.field === name)) problems.add(row, name, 'is required');
    }
  }

  const texts = {} as ArrowPage['texts'];
  for (const name of TEXT_COLUMNS) {
    const column = columns.get(name);
    if (!column) {
      texts[name] = null;
      continue;
    }
    const read = readText(name, column, length);
    texts[name] = read.column;
    zeroCopy &&= !read.copied;
  }
  const id = texts.id!;
  const noId = 'must be a non-empty string';
  if (id.nulls)
    for (let row = 0; row < length; row++) {
      const from = row === 0 ? 0 : id.ends[row - 1]!;
      if (id.nulls[row] || id.ends[row] === from) problems.add(row, 'id', noId);
    }
  else {
    // A null id is empty too (its end repeats the previous one): one problem per row either way.
    for (let row = nextEmpty(id.ends, 0, length); row >= 0; row = nextEmpty(id.ends, row + 1, length)) problems.add(row, 'id', noId);
    if (id.validity)
      for (let row = nextNull(id.validity, 0, length); row >= 0; row = nextNull(id.validity, row + 1, length)) {
        const from = row === 0 ? 0 : id.ends[row - 1]!;
        if (id.ends[row] !== from) problems.add(row, 'id', noId);
      }
  }

  const properties = new Map<string, ArrowDict | ArrowNumbers>();
  for (const [name, column] of columns) {
    if (!name.startsWith(PROPERTY_PREFIX)) continue;
    const read = readProperty(name, column, length, single, problems);
    properties.set(name.slice(PROPERTY_PREFIX.length), read.column);
    zeroCopy &&= !read.copied;
  }

  return { length, times, dicts, texts, properties, problems: problems.byRow, zeroCopy };
}

/** Value j of an Arrow text column, or null. */
export function arrowTextIsNull(text: ArrowText, j: number): boolean {
  return (text.nulls !== null && text.nulls[j] === 1) || !isValidAt(text.validity, j);
}
