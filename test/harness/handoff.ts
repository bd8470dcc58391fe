// Steps a test hands, one at a time, to code that waits for them: the pages of a scripted data
// source. A step handed while nothing waits is kept, in order, for the next take.
export class Handoff<T> {
  #queue: T[] = [];
  #waiter: ((step: T) => void) | null = null;

  /**
   * The next step: a kept one at once, else the next one handed. With `signal`, an abort rejects
   * with its reason, and a step handed after it is kept for the next take.
   */
  take(signal?: AbortSignal): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      if (this.#queue.length > 0) return resolve(this.#queue.shift()!);
      this.#waiter = resolve;
      signal?.addEventListener(
        'abort',
        () => {
          if (this.#waiter === resolve) this.#waiter = null;
          reject(signal.reason);
        },
        { once: true },
      );
    });
  }

  /** Gives `step` to the waiting take, or keeps it for the next one. */
  hand(step: T): void {
    const waiter = this.#waiter;
    this.#waiter = null;
    if (waiter) waiter(step);
    else this.#queue.push(step);
  }

  /** Whether a take is waiting for its step. */
  get waiting(): boolean {
    return this.#waiter !== null;
  }
}
