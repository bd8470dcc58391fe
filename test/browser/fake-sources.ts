import type { DataPage, DataSource, LoadRequest } from '../../src/adapters/data-source.ts';

/** A source whose pages are released by the test, recording every request and whether it was aborted. */
export class ScriptedSource implements DataSource {
  readonly requests: { request: LoadRequest; aborted: boolean }[] = [];
  #pending: { resolve: (page: DataPage | null) => void; reject: (error: unknown) => void }[] = [];

  constructor(private readonly lookupsValue = { assignees: [], inboxes: [], chatflows: [] }) {}

  async *load(request: LoadRequest): AsyncIterable<DataPage> {
    const entry = { request, aborted: false };
    this.requests.push(entry);
    request.signal.addEventListener('abort', () => (entry.aborted = true));
    for (;;) {
      const page = await new Promise<DataPage | null>((resolve, reject) => {
        this.#pending.push({ resolve, reject });
        request.signal.addEventListener('abort', () => reject(request.signal.reason), { once: true });
      });
      if (page === null) return;
      yield page;
    }
  }

  async lookups() {
    return this.lookupsValue;
  }

  /** Hands the next page to the oldest waiting load (null ends it). */
  push(page: DataPage | null): void {
    this.#pending.shift()?.resolve(page);
  }

  fail(error: unknown): void {
    this.#pending.shift()?.reject(error);
  }

  get waiting(): number {
    return this.#pending.length;
  }
}
