/**
 * Appends the kept rows of a page's number column to a table column under construction, from row
 * `start` of the table: NaN (null) for a column the page does not have, every row when `keep` is null.
 */
export function appendKeptNumbers(
  target: { values: Float64Array; length: number },
  source: Float64Array | null,
  start: number,
  length: number,
  keep: Uint8Array | null,
  kept: number,
): void {
  const out = target.values;
  let at = start;
  for (let row = 0; row < length; row++) if (!keep || keep[row]) out[at++] = source ? source[row]! : Number.NaN;
  target.length = start + kept;
}
