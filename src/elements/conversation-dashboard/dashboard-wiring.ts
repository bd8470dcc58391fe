import type { PropertyValues, ReactiveElement } from 'lit';
import type { Clock } from '../../controllers/clock.ts';
import { DashboardStoreController } from '../../controllers/dashboard-store-controller.ts';
import { KioskController, kioskSeconds } from '../../controllers/kiosk-controller.ts';
import type { LocaleController } from '../../controllers/locale-controller.ts';
import { MarkupConfigController, type MarkupConfigHost } from '../../controllers/markup-config-controller.ts';
import { ReorderController } from '../../controllers/reorder-controller.ts';
import { UrlSyncController, urlPrefix } from '../../controllers/url-sync-controller.ts';
import type { DashboardConfig, DashboardConfigError } from '../../core/schema/dashboard-config.ts';
import type { Dashboard } from '../../core/schema/dashboard.ts';
import type { Filter } from '../../core/schema/report-spec.ts';
import type { ReportContext } from '../../core/types.ts';
import { DashboardChangeEvent } from '../../events/dashboard-change-event.ts';
import { DataErrorEvent } from '../../events/data-error-event.ts';
import { errorMessage as message } from '../../i18n/error-message.ts';
import { dashboardName, reportTitle } from '../../i18n/report-titles.ts';
import { canEditDashboard } from '../../store/permission-checks.ts';
import { moveReport, setFilters } from './dashboard-changes.ts';
import type { DashboardList } from './dashboard-dialogs.ts';
import { applyConfig, applyUrlState, type ConfigView } from './dashboard-config-io.ts';
import { DashboardLoadController } from './dashboard-load-controller.ts';
import type { Toast } from './load-status.ts';

/** The public members of `<conversation-dashboard>` its controllers read and set. */
export type WiredDashboard = ReactiveElement &
  MarkupConfigHost &
  ConfigView & {
    syncUrl: string | null;
    refreshInterval: number | null;
    kiosk: string | null;
    clock: Clock;
    readonly reportContext: ReportContext | null;
    readonly activeFilters: Filter[];
    reload(): void;
  };

/** The element's private view state the controllers read or change. */
export interface WiredState {
  i18n(): LocaleController;
  /** The dashboards on screen. */
  dashboards(): Dashboard[];
  show(dashboards: Dashboard[]): void;
  /** The store's last failure, in words (null: it answered). */
  storeError(text: string | null): void;
  toast(toast: Toast): void;
  /** Says `text` to screen readers. */
  announce(text: string): void;
}

/** What `persist` gave: the version stored, and the built-in dashboard a private copy was made of. */
export type Persisted = { saved: Dashboard; copiedFrom: string | null } | null;

/**
 * The controllers of `<conversation-dashboard>`, wired to its properties: reordering, loading (with
 * the background refresh), kiosk cycling, the store's list and saves, the markup config, and the
 * URL of a shared view. They are made in this order, the order the host calls its controllers in.
 */
export class DashboardWiring {
  readonly reorder: ReorderController;
  readonly load: DashboardLoadController;
  readonly kiosk: KioskController;
  readonly store: DashboardStoreController;
  readonly markup: MarkupConfigController;
  readonly urlSync: UrlSyncController;
  /** The list of dashboards the wizard and the settings dialog change (dashboard-dialogs.ts, loaded with the first dialog). */
  readonly dialogList: DashboardList;
  readonly #host: WiredDashboard;
  readonly #state: WiredState;

  constructor(host: WiredDashboard, state: WiredState) {
    this.#host = host;
    this.#state = state;
    const failed = (error: unknown, phase: 'load' | 'compute' | 'store') => host.dispatchEvent(new DataErrorEvent({ error, message: message(error), phase }));
    const stored = (error: unknown): void => {
      state.storeError(error === null ? null : message(error));
      if (error !== null) failed(error, 'store');
    };
    this.reorder = new ReorderController(host, {
      reports: () => host.currentDashboard?.reports,
      dashboardId: () => host.currentDashboard?.id,
      move: (reportId, by) => this.persist(moveReport(reportId, by), 'report-move'),
      moved: (report, position) => state.announce(this.#t('dashboard.moved', { title: reportTitle(report, this.#locale), position })),
      tile: (reportId) => [...host.renderRoot.querySelectorAll('report-tile')].find((t) => t.spec?.id === reportId),
    });
    this.load = new DashboardLoadController(host, {
      source: () => host.dataSource,
      context: () => host.reportContext,
      locale: () => this.#locale,
      filters: () => host.activeFilters,
      retry: () => host.reload(),
      clock: () => host.clock,
      interval: () => host.refreshInterval,
      reports: () => host.currentDashboard?.reports ?? [],
      failed,
    });
    this.kiosk = new KioskController(host, {
      clock: () => host.clock,
      seconds: () => kioskSeconds(host.kiosk),
      advance: () => this.#showNextDashboard(),
    });
    this.store = new DashboardStoreController(host, {
      store: () => host.store,
      user: () => host.user,
      dashboards: () => state.dashboards(),
      show: (dashboards) => state.show(dashboards),
      stored,
    });
    this.markup = new MarkupConfigController(host, {
      environment: () => ({ timeZone: host.timeZone || undefined, now: host.now }),
      apply: (config) => this.applyConfig(config, true),
      failed: (error) => host.dispatchEvent(new DataErrorEvent({ error, message: error.message, phase: 'config' })),
      unavailable: stored,
    });
    this.urlSync = new UrlSyncController(host, {
      prefix: () => urlPrefix(host.syncUrl),
      state: () => ({
        ...(host.resolvedRange ? { range: host.range } : {}),
        dashboardId: host.dashboardId ?? host.currentDashboard?.id ?? null,
        compare: host.compare,
        filters: host.activeFilters,
      }),
      apply: (view) => applyUrlState(host, view, state.i18n().timeZone),
    });
    this.dialogList = {
      host,
      dashboards: () => state.dashboards(),
      show: (dashboards) => state.show(dashboards),
      open: (dashboardId) => (host.dashboardId = dashboardId),
      relist: () => this.store.list(),
    };
  }

  get #locale(): string {
    return this.#state.i18n().locale;
  }

  #t(key: string, params?: Record<string, string | number>): string {
    return this.#state.i18n().t(key, params);
  }

  /**
   * The start of the host's `willUpdate`: markup first, then a shared link over it (the URL wins over
   * attributes, which win over the JSON config); a new store or user is listed again.
   * `otherError`: the host's other attributes that cannot be used.
   */
  readConfig(changed: PropertyValues, otherError: DashboardConfigError | null): void {
    this.markup.update(changed.has('storeType') || changed.has('storeSrc'), otherError);
    this.urlSync.readIfConnected();
    if (changed.has('store') || changed.has('user')) {
      this.store.subscribe();
      this.store.list();
    }
  }

  /** Sets what a valid config gives; from markup, what an attribute on the element says wins. */
  applyConfig(config: DashboardConfig, fromMarkup: boolean): void {
    applyConfig(this.#host, this.store, config, fromMarkup);
    this.#state.show(this.store.merged());
    this.store.list();
  }

  /** Saves `change` to the dashboard on screen (see `DashboardStoreController.persist`), opens the result and says so. */
  async persist(change: (dashboard: Dashboard) => Dashboard | null, reason: string): Promise<Persisted> {
    const host = this.#host;
    const outcome = await this.store.persist(host.currentDashboard, change);
    if (!outcome) return null;
    const { saved } = outcome;
    host.dashboardId = saved.id;
    host.dispatchEvent(new DashboardChangeEvent({ dashboardId: saved.id, dashboard: saved, reason }));
    // The first change to a built-in dashboard makes the user's own copy: say so, never silently.
    const copiedFrom = outcome.copied ? dashboardName(outcome.changed, this.#locale) : null;
    if (copiedFrom) this.#state.toast({ message: this.#t('dashboard.copyMade', { name: copiedFrom }) });
    return { saved, copiedFrom };
  }

  /**
   * The filter bar changed the filters: they apply at once (and go into the URL), and are saved
   * with the dashboard when the user may edit it. A built-in dashboard is not turned into a private
   * copy for a filter: there they stay in the view (and the link) only.
   */
  setFilters(next: Filter[]): void {
    const host = this.#host;
    host.filters = next;
    const dashboard = host.currentDashboard;
    const { store, user } = host;
    if (!dashboard || !store || !user || dashboard.ownerId === '' || host.kiosk !== null || !canEditDashboard(dashboard, user)) return;
    void this.persist(setFilters(next), 'filters');
  }

  /** Kiosk cycling: the next dashboard, after the last the first. */
  #showNextDashboard(): void {
    const list = this.#state.dashboards();
    if (list.length < 2) return;
    const host = this.#host;
    const at = list.findIndex((d) => d.id === host.currentDashboard?.id);
    const next = list[(at + 1) % list.length]!;
    host.dashboardId = next.id;
    host.dispatchEvent(new DashboardChangeEvent({ dashboardId: next.id, dashboard: next, reason: 'kiosk' }));
  }
}
