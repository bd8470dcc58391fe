import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { DataSource } from '../adapters/data-source.ts';
import type { ReportContext } from '../core/types.ts';
import type { DashboardData } from './dashboard-data.ts';
import { ReportDataController } from './report-data-controller.ts';

/**
 * The data of a `<report-tile>` that has a source of its own (declared in markup): the same
 * `ReportDataController` a dashboard uses, so a standalone tile computes, shows progress, errors
 * and Retry exactly as one on a dashboard, and a push-down source computes its report itself.
 */
export class StandaloneDataController implements ReactiveController {
  #source: DataSource | null = null;
  #context: ReportContext | null = null;
  #locale = 'en';
  readonly #data: ReportDataController;

  constructor(host: ReactiveControllerHost) {
    this.#data = new ReportDataController(host, {
      source: () => this.#source,
      context: () => this.#context,
      locale: () => this.#locale,
    });
    // After the data controller, which restarts a load the removal interrupted first.
    host.addController(this);
  }

  hostConnected(): void {
    // Disconnecting aborted the load; back in the page, a tile with nothing to show loads again.
    const loader = this.#data.loader;
    if (this.#source && this.#context && loader.state !== 'loading' && !loader.data) this.#data.start();
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
    this.#data.reload();
  }

  /** What the tile reads (as if from a dashboard); undefined without a source. */
  value(locale: string): DashboardData | undefined {
    this.#locale = locale;
    return this.#data.data({ requireSource: true });
  }
}
