import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { filtersParam, parseFiltersParam } from '../core/dashboard/dashboard-filters.ts';
import type { Filter } from '../core/schema/report-spec.ts';
import type { DateRange } from '../core/types.ts';

/** What a dashboard mirrors into the page's URL. */
export interface UrlViewState {
  /** A preset, an ISO interval "start/end", or `{ from, to }` epoch ms (written as an ISO interval). */
  range?: string | DateRange | undefined;
  dashboardId?: string | null | undefined;
  compare?: boolean | undefined;
  /** (v2) The dashboard filters (`cr-filters`, JSON; absent when there are none). */
  filters?: Filter[] | undefined;
}

export interface UrlSyncOptions {
  /** The parameter prefix ("cr-", or "cr-<name>-"), or null while syncing is off. */
  prefix(): string | null;
  /** The state to write now. */
  state(): UrlViewState;
  /** Applies what a URL says (only what it says). */
  apply(state: UrlViewState): void;
}

/** `sync-url` → "cr-"; `sync-url="sales"` → "cr-sales-" (two dashboards on one page keep apart). */
export function urlPrefix(syncUrl: string | null | undefined): string | null {
  if (syncUrl === null || syncUrl === undefined) return null;
  const name = syncUrl.trim().toLowerCase().replace(/[^a-z0-9_-]+/g, '-');
  return name === '' ? 'cr-' : `cr-${name}-`;
}

function rangeText(range: string | DateRange): string {
  return typeof range === 'string' ? range : `${new Date(range.from).toISOString()}/${new Date(range.to).toISOString()}`;
}

/**
 * Mirrors a view (range, dashboard, comparison, filters) into query parameters of the page's URL with
 * `history.replaceState` (no history entry per click; other parameters and the hash are kept), and
 * reads them back when the element connects and on `popstate`, so a view can be shared by link.
 * The popstate listener is removed on disconnect.
 */
export class UrlSyncController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #options: UrlSyncOptions;
  #pendingRead = false;

  constructor(host: ReactiveControllerHost, options: UrlSyncOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  hostConnected(): void {
    this.#pendingRead = true;
    window.addEventListener('popstate', this.#onPopState);
  }

  hostDisconnected(): void {
    window.removeEventListener('popstate', this.#onPopState);
  }

  #onPopState = (): void => {
    this.read();
    this.#host.requestUpdate();
  };

  /** Reads the URL once after (re)connecting; call at the start of the host's `willUpdate`. */
  readIfConnected(): void {
    if (!this.#pendingRead) return;
    this.#pendingRead = false;
    this.read();
  }

  /** Applies the URL's parameters (those present) to the host. */
  read(): void {
    const prefix = this.#options.prefix();
    if (prefix === null || typeof location === 'undefined') return;
    const params = new URLSearchParams(location.search);
    const range = params.get(`${prefix}range`);
    const dashboardId = params.get(`${prefix}dashboard`);
    const compare = params.get(`${prefix}compare`);
    const filters = params.get(`${prefix}filters`);
    // A URL written by the kit omits compare when it is off; one with none of the parameters says nothing.
    if (range === null && dashboardId === null && compare === null && filters === null) return;
    const state: UrlViewState = { compare: compare !== null && compare !== '0' && compare !== 'false' };
    if (range !== null && range !== '') state.range = range;
    if (dashboardId !== null && dashboardId !== '') state.dashboardId = dashboardId;
    // Bounded and checked like any filter (a link is untrusted); an unreadable one is ignored.
    const parsedFilters = filters === null ? undefined : parseFiltersParam(filters);
    if (parsedFilters) state.filters = parsedFilters;
    this.#options.apply(state);
  }

  /** Writes the host's state into the URL when it differs; call from the host's `updated`. */
  write(): void {
    const prefix = this.#options.prefix();
    if (prefix === null || typeof location === 'undefined') return;
    const { range, dashboardId, compare, filters } = this.#options.state();
    const url = new URL(location.href);
    const set = (name: string, value: string | null) => {
      if (value === null) url.searchParams.delete(`${prefix}${name}`);
      else url.searchParams.set(`${prefix}${name}`, value);
    };
    set('range', range === undefined ? null : rangeText(range));
    set('dashboard', dashboardId ?? null);
    set('compare', compare ? '1' : null);
    set('filters', filtersParam(filters ?? []));
    if (url.href !== location.href) history.replaceState(history.state, '', url);
  }
}
