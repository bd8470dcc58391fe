/**
 * Duplicate ids in one column of UTF-8 ids, without a string per id and without a hash table: each
 * id is hashed in one sequential pass over the bytes, the hashes are radix-sorted (two passes of 16
 * bits), and only ids whose hashes collide are compared byte by byte. Random access into a table of
 * a million entries costs a cache miss per id; this costs a few sequential passes.
 */

/** FNV-1a over `bytes[from, to)`, with the length mixed in. */
function hashBytes(bytes: Uint8Array, from: number, to: number): number {
  let h = 0x811c9dc5 ^ (to - from);
  for (let k = from; k < to; k++) h = Math.imul(h ^ bytes[k]!, 0x01000193);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  return (h ^ (h >>> 12)) >>> 0;
}

function sameBytes(bytes: Uint8Array, aFrom: number, aTo: number, bFrom: number, bTo: number): boolean {
  if (aTo - aFrom !== bTo - bFrom) return false;
  for (let k = 0; k < aTo - aFrom; k++) if (bytes[aFrom + k] !== bytes[bFrom + k]) return false;
  return true;
}

/**
 * The rows (those not marked in `skip`) whose id equals the id of an earlier such row. `ends[j]`
 * ends id j (it starts where id j − 1 ends, or at 0).
 */
export function duplicateIdRows(bytes: Uint8Array, ends: ArrayLike<number>, length: number, skip: Uint8Array | null): number[] {
  const rows = new Uint32Array(length);
  const hashes = new Uint32Array(length);
  let count = 0;
  for (let row = 0; row < length; row++) {
    if (skip && skip[row]) continue;
    rows[count] = row;
    hashes[count++] = hashBytes(bytes, row === 0 ? 0 : ends[row - 1]!, ends[row]!);
  }
  // LSD radix sort of (hash, row) by hash, 16 bits at a time; stable, so rows stay ascending per hash.
  let keys = hashes.subarray(0, count);
  let values = rows.subarray(0, count);
  let keysOut = new Uint32Array(count);
  let valuesOut = new Uint32Array(count);
  const counts = new Uint32Array(0x10001);
  for (const shift of [0, 16]) {
    counts.fill(0);
    for (let k = 0; k < count; k++) counts[((keys[k]! >>> shift) & 0xffff) + 1]!++;
    for (let b = 1; b <= 0x10000; b++) counts[b]! += counts[b - 1]!;
    for (let k = 0; k < count; k++) {
      const at = counts[(keys[k]! >>> shift) & 0xffff]!++;
      keysOut[at] = keys[k]!;
      valuesOut[at] = values[k]!;
    }
    [keys, keysOut] = [keysOut, keys];
    [values, valuesOut] = [valuesOut, values];
  }
  const duplicates: number[] = [];
  for (let k = 1; k < count; k++) {
    if (keys[k] !== keys[k - 1]) continue;
    // A run of equal hashes: each row against the earlier rows of the run.
    let start = k - 1;
    while (start > 0 && keys[start - 1] === keys[k]) start--;
    const row = values[k]!;
    const from = row === 0 ? 0 : ends[row - 1]!;
    for (let e = start; e < k; e++) {
      const earlier = values[e]!;
      if (sameBytes(bytes, earlier === 0 ? 0 : ends[earlier - 1]!, ends[earlier]!, from, ends[row]!)) {
        duplicates.push(row);
        break;
      }
    }
  }
  return duplicates.sort((a, b) => a - b);
}
