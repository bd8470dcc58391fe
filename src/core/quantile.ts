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

/** The smallest of values[from..to). */
function minimumOf(values: Float64Array, from: number, to: number): number {
  let low = Number.POSITIVE_INFINITY;
  for (let i = from; i < to; i++) if (values[i]! < low) low = values[i]!;
  return low;
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
  select(values, 0, n - 1, below);
  const low = values[below]!;
  const fraction = position - below;
  if (fraction === 0) return low;
  const high = minimumOf(values, below + 1, n);
  return low + (high - low) * fraction;
}
