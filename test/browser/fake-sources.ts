import type { DataPage, DataSource, LoadRequest } from '../../src/adapters/data-source.ts';
import { Handoff } from '../harness/handoff.ts';

type Step = { page: DataPage | null } | { error: unknown };

/**
 * A source whose pages are released by the test, recording every request and whether it was
 * aborted. Steps pushed before a load asks for them are queued for the newest load.
 */
export class ScriptedSource implements DataSource {
  readonly requests: { request: LoadRequest; aborted: boolean }[] = [];
  readonly #steps = new Handoff<Step>();

  constructor(private readonly lookupsValue = { assignees: [], inboxes: [], chatflows: [] }) {}

  async *load(request: LoadRequest): AsyncIterable<DataPage> {
    const entry = { request, aborted: false };
    this.requests.push(entry);
    request.signal.addEventListener('abort', () => (entry.aborted = true));
    for (;;) {
      const step = await this.#steps.take(request.signal);
      if ('error' in step) throw step.error;
      if (step.page === null) return;
      yield step.page;
    }
  }

  async lookups() {
    return this.lookupsValue;
  }

  /** Hands the next page to the waiting load (null ends it). */
  push(page: DataPage | null): void {
    this.#steps.hand({ page });
  }

  fail(error: unknown): void {
    this.#steps.hand({ error });
  }

  /** Whether a load is waiting for its next page. */
  get waiting(): number {
    return this.#steps.waiting ? 1 : 0;
  }
}
