/**
 * Bounds checks for the flatbuffer metadata of Arrow IPC messages, run before flechette reads them.
 * flechette reads vector lengths as they come: a flipped bit can turn a list of 14 fields into one
 * of two billion, and the read then runs for minutes. Here every table, vector and string the
 * reader will follow must lie inside its buffer, each vector's length must fit in the bytes left,
 * and nesting is bounded. Slots follow Arrow's Message.fbs, Schema.fbs and File.fbs.
 */
import { ArrowFormatError } from './arrow-format-error.ts';

const MAX_DEPTH = 64;

class Reader {
  constructor(
    readonly buf: Uint8Array,
    readonly what: string,
  ) {}

  fail(detail: string): never {
    throw new ArrowFormatError('', `${this.what} is corrupt (${detail})`);
  }

  int32(at: number): number {
    if (at < 0 || at + 4 > this.buf.length) this.fail(`offset ${at} is outside its ${this.buf.length} bytes`);
    const b = this.buf;
    return b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24);
  }

  /** A little-endian int64 as a number (exact below 2^53). */
  int64(at: number): number {
    return (this.int32(at) >>> 0) + this.int32(at + 4) * 4294967296;
  }

  uint16(at: number): number {
    if (at < 0 || at + 2 > this.buf.length) this.fail(`offset ${at} is outside its ${this.buf.length} bytes`);
    return this.buf[at]! | (this.buf[at + 1]! << 8);
  }

  /** The table whose offset is stored at `at`: a function from a field slot to its position (0 when absent). */
  table(at: number): (slot: number) => number {
    const pos = at + this.int32(at);
    const vtable = pos - this.int32(pos);
    const size = this.uint16(vtable);
    if (size < 4 || size % 2 !== 0 || vtable + size > this.buf.length) this.fail(`a table at ${pos} has a field table of ${size} bytes`);
    const length = this.uint16(vtable + 2);
    if (pos + length > this.buf.length) this.fail(`a table at ${pos} runs past the end`);
    return (slot) => {
      if (slot >= size) return 0;
      const offset = this.uint16(vtable + slot);
      if (offset === 0) return 0;
      if (offset >= length) this.fail(`a field at ${pos} + ${offset} lies outside its table`);
      return pos + offset;
    };
  }

  /** The positions of the elements of the vector whose offset is stored at `at`. */
  vector(at: number, stride: number): number[] {
    const base = at + this.int32(at);
    const count = this.int32(base);
    if (count < 0 || base + 4 + count * stride > this.buf.length) this.fail(`a list at ${base} claims ${count} entries`);
    return Array.from({ length: count }, (_, k) => base + 4 + k * stride);
  }
}

function keyValues(r: Reader, at: number): void {
  for (const entry of r.vector(at, 4)) {
    const kv = r.table(entry);
    if (kv(4)) r.vector(kv(4), 1);
    if (kv(6)) r.vector(kv(6), 1);
  }
}

function field(r: Reader, at: number, depth: number): void {
  if (depth > MAX_DEPTH) r.fail('fields nest too deep');
  const f = r.table(at);
  if (f(4)) r.vector(f(4), 1); // name
  const typeId = f(8) ? r.buf[f(8)]! : 0;
  if (f(10)) {
    const type = r.table(f(10));
    if (typeId === 10 && type(6)) r.vector(type(6), 1); // timestamp zone
    if (typeId === 14 && type(6)) r.vector(type(6), 4); // union type ids
  }
  if (f(12)) {
    const dictionary = r.table(f(12));
    if (dictionary(6)) r.table(dictionary(6)); // index type
  }
  if (f(14)) for (const child of r.vector(f(14), 4)) field(r, child, depth + 1);
  if (f(16)) keyValues(r, f(16));
}

function schema(r: Reader, at: number): void {
  const s = r.table(at);
  if (s(6)) for (const entry of r.vector(s(6), 4)) field(r, entry, 0);
  if (s(8)) keyValues(r, s(8));
}

/**
 * A batch's field nodes claim row counts its body must hold: any column of n rows but a Null one
 * takes at least n bits (validity, values, offsets or indices), so a count past 8 bits a body byte
 * is a corrupt count. Caught here, before flechette builds (and fills) arrays of that length.
 */
function recordBatch(r: Reader, at: number, bodyLength: number): void {
  const b = r.table(at);
  if (b(6))
    for (const node of r.vector(b(6), 16)) {
      const rows = r.int64(node);
      const nulls = r.int64(node + 8);
      if (rows < 0 || rows > bodyLength * 8 + 64) r.fail(`a column claims ${rows} rows in a body of ${bodyLength} bytes`);
      if (nulls < 0 || nulls > rows) r.fail(`a column claims ${nulls} nulls in ${rows} rows`);
    }
  if (b(8)) r.vector(b(8), 16); // buffers
  if (b(10)) r.table(b(10)); // compression
  if (b(12)) r.vector(b(12), 8); // variadic buffer counts
}

/** Checks one message's metadata (the flatbuffer after its length prefix). */
export function checkMessageMetadata(head: Uint8Array, message: number): void {
  const r = new Reader(head, `the metadata of message ${message}`);
  const m = r.table(0);
  const type = m(6) ? head[m(6)]! : 0;
  const header = m(8);
  const bodyLength = m(10) ? r.int64(m(10)) : 0;
  if (!header) return;
  if (type === 1) schema(r, header);
  else if (type === 2) {
    const d = r.table(header);
    if (d(6)) recordBatch(r, d(6), bodyLength);
  } else if (type === 3) recordBatch(r, header, bodyLength);
  else r.fail(`message type ${type} is not a schema or a batch`);
}

/** Checks an Arrow file's footer, which starts at `start` in `bytes`. */
export function checkFooter(bytes: Uint8Array, start: number): void {
  const r = new Reader(bytes, 'the file footer');
  const footer = r.table(start);
  if (footer(6)) schema(r, footer(6));
  if (footer(8)) r.vector(footer(8), 24);
  if (footer(10)) r.vector(footer(10), 24);
  if (footer(12)) keyValues(r, footer(12));
}
