import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { DataSource } from '../adapters/data-source.ts';
import type { Conversation } from '../core/schema/conversation.ts';
import type { ReportSpec } from '../core/schema/report-spec.ts';
import type { DrillPageRequest } from '../core/schema/drill-page.ts';
import type { DrillPage, DrillPoint, ReportContext } from '../core/types.ts';
import type { DashboardData } from './dashboard-data.ts';
import { DataLoadController } from './data-load-controller.ts';

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * The data of a `<report-tile>` that has a source of its own (declared by attribute): loads it
 * for the tile's range and zone, and hands the tile the same `DashboardData` a dashboard would,
 * so a standalone tile computes, shows progress, errors and Retry exactly as one on a dashboard.
 */
export class StandaloneDataController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #loader: DataLoadController;
  #source: DataSource | null = null;
  #context: ReportContext | null = null;
  #version = 0;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    this.#loader = new DataLoadController(host, (phase) => {
      if (phase === 'loaded' || phase === 'error') this.#version++;
    });
    host.addController(this);
  }

  hostConnected(): void {
    // Disconnecting aborted the load; back in the page, a tile with nothing to show loads again.
    if (this.#source && this.#context && this.#loader.state !== 'loading' && !this.#loader.data) this.#start();
  }

  /** Loads `source` over `context.range`; a different source, range or zone restarts the load, null stops it. */
  set(source: DataSource | null, context: ReportContext | null): void {
    const same =
      source === this.#source &&
      context?.range.from === this.#context?.range.from &&
      context?.range.to === this.#context?.range.to &&
      context?.timeZone === this.#context?.timeZone;
    this.#source = source;
    this.#context = context;
    if (same) return;
    this.#start();
  }

  #start(): void {
    const source = this.#source;
    const context = this.#context;
    this.#version++;
    if (!source || !context) {
      this.#loader.abort();
      return;
    }
    void this.#loader.load(source, context.range);
    this.#host.requestUpdate();
  }

  /** What the tile reads (as if from a dashboard); undefined without a source. */
  value(locale: string): DashboardData | undefined {
    const context = this.#context;
    if (!this.#source || !context) return undefined;
    const loader = this.#loader;
    const loaded = loader.data;
    return {
      state: loader.state === 'idle' && loaded ? 'ready' : loader.state,
      version: this.#version,
      table: loaded?.table ?? null,
      lookups: loaded?.lookups ?? { assignees: [], inboxes: [], chatflows: [] },
      context,
      locale,
      progress: loader.progress,
      error: loader.error === null ? null : message(loader.error),
      rejected: loaded?.rejected ?? [],
      loadedAt: loaded?.loadedAt ?? null,
      compute: (spec: ReportSpec, signal?: AbortSignal) => {
        if (!loaded) return Promise.reject(new Error('No data loaded yet.'));
        return loaded.engine.compute(spec, context, signal);
      },
      drill: (spec: ReportSpec, point: DrillPoint, page?: DrillPageRequest, signal?: AbortSignal): Promise<DrillPage> => {
        if (!loaded) return Promise.reject(new Error('No data loaded yet.'));
        return loaded.engine.drill(spec, context, point, page, signal);
      },
      retry: () => {
        this.#start();
      },
    };
  }
}
