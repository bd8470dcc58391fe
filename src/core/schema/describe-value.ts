/**
 * A value as a problem message names it: short (a text is cut at 40 characters), never an object's
 * contents. `withKind` names its kind too ("text …", "the number 3"), as record messages do, where
 * a number sent for a text is the usual mistake; configuration messages quote the value alone.
 */
export function describeValue(value: unknown, withKind = false): string {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') {
    const quoted = value.length > 40 ? `"${value.slice(0, 40)}…"` : `"${value}"`;
    return withKind ? `text ${quoted}` : quoted;
  }
  if (typeof value === 'number') return withKind ? `the number ${value}` : String(value);
  if (typeof value === 'object') return 'an object';
  if (!withKind) return typeof value === 'boolean' ? String(value) : typeof value;
  return `${typeof value} ${String(value)}`;
}
