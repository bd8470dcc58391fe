/**
 * The loops of Arrow ingest that touch every row, each alone in its function and over one array
 * type: V8 compiles such a loop while it runs, and code after it in a bigger function, or a second
 * array type, makes that compiled code bail out (see README, "Hot loops alone in their functions").
 * None allocates. Finders return the first row from `from` that needs a word, or −1, so callers
 * report every row by calling again from the next one.
 */
import { MAX_EPOCH_MS } from '../../schema/timestamp.ts';

const MAX = MAX_EPOCH_MS;

/** The first row from `from` whose validity bit is clear (a null), or −1; skips whole bytes of valid rows. */
export function nextNull(validity: Uint8Array, from: number, length: number): number {
  let j = from;
  while (j < length) {
    if ((j & 7) === 0 && j + 8 <= length && validity[j >>> 3] === 0xff) {
      j += 8;
      continue;
    }
    if ((validity[j >>> 3]! & (1 << (j & 7))) === 0) return j;
    j++;
  }
  return -1;
}

/** NaN (the table's null) in every slot whose validity bit is clear: Arrow leaves those unspecified. */
export function nanUnderNulls(values: Float64Array, validity: Uint8Array, length: number): void {
  const whole = length >>> 3;
  for (let b = 0; b < whole; b++) {
    const bits = validity[b]!;
    if (bits === 0xff) continue;
    for (let k = 0; k < 8; k++) if ((bits & (1 << k)) === 0) values[(b << 3) + k] = Number.NaN;
  }
  for (let j = whole << 3; j < length; j++) if ((validity[j >>> 3]! & (1 << (j & 7))) === 0) values[j] = Number.NaN;
}

/**
 * Code 0 (the table's null) under every clear validity bit, for codes of `width` bytes seen as
 * bytes: one loop for every code width.
 */
export function zeroUnderNulls(bytes: Uint8Array, width: number, validity: Uint8Array, length: number): void {
  for (let b = 0; b < length >>> 3; b++) {
    const bits = validity[b]!;
    if (bits === 0xff) continue;
    for (let k = 0; k < 8; k++) {
      if ((bits & (1 << k)) !== 0) continue;
      const at = ((b << 3) + k) * width;
      for (let w = 0; w < width; w++) bytes[at + w] = 0;
    }
  }
  for (let j = length & ~7; j < length; j++) {
    if ((validity[j >>> 3]! & (1 << (j & 7))) !== 0) continue;
    for (let w = 0; w < width; w++) bytes[j * width + w] = 0;
  }
}

// Bounds of dictionary indices, without a branch per row: `limit − k` is negative for k > limit
// (and, for signed indices, `k` itself for k < 0), so one OR over the rows tells.
/** True when some code exceeds `limit`: four codes a step, read as one 32-bit word. */
export function exceeds8(codes: Uint8Array, limit: number): boolean {
  const n = codes.length;
  const head = Math.min(n, (4 - (codes.byteOffset & 3)) & 3);
  const words = (n - head) >>> 2;
  let any = 0;
  for (let j = 0; j < head; j++) any |= limit - codes[j]!;
  const quads = new Uint32Array(codes.buffer, codes.byteOffset + head, words);
  for (let q = 0; q < words; q++) {
    const w = quads[q]!;
    any |= (limit - (w & 0xff)) | (limit - ((w >>> 8) & 0xff)) | (limit - ((w >>> 16) & 0xff)) | (limit - (w >>> 24));
  }
  for (let j = head + words * 4; j < n; j++) any |= limit - codes[j]!;
  return any < 0;
}
/** True when some code exceeds `limit`. */
export function exceeds16(codes: Uint16Array, limit: number): boolean {
  let any = 0;
  const n = codes.length;
  for (let j = 0; j < n; j++) any |= limit - codes[j]!;
  return any < 0;
}
/** True when some index is negative or exceeds `limit` (unsigned 32-bit indices are read as signed: ≥ 2^31 is out anyway). */
export function outside32(indices: Int32Array, limit: number): boolean {
  let any = 0;
  const n = indices.length;
  for (let j = 0; j < n; j++) {
    const k = indices[j]!;
    any |= (limit - k) | k;
  }
  return any < 0;
}

/** `out[at + j] = indices[j] + shift`: a dictionary's int32 indices as the table's 1-byte codes. */
export function shiftedCodes8(out: Uint8Array, at: number, indices: Int32Array, shift: number): void {
  const n = indices.length;
  for (let j = 0; j < n; j++) out[at + j] = indices[j]! + shift;
}
/** As shiftedCodes8, with 0 (null) where the validity bit is clear, without a branch: Arrow leaves the index there unspecified. */
export function shiftedValidCodes8(out: Uint8Array, at: number, indices: Int32Array, shift: number, validity: Uint8Array): void {
  const n = indices.length;
  for (let j = 0; j < n; j++) out[at + j] = (indices[j]! + shift) & -((validity[j >>> 3]! >>> (j & 7)) & 1);
}

/** As shiftedCodes8 (and shiftedValidCodes8 when `validity` is given), into 2-byte codes: converted natively, then shifted in place. */
export function shiftedCodes16(out: Uint16Array, at: number, indices: Int32Array, shift: number, validity: Uint8Array | null): void {
  const target = out.subarray(at, at + indices.length);
  target.set(indices);
  if (validity) for (let j = 0; j < target.length; j++) target[j] = (target[j]! + shift) & -((validity[j >>> 3]! >>> (j & 7)) & 1);
  else for (let j = 0; j < target.length; j++) target[j]! += shift;
}

/** The first row from `from` whose createdAt is missing or outside the Date range, or −1. */
export function nextBadCreated(created: Float64Array, from: number): number {
  const n = created.length;
  for (let j = from; j < n; j++) {
    const t = created[j]!;
    if (!(t >= -MAX && t <= MAX)) return j;
  }
  return -1;
}

/** The first row from `from` with a time (not null) outside the Date range or before its createdAt, or −1. */
export function nextBadLater(values: Float64Array, created: Float64Array, from: number): number {
  const n = values.length;
  for (let j = from; j < n; j++) {
    const t = values[j]!;
    if (t !== t) continue;
    if (!(t >= -MAX && t <= MAX) || t < created[j]!) return j;
  }
  return -1;
}

/** The first row from `from` whose text is empty (its end equals the previous end), or −1. */
export function nextEmpty(ends: Uint32Array, from: number, length: number): number {
  if (from === 0 && length > 0 && ends[0] === 0) return 0;
  for (let j = Math.max(from, 1); j < length; j++) if (ends[j] === ends[j - 1]) return j;
  return -1;
}

/** The first j in 1..n where offsets go backwards (`offsets[j] < offsets[j − 1]`), or −1. */
export function backwardsOffset(offsets: Int32Array, n: number): number {
  // One OR of the steps first (negative when one goes back, or overflows: then the exact search).
  let any = 0;
  let previous = offsets[0]!;
  for (let j = 1; j <= n; j++) {
    const offset = offsets[j]!;
    any |= offset - previous;
    previous = offset;
  }
  if (any >= 0) return -1;
  for (let j = 1; j <= n; j++) if (offsets[j]! < offsets[j - 1]!) return j;
  return -1;
}

/** hasTicket's codes from the ticket id's validity: 2 (true) where present, 1 (false) where null. */
export function presentFlags(out: Uint8Array, validity: Uint8Array): void {
  const n = out.length;
  for (let j = 0; j < n; j++) out[j] = 1 + ((validity[j >>> 3]! >>> (j & 7)) & 1);
}
