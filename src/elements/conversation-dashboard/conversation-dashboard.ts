import { provide } from '@lit/context';
import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { DataSource } from '../../adapters/data-source.ts';
import { ThemeWatchController } from '../../controllers/theme-watch-controller.ts';
import { renderRefreshStatus } from './refresh-status.ts';
import { renderDashboardHeader, showToolbarDialog } from './dashboard-header.ts';
import { dialogsReady, loadedDialogs } from './dashboard-dialogs-part.ts';
import { renderDashboardGrid } from './dashboard-grid.ts';
import { showDrill } from './dashboard-drill.ts';
import { reportContextOf, saveConfig } from './dashboard-config-io.ts';
import { DashboardWiring } from './dashboard-wiring.ts';
import { CustomDays, rangeProblem } from './custom-days.ts';
import { ReportActionsController } from './report-actions-controller.ts';
import { dataQualityReady, renderConfigError, renderStatusArea, renderToast, type Toast } from './load-status.ts';
import { HostSettings, LiveViewAttributes, MarkupConfigAttributes, hostSettingsError } from './dashboard-attributes.ts';
import { dashboardDataContext, type DashboardData } from '../../controllers/dashboard-data.ts';
import type { Dashboard, DashboardUser } from '../../core/schema/dashboard.ts';
import type { Filter, ReportSpec } from '../../core/schema/report-spec.ts';
import type { DateRange, ReportContext } from '../../core/types.ts';
import { DashboardChangeEvent } from '../../events/dashboard-change-event.ts';
import { DataErrorEvent } from '../../events/data-error-event.ts';
import type { ReportDrillEvent } from '../../events/report-drill-event.ts';
import { reportTitle } from '../../i18n/report-titles.ts';
import { errorMessage as message } from '../../i18n/error-message.ts';
import { LocaleController } from '../../controllers/locale-controller.ts';
import { canEditDashboard } from '../../store/permission-checks.ts';
import type { DashboardStore } from '../../store/dashboard-store.ts';
import type { Team } from '../shared/dialog/team.ts';
import type { DrillDialog } from '../drill-dialog/drill-dialog.ts';
import '../report-tile/report-tile.ts';
import '../range-picker/range-picker.ts';
import { themeStyles } from '../../theme/theme.styles.ts';
import { conversationDashboardStyles } from './conversation-dashboard.styles.ts';
import { controlStyles } from './controls.styles.ts';
import { liveDisplayStyles } from './live-display.styles.ts';
import { defaultDashboards } from './default-dashboards.ts';
import { DEFAULT_RANGE, resolveRange, type RangeValue } from './range-attribute.ts';
import { filterBarStyles, renderFilterBar } from './filter-bar.ts';
import { DashboardConfigError, parseDashboardConfig, type DashboardConfigInput } from '../../core/schema/dashboard-config.ts';

export const CONVERSATION_DASHBOARD_TAG = 'conversation-dashboard';

/**
 * @summary A dashboard of conversation reports: a dashboard switcher, a date range with presets and
 * an optional comparison with the previous period, a responsive grid of `<report-tile>`s computed
 * from one load of the data source, and the drill dialog behind every data point.
 *
 * @fires dashboard-change - Another dashboard was opened, or the open one changed: `{ dashboardId, dashboard, reason }`.
 * @fires dashboard-create - A dashboard was created through the store: `{ dashboard }`.
 * @fires dashboard-delete - Before the open dashboard is deleted (Settings → Delete, confirmed): `{ dashboardId, dashboard }`; cancelable, `preventDefault()` keeps it.
 * @fires report-save - Before a report from the editor is stored: `{ spec, dashboardId }`; cancelable, `preventDefault()` vetoes it.
 * @fires report-remove - Before a report is removed (tile Actions → Remove): `{ reportId, dashboardId }`; cancelable, `preventDefault()` vetoes it.
 * @fires report-resize - (v2) Before a tile's width is saved (Actions → Width): `{ reportId, size, dashboardId }`; cancelable, `preventDefault()` vetoes it.
 * @fires report-duplicate - (v2) Before a report is duplicated, or copied to another dashboard (Actions → Duplicate / Copy to …): `{ reportId, toDashboardId?, dashboardId }`; cancelable, `preventDefault()` vetoes it.
 * @fires report-add - Before a report chosen in the report library is added: `{ spec, sourceId, dashboardId }`; cancelable, `preventDefault()` vetoes it.
 * @fires report-drill - Before the drill dialog opens on a tile's data point: `{ reportId, key, series?, label?, seriesLabel?, dashboardId }`; cancelable, `preventDefault()` opens none.
 * @fires report-edit - Before the report editor opens on a report (tile Actions → Edit): `{ reportId, spec, dashboardId }`; cancelable, `preventDefault()` opens none.
 * @fires report-create-custom - Before the report editor opens on a new report (report library → Custom report): `{ dashboardId }`; cancelable, `preventDefault()` opens none.
 * @fires report-move - Before a report is moved (Actions → Move, or drag and drop): `{ reportId, direction, dashboardId, to }`; cancelable, `preventDefault()` vetoes it.
 * @fires data-error - Loading or computing failed: `{ error, message, phase }`.
 *
 * @csspart header - The bar with the switcher, the range and the comparison toggle.
 * @csspart switcher - The dashboard switcher (`<select>`).
 * @csspart range - The date-range control.
 * @csspart toast - What just happened (a report removed, with Undo; a private copy made), until dismissed.
 * @csspart compare - The comparison toggle.
 * @csspart filters - (v2) The filter bar: assignee, team, inbox, channel, and "More filters" on any property; applies to every tile.
 * @csspart filter-chip - A filter of the bar on another property (or operator), with its remove button.
 * @csspart progress - The loading progress bar and its text.
 * @csspart refresh - "Updated 3 minutes ago", the Refresh button, and the note of a failed background refresh.
 * @csspart error - The load error, with Retry.
 * @csspart notice - A note that does not stop the dashboard: no data source yet, or names (assignees, inboxes, chatflows) that could not be read, so ids are shown.
 * @csspart toolbar - Create dashboard, Add report and Settings (shown only to users who may use them).
 * @csspart grid - The grid of tiles; editable tiles can be dragged to reorder them.
 * @csspart editor-dialog - The modal holding `<report-editor>` (Actions → Edit, or a custom report).
 * @csspart data-quality - The rejected-records panel ("37 records rejected"), with the reasons and a CSV download.
 * @csspart config-error - Shown in place of the dashboard when its markup configuration (the child JSON config or an attribute) is invalid: every bad field by name.
 *
 * @attr business-hours - (v2) The host's opening hours as JSON (see the `businessHours` property); a bad value is shown as `config-error`.
 * @attr sla - (v2) The host's SLA targets as JSON (see the `sla` property).
 * @attr store - Deprecated: the older name of `store-type` (`store="local"`), still read; `store-type` wins when both are given.
 *
 * @slot - A `<script type="application/json">` holding a config: what `save()` returns, plus `source`, `store`, `user` and `teams` (see README, "Embedding without JavaScript"). Nothing is shown.
 *
 * @cssproperty --cr-color-background - Dashboard background (default transparent).
 * @cssproperty --cr-color-surface - Tiles, controls, dialogs.
 * @cssproperty --cr-color-text - Text.
 * @cssproperty --cr-color-muted - Secondary text.
 * @cssproperty --cr-color-border - Borders and chart axes.
 * @cssproperty --cr-color-accent - Buttons, progress, focus accents.
 * @cssproperty --cr-color-on-accent - Text on the accent colour.
 * @cssproperty --cr-color-danger - Errors.
 * @cssproperty --cr-color-focus - Focus rings.
 * @cssproperty --cr-chart-palette - Chart series colours, comma-separated.
 * @cssproperty --cr-font-family - Font.
 * @cssproperty --cr-radius - Corner radius.
 * @cssproperty --cr-space - Base spacing.
 */
export class ConversationDashboard extends HostSettings(LiveViewAttributes(MarkupConfigAttributes(LitElement))) {
  static override styles = [themeStyles, controlStyles, conversationDashboardStyles, liveDisplayStyles, filterBarStyles];

  /** Where conversations come from (see `ArrayDataSource`, `RestDataSource`…). */
  @property({ attribute: false }) dataSource: DataSource | null = null;
  /** Where dashboards are kept; without one the two default dashboards are shown. */
  @property({ attribute: false }) store: DashboardStore | null = null;
  /** Who is looking: drives privacy and whether Edit/Remove/Create show. */
  @property({ attribute: false }) user: DashboardUser | null = null;
  /** Names of the user's teams (`{ id, name }`), for the privacy choice. */
  @property({ attribute: false }) teams: readonly Team[] | null = null;
  /** The dashboard to open (default: the first one). */
  @property({ attribute: 'dashboard-id', reflect: true }) dashboardId: string | null = null;
  /** BCP 47 locale (default: the browser's). */
  @property() locale: string | undefined;
  /** IANA zone for date buckets and presets (default: the browser's). */
  @property({ attribute: 'time-zone' }) timeZone: string | undefined;
  /** `{ from, to }` in epoch ms, a preset ("last-30-days", "this-month"…), or "start/end" ISO dates. */
  @property({ converter: { fromAttribute: (value) => value ?? DEFAULT_RANGE } }) range: RangeValue = DEFAULT_RANGE;
  /** Compare every report with the period of equal length just before. */
  @property({ type: Boolean, reflect: true }) compare = false;
  /** `light` (default), `dark`, or `auto` (follows the reader's colour scheme). */
  @property({ reflect: true }) theme: 'light' | 'dark' | 'auto' = 'light';
  /** The instant presets are resolved at (default: now). */
  @property({ attribute: false }) now: number | undefined;
  /**
   * (v2) The dashboard filters in force, ANDed into every report (and drill). `null` (the default):
   * the open dashboard's saved `filters`. The filter bar sets it, saves it with a dashboard the user
   * may edit, and `sync-url` keeps it in the URL (`cr-filters`); opening another dashboard resets it.
   */
  @property({ attribute: false }) filters: Filter[] | null = null;
  /** (v2) A link template to a conversation in the host's inbox (`https://app.example.com/inbox/{id}`), for the drill dialog's rows. */
  @property({ attribute: 'conversation-url' }) conversationUrl: string | null = null;

  @state() private dashboards: Dashboard[] = defaultDashboards();
  @state() private storeError: string | null = null;
  @state() private rangeError: string | null = null;

  /** What the dashboard shares with its tiles, dialog and editor (through @lit/context); read-only. */
  @provide({ context: dashboardDataContext })
  @state()
  data: DashboardData | undefined;

  @query('drill-dialog') private drillDialog!: DrillDialog;
  @state() private announcement = '';
  /** The report in the editor (a new one when it is not on the dashboard yet). */
  @state() private editing: ReportSpec | null = null;
  /** The property chosen in the filter bar's "More filters", before its value is. */
  @state() private filterProperty = '';
  @query('.editor-dialog') private editorDialog!: HTMLDialogElement | null;
  readonly #actions = new ReportActionsController(this, {
    dashboard: () => this.currentDashboard,
    dashboards: () => this.dashboards,
    user: () => this.user,
    store: () => this.store,
    locale: () => this.#i18n.locale,
    t: (key, params) => this.#i18n.t(key, params),
    persist: (change, reason) => this.#wiring.persist(change, reason),
    save: (dashboard) => this.#wiring.store.save(dashboard),
    toast: (toast) => (this.toast = toast),
    announce: (text) => (this.announcement = text),
    edit: (spec) => (this.editing = spec),
    editorDialog: () => this.editorDialog,
  });
  readonly #wiring = new DashboardWiring(this, {
    i18n: () => this.#i18n,
    dashboards: () => this.dashboards,
    show: (dashboards) => (this.dashboards = dashboards),
    storeError: (text) => (this.storeError = text),
    toast: (toast) => (this.toast = toast),
    announce: (text) => (this.announcement = text),
  });

  readonly #i18n = new LocaleController(this, { locale: () => this.locale, timeZone: () => this.timeZone });

  /** Why `range` (or `time-zone`) cannot be used, in the user's language. */
  #rangeProblem(): string {
    return rangeProblem(this.range, this.now ?? Date.now(), this.#i18n.timeZone, this.#i18n.t);
  }

  /** The resolved date range, or null when `range` cannot be read (the error is shown). */
  get resolvedRange(): DateRange | null {
    try {
      return resolveRange(this.range, this.now ?? Date.now(), this.#i18n.timeZone);
    } catch {
      return null;
    }
  }

  /** The dashboard on screen. */
  get currentDashboard(): Dashboard | undefined {
    return this.dashboards.find((d) => d.id === this.dashboardId) ?? this.dashboards[0];
  }

  readonly #themeWatch = new ThemeWatchController(this, { theme: () => this.theme, changed: () => this.refreshTheme() });

  /** Redraws every chart with the colours the CSS custom properties hold now. */
  refreshTheme(): void {
    for (const tile of this.renderRoot.querySelectorAll('report-tile')) tile.refreshTheme();
  }

  /** Includes a catalog or a markup store still loading, the range picker's update and the rejected-records panel's element, so `await el.updateComplete` sees the whole header and status area. */
  protected override async getUpdateComplete(): Promise<boolean> {
    await this.#dialogsReady();
    const complete = await this.#wiring.markup.updateComplete(this.#i18n.updateComplete(super.getUpdateComplete()));
    await this.renderRoot?.querySelector('cr-range-picker')?.updateComplete;
    await dataQualityReady(this.data?.rejected ?? []);
    return complete;
  }

  protected override updated(): void {
    this.#wiring.urlSync.write();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.#wiring.readConfig(changed, hostSettingsError(this));
    void this.#dialogsReady();
    const rezoned = changed.has('timeZone') ? this.#customDays.rezone(this.range, this.#i18n.timeZone) : undefined;
    if (rezoned) this.range = rezoned;
    if (changed.has('dataSource') || changed.has('range') || changed.has('timeZone') || changed.has('compare') || changed.has('now'))
      this.#startLoad();
    // Kept as text: another locale, or its catalog arriving after the first render, re-words it.
    else if (this.rangeError && this.#i18n.textsChanged) this.rangeError = this.#rangeProblem();
    // New business hours or SLA targets (the host's, or another dashboard's own): same data, new results.
    this.data = this.#wiring.load.data();
    void dataQualityReady(this.data?.rejected ?? []);
  }

  /** (v2) The dashboard filters in force: the `filters` property, else the open dashboard's saved ones. */
  get activeFilters(): Filter[] {
    return this.filters ?? this.currentDashboard?.filters ?? [];
  }

  /** The context of every report: the range, the zone, and the comparison. */
  get reportContext(): ReportContext | null {
    return reportContextOf(this, this.#i18n.timeZone);
  }

  #startLoad(): void {
    this.rangeError = this.reportContext ? null : this.#rangeProblem();
    this.#wiring.load.start();
  }

  /** Refreshes the data now, in the background (what the Refresh button does). */
  refresh(): void {
    this.#wiring.load.refresh.refreshNow();
  }

  /** Reloads the data (what Retry does). */
  reload(): void {
    this.rangeError = this.reportContext ? null : this.#rangeProblem();
    this.#wiring.load.reload();
  }

  /**
   * The view as JSON, for `restore()` here or in another page: the dashboards (all but the
   * untouched built-in templates), the open one, the range, the comparison, and the locale and
   * time zone when they were set. Plain data: `JSON.stringify` it as it is.
   */
  save(): DashboardConfigInput {
    return saveConfig(this, this.dashboards, this.#wiring.store);
  }

  /**
   * Applies a config (from `save()`, or written by hand): its dashboards are shown beside the
   * store's, and the open dashboard, range, comparison, locale and time zone it gives are set.
   * It is validated whole before anything changes.
   * @throws DashboardConfigError naming the first bad field in `path` (e.g. `dashboards[0].reports[1].chartType`); nothing is applied then.
   */
  restore(config: unknown): void {
    this.#wiring.applyConfig(parseDashboardConfig(config), false);
  }

  /** Why the markup configuration cannot be used (the JSON config or an attribute), or null; shown in place of the dashboard. */
  get configError(): DashboardConfigError | null {
    return this.#wiring.markup.error ?? hostSettingsError(this);
  }

  // ——— Interaction ———

  #selectDashboard(id: string): void {
    this.dashboardId = id;
    // Each dashboard has its own filters.
    this.filters = null;
    // Chosen by hand on a wall display: it gets a full turn.
    this.#wiring.kiosk.restart();
    const dashboard = this.currentDashboard;
    if (dashboard) this.dispatchEvent(new DashboardChangeEvent({ dashboardId: dashboard.id, dashboard, reason: 'open' }));
  }

  /** The calendar days of a custom range: a new zone gives the same days new bounds. */
  readonly #customDays = new CustomDays();

  async #onDrill(event: ReportDrillEvent): Promise<void> {
    const spec = this.currentDashboard?.reports.find((report) => report.id === event.detail.reportId);
    const data = this.data;
    if (!spec || !data) return;
    const heading = (point: string) => this.#i18n.t('dashboard.drillHeading', { report: reportTitle(spec, this.#i18n.locale), point });
    try {
      await showDrill(this.drillDialog, spec, data, event.detail, heading, () => this.data);
    } catch (error) {
      this.dispatchEvent(new DataErrorEvent({ error, message: message(error), phase: 'compute' }));
    }
  }

  /** A message with, for a removal, Undo; stays until dismissed or replaced, so no one has to be quick. */
  @state() private toast: Toast | null = null;

  // ——— Rendering ———

  protected override render(): TemplateResult {
    const configError = this.configError;
    if (configError) return renderConfigError(configError, this.#i18n.t);
    const dashboard = this.currentDashboard;
    const editable = this.kiosk === null && Boolean(this.store && this.user && dashboard && canEditDashboard(dashboard, this.user));
    return html`
      <div class="root">
        ${this.#renderHeader()} ${this.#renderFilters()}
        ${renderStatusArea({
          loader: this.#wiring.load.loader, hasSource: Boolean(this.dataSource), rangeError: this.rangeError, storeError: this.storeError,
          rejected: this.data?.rejected ?? [], locale: this.#i18n.locale, timeZone: this.#i18n.timeZone, t: this.#i18n.t, retry: () => this.reload(),
        })}
        ${renderDashboardGrid({
          dashboard, editable, locale: this.#i18n.locale, timeZone: this.#i18n.timeZone, t: this.#i18n.t,
          reorder: this.#wiring.reorder, actions: this.#actions, drill: (event) => void this.#onDrill(event),
        })}
        <p class="visually-hidden" role="status" aria-live="polite">${this.announcement}</p>
        ${renderToast(this.toast, this.#i18n.t, () => (this.toast = null))}
        <drill-dialog locale=${this.#i18n.locale} .timeZone=${this.#i18n.timeZone} theme=${this.theme} .conversationUrl=${this.conversationUrl}></drill-dialog>
        ${this.#renderDialogs(dashboard)}
      </div>
    `;
  }

  /** The dialogs' markup loads when one can open (see dialogsReady). */
  #dialogsReady = () => dialogsReady(this, this.kiosk === null && Boolean(this.editing || (this.store && this.user)));

  #renderDialogs(dashboard: Dashboard | undefined): TemplateResult | typeof nothing {
    const { store, user, teams, kiosk, theme, editing } = this;
    const dialogs = loadedDialogs();
    if (!dialogs) return nothing;
    return dialogs.renderDashboardDialogs({
      dashboard, dashboards: this.dashboards, store, user, teams, kiosk, theme, editing, locale: this.#i18n.locale, t: this.#i18n.t,
      list: this.#wiring.dialogList,
      add: (event) => void this.#actions.add(event),
      createCustom: (event) => void this.#actions.createCustom(event),
      editorCancel: () => (this.editing = null),
      editorClosed: this.#actions.editorClosed,
      save: (event) => void this.#actions.saveFromEditor(event),
      closeEditor: () => this.#actions.closeEditor(),
    });
  }

  #renderFilters(): TemplateResult | typeof nothing {
    if (!this.currentDashboard || this.kiosk !== null) return nothing;
    const data = this.data;
    return renderFilterBar(
      {
        filters: this.activeFilters,
        lookups: data?.lookups ?? { assignees: [], inboxes: [], chatflows: [] },
        catalog: data?.catalog ?? null,
        t: (key, params) => this.#i18n.t(key, params),
        change: (next) => this.#wiring.setFilters(next),
      },
      this.filterProperty,
      (property) => (this.filterProperty = property),
    );
  }

  #renderHeader(): TemplateResult {
    const { store, user, kiosk, range, compare, dataSource } = this;
    const error = this.#wiring.load.refreshError;
    return renderDashboardHeader({
      dashboards: this.dashboards, current: this.currentDashboard, store, user, kiosk, range, compare,
      resolved: this.resolvedRange, locale: this.#i18n.locale, timeZone: this.#i18n.timeZone, t: this.#i18n.t,
      select: (id) => this.#selectDashboard(id),
      show: (dialog) => void showToolbarDialog(this, dialog),
      rangeSelect: (event) => {
        const range = this.#customDays.select(event);
        if (range !== undefined) this.range = range;
      },
      setCompare: (on) => (this.compare = on),
      refreshStatus: dataSource
        ? renderRefreshStatus({ refresh: this.#wiring.load.refresh, clock: this.clock, locale: this.#i18n.locale, timeZone: this.#i18n.timeZone, t: this.#i18n.t, error })
        : nothing,
    });
  }
}

if (!customElements.get('conversation-dashboard')) customElements.define('conversation-dashboard', ConversationDashboard);

declare global {
  interface HTMLElementTagNameMap {
    'conversation-dashboard': ConversationDashboard;
  }
}
