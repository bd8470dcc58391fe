/**
 * Rearranges `values[lo..hi]` so that position k holds the value it would hold if sorted, with
 * smaller-or-equal values before it and larger-or-equal after (Hoare selection, median of three).
 */
function select(values: Float64Array, lo: number, hi: number, k: number): void {
  while (hi > lo) {
    const mid = (lo + hi) >>> 1;
    // Median of three as the pivot keeps sorted and reverse-sorted input linear.
    const a = values[lo]!;
    const b = values[mid]!;
    const c = values[hi]!;
    const pivot = a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (values[i]! < pivot) i++;
      while (values[j]! > pivot) j--;
      if (i <= j) {
        const swap = values[i]!;
        values[i] = values[j]!;
        values[j] = swap;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return;
  }
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
  let high = Number.POSITIVE_INFINITY;
  for (let i = below + 1; i < n; i++) if (values[i]! < high) high = values[i]!;
  return low + (high - low) * fraction;
}
