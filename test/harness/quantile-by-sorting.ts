/**
 * quantile_cont (DESIGN: linear interpolation between the neighbouring ranks) by sorting a copy:
 * the reference the engine's selection kernels are checked against, written the plain way.
 * An exact rank takes its value as is, so infinities do not turn into NaN (∞ − ∞).
 */
export function quantileBySorting(values: readonly number[], q: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const position = q * (sorted.length - 1);
  const lo = Math.floor(position);
  return position === lo ? sorted[lo]! : sorted[lo]! + (sorted[lo + 1]! - sorted[lo]!) * (position - lo);
}
