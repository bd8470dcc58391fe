/**
 * The ids seen so far in a load, to reject duplicates as `parseConversations` does, without a JS
 * string per id: ids are hashed straight from the packed text of a page (two 32-bit hashes) into
 * an open-addressing table of typed arrays, and compared as text only when both hashes match.
 */
export class IdIndex {
  /** Reads back id number j (in load order), to confirm a match. */
  read: (j: number) => string | null = () => null;
  /** Pairs (id number, second hash); id number −1 marks a free slot. One cache line holds both. */
  #slots: Int32Array;
  /** First hash of each id number, to move entries when the table grows. */
  #first: Int32Array;
  #size = 0;
  #h1 = 0;
  #h2 = 0;

  constructor(expected = 0) {
    let slots = 1 << 12;
    while (slots < expected * 2) slots *= 2;
    this.#slots = new Int32Array(slots * 2).fill(-1);
    this.#first = new Int32Array(Math.max(expected, 1 << 12));
  }

  get size(): number {
    return this.#size;
  }

  #hash(text: string, start: number, end: number): void {
    let h1 = 0x811c9dc5;
    let h2 = 0x9747b28c ^ (end - start);
    for (let k = start; k < end; k++) {
      const c = text.charCodeAt(k);
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h2 = Math.imul(h2 ^ c, 0x5bd1e995);
      h2 ^= h2 >>> 15;
    }
    this.#h1 = h1 ^ (h1 >>> 16);
    this.#h2 = h2;
  }

  /** Id number of `text[start, end)` if seen, else −1. */
  find(text: string, start: number, end: number): number {
    this.#hash(text, start, end);
    const slots = this.#slots;
    const mask = (slots.length >> 1) - 1;
    for (let slot = this.#h1 & mask; ; slot = (slot + 1) & mask) {
      const j = slots[2 * slot]!;
      if (j < 0) return -1;
      if (slots[2 * slot + 1] === this.#h2 && this.read(j) === text.slice(start, end)) return j;
    }
  }

  /** Records `text[start, end)` as id number `j`. */
  add(text: string, start: number, end: number, j: number): void {
    this.#hash(text, start, end);
    this.addFound(j);
  }

  /** Records the id last passed to `find` (which found nothing) as id number `j`, without hashing it again. */
  addFound(j: number): void {
    if ((this.#size + 1) * 2 > this.#slots.length >> 1) this.#grow();
    if (j >= this.#first.length) {
      const first = new Int32Array(Math.max(j + 1, this.#first.length * 2));
      first.set(this.#first);
      this.#first = first;
    }
    this.#first[j] = this.#h1;
    this.#insert(this.#h1, this.#h2, j);
    this.#size++;
  }

  #insert(h1: number, h2: number, j: number): void {
    const slots = this.#slots;
    const mask = (slots.length >> 1) - 1;
    let slot = h1 & mask;
    while (slots[2 * slot]! >= 0) slot = (slot + 1) & mask;
    slots[2 * slot] = j;
    slots[2 * slot + 1] = h2;
  }

  #grow(): void {
    const old = this.#slots;
    this.#slots = new Int32Array(old.length * 2).fill(-1);
    for (let slot = 0; slot < old.length; slot += 2) {
      const j = old[slot]!;
      if (j >= 0) this.#insert(this.#first[j]!, old[slot + 1]!, j);
    }
  }
}
