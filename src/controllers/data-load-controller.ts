import { Task } from '@lit/task';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { raceAbort, type DataSource, type LoadActivity } from '../adapters/data-source.ts';
import { MalformedPageError } from '../core/wire/ingest-session.ts';
import type { ParseError } from '../core/wire/parse-conversations.ts';
import type { Lookups } from '../core/schema/conversation.ts';
import { normalizeLookups, type ConversationTable } from '../core/table/table.ts';
import type { DateRange } from '../core/types.ts';
import type { LoadState } from './dashboard-data.ts';
import { EngineLoader, type EngineLoaderOptions, type ReportEngine } from '../engine/report-engine.ts';

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

interface SourceNames {
  source: DataSource;
  signal: AbortSignal;
  abort: AbortController;
  failed: boolean;
  lookups: Lookups | null;
  ready: Promise<Lookups | null>;
}

function isAbort(error: unknown, signal: AbortSignal): boolean {
  return signal.aborted || (error instanceof DOMException && error.name === 'AbortError');
}

/**
 * Loads conversations page by page through a DataSource into a report engine: parsed and built in
 * the page for small loads, in the engine Worker for large ones (see `EngineLoader`). Each load is
 * a run of one `Task`: a newer load aborts the older one through the signal the task hands it, and
 * nothing the older one finds later is kept; disconnecting the host aborts too, so no request
 * outlives the element. The last good data stays while a reload runs or fails, and its
 * engine is freed once a newer load replaces it.
 */
export class DataLoadController implements ReactiveController {
  state: LoadState = 'idle';
  /** `activity`: what a source that reads in steps says it is doing (HubSpot: reading messages, waiting for the rate limit). */
  progress: { loaded: number; total: number | null; activity?: LoadActivity | null } = { loaded: 0, total: null };
  error: unknown = null;
  data: LoadedData | null = null;
  /** Where tables go; tests and hosts may set the threshold or the Worker factory. */
  engineOptions: Omit<EngineLoaderOptions, 'onProgress'> = {};
  /**
   * Why the source's `lookups()` failed (the last load's, or the push-down source's); null when
   * they came, or there are none. Not fatal: reports show ids instead of names.
   */
  lookupsError: unknown = null;
  /** A background load (see `load`'s `background`) is running: the shown data stays, no progress is shown. */
  refreshing = false;
  /** Why the last background load failed (the shown data is from before it); null after a good load. */
  refreshError: unknown = null;
  readonly #task: Task<[DataSource, DateRange, boolean], void>;
  /** A push-down source's names: asked for once per source, kept while it stays the source. */
  #names: SourceNames | null = null;

  readonly #host: ReactiveControllerHost;
  readonly #onChange: (phase: 'loaded' | 'error' | 'progress' | 'lookups', error?: unknown) => void;
  constructor(
    host: ReactiveControllerHost,
    onChange: (phase: 'loaded' | 'error' | 'progress' | 'lookups', error?: unknown) => void = () => {},
  ) {
    this.#onChange = onChange;
    this.#host = host;
    host.addController(this);
    this.#task = new Task(host, {
      autoRun: false,
      task: ([source, range, background], { signal }) => this.#load(source, range, background, signal),
    });
  }

  hostDisconnected(): void {
    this.abort();
    // Names that came stay (a moved element keeps them); a request still out is aborted, and asked again when needed.
    if (!this.#names?.lookups) this.#abortNames();
  }

  abort(): void {
    this.#task.abort(new DOMException('The load was replaced or its element removed.', 'AbortError'));
    this.refreshing = false;
    if (this.state === 'loading') this.state = this.data ? 'ready' : 'idle';
  }

  /**
   * Starts a load; resolves when it ends (also when it was aborted or superseded). With
   * `background` and data already shown (a wall display's refresh), the state stays `ready` while
   * it runs and the data it replaces stays until the new data is complete; a failure keeps the
   * shown data and is told in `refreshError` (and `onChange('error')`), not as the `error` state.
   */
  load(source: DataSource, range: DateRange, options: { background?: boolean } = {}): Promise<void> {
    return this.#task.run([source, range, Boolean(options.background) && this.data !== null && this.state !== 'loading']);
  }

  async #load(source: DataSource, range: DateRange, background: boolean, signal: AbortSignal): Promise<void> {
    const current = () => !signal.aborted;
    if (background) {
      this.state = 'ready';
    } else {
      this.state = 'loading';
      this.progress = { loaded: 0, total: null };
    }
    this.refreshing = background;
    this.error = null;
    this.#host.requestUpdate();
    const loader = new EngineLoader({
      ...this.engineOptions,
      onProgress: (loaded) => {
        if (!current() || background) return;
        this.progress = { ...this.progress, loaded };
        this.#onChange('progress');
        this.#host.requestUpdate();
      },
    });
    signal.addEventListener('abort', () => loader.abort(), { once: true });
    try {
      // Names are not the data: when they cannot be read, the reports show ids (and the host a notice).
      const lookups = (source.lookups ? Promise.resolve().then(() => source.lookups!(signal)) : Promise.resolve(undefined)).then(
        (names) => ({ names, error: null as unknown }),
        (error: unknown) => {
          if (isAbort(error, signal)) throw error;
          return { names: undefined, error };
        },
      );
      // Settled even when the load fails first, so a failed lookup is never an unhandled rejection.
      lookups.catch(() => {});
      let page = 0;
      for await (const chunk of source.load({ range, signal })) {
        if (!current()) return;
        page++;
        const total = chunk && 'total' in chunk && typeof chunk.total === 'number' ? chunk.total : null;
        if (!background && total !== this.progress.total) this.progress = { ...this.progress, total };
        const activity = chunk && 'activity' in chunk ? (chunk.activity ?? null) : null;
        if (!background && activity !== (this.progress.activity ?? null)) {
          this.progress = { ...this.progress, activity };
          this.#host.requestUpdate();
        }
        await loader.add(chunk, page);
        if (!current()) return;
      }
      const asked = await lookups;
      if (!current()) return;
      const names = normalizeLookups(asked.names);
      const { engine, rejected } = await loader.finish(names);
      if (!current()) {
        engine.dispose();
        return;
      }
      this.data?.engine.dispose();
      this.data = { engine, table: engine.table, lookups: names, rejected, loadedAt: Date.now(), range };
      this.lookupsError = asked.error;
      this.state = 'ready';
      this.refreshError = null;
      this.refreshing = false;
      this.#onChange('loaded');
    } catch (error) {
      if (!current() || isAbort(error, signal)) return;
      loader.abort();
      this.refreshing = false;
      if (background) {
        this.refreshError = error;
      } else {
        this.state = 'error';
        this.error = error;
      }
      this.#onChange('error', error);
    } finally {
      if (current()) this.refreshing = false;
      this.#host.requestUpdate();
    }
  }

  // ——— A push-down source's names ———

  /**
   * Starts reading a push-down source's `lookups()`, unless it already was for this source: once
   * per source, not per range or report. Another source aborts the request of the former one, and
   * so does disconnecting the host while it is out (the next `lookupsFor` asks again; names that
   * came are kept). With `retry`, names that failed are asked for again (what Retry does).
   */
  startLookups(source: DataSource, retry = false): void {
    const known = this.#names;
    if (known && known.source === source && !known.signal.aborted && !(retry && known.failed)) return;
    this.#abortNames();
    const controller = new AbortController();
    const entry: SourceNames = { source, signal: controller.signal, abort: controller, failed: false, lookups: null, ready: Promise.resolve(null) };
    this.#names = entry;
    this.lookupsError = null;
    const current = () => this.#names === entry && !controller.signal.aborted;
    entry.ready = (async () => {
      if (!source.lookups) return null;
      try {
        const names = normalizeLookups(await source.lookups(controller.signal));
        if (!current()) return null;
        entry.lookups = names;
        return names;
      } catch (error) {
        if (!current() || isAbort(error, controller.signal)) return null;
        entry.failed = true;
        this.lookupsError = error;
        return null;
      } finally {
        if (current()) {
          this.#onChange('lookups');
          this.#host.requestUpdate();
        }
      }
    })();
  }

  /**
   * The push-down source's names once they have come; null when it has none, or they failed (ids
   * are shown then). Starts reading them if needed. Rejects only when `signal` aborts first.
   */
  lookupsFor(source: DataSource, signal?: AbortSignal): Promise<Lookups | null> {
    this.startLookups(source);
    const ready = this.#names!.ready;
    return signal ? raceAbort(ready, signal) : ready;
  }

  /** The names read for `source` so far (empty lists until they come). */
  lookupsOf(source: DataSource): Lookups {
    const known = this.#names;
    return known?.source === source && known.lookups ? known.lookups : { assignees: [], inboxes: [], chatflows: [] };
  }

  /** Forgets a push-down source's names (its request aborted): the source is no longer shown. */
  #abortNames(): void {
    this.#names?.abort.abort(new DOMException('The data source was replaced or its element removed.', 'AbortError'));
    this.#names = null;
  }

  /** Drops the names of a push-down source that is no longer the dashboard's. */
  clearLookups(): void {
    if (this.#names) this.lookupsError = null;
    this.#abortNames();
  }
}
