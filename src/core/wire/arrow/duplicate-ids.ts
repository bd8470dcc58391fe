/**
 * Duplicate ids in one column of UTF-8 ids, without a string per id and without one big hash
 * table: each id is hashed in one sequential pass over the bytes, the ids are spread into buckets by
 * the top bits of their hash (one counting pass, one scattering pass), and each bucket, a few
 * hundred ids, goes through a small hash table that stays in the CPU's cache; only ids whose whole
 * hashes are equal are compared byte by byte. Random access into a table of a million entries
 * costs a cache miss per id, and a full radix sort of the hashes a second scattering pass.
 */

/** FNV-1a of each id (`bytes[ends[row − 1], ends[row])`), the length mixed in, into `hashes`. */
function hashIds(bytes: Uint8Array, ends: ArrayLike<number>, length: number, hashes: Uint32Array): void {
  let k = 0;
  for (let row = 0; row < length; row++) {
    const to = ends[row]!;
    let h = 0x811c9dc5 ^ (to - k);
    for (; k < to; k++) h = Math.imul(h ^ bytes[k]!, 0x01000193);
    h ^= h >>> 15;
    h = Math.imul(h, 0x2c1b3c6d);
    hashes[row] = (h ^ (h >>> 12)) >>> 0;
  }
}

/** Ids per bucket (rows in `skip` left out), at `counts[bucket + 1]`. */
function countBuckets(hashes: Uint32Array, skip: Uint8Array | null, shift: number, counts: Uint32Array): void {
  const n = hashes.length;
  if (skip) {
    for (let row = 0; row < n; row++) if (!skip[row]) counts[(hashes[row]! >>> shift) + 1]!++;
  } else for (let row = 0; row < n; row++) counts[(hashes[row]! >>> shift) + 1]!++;
}

/** Rows and their hashes, bucket by bucket, rows ascending within a bucket; `cursors` are the buckets' starts. */
function scatter(hashes: Uint32Array, skip: Uint8Array | null, shift: number, cursors: Uint32Array, rows: Uint32Array, keys: Uint32Array): void {
  const n = hashes.length;
  for (let row = 0; row < n; row++) {
    if (skip && skip[row]) continue;
    const h = hashes[row]!;
    const at = cursors[h >>> shift]!++;
    rows[at] = row;
    keys[at] = h;
  }
}

function sameBytes(bytes: Uint8Array, aFrom: number, aTo: number, bFrom: number, bTo: number): boolean {
  if (aTo - aFrom !== bTo - bFrom) return false;
  for (let k = 0; k < aTo - aFrom; k++) if (bytes[aFrom + k] !== bytes[bFrom + k]) return false;
  return true;
}

/**
 * Each bucket through a table of `slots.length` (a power of two, over twice the largest bucket)
 * entries, linear probing on the hash's low bits: a row whose id equals that of an entry is a
 * duplicate, any other goes in. Rows within a bucket ascend, so the earliest of equal ids is kept.
 * Entries are positions in `rows`, which grow from bucket to bucket: one below the bucket's start
 * is left from an earlier bucket and counts as empty, so the table is never cleared.
 */
function findDuplicates(bytes: Uint8Array, ends: ArrayLike<number>, starts: Uint32Array, rows: Uint32Array, keys: Uint32Array, slots: Int32Array, duplicates: number[]): void {
  const mask = slots.length - 1;
  const buckets = starts.length - 1;
  for (let b = 0; b < buckets; b++) {
    const from = starts[b]!;
    const to = starts[b + 1]!;
    for (let k = from; k < to; k++) {
      const h = keys[k]!;
      let slot = h & mask;
      for (;;) {
        const entry = slots[slot]!;
        if (entry < from) {
          slots[slot] = k;
          break;
        }
        if (keys[entry] === h) {
          const row = rows[k]!;
          const earlier = rows[entry]!;
          if (sameBytes(bytes, earlier === 0 ? 0 : ends[earlier - 1]!, ends[earlier]!, row === 0 ? 0 : ends[row - 1]!, ends[row]!)) {
            duplicates.push(row);
            break;
          }
        }
        slot = (slot + 1) & mask;
      }
    }
  }
}

/** Bits of bucket number: a few hundred ids a bucket, 2 to 65 536 buckets. */
function bucketBits(length: number): number {
  let bits = 1;
  while (bits < 16 && length >>> bits > 256) bits++;
  return bits;
}

/**
 * The rows (those not marked in `skip`) whose id equals the id of an earlier such row, ascending.
 * `ends[j]` ends id j (it starts where id j − 1 ends, or at 0).
 */
export function duplicateIdRows(bytes: Uint8Array, ends: ArrayLike<number>, length: number, skip: Uint8Array | null): number[] {
  const hashes = new Uint32Array(length);
  hashIds(bytes, ends, length, hashes);
  const bits = bucketBits(length);
  const shift = 32 - bits;
  const starts = new Uint32Array((1 << bits) + 1);
  countBuckets(hashes, skip, shift, starts);
  let largest = 0;
  for (let b = 1; b < starts.length; b++) {
    if (starts[b]! > largest) largest = starts[b]!;
    starts[b]! += starts[b - 1]!;
  }
  const total = starts[starts.length - 1]!;
  const rows = new Uint32Array(total);
  const keys = new Uint32Array(total);
  scatter(hashes, skip, shift, starts.slice(0, -1), rows, keys);
  let size = 16;
  while (size < largest * 2) size *= 2;
  const duplicates: number[] = [];
  findDuplicates(bytes, ends, starts, rows, keys, new Int32Array(size).fill(-1), duplicates);
  return duplicates.sort((a, b) => a - b);
}
