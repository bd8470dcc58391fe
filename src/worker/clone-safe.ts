/**
 * Records a host hands over may hold what `postMessage` cannot copy: a function, a Symbol, or a
 * Proxy (a Vue `reactive()` record). One such record made the whole page fail with "could not be
 * cloned", and with it the load. Here a page that cannot be sent is copied into plain data, record
 * by record: a Proxy is read through (its values are what the host meant), and a value that
 * cannot travel becomes a marker the parser rejects as a bad field of that one record, as it
 * would reject a function on the main thread.
 */

/** What replaces a function or Symbol value: an object, so every field's check refuses it. */
export interface NotCloneable {
  notCloneable: string;
}

function describe(value: unknown): string {
  return typeof value === 'function' ? 'a function' : typeof value === 'symbol' ? 'a Symbol' : 'a value that cannot be copied';
}

function reasonOf(error: unknown): string {
  try {
    return error instanceof Error ? error.message : String(error);
  } catch {
    return 'unknown error';
  }
}

/** A deep plain copy of `value`; `seen` guards against cycles (which structured clone allows, so kept). */
function plain(value: unknown, seen: Map<object, unknown>): unknown {
  if (typeof value === 'function' || typeof value === 'symbol') return { notCloneable: describe(value) } satisfies NotCloneable;
  if (typeof value !== 'object' || value === null) return value;
  const known = seen.get(value);
  if (known !== undefined) return known;
  try {
    // Dates, typed arrays and other cloneable objects keep their type; plain data is cheap to copy.
    const copy = structuredClone(value);
    seen.set(value, copy);
    return copy;
  } catch {
    // A Proxy or an object holding a function: walked key by key below.
  }
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    seen.set(value, out);
    for (let i = 0; i < value.length; i++) out.push(plain(value[i], seen));
    return out;
  }
  const out: Record<string, unknown> = Object.create(null);
  seen.set(value, out);
  for (const key of Object.keys(value)) out[key] = plain((value as Record<string, unknown>)[key], seen);
  return out;
}

/**
 * The records, each as it can be posted to the engine Worker. A record that cannot even be read
 * (a getter or proxy trap that throws) becomes a text the parser rejects at that index.
 */
export function cloneSafeRecords(records: readonly unknown[]): unknown[] {
  const out: unknown[] = new Array(records.length);
  for (let index = 0; index < records.length; index++) {
    try {
      out[index] = plain(records[index], new Map());
    } catch (error) {
      out[index] = `could not be read (${reasonOf(error)})`;
    }
  }
  return out;
}

export function isDataCloneError(error: unknown): boolean {
  return (error as { name?: unknown } | null)?.name === 'DataCloneError';
}
