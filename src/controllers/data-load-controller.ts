import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { DataSource } from '../adapters/data-source.ts';
import { MalformedPageError } from '../core/ingest.ts';
import type { ParseError } from '../core/parse-conversations.ts';
import type { Lookups } from '../core/schema/conversation.ts';
import { normalizeLookups, type ConversationTable } from '../core/table.ts';
import type { DateRange } from '../core/types.ts';
import type { LoadState } from './dashboard-data.ts';
import { EngineLoader, type EngineLoaderOptions, type ReportEngine } from './report-engine.ts';

export { MalformedPageError };

export interface LoadedData {
  /** Computes and drills; in a Worker for large loads. */
  engine: ReportEngine;
  /** The table when it lives in this thread (small loads); null when it lives in the engine Worker. */
  table: ConversationTable | null;
  lookups: Lookups;
  rejected: ParseError[];
  loadedAt: number;
  range: DateRange;
}

function isAbort(error: unknown, signal: AbortSignal): boolean {
  return signal.aborted || (error instanceof DOMException && error.name === 'AbortError');
}

/**
 * Loads conversations page by page through a DataSource into a report engine: parsed and built in
 * the page for small loads, in the engine Worker for large ones (see `EngineLoader`). A newer load
 * aborts the older one, whose late results are dropped; disconnecting the host aborts too, so no
 * request outlives the element. The last good data stays while a reload runs or fails, and its
 * engine is freed once a newer load replaces it.
 */
export class DataLoadController implements ReactiveController {
  state: LoadState = 'idle';
  progress: { loaded: number; total: number | null } = { loaded: 0, total: null };
  error: unknown = null;
  data: LoadedData | null = null;
  /** Where tables go; tests and hosts may set the threshold or the Worker factory. */
  engineOptions: Omit<EngineLoaderOptions, 'onProgress'> = {};
  #abort: AbortController | null = null;
  #loader: EngineLoader | null = null;
  #request = 0;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly onChange: (phase: 'loaded' | 'error' | 'progress', error?: unknown) => void = () => {},
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.abort();
  }

  abort(): void {
    this.#request++;
    this.#abort?.abort(new DOMException('The load was replaced or its element removed.', 'AbortError'));
    this.#abort = null;
    this.#loader?.abort();
    this.#loader = null;
    if (this.state === 'loading') this.state = this.data ? 'ready' : 'idle';
  }

  /** Starts a load; resolves when it ends (also when it was aborted or superseded). */
  async load(source: DataSource, range: DateRange): Promise<void> {
    this.abort();
    const request = this.#request;
    const controller = new AbortController();
    this.#abort = controller;
    const { signal } = controller;
    const current = () => request === this.#request && !signal.aborted;
    this.state = 'loading';
    this.error = null;
    this.progress = { loaded: 0, total: null };
    this.host.requestUpdate();
    const loader = new EngineLoader({
      ...this.engineOptions,
      onProgress: (loaded) => {
        if (!current()) return;
        this.progress = { ...this.progress, loaded };
        this.onChange('progress');
        this.host.requestUpdate();
      },
    });
    this.#loader = loader;
    try {
      const lookups = source.lookups ? source.lookups(signal) : Promise.resolve(undefined);
      let page = 0;
      for await (const chunk of source.load({ range, signal })) {
        if (!current()) return;
        page++;
        const total = chunk && typeof chunk.total === 'number' ? chunk.total : null;
        if (total !== this.progress.total) this.progress = { ...this.progress, total };
        await loader.add(chunk, page);
        if (!current()) return;
      }
      const names = normalizeLookups(await lookups);
      if (!current()) return;
      const { engine, rejected } = await loader.finish(names);
      if (!current()) {
        engine.dispose();
        return;
      }
      this.data?.engine.dispose();
      this.data = { engine, table: engine.table, lookups: names, rejected, loadedAt: Date.now(), range };
      this.state = 'ready';
      this.onChange('loaded');
    } catch (error) {
      if (!current() || isAbort(error, signal)) return;
      loader.abort();
      this.state = 'error';
      this.error = error;
      this.onChange('error', error);
    } finally {
      if (request === this.#request) {
        this.#abort = null;
        this.#loader = null;
      }
      this.host.requestUpdate();
    }
  }
}
