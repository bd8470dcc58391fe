import type { ReactiveElement } from 'lit';
import type { Clock } from '../../controllers/clock.ts';
import type { DashboardData } from '../../controllers/dashboard-data.ts';
import type { DataLoadController } from '../../controllers/data-load-controller.ts';
import { RefreshController } from '../../controllers/refresh-controller.ts';
import { ReportDataController, type ReportDataOptions } from '../../controllers/report-data-controller.ts';
import type { ReportSpec } from '../../core/schema/report-spec.ts';
import { errorMessage } from '../../i18n/error-message.ts';

export interface DashboardLoadOptions extends Required<Pick<ReportDataOptions, 'source' | 'context' | 'locale' | 'filters' | 'retry'>> {
  clock(): Clock;
  /** Seconds between background refreshes (see `refresh-interval`). */
  interval(): number | null;
  /** The reports a background refresh computes again. */
  reports(): readonly ReportSpec[];
  /** Loading or computing failed (the host fires `data-error`). */
  failed(error: unknown, phase: 'load' | 'compute'): void;
}

/**
 * The dashboard's data: one load of the source for every report (ReportDataController), the wall
 * display's background refresh (RefreshController), and a recompute when the business hours, SLA
 * or filters the reports use changed.
 */
export class DashboardLoadController {
  readonly #options: DashboardLoadOptions;
  readonly #reportData: ReportDataController;
  readonly refresh: RefreshController;
  /** The business hours, SLA and filters the reports were last computed with: a change recomputes them. */
  #settingsKey = '';

  constructor(host: ReactiveElement, options: DashboardLoadOptions) {
    this.#options = options;
    this.#reportData = new ReportDataController(host, {
      ...options,
      onChange: (phase, error) => {
        if (phase === 'error') options.failed(error, 'load');
        if (phase === 'loaded') this.refresh.succeeded();
        if (phase === 'error') this.refresh.failed(error);
        // Names that could not be read: ids are shown, with a notice; the host may log why.
        const lookupsError = this.#reportData?.loader?.lookupsError;
        if ((phase === 'loaded' || phase === 'lookups') && lookupsError) options.failed(lookupsError, 'load');
      },
    });
    this.refresh = new RefreshController(host, { clock: options.clock, interval: options.interval, run: () => this.#refreshInBackground() });
  }

  get loader(): DataLoadController {
    return this.#reportData.loader;
  }

  /** Why the last background refresh failed (the data shown is older), or null. */
  get refreshError(): string | null {
    if (this.loader.refreshError !== null) return errorMessage(this.loader.refreshError);
    return this.#options.source()?.query && this.refresh.error !== null ? errorMessage(this.refresh.error) : null;
  }

  /** A new source, range, zone or comparison. */
  start(): void {
    this.#reportData.start();
    this.#loaded();
  }

  /** What Retry does. */
  reload(): void {
    this.#reportData.reload();
    this.#loaded();
  }

  /** A push-down source reads nothing up front: its data is as fresh as it gets. */
  #loaded(): void {
    if (this.#options.context() && this.#options.source()?.query) this.refresh.succeeded();
  }

  /** The data to share with the tiles; recomputed first when the business hours, SLA or filters changed. */
  data(): DashboardData | undefined {
    const context = this.#options.context();
    const settingsKey = JSON.stringify([context?.businessHours ?? null, context?.sla ?? null, this.#options.filters()]);
    if (settingsKey !== this.#settingsKey) {
      this.#settingsKey = settingsKey;
      this.#reportData.invalidate();
    }
    return this.#reportData.data();
  }

  /**
   * A wall display's refresh (`refresh-interval`, or the Refresh button): the source is read again
   * while the tiles keep their numbers, which change only once the new data is complete. A source
   * that syncs incrementally (HubSpot's cache) does so on its own when `load()` runs again; a
   * push-down source just computes every report again.
   */
  #refreshInBackground(): Promise<void> {
    return this.#reportData.refresh(this.#options.reports()).then(
      (computed) => {
        if (computed) this.refresh.succeeded();
      },
      (error: unknown) => {
        this.#options.failed(error, 'compute');
        this.refresh.failed(error);
      },
    );
  }
}
