import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { DataSource } from '../adapters/data-source.ts';
import { withDashboardFilters } from '../core/dashboard/dashboard-filters.ts';
import { previousRange } from '../core/engine/report-plan.ts';
import type { DrillPageRequest } from '../core/schema/drill-page.ts';
import type { Filter, ReportSpec } from '../core/schema/report-spec.ts';
import type { DateRange, DrillPage, DrillPoint, ReportContext, ReportResult } from '../core/types.ts';
import type { DashboardData } from './dashboard-data.ts';
import { DataLoadController } from './data-load-controller.ts';
import { labelResult } from '../engine/label-result.ts';
import { errorMessage } from '../i18n/error-message.ts';
import { PushDownPrefetch } from './push-down-prefetch.ts';

export type LoadPhase = 'loaded' | 'error' | 'progress' | 'lookups';

export interface ReportDataOptions {
  source(): DataSource | null;
  /** Range, zone, comparison, business hours and SLA of every report; null when they cannot be resolved. */
  context(): ReportContext | null;
  locale(): string;
  /** Filters ANDed into every report and drill (a dashboard's filter bar). */
  filters?(): readonly Filter[];
  /** A load ended, failed, progressed, or a push-down source's names came (the controller's own bookkeeping is done). */
  onChange?(phase: LoadPhase, error?: unknown): void;
  /** What Retry in a tile and coming back into the page do (default: `reload()`). */
  retry?(): void;
}

const noLookups = () => ({ assignees: [], inboxes: [], chatflows: [] });

/**
 * The one place `DashboardData` is built, for a dashboard and for a `<report-tile>` with a source
 * of its own: loads the source over the context's range (with the period before it when
 * comparing) into a report engine, or, for a push-down source (`query`), reads only its names and
 * has every report computed by the source, labelled like the engine labels them.
 *
 * Loads run as one `Task` (see `DataLoadController`): a newer load aborts the older one and its late
 * results are dropped. The host calls `start()` when the source or the context changed, and reads
 * `data()` to hand to its tiles; `version` tells tiles whether to compute again.
 */
export class ReportDataController implements ReactiveController {
  readonly loader: DataLoadController;
  readonly #host: ReactiveControllerHost;
  readonly #options: ReportDataOptions;
  readonly #prefetch = new PushDownPrefetch();
  #version = 0;
  /** A load was running when the host left the page (its removal aborted it). */
  #interrupted = false;

  constructor(host: ReactiveControllerHost, options: ReportDataOptions) {
    this.#host = host;
    this.#options = options;
    // Before the loader: on disconnect this must see the load running before the loader aborts it.
    host.addController(this);
    this.loader = new DataLoadController(host, (phase, error) => {
      // A failed background refresh changes nothing on screen: the tiles keep their numbers.
      if (phase === 'loaded' || (phase === 'error' && this.loader.state === 'error')) this.#version++;
      options.onChange?.(phase, error);
    });
  }

  hostConnected(): void {
    // Moved or put back in the page: the load its removal aborted starts again.
    if (this.#interrupted) {
      this.#interrupted = false;
      this.#retry();
    }
  }

  hostDisconnected(): void {
    this.#prefetch.abort();
    this.#interrupted = this.loader.state === 'loading';
  }

  /** Results must be computed again (new business hours, SLA or filters: same data, new results). */
  invalidate(): void {
    this.#version++;
  }

  /** (Re)starts for the current source and context: a load into the browser, or a push-down source's names. */
  start(): void {
    const context = this.#options.context();
    const source = this.#options.source();
    const loader = this.loader;
    if (!context || !source) {
      loader.abort();
      if (!source) loader.clearLookups();
      return;
    }
    this.#version++;
    // A push-down source computes each report itself: nothing to load into the browser but its names.
    if (source.query) {
      loader.abort();
      loader.startLookups(source);
      return;
    }
    loader.clearLookups();
    void loader.load(source, loadRange(context));
  }

  /** Loads again, and asks a push-down source again for names that failed (what Retry does). */
  reload(): void {
    const source = this.#options.source();
    if (source?.query) this.loader.startLookups(source, true);
    this.start();
    this.#host.requestUpdate();
  }

  /**
   * A wall display's refresh: the source is read again while the tiles keep their numbers, which
   * change only once the new data is complete. A push-down source computes every report of `specs`
   * again, all before any is shown (see `PushDownPrefetch`): resolves true once they are in, false
   * when replaced, and rejects when one failed. A load tells how it ended through `onChange`.
   */
  refresh(specs: readonly ReportSpec[]): Promise<boolean> {
    const source = this.#options.source();
    const context = this.#options.context();
    if (!source || !context) return Promise.resolve(false);
    if (source.query) {
      // As the tiles will ask for them: with the filters.
      const filters = this.#options.filters?.() ?? [];
      const filtered = specs.map((spec) => withDashboardFilters(spec, [...filters]));
      return this.#prefetch.run(filtered, context, (spec, signal) => this.#pushDownCompute(source, spec, context, signal)).then(
        () => {
          this.#version++;
          this.#host.requestUpdate();
          return true;
        },
        (error: unknown) => {
          if (error instanceof DOMException && error.name === 'AbortError') return false;
          throw error;
        },
      );
    }
    // A load the reader is waiting for is running already; it reports when it ends.
    if (this.loader.state === 'loading') return Promise.resolve(false);
    return this.loader.load(source, loadRange(context), { background: true }).then(() => false);
  }

  /** What tiles, the drill dialog and the editor read; a new object each call. Undefined without a context (or, with `requireSource`, a source). */
  data(options: { requireSource?: boolean } = {}): DashboardData | undefined {
    const context = this.#options.context();
    const source = this.#options.source();
    if (!context || (options.requireSource && !source)) return undefined;
    const loader = this.loader;
    const loaded = loader.data;
    const pushDown = Boolean(source?.query);
    const filters = [...(this.#options.filters?.() ?? [])];
    const state = !source ? 'idle' : pushDown ? 'ready' : loader.state === 'idle' && loaded ? 'ready' : loader.state;
    return {
      state,
      version: this.#version,
      table: pushDown ? null : (loaded?.table ?? null),
      // A getter: the editor is the only reader, and the catalog is built on first use.
      get catalog() {
        return pushDown ? null : (loaded?.engine.catalog ?? null);
      },
      lookups: source?.query ? loader.lookupsOf(source) : (loaded?.lookups ?? noLookups()),
      context,
      locale: this.#options.locale(),
      progress: loader.progress,
      error: loader.error === null ? null : errorMessage(loader.error),
      rejected: loaded?.rejected ?? [],
      loadedAt: loaded?.loadedAt ?? null,
      compute: (own: ReportSpec, signal?: AbortSignal) => {
        // The filters join the spec's own, so every path (Worker, push-down, server) applies them.
        const spec = withDashboardFilters(own, filters);
        if (source?.query) {
          // A background refresh computed it already (see PushDownPrefetch).
          const ready = this.#prefetch.take(spec, context);
          return ready ? Promise.resolve(ready) : this.#pushDownCompute(source, spec, context, signal ?? new AbortController().signal);
        }
        if (!loaded) return Promise.reject(new Error('No data loaded yet.'));
        // Batched per turn, and in the engine Worker for large loads.
        return loaded.engine.compute(spec, context, signal);
      },
      drill: (own: ReportSpec, point: DrillPoint, page?: DrillPageRequest, signal?: AbortSignal): Promise<DrillPage> => {
        const spec = withDashboardFilters(own, filters);
        if (source?.drill) return source.drill(spec, context, point, page ?? {}, signal ?? new AbortController().signal);
        if (!loaded) return Promise.reject(new Error('No data loaded yet.'));
        return loaded.engine.drill(spec, context, point, page, signal);
      },
      retry: () => this.#retry(),
    };
  }

  #retry(): void {
    if (this.#options.retry) this.#options.retry();
    else this.reload();
  }

  /** A push-down source's result, labelled with its names (asked for once) like the in-browser engine labels them. */
  async #pushDownCompute(source: DataSource, spec: ReportSpec, context: ReportContext, signal: AbortSignal): Promise<ReportResult> {
    const [result, names] = await Promise.all([source.query!(spec, context, signal), this.loader.lookupsFor(source, signal)]);
    return names ? labelResult(result, spec, names) : result;
  }
}

/** What a load reads: the range, and the period before it when comparing. */
function loadRange(context: ReportContext): DateRange {
  return context.compare ? { from: previousRange(context.range).from, to: context.range.to } : context.range;
}
