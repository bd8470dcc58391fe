function swap(values: Float64Array, i: number, j: number): void {
  const t = values[i]!;
  values[i] = values[j]!;
  values[j] = t;
}

/**
 * Rearranges `values[left..right]` so that position k holds the value it would hold if sorted, with
 * smaller-or-equal values before it and larger-or-equal after. Floyd–Rivest selection: on a long
 * range it first selects within a small sample around where k should fall, so the partition that
 * follows already brackets k tightly (about n + o(n) comparisons instead of quickselect's ~3n).
 */
function select(values: Float64Array, left: number, right: number, k: number): void {
  while (right > left) {
    if (right - left > 600) {
      const n = right - left + 1;
      const m = k - left + 1;
      const z = Math.log(n);
      const s = 0.5 * Math.exp((2 * z) / 3);
      const sd = 0.5 * Math.sqrt((z * s * (n - s)) / n) * (m - n / 2 < 0 ? -1 : 1);
      const newLeft = Math.max(left, Math.floor(k - (m * s) / n + sd));
      const newRight = Math.min(right, Math.floor(k + ((n - m) * s) / n + sd));
      select(values, newLeft, newRight, k);
    }
    const t = values[k]!;
    let i = left;
    let j = right;
    swap(values, left, k);
    if (values[right]! > t) swap(values, left, right);
    while (i < j) {
      swap(values, i, j);
      i++;
      j--;
      while (values[i]! < t) i++;
      while (values[j]! > t) j--;
    }
    if (values[left] === t) swap(values, left, j);
    else {
      j++;
      swap(values, j, right);
    }
    if (j <= k) left = j + 1;
    if (k <= j) right = j - 1;
  }
}

/** Puts the value of sorted position k of `values` at k (smaller-or-equal before it, larger-or-equal after). */
export function selectInPlace(values: Float64Array, k: number): void {
  select(values, 0, values.length - 1, k);
}

/** The smallest of values[from..to). */
export function minimumOf(values: Float64Array, from: number, to: number): number {
  let low = Number.POSITIVE_INFINITY;
  for (let i = from; i < to; i++) if (values[i]! < low) low = values[i]!;
  return low;
}

/** From this many values on, a quantile narrows down by a histogram of the values' leading bits first. */
const RADIX_FROM = 16_384;

let bitsScratch = new Float64Array(0);
const histogram = new Uint32Array(1 << 16);

/** Order-preserving 16-bit bucket of a double: sign, exponent and 4 mantissa bits, flipped so that bucket order is value order. */
function bucketsInto(counts: Uint32Array, high: Uint32Array, n: number): void {
  for (let i = 0; i < n; i++) {
    const h = high[2 * i + 1]!;
    counts[(h & 0x80000000 ? ~h : h | 0x80000000) >>> 16]!++;
  }
}

/** Copies the values of bucket `target` into `out`; returns how many. */
function gatherBucket(out: Float64Array, values: Float64Array, high: Uint32Array, n: number, target: number): number {
  let m = 0;
  for (let i = 0; i < n; i++) {
    const h = high[2 * i + 1]!;
    if ((h & 0x80000000 ? ~h : h | 0x80000000) >>> 16 === target) out[m++] = values[i]!;
  }
  return m;
}

/** The smallest value in a bucket above `target` (the next value up when `target`'s are used up). */
function minimumAbove(values: Float64Array, high: Uint32Array, n: number, target: number): number {
  let low = Number.POSITIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    const h = high[2 * i + 1]!;
    if ((h & 0x80000000 ? ~h : h | 0x80000000) >>> 16 > target && values[i]! < low) low = values[i]!;
  }
  return low;
}

/**
 * The values at sorted positions `below` and `below + 1` (the latter only when `withNext`) of a long
 * array: one pass counts values per 16-bit bucket of their leading bits, a second gathers the one
 * bucket holding position `below`, and selection finishes within it. Two streaming passes instead
 * of partitioning the whole array.
 */
function radixPair(values: Float64Array, below: number, withNext: boolean): [number, number] {
  const n = values.length;
  // The values' 64 bits as 32-bit words (little-endian: the high word of value i is word 2i + 1).
  const high = new Uint32Array(values.buffer, values.byteOffset, n * 2);
  histogram.fill(0);
  bucketsInto(histogram, high, n);
  let target = 0;
  let before = 0;
  while (before + histogram[target]! <= below) before += histogram[target++]!;
  const size = histogram[target]!;
  if (bitsScratch.length < size) bitsScratch = new Float64Array(size);
  const bucket = bitsScratch.subarray(0, gatherBucket(bitsScratch, values, high, n, target));
  const at = below - before;
  select(bucket, 0, bucket.length - 1, at);
  const low = bucket[at]!;
  if (!withNext) return [low, low];
  const next = at + 1 < bucket.length ? minimumOf(bucket, at + 1, bucket.length) : minimumAbove(values, high, n, target);
  return [low, next];
}

/**
 * Continuous quantile with linear interpolation (SQL `quantile_cont`) of `values`, which it
 * reorders. Selection instead of sorting: O(n) on average. Null for no values.
 */
export function quantileInPlace(values: Float64Array, q: number): number | null {
  const n = values.length;
  if (n === 0) return null;
  const position = q * (n - 1);
  const below = Math.floor(position);
  if (n >= RADIX_FROM) {
    const [low, high] = radixPair(values, below, position > below);
    return position > below ? low + (high - low) * (position - below) : low;
  }
  select(values, 0, n - 1, below);
  const low = values[below]!;
  const fraction = position - below;
  if (fraction === 0) return low;
  const high = minimumOf(values, below + 1, n);
  return low + (high - low) * fraction;
}

/** Whether `quantileInPlace` leaves `values` as they are for an input of this length (it only reads long ones). */
export function quantileKeepsOrder(length: number): boolean {
  return length >= RADIX_FROM;
}
