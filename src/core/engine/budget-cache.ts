/**
 * Values under string keys, the least recently used dropped once their bytes pass a budget. It
 * knows nothing of what it holds: the owner says how many bytes a value takes.
 */
export class BudgetCache<V> {
  readonly #budget: number;
  readonly #sizeOf: (value: V) => number;
  // Map order is use order: the first entry is the least recently used.
  readonly #entries = new Map<string, { value: V; bytes: number }>();
  #bytes = 0;

  constructor(budget: number, sizeOf: (value: V) => number) {
    this.#budget = budget;
    this.#sizeOf = sizeOf;
  }

  get bytes(): number {
    return this.#bytes;
  }

  get(key: string): V | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    return entry.value;
  }

  /** Whether `key` is held, without counting as a use. */
  has(key: string): boolean {
    return this.#entries.has(key);
  }

  /** Keeps `value` under `key`; set it again after it grew, so its bytes are counted anew. */
  set(key: string, value: V): void {
    const old = this.#entries.get(key);
    if (old) {
      this.#entries.delete(key);
      this.#bytes -= old.bytes;
    }
    const bytes = this.#sizeOf(value);
    this.#entries.set(key, { value, bytes });
    this.#bytes += bytes;
    for (const [oldKey, entry] of this.#entries) {
      if (this.#bytes <= this.#budget || oldKey === key) break;
      this.#entries.delete(oldKey);
      this.#bytes -= entry.bytes;
    }
  }

  clear(): void {
    this.#entries.clear();
    this.#bytes = 0;
  }
}
