import type { Clock } from '../../src/controllers/clock.ts';

/** A clock whose time moves only when the test says: `advance(ms)` runs the timers that fall due, in order. */
export class FakeClock implements Clock {
  #now: number;
  #next = 1;
  readonly #timers = new Map<number, { at: number; callback: () => void }>();

  constructor(start = Date.UTC(2026, 10, 20, 12)) {
    this.#now = start;
  }

  now(): number {
    return this.#now;
  }

  setTimeout(callback: () => void, ms: number): unknown {
    const id = this.#next++;
    this.#timers.set(id, { at: this.#now + Math.max(0, ms), callback });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.#timers.delete(handle as number);
  }

  /** Timers waiting. */
  get pending(): number {
    return this.#timers.size;
  }

  /** Moves time on by `ms`, running each timer due on the way at its own time. */
  advance(ms: number): void {
    const end = this.#now + ms;
    for (;;) {
      let first: [number, { at: number; callback: () => void }] | undefined;
      for (const entry of this.#timers) if (entry[1].at <= end && (!first || entry[1].at < first[1].at)) first = entry;
      if (!first) break;
      this.#timers.delete(first[0]);
      this.#now = first[1].at;
      first[1].callback();
    }
    this.#now = end;
  }
}

/** Makes the page look hidden or shown to `document.visibilityState` readers, and tells them. */
export function setPageVisibility(state: 'visible' | 'hidden'): void {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
  document.dispatchEvent(new Event('visibilitychange'));
}

/** Gives `document.visibilityState` back to the browser. */
export function restorePageVisibility(): void {
  delete (document as unknown as Record<string, unknown>).visibilityState;
}
