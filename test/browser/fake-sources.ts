import type { DataPage, DataSource, LoadRequest } from '../../src/adapters/data-source.ts';

type Step = { page: DataPage | null } | { error: unknown };

/**
 * A source whose pages are released by the test, recording every request and whether it was
 * aborted. Steps pushed before a load asks for them are queued for the newest load.
 */
export class ScriptedSource implements DataSource {
  readonly requests: { request: LoadRequest; aborted: boolean }[] = [];
  #queue: Step[] = [];
  #waiter: ((step: Step) => void) | null = null;

  constructor(private readonly lookupsValue = { assignees: [], inboxes: [], chatflows: [] }) {}

  async *load(request: LoadRequest): AsyncIterable<DataPage> {
    const entry = { request, aborted: false };
    this.requests.push(entry);
    request.signal.addEventListener('abort', () => (entry.aborted = true));
    for (;;) {
      const step = await new Promise<Step>((resolve, reject) => {
        const queued = this.#queue.shift();
        if (queued) return resolve(queued);
        this.#waiter = resolve;
        request.signal.addEventListener(
          'abort',
          () => {
            if (this.#waiter === resolve) this.#waiter = null;
            reject(request.signal.reason);
          },
          { once: true },
        );
      });
      if ('error' in step) throw step.error;
      if (step.page === null) return;
      yield step.page;
    }
  }

  async lookups() {
    return this.lookupsValue;
  }

  #step(step: Step): void {
    const waiter = this.#waiter;
    this.#waiter = null;
    if (waiter) waiter(step);
    else this.#queue.push(step);
  }

  /** Hands the next page to the waiting load (null ends it). */
  push(page: DataPage | null): void {
    this.#step({ page });
  }

  fail(error: unknown): void {
    this.#step({ error });
  }

  /** Whether a load is waiting for its next page. */
  get waiting(): number {
    return this.#waiter ? 1 : 0;
  }
}
